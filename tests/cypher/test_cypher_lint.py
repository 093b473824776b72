"""Neo4j's own Cypher parser (`@neo4j-cypher/language-support`, `lintCypherQuery`, run by
tools/cypher-lint/lint.mjs) accepts every saved query and every statement reformkg sends to a
store: zero syntax errors.

The statements are collected two ways:
- recorded while a real embedded store ingests documents (new versions, deletion), answers the
  application's reads (search, card, neighbourhood, paths, evidence, documents, analytics
  inputs), curation, the saved queries, a migration into a second store and a neo4j-admin CSV
  export: every `run_read`/`run_write` statement and every
  segment of an atomic write, which the Neo4j dialect sends one by one in one transaction. The
  one dialect fragment inside them (the full-text call) is swapped for the Neo4j dialect's;
- the Neo4j dialect's own DDL (constraints, indexes, full-text index, clear), captured by giving
  `Neo4jDialect` a driver that records what it is asked to run (only to read the statements;
  the behaviour of Neo4j itself is what the conformance suite proves when a server is set).
Skipped, with the reason, when node or the npm package is not installed.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from reformkg.cypher import load_catalogue
from tests.cypher import graphdata

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
LINT_DIR = ROOT / "tools" / "cypher-lint"
LINT = LINT_DIR / "lint.mjs"
PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"


def _node() -> str:
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not installed (apt-get install nodejs npm)")
    if not PACKAGE.exists():
        pytest.skip("@neo4j-cypher/language-support is not installed: run `npm ci` in tools/cypher-lint")
    return exe


def lint(args: list[str], statements: list[dict[str, str]] | None = None, tmp_path: Path | None = None) -> dict:
    """Run the linter (JSON report); statements go through a JSON file."""
    node = _node()
    argv = [node, str(LINT), "--portable", "--json", *args]
    if statements is not None:
        assert tmp_path is not None
        path = tmp_path / "statements.json"
        path.write_text(json.dumps(statements, ensure_ascii=False), encoding="utf-8")
        argv.append(str(path))
    out = subprocess.run(argv, capture_output=True, text=True, timeout=300, cwd=LINT_DIR)
    assert out.returncode in (0, 1), out.stderr
    report = json.loads(out.stdout)
    report["returncode"] = out.returncode
    return report


def _errors(report: dict) -> str:
    lines = []
    for item in report["results"]:
        for d in item["diagnostics"]:
            if d["severity"] == "error":
                lines.append(f"{item['name']}:{d['line']}:{d['column']}: {d['message']}")
    return "\n".join(lines)


def test_linter_catches_syntax_and_engine_specific_calls(tmp_path: Path):
    bad = [
        {"name": "typo", "query": "MATCH (n:Person {id: $id}) RETUR n.name"},
        {"name": "falkordb-only", "query": "CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node RETURN node"},
        {"name": "plugin", "query": "MATCH (n) RETURN apoc.text.join(n.aliases, ',')"},
        {"name": "good", "query": "MATCH (n:Person {id: $id}) RETURN n.name"},
    ]
    report = lint([], bad, tmp_path)
    assert report["returncode"] == 1
    failing = {item["name"] for item in report["results"] if any(d["severity"] == "error" for d in item["diagnostics"])}
    assert failing == {"typo", "falkordb-only", "plugin"}


def test_saved_queries_pass_neo4j_parser():
    report = lint([str(ROOT / "reformkg" / "cypher")])
    assert report["checked"] == len(load_catalogue())
    assert report["returncode"] == 0, _errors(report)


# ---- statements the store sends ---------------------------------------------------------------


class _Recorder:
    def __init__(self) -> None:
        self.statements: list[tuple[str, str]] = []  # (origin, statement)

    def add(self, origin: str, statement: str) -> None:
        self.statements.append((origin, statement))


def _record_store(store: Any, rec: _Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    dialect = store.dialect
    run_read, run_write, run_atomic = dialect.run_read, dialect.run_write, dialect.run_atomic

    def read(query, params=None, *args, **kwargs):
        rec.add("read", query)
        return run_read(query, params, *args, **kwargs)

    def write(query, params=None, *args, **kwargs):
        rec.add("write", query)
        return run_write(query, params, *args, **kwargs)

    def atomic(segments, params, *args, **kwargs):
        for seg in segments:
            rec.add("atomic segment", seg)
        return run_atomic(segments, params, *args, **kwargs)

    monkeypatch.setattr(dialect, "run_read", read)
    monkeypatch.setattr(dialect, "run_write", write)
    monkeypatch.setattr(dialect, "run_atomic", atomic)


def _try(errors: list[str], what: str, fn, *args, **kwargs) -> Any:
    """Harvest as much as possible: a failing read is reported (and logged), not fatal here."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - other test files own these behaviours
        errors.append(f"{what}: {type(exc).__name__}: {exc}")
        log.warning("statement harvest: %s failed: %s", what, exc)
        return None


