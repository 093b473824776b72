"""Bulk moves (reformkg/graph/bulk.py, reformkg/cli_bulk.py) on real stores: `migrate` copies a
graph exactly (labels, properties, relationships with their ids and evidence arrays), in small
batches, idempotently, and verifies counts; `export_neo4j_csv` writes files that, read back
with neo4j-admin's rules (typed header columns, array delimiter, `:LABEL`), give the same graph."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from reformkg.graph.bulk import MigrationError, export_neo4j_csv, migrate
from tests.cypher import graphdata


def _load(store) -> None:
    batches, _ = graphdata.build()
    for batch in batches:
        store.write_document(batch)


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def dump(store) -> tuple[dict[str, tuple], dict[str, tuple]]:
    nodes = {r[0]: (frozenset(r[1]), _clean(r[2])) for r in
             store.read("MATCH (n) RETURN n.id, labels(n), properties(n)").rows}
    edges = {r[0]: (r[1], r[2], r[3], _clean(r[4])) for r in
             store.read("MATCH (a)-[r]->(b) RETURN r.id, type(r), a.id, b.id, properties(r)").rows}
    return nodes, edges


@pytest.fixture
def source(embedded_store):
    _load(embedded_store)
    return embedded_store


def test_migrate_copies_everything_in_small_batches(source, store):
    report = migrate(source, store, batch_size=4, progress=False)
    assert report["verified"] and not report["mismatches"]
    assert report["nodes"] == source.stats()["nodes"] == store.stats()["nodes"]
    assert report["relationships"] == source.stats()["relationships"]
    assert report["labels"]["PilotUnit"] == 3 and report["types"]["MENTIONED_IN"] > 0
    assert dump(store) == dump(source)


def test_migrate_is_idempotent_and_guards_a_non_empty_destination(source, make_store):
    dst = make_store("embedded")
    migrate(source, dst, batch_size=5, progress=False)
    first = dump(dst)
    with pytest.raises(MigrationError, match="not empty"):
        migrate(source, dst, progress=False)
    again = migrate(source, dst, batch_size=7, progress=False, merge=True)
    assert again["verified"] and dump(dst) == first
    dst.write("MERGE (n:Region {id: 'reg_extra'}) SET n.name = '多余区'")
    cleared = migrate(source, dst, progress=False, clear=True)
    assert cleared["verified"] and dump(dst) == first


def test_migrate_reports_a_count_mismatch(source, make_store, monkeypatch):
    """Verification is real: a destination that loses writes fails the migration."""
    from reformkg.graph import bulk

    dst = make_store("embedded")
    real = bulk._write_edges

    def lossy(dst_, ontology, primary_of, rows):
        real(dst_, ontology, primary_of, [r for r in rows if r.type != "PARTNERS_WITH"])

    monkeypatch.setattr(bulk, "_write_edges", lossy)
    with pytest.raises(MigrationError, match="PARTNERS_WITH"):
        migrate(source, dst, progress=False)


# ---- neo4j-admin CSV --------------------------------------------------------------------------


def _convert(value: str, kind: str, delimiter: str) -> Any:
    if kind.endswith("[]"):
        return [_convert(v, kind[:-2], delimiter) for v in value.split(delimiter)]
    if kind in ("long", "int"):
        return int(value)
    if kind in ("double", "float"):
        return float(value)
    if kind == "boolean":
        return value == "true"
    return value


def read_import_files(out: Path, delimiter: str) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """What neo4j-admin would load: header types, arrays split, empty fields absent."""
    nodes: dict[str, tuple] = {}
    edges: dict[str, tuple] = {}
    for header_file in sorted(out.glob("*_header.csv")):
        data_file = out / header_file.name.replace("_header.csv", ".csv")
        header = next(csv.reader(header_file.open(encoding="utf-8")))
        cols = [(h.split(":")[0], h.split(":")[1] if ":" in h else "string") for h in header]
        for row in csv.reader(data_file.open(encoding="utf-8")):
            assert len(row) == len(header)
            props: dict[str, Any] = {}
            fixed: dict[str, Any] = {}
            for (name, kind), cell in zip(cols, row):
                if name == "" or kind in ("ID", "START_ID", "END_ID"):
                    fixed[kind if name == "" else "ID"] = cell
                    if name:
                        props[name] = cell
                elif cell != "":
                    props[name] = _convert(cell, kind, delimiter)
            if header_file.name.startswith("nodes_"):
                nodes[fixed["ID"]] = (frozenset(fixed["LABEL"].split(delimiter)), props)
            else:
                edges[props["id"]] = (fixed["TYPE"], fixed["START_ID"], fixed["END_ID"], props)
    return nodes, edges


def _without_empty(graph: tuple[dict, dict]) -> tuple[dict, dict]:
    """neo4j-admin stores no property for an empty field: drop empty strings and lists."""
    def strip(props):
        return {k: v for k, v in props.items() if v not in ("", [])}
    nodes = {k: (labels, strip(p)) for k, (labels, p) in graph[0].items()}
    edges = {k: (*rest, strip(p)) for k, (*rest, p) in graph[1].items()}
    return nodes, edges


def test_export_neo4j_csv_reads_back_as_the_same_graph(source, tmp_path):
    report = export_neo4j_csv(source, tmp_path / "out", batch_size=3)
    out = tmp_path / "out"
    assert report["array_delimiter"] == ";"
    assert sum(report["nodes"].values()) == source.stats()["nodes"]
    assert sum(report["relationships"].values()) == source.stats()["relationships"]
    assert (out / "nodes_Region_header.csv").read_text(encoding="utf-8").startswith("id:ID,:LABEL,")
    assert "aliases:string[]" in (out / "nodes_Region_header.csv").read_text(encoding="utf-8")
    assert (out / "rels_HOLDS_POSITION_header.csv").read_text(encoding="utf-8").startswith(":START_ID,:END_ID,:TYPE,")
    rel_header = (out / "rels_AWARDED_header.csv").read_text(encoding="utf-8")
    assert "ev_start:long[]" in rel_header and "year:long" in rel_header and "evidence_count:long" in rel_header
    assert "value:double" in (out / "nodes_Outcome_header.csv").read_text(encoding="utf-8")
    assert read_import_files(out, ";") == _without_empty(dump(source))


def test_export_neo4j_csv_shows_progress_and_writes_the_same_files(source, tmp_path, capsys):
    export_neo4j_csv(source, tmp_path / "quiet", batch_size=3)
    assert "relationships" not in capsys.readouterr().err
    export_neo4j_csv(source, tmp_path / "bars", batch_size=3, progress=True)
    err = capsys.readouterr().err
    total = source.stats()
    assert f"/{total['nodes']}" in err and f"/{total['relationships']}" in err
    for f in (tmp_path / "quiet").iterdir():
        assert (tmp_path / "bars" / f.name).read_bytes() == f.read_bytes()


def test_export_picks_another_array_delimiter_when_values_hold_semicolons(source, tmp_path):
    source.write("MATCH (n:Union) SET n.aliases = n.aliases + ['甲;乙工会']")
    report = export_neo4j_csv(source, tmp_path / "out")
    assert report["array_delimiter"] == "|"
    assert "--array-delimiter=|" in (tmp_path / "out" / "import.sh").read_text(encoding="utf-8")
    assert read_import_files(tmp_path / "out", "|") == _without_empty(dump(source))


def test_import_script_names_every_file_and_is_valid_sh(source, tmp_path):
    report = export_neo4j_csv(source, tmp_path / "out", database="reform")
    script = (tmp_path / "out" / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and 'DB="${1:-reform}"' in script
    for name in report["files"]:
        if name.endswith(".csv"):
            assert f"$DIR/{name}" in script
    assert report["command"].startswith("neo4j-admin database import full reform ")
    assert (tmp_path / "out" / "IMPORT.md").exists()
    sh = shutil.which("sh")
    if sh:
        assert subprocess.run([sh, "-n", str(tmp_path / "out" / "import.sh")]).returncode == 0


# ---- CLI ----------------------------------------------------------------------------------------


def test_cli_export_and_migrate(source, embedded_data_dir, tmp_path, monkeypatch):
    from reformkg.cli import app as cli_app
    from reformkg.config import Settings, get_settings
    from reformkg.graph import embedded
    from reformkg.graph.store import open_store

    graph = source.dialect.graph_name
    target = f"{graph}_copy"
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(embedded_data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", graph)
    monkeypatch.setenv("REFORMKG_STORE_URI", "")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        res = runner.invoke(cli_app, ["export", "--format", "neo4j-csv", str(tmp_path / "csv")])
        assert res.exit_code == 0, res.output
        assert (tmp_path / "csv" / "import.sh").exists() and "import.sh" in res.output
        res = runner.invoke(cli_app, ["export", "--format", "nonsense", str(tmp_path / "x")])
        assert res.exit_code != 0
        res = runner.invoke(cli_app, ["migrate", "--to", "embedded", "--graph", target, "--clear", "-q"])
        assert res.exit_code == 0, res.output
        assert "counts verified" in res.output
        res = runner.invoke(cli_app, ["migrate", "--to", "embedded", "--graph", target, "-q"])
        assert res.exit_code == 1 and "not empty" in res.output
        res = runner.invoke(cli_app, ["migrate", "--to", "embedded"])
        assert res.exit_code == 1 and "same store" in res.output
        before = source.stats()
        sock = embedded.socket_path(embedded_data_dir)  # the same store named by its socket: refused, kept
        res = runner.invoke(cli_app, ["migrate", "--to", f"falkordb+unix://{sock}", "--clear", "-q"])
        assert res.exit_code == 1 and "same store" in res.output
        assert source.stats() == before and before["nodes"] > 0
    finally:
        get_settings.cache_clear()
        copy = open_store(Settings(data_dir=embedded_data_dir, graph_name=target), ensure_schema=False)
        copy.clear()
        copy.close()