def _session(store: Any, ontology: Any, doc_result: Any, bulk_target: Any = None,
             export_dir: Path | None = None) -> list[str]:
    """Drive the store through ingest, reads, curation and deletion."""
    from reformkg.graph.writer import build_batch

    errors: list[str] = []
    batches, expected = graphdata.build()
    for batch in batches:
        store.write_document(batch)
    store.write_document(batches[0])  # the same version again: idempotent clean-up path
    v1 = build_batch(doc_result("lintdoc1", "lint/k.txt"), ontology)
    v2 = build_batch(doc_result("lintdoc2", "lint/k.txt", person=None), ontology)  # a new version
    store.write_document(v1)
    store.write_document(v2)
    ids = expected.ids
    _try(errors, "search", store.search, "总工会")
    _try(errors, "search 1 char", store.search, "工")
    _try(errors, "candidates", store.candidates, "Union", "杭州市总工会")
    _try(errors, "stats", store.stats)
    try:
        from reformkg.graph.queries import Reader
    except ImportError:  # pragma: no cover
        Reader = None  # noqa: N806
    if Reader is not None:
        reader = _try(errors, "Reader", Reader, store=store, ontology=ontology)
        if reader is not None:
            union, person = ids["杭州市总工会"], ids["张明"]
            _try(errors, "search", reader.search, "总工会", region="杭州市")
            _try(errors, "search label", reader.search, "工会", label="Union")
            _try(errors, "card", reader.card, union)
            _try(errors, "neighbourhood", reader.neighbourhood, union, depth=2)
            _try(errors, "neighbourhood filtered", reader.neighbourhood, union, depth=1, rel_types=["RUNS"],
                 labels=["Programme"], since="2023-01-01", until="2024-12-31")
            _try(errors, "paths", reader.paths, person, ids["海港集团"])
            edge = store.read("MATCH ()-[r:AWARDED]->() RETURN r.id LIMIT 1").rows[0][0]
            _try(errors, "evidence", reader.evidence, edge)
            _try(errors, "documents", reader.documents)
            _try(errors, "document", reader.document, graphdata.DOC1)
            _try(errors, "collaborator_rows", reader.collaborator_rows, union)
            _try(errors, "edges_for_analysis", reader.edges_for_analysis)
            _try(errors, "subgraph_for_export", reader.subgraph_for_export)
            _try(errors, "region_scope", reader.region_scope, "浙江省")
    try:
        from reformkg.graph import curation
    except ImportError:  # pragma: no cover
        curation = None
    if curation is not None:
        _try(errors, "record_split", curation.record_split, store, ontology, ids["杭州市总工会"], "市总工会")
        _try(errors, "record_merge", curation.record_merge, store, ontology, ids["杭州市人社局"],
             [ids["杭州市产改联席会议"]])
        _try(errors, "curation load", lambda: curation.Curation.load(store, ontology)
             if hasattr(curation.Curation, "load") else None)
    for name, q in load_catalogue().items():
        _try(errors, f"saved {name}", store.read_only_user_query, q.cypher, q.bind(q.example_params()))
    try:
        from reformkg import cli
    except ImportError:  # pragma: no cover
        cli = None
    if cli is not None and hasattr(cli, "_whole_graph"):
        _try(errors, "cli whole graph", cli._whole_graph, store, 100)
    if bulk_target is not None:  # migrate reads this store and writes the target; export reads
        from reformkg.graph.bulk import export_neo4j_csv, migrate

        _try(errors, "migrate", migrate, store, bulk_target, batch_size=5, progress=False)
        _try(errors, "export", export_neo4j_csv, store, export_dir, batch_size=5)
    store.delete_document(graphdata.DOC2)
    return errors


class _Result:
    def __init__(self) -> None:
        zero = dict.fromkeys(["nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                              "properties_set", "labels_added", "labels_removed", "indexes_added",
                              "constraints_added"], 0)
        self._summary = SimpleNamespace(query_type="r", counters=SimpleNamespace(**zero))

    def keys(self) -> list[str]:
        return []

    def __iter__(self):
        return iter(())

    def consume(self):
        return self._summary

    def single(self):
        return None

    def data(self) -> list:
        return []


class _RecordingSession:
    def __init__(self, rec: _Recorder) -> None:
        self.rec = rec

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, query, parameters=None, **kwargs):
        self.rec.add("neo4j session", str(query))
        return _Result()

    def execute_read(self, work, *args, **kwargs):
        return work(self, *args, **kwargs)

    execute_write = execute_read

    def close(self) -> None:
        return None


class RecordingDriver:
    """Stands in for `neo4j.Driver` only to read the statement texts the dialect sends."""

    def __init__(self, rec: _Recorder) -> None:
        self.rec = rec

    def session(self, **kwargs):
        return _RecordingSession(self.rec)

    def verify_connectivity(self) -> None:
        return None

    def close(self) -> None:
        return None


DEGREE_VARS = ("n", "m", "a", "b", "node", "x")


def dialect_swaps(falkor, neo, ontology) -> dict[str, str]:
    """The dialect fragments inside store statements (full-text call, node degree), each mapped
    from the embedded engine's spelling to the Neo4j dialect's, so that statements recorded on
    the embedded store can be linted as Neo4j would receive them."""
    swaps: dict[str, str] = {}
    for label in [*ontology.labels, ontology.umbrella_label]:
        for param in ("ft_q", "q"):
            swaps[falkor.fulltext_call(label, param)] = neo.fulltext_call(label, param)
    for var in DEGREE_VARS:
        swaps[falkor.degree_expr(var)] = neo.degree_expr(var)
    return swaps


def _neo4j_dialect(rec: _Recorder):
    from reformkg.graph.dialects import Neo4jDialect

    return Neo4jDialect("bolt://statement-recorder.invalid:7687", "neo4j", "unused", "neo4j",
                        driver=RecordingDriver(rec))


def test_statements_the_store_sends_pass_neo4j_parser(embedded_store, make_store, ontology, doc_result, monkeypatch,
                                                     tmp_path):
    _node()
    from reformkg.graph import schema

    rec = _Recorder()
    _record_store(embedded_store, rec, monkeypatch)
    target = make_store("embedded")
    _record_store(target, rec, monkeypatch)
    errors = _session(embedded_store, ontology, doc_result, bulk_target=target, export_dir=tmp_path / "csv")
    recorded_embedded = len(rec.statements)

    neo_rec = _Recorder()
    neo = _neo4j_dialect(neo_rec)
    schema.ensure_schema(neo, ontology)
    neo.clear()
    lookup = getattr(neo, "_lookup_stable_ids", None)  # endpoint ids of edges returned without nodes
    if lookup is not None:
        lookup(["4:x:1"])

    swaps = dialect_swaps(embedded_store.dialect, neo, ontology)
    # Neo4j's semantic analysis takes ~0.5 s a statement: lint one statement of each shape
    # (statements that differ only in a label, type or numbered parameter name share one)
    names = sorted([*ontology.labels, *ontology.relationships, *ontology.extra_labels, ontology.umbrella_label],
                   key=len, reverse=True)
    name_re = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    statements: list[dict[str, str]] = []
    seen: set[str] = set()
    saved = {q.cypher for q in load_catalogue().values()}  # linted on their own above
    for origin, stmt in rec.statements + neo_rec.statements:
        if stmt in saved:
            continue
        for old, new in swaps.items():
            stmt = stmt.replace(old, new)
        shape = re.sub(r"\$([A-Za-z_]+?)\d+\b", r"$\1", name_re.sub("L", stmt))
        if shape not in seen:
            seen.add(shape)
            statements.append({"name": f"{origin} #{len(statements)}", "query": stmt})
    log.info("linting %d statement shapes of %d recorded", len(statements), len(rec.statements) + len(neo_rec.statements))
    leftovers = [stmt for _origin, stmt in rec.statements if "db.idx." in stmt and not any(k in stmt for k in swaps)]
    leftovers += [s["query"] for s in statements if "db.idx." in s["query"] or "indegree(" in s["query"]]
    assert not leftovers, f"FalkorDB-only calls would reach Neo4j: {leftovers[:3]}"

    assert recorded_embedded >= 40, f"too few statements recorded ({recorded_embedded}); harvest errors: {errors}"
    assert len(neo_rec.statements) >= len(ontology.labels) + 2
    report = lint([], statements, tmp_path)
    assert report["checked"] == len(statements)
    assert report["returncode"] == 0, _errors(report) + "\n\n" + "\n---\n".join(
        s["query"] for s in statements if s["name"] in _errors(report))
    if errors:
        log.warning("some reads failed while harvesting statements: %s", errors)
