"""Bulk moves of a whole graph: `migrate` copies one store into another (embedded FalkorDB →
Neo4j, or back), and `export_neo4j_csv` writes the CSV files `neo4j-admin database import full`
loads into an empty Neo4j database, with an `import.sh` that runs it.

Both read the source the same way, through `GraphStore.read` and Cypher written once:
- nodes label by label (every primary label: the ontology's labels, then any internal
  `_`-prefixed bookkeeping label), paged on the stable `id` property (`WHERE n.id > $after
  ORDER BY n.id LIMIT $limit`, which the per-label `id` index serves);
- relationships by their source nodes, one page of source ids at a time
  (`UNWIND $ids AS i MATCH (a:Label {id: i})-[r]->(b)`), so each is read once.
`migrate` writes batches with `UNWIND $rows … MERGE … {id: r.id} SET x += r.props` (idempotent:
running it again changes nothing) and then compares label and type counts of both stores.
A batch whose write fails with a transient error (a timeout — e.g. Neo4j's transaction timeout
on a loaded machine — a memory limit, a deadlock: `is_transient`) is written again in halves,
down to `min_batch` rows, where it is tried a few more times after a pause; the smaller size is
kept for the rest of the run, and each retry is logged. Any other error (a constraint
violation, a syntax error, an unreachable store) raises MigrationError at once, naming the
batch. Retrying is safe because every write is a MERGE: a failed transaction is rolled back, and
one a client-side timeout left applied is merged again to the same result.
Labels and types enter Cypher text only after an ontology check (or, for internal labels,
after checking the reserved prefix and the identifier syntax).
"""

from __future__ import annotations

import csv
import logging
import re
import shlex
import time
from reformkg.graph.vocab import Rel
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .ontology import Ontology, get_ontology
from .records import QueryTimeout, StoreError

if TYPE_CHECKING:  # pragma: no cover
    from .store import GraphStore

log = logging.getLogger(__name__)

DEFAULT_BATCH = 1000
MIN_BATCH = 25  # a failing batch is halved down to this many rows
RETRY_PAUSES_S = (1.0, 5.0, 15.0)  # pauses before the retries of a batch already at MIN_BATCH
ARRAY_DELIMITERS = (";", "|", "¦", "\u001f")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class MigrationError(RuntimeError):
    """The destination is not empty (and neither clear nor merge was asked), or counts differ."""


# --------------------------------------------------------------------------------------------
# reading a store
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class NodeRow:
    id: str
    labels: list[str]  # primary label first, then the others sorted
    props: dict[str, Any]


@dataclass(slots=True)
class EdgeRow:
    id: str | None
    type: str
    src: str
    tgt: str
    props: dict[str, Any]


@dataclass(slots=True)
class _Labels:
    """Which labels are primary (one per node) and which are added on top (Entity, PilotUnit)."""

    ontology: Ontology
    primary: list[str] = field(default_factory=list)
    secondary: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, ontology: Ontology, present: list[str]) -> "_Labels":
        out = cls(ontology)
        out.secondary = {ontology.umbrella_label, *ontology.extra_labels}
        out.primary = [label for label in ontology.labels if label in present]
        out.primary += sorted(label for label in present if label not in ontology.labels and label not in out.secondary)
        for label in out.primary:
            out.check(label)
        return out

    def check(self, label: str) -> str:
        """A label that may enter Cypher text: an ontology label, or an internal `_`-prefixed one."""
        if self.ontology.is_label(label):
            return label
        if label.startswith(self.ontology.reserved_prefix) and _IDENT.match(label):
            return label
        raise ValueError(f"label {label!r} is neither an ontology label nor an internal one")

    def order(self, labels: list[str], primary: str) -> list[str]:
        return [primary] + sorted(self.check(x) for x in labels if x != primary)


def _present_labels(store: "GraphStore") -> list[str]:
    return [row[0] for row in store.read("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l ORDER BY l").rows]


def iter_nodes(store: "GraphStore", labels: _Labels, batch_size: int = DEFAULT_BATCH) -> Iterator[list[NodeRow]]:
    """Pages of nodes, label by label, each node once (under its first primary label)."""
    for i, label in enumerate(labels.primary):
        earlier = labels.primary[:i]
        after = ""
        while True:
            rows = store.read(
                f"MATCH (n:{labels.check(label)}) WHERE n.id > $after "
                "AND NOT any(l IN labels(n) WHERE l IN $earlier) "
                "RETURN n.id, labels(n), properties(n) ORDER BY n.id LIMIT $limit",
                {"after": after, "earlier": earlier, "limit": int(batch_size)},
            ).rows
            if not rows:
                break
            yield [NodeRow(id=r[0], labels=labels.order(list(r[1]), label), props=dict(r[2] or {})) for r in rows]
            after = rows[-1][0]
            if len(rows) < batch_size:
                break


def iter_edges(store: "GraphStore", ontology: Ontology, sources: dict[str, list[str]],
               batch_size: int = DEFAULT_BATCH) -> Iterator[list[EdgeRow]]:
    """Pages of relationships, read from their source nodes (`sources`: primary label → ids)."""
    for label, ids in sources.items():
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            rows = store.read(
                f"UNWIND $ids AS i MATCH (a:{label} {{id: i}})-[r]->(b) "
                "RETURN r.id, type(r), a.id, b.id, properties(r)",
                {"ids": chunk},
            ).rows
            if rows:
                yield [EdgeRow(id=r[0], type=ontology.check_type(r[1]), src=r[2], tgt=r[3], props=dict(r[4] or {}))
                       for r in rows]


def _counts(store: "GraphStore") -> dict[str, dict[str, int]]:
    st = store.stats()
    return {"nodes": int(st.get("nodes", 0)), "relationships": int(st.get("relationships", 0)),
            "labels": {k: int(v) for k, v in st.get("labels", {}).items()},
            "types": {k: int(v) for k, v in st.get("types", {}).items()}}


def _progress(total: int, desc: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" rows", disable=not enabled, leave=False)


# --------------------------------------------------------------------------------------------
# migrate
# --------------------------------------------------------------------------------------------


# Neo4j status codes of failures that a smaller batch (or a later try) may get past: every
# Neo.TransientError.* (deadlocks, memory pool limits, leader switches), and the transaction
# timeout and memory limit, which Neo4j 5 classifies as client errors.
_TRANSIENT_CODE = re.compile(r"^Neo\.TransientError\.|TransactionTimedOut|TransactionMemoryLimit|MemoryPoolOutOfMemory")


def is_transient(exc: BaseException) -> bool:
    """Whether a failed batch write may pass when written again in smaller batches: a timeout
    (QueryTimeout: what both engines' timeouts become, Neo4j's
    `Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration` included), a Neo4j
    error with a transient status code (by then the driver's own retries of it are spent), or
    FalkorDB refusing a query while busy. Constraint violations, syntax and type errors and an
    unreachable store are not: a retry cannot fix them."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, QueryTimeout):
            return True
        code = getattr(e, "code", None)
        if isinstance(code, str) and _TRANSIENT_CODE.search(code):
            return True
        if type(e).__name__ == "TransientError" and type(e).__module__.startswith("neo4j"):
            return True
        if type(e) is StoreError and "engine is busy" in str(e):
            return True
        e = e.__cause__
    return False


def _short(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: " + (text if len(text) <= limit else text[:limit] + "…")


class _BatchWriter:
    """Writes row lists with one `UNWIND $rows` statement per chunk of `size` rows. A chunk that
    fails with a transient error is written again in halves (the smaller size is kept for the
    rest of the run: a timeout costs the whole transaction timeout, so growing back would pay it
    again); at `floor` rows it is retried after each pause of RETRY_PAUSES_S, then given up."""

    def __init__(self, dst: "GraphStore", batch_size: int, floor: int):
        self.dst = dst
        self.size = max(1, int(batch_size))
        self.floor = max(1, min(int(floor), self.size))
        self.retries = 0

    def write(self, query: str, rows: list[dict[str, Any]], what: str) -> None:
        i = 0
        floor_failures = 0
        while i < len(rows):
            chunk = rows[i:i + self.size]
            try:
                self.dst.write(query, {"rows": chunk})
            except Exception as exc:  # noqa: BLE001 - sorted into transient and permanent below
                where = f"{what}, rows {i + 1}-{i + len(chunk)} of {len(rows)} ({_row_key(chunk[0])} … {_row_key(chunk[-1])})"
                if not is_transient(exc):
                    raise MigrationError(f"writing {where} failed: {_short(exc)}") from exc
                self.retries += 1
                if len(chunk) > self.floor:
                    self.size = max(self.floor, len(chunk) // 2)
                    log.warning("migrate: writing %s failed (%s); retrying in batches of %d rows",
                                where, _short(exc), self.size)
                    continue
                if floor_failures >= len(RETRY_PAUSES_S):
                    raise MigrationError(f"writing {where} failed {floor_failures + 1} times at the smallest batch "
                                         f"size ({self.floor} rows): {_short(exc)}") from exc
                pause = RETRY_PAUSES_S[floor_failures]
                floor_failures += 1
                log.warning("migrate: writing %s failed at the smallest batch size (%s); retry %d of %d in %.0fs",
                            where, _short(exc), floor_failures, len(RETRY_PAUSES_S), pause)
                time.sleep(pause)
                continue
            i += len(chunk)
            floor_failures = 0


def _row_key(row: dict[str, Any]) -> str:
    if row.get("id") is not None:
        return f"id {row['id']}"
    return f"{row.get('src')}->{row.get('tgt')}"


def _write_nodes(out: "_BatchWriter", labels: _Labels, rows: list[NodeRow]) -> None:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        props = {k: v for k, v in row.props.items() if v is not None and k != "id"}
        groups[tuple(row.labels)].append({"id": row.id, "props": props})
    for label_set, batch in groups.items():
        primary, *extra = (labels.check(x) for x in label_set)
        add = "".join(f"\nSET n:{x}" for x in extra)
        out.write(f"UNWIND $rows AS r\nMERGE (n:{primary} {{id: r.id}})\nSET n += r.props{add}", batch,
                  "nodes :" + ":".join([primary, *extra]))


def _write_edges(out: "_BatchWriter", ontology: Ontology, primary_of: dict[str, str], rows: list[EdgeRow]) -> None:
    groups: dict[tuple[str, str | None, str | None, bool], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        props = {k: v for k, v in row.props.items() if v is not None and k != "id"}
        key = (row.type, primary_of.get(row.src), primary_of.get(row.tgt), row.id is not None)
        groups[key].append({"id": row.id, "src": row.src, "tgt": row.tgt, "props": props})
    for (rel, s_label, t_label, has_id), batch in groups.items():
        rel = ontology.check_type(rel)
        a = f"(a:{s_label} {{id: r.src}})" if s_label else "(a {id: r.src})"
        b = f"(b:{t_label} {{id: r.tgt}})" if t_label else "(b {id: r.tgt})"
        merge = f"MERGE (a)-[e:{rel} {{id: r.id}}]->(b)" if has_id else f"MERGE (a)-[e:{rel}]->(b)"
        out.write(f"UNWIND $rows AS r\nMATCH {a}\nMATCH {b}\n{merge}\nSET e += r.props", batch,
                  f"relationships [{rel}] {s_label or '?'}->{t_label or '?'}")


def migrate(src: "GraphStore", dst: "GraphStore", batch_size: int = DEFAULT_BATCH, progress: bool = True, *,
            clear: bool = False, merge: bool = False, ontology: Ontology | None = None,
            min_batch: int = MIN_BATCH) -> dict[str, Any]:
    """Copy every node and relationship of `src` into `dst`, batched, then verify the counts.

    A batch write that fails transiently (`is_transient`: a timeout, a memory limit, a
    deadlock) is written again in halves down to `min_batch` rows (then retried a few times
    after a pause); any other failure raises MigrationError naming the batch.

    The destination must be empty unless `clear` (empty it first) or `merge` (write into what
    is there; counts are then checked as at-least). Returns a report: `nodes`, `relationships`,
    `labels`/`types` (source counts), `destination` (its counts after), `mismatches`
    (label or type → [source, destination]), `verified`, `seconds`, `retries` (batch writes
    tried again) and `batch_size_end` (the write batch size at the end). Raises MigrationError when
    the counts do not match.
    """
    ontology = ontology or src.ontology or get_ontology()
    t0 = time.perf_counter()
    if clear:
        dst.clear()
    dst.ensure_schema(ontology)  # also makes an embedded graph exist before it is read
    before = _counts(dst)
    if before["nodes"] and not (merge or clear):
        raise MigrationError(
            f"destination is not empty ({before['nodes']} nodes, {before['relationships']} relationships); "
            "empty it first (clear, --clear) or write into it (merge, --merge)"
        )

    source = _counts(src)
    labels = _Labels.of(ontology, _present_labels(src))
    total_nodes, total_edges = source["nodes"], source["relationships"]

    writer = _BatchWriter(dst, batch_size, min_batch)
    primary_of: dict[str, str] = {}
    sources: dict[str, list[str]] = defaultdict(list)
    written_nodes = 0
    with _progress(total_nodes, "nodes", progress) as bar:
        for page in iter_nodes(src, labels, batch_size):
            _write_nodes(writer, labels, page)
            for row in page:
                primary_of[row.id] = row.labels[0]
                sources[row.labels[0]].append(row.id)
            written_nodes += len(page)
            bar.update(len(page))
    written_edges = 0
    with _progress(total_edges, "relationships", progress) as bar:
        for page in iter_edges(src, ontology, sources, batch_size):
            _write_edges(writer, ontology, primary_of, page)
            written_edges += len(page)
            bar.update(len(page))

    after = _counts(dst)
    mismatches: dict[str, list[int]] = {}
    for kind in ("labels", "types"):
        for key in sorted(set(source[kind]) | set(after[kind])):
            want, got = source[kind].get(key, 0), after[kind].get(key, 0)
            if (got < want) if merge else (got != want):
                mismatches[f"{kind[:-1]}:{key}"] = [want, got]
    report = {
        "nodes": written_nodes,
        "relationships": written_edges,
        "labels": source["labels"],
        "types": source["types"],
        "destination": after,
        "mismatches": mismatches,
        "verified": not mismatches,
        "seconds": round(time.perf_counter() - t0, 3),
        "retries": writer.retries,
        "batch_size_end": writer.size,
    }
    log.info("migrated %d nodes and %d relationships in %.1fs (%s%s)", written_nodes, written_edges,
             report["seconds"], "verified" if not mismatches else f"MISMATCHES {mismatches}",
             f"; {writer.retries} batch writes retried, batch size now {writer.size}" if writer.retries else "")
    if mismatches:
        raise MigrationError(f"counts differ after migration (source, destination): {mismatches}")
    return report


# --------------------------------------------------------------------------------------------
# neo4j-admin CSV export
# --------------------------------------------------------------------------------------------

_ONTOLOGY_TYPES = {"string": "string", "date": "string", "enum": "string", "string_list": "string[]",
                   "int": "long", "float": "double", "bool": "boolean"}


def _value_type(value: Any) -> str | None:
    """neo4j-admin type of one value (None for null, which says nothing)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, (list, tuple)):
        inner = {_value_type(v) for v in value if v is not None}
        if not inner:
            return "string[]"  # an empty list: string[] is the neutral choice
        if inner <= {"long"}:
            return "long[]"
        if inner <= {"long", "double"}:
            return "double[]"
        if inner <= {"boolean"}:
            return "boolean[]"
        return "string[]"
    return "string"


def _merge_types(a: str | None, b: str | None) -> str | None:
    if a is None or a == b:
        return b
    if b is None:
        return a
    pair = {a, b}
    if pair == {"long", "double"}:
        return "double"
    if pair == {"long[]", "double[]"}:
        return "double[]"
    if "string[]" in pair or any(t.endswith("[]") for t in pair):
        return "string[]"
    return "string"


@dataclass(slots=True)
class _CsvFile:
    """One header file plus one data file (rows buffered in memory, types inferred on the way)."""

    name: str
    fixed: list[str]  # leading columns (id:ID, :LABEL / :START_ID, :END_ID, :TYPE)
    types: dict[str, str | None] = field(default_factory=dict)
    rows: list[tuple[list[Any], dict[str, Any]]] = field(default_factory=list)

    def add(self, fixed_values: list[Any], props: dict[str, Any]) -> None:
        for key, value in props.items():
            if value is None or (isinstance(value, (list, tuple)) and not value):
                self.types.setdefault(key, None)  # says nothing about the type
                continue
            self.types[key] = _merge_types(self.types.get(key), _value_type(value))
        self.rows.append((fixed_values, props))

    def finish(self, declared: dict[str, str]) -> None:
        """Columns only ever null or empty take the ontology's declared type (else string)."""
        for key, kind in self.types.items():
            if kind is None:
                self.types[key] = declared.get(key, "string")


def _cell(value: Any, kind: str | None, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return delimiter.join(_cell(v, None, delimiter) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "long" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_line(values: list[Any], kinds: list[str | None], delimiter: str) -> str:
    """One CSV record for neo4j-admin: an absent value (None, or an empty list, which the import
    cannot represent) is an empty field; an empty string is `""` (the import keeps it as an
    empty string); fields with a comma, quote or line break are quoted."""
    out = []
    for value, kind in zip(values, kinds):
        if value is None or (isinstance(value, (list, tuple)) and not value):
            out.append("")
            continue
        cell = _cell(value, kind, delimiter)
        if cell == "" or any(ch in cell for ch in ',"\r\n'):
            cell = '"' + cell.replace('"', '""') + '"'
        out.append(cell)
    return ",".join(out) + "\r\n"


def _pick_delimiter(files: list[_CsvFile]) -> str:
    """`;` unless an array element contains it; then the first candidate no element contains."""
    used: set[str] = set()
    for f in files:
        for _fixed, props in f.rows:
            for value in props.values():
                if isinstance(value, (list, tuple)):
                    for v in value:
                        if isinstance(v, str):
                            used.update(ch for ch in ARRAY_DELIMITERS if ch in v)
    for ch in ARRAY_DELIMITERS:
        if ch not in used:
            return ch
    raise ValueError("every candidate array delimiter occurs inside some list value")


def _safe_filename(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", name)


def _declared_types(ontology: Ontology) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    nodes = {label: {p: _ONTOLOGY_TYPES.get(s.type, "string") for p, s in spec.properties.items()}
             for label, spec in ontology.labels.items()}
    rels = {t: {p: _ONTOLOGY_TYPES.get(s.type, "string") for p, s in spec.properties.items()}
            for t, spec in ontology.relationships.items()}
    evidence = {"ev_doc": "string[]", "ev_sentence": "string[]", "ev_start": "long[]", "ev_end": "long[]",
                "ev_confidence": "double[]", "ev_producer": "string[]", "evidence_count": "long", "confidence": "double"}
    for declared in rels.values():
        declared.update(evidence)
    if Rel.MENTIONED_IN in rels:  # per-document evidence entries (writer.FX_FIELDS)
        rels[Rel.MENTIONED_IN].update({"fx_id": "string[]", "fx_src": "string[]", "fx_sentence": "string[]",
                                     "fx_start": "long[]", "fx_end": "long[]", "fx_confidence": "double[]",
                                     "fx_producer": "string[]"})
    return nodes, rels


def export_neo4j_csv(store: "GraphStore", out_dir: Path, batch_size: int = DEFAULT_BATCH,
                     database: str = "neo4j", ontology: Ontology | None = None,
                     progress: bool = False) -> dict[str, Any]:
    """Write `nodes_<Label>_header.csv` + `nodes_<Label>.csv` per primary label and
    `rels_<TYPE>_header.csv` + `rels_<TYPE>.csv` per relationship type, `import.sh` (the
    `neo4j-admin database import full` command) and `IMPORT.md`. Returns a report: files,
    per-label and per-type row counts, the array delimiter and the command."""
    ontology = ontology or store.ontology or get_ontology()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    declared_nodes, declared_rels = _declared_types(ontology)
    labels = _Labels.of(ontology, _present_labels(store))

    totals = _counts(store) if progress else {"nodes": 0, "relationships": 0}

    node_files: dict[str, _CsvFile] = {}
    sources: dict[str, list[str]] = defaultdict(list)
    with _progress(totals["nodes"], "nodes", progress) as bar:
        for page in iter_nodes(store, labels, batch_size):
            for row in page:
                primary = row.labels[0]
                f = node_files.setdefault(primary, _CsvFile(f"nodes_{_safe_filename(primary)}", ["id:ID", ":LABEL"]))
                props = {k: v for k, v in row.props.items() if k != "id"}
                f.add([row.id, row.labels], props)
                sources[primary].append(row.id)
            bar.update(len(page))
    rel_files: dict[str, _CsvFile] = {}
    with _progress(totals["relationships"], "relationships", progress) as bar:
        for page in iter_edges(store, ontology, sources, batch_size):
            for e in page:
                f = rel_files.setdefault(e.type, _CsvFile(f"rels_{_safe_filename(e.type)}",
                                                          [":START_ID", ":END_ID", ":TYPE"]))
                props = dict(e.props)
                props["id"] = e.id
                f.add([e.src, e.tgt, e.type], props)
            bar.update(len(page))

    for label, f in node_files.items():
        f.finish(declared_nodes.get(label, {}))
    for rel, f in rel_files.items():
        f.finish(declared_rels.get(rel, {}))
    files = list(node_files.values()) + list(rel_files.values())
    delimiter = _pick_delimiter(files)
    written: list[str] = []
    for f in files:
        columns = sorted(f.types)
        header = f.fixed + [c if (f.types[c] or "string") == "string" else f"{c}:{f.types[c]}" for c in columns]
        with open(out_dir / f"{f.name}_header.csv", "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(header)
        with open(out_dir / f"{f.name}.csv", "w", encoding="utf-8", newline="") as fh:
            for fixed, props in f.rows:
                values = list(fixed) + [props.get(c) for c in columns]
                kinds = [None] * len(fixed) + [f.types[c] for c in columns]
                fh.write(_csv_line(values, kinds, delimiter))
        written += [f"{f.name}_header.csv", f"{f.name}.csv"]

    command = _import_command(database, delimiter, [f.name for f in node_files.values()],
                              [f.name for f in rel_files.values()])
    script = out_dir / "import.sh"
    script.write_text(_import_script(database, delimiter, node_files, rel_files), encoding="utf-8")
    script.chmod(0o755)
    (out_dir / "IMPORT.md").write_text(_import_readme(command), encoding="utf-8")
    written += ["import.sh", "IMPORT.md"]
    report = {
        "out_dir": str(out_dir),
        "files": written,
        "nodes": {label: len(f.rows) for label, f in node_files.items()},
        "relationships": {t: len(f.rows) for t, f in rel_files.items()},
        "array_delimiter": delimiter,
        "command": command,
    }
    log.info("exported %d nodes and %d relationships to %s", sum(report["nodes"].values()),
             sum(report["relationships"].values()), out_dir)
    return report


def _import_args(delimiter: str, node_names: list[str], rel_names: list[str], prefix: str) -> list[str]:
    args = [f"--array-delimiter={delimiter}", "--multiline-fields=true", "--overwrite-destination=true"]
    args += [f"--nodes={prefix}{n}_header.csv,{prefix}{n}.csv" for n in node_names]
    args += [f"--relationships={prefix}{r}_header.csv,{prefix}{r}.csv" for r in rel_names]
    return args


def _import_command(database: str, delimiter: str, node_names: list[str], rel_names: list[str]) -> str:
    parts = ["neo4j-admin", "database", "import", "full", database]
    parts += _import_args(delimiter, node_names, rel_names, "")
    return " ".join(shlex.quote(p) for p in parts)


def _import_script(database: str, delimiter: str, node_files: dict[str, _CsvFile], rel_files: dict[str, _CsvFile]) -> str:
    args = _import_args(delimiter, [f.name for f in node_files.values()], [f.name for f in rel_files.values()],
                        "$DIR/")
    lines = " \\\n  ".join(f'"{a}"' if "$DIR" in a else shlex.quote(a) for a in args)
    return f"""#!/bin/sh
# Load this export into a Neo4j 5 database with neo4j-admin (the database must be stopped;
# its current content is replaced). Usage: ./import.sh [DATABASE]   (default: {database})
# Afterwards start Neo4j and let reformkg create its constraints and indexes (the API does
# it at start-up, as does any reformkg command that opens the store).
set -eu
DIR="$(cd "$(dirname "$0")" && pwd)"
DB="${{1:-{database}}}"
exec neo4j-admin database import full "$DB" \\
  {lines}
"""


def _import_readme(command: str) -> str:
    return f"""# Bulk import into Neo4j 5

These files are for `neo4j-admin database import full`: one header file and one data file per
node label (`id:ID`, `:LABEL`, typed properties) and per relationship type (`:START_ID`,
`:END_ID`, `:TYPE`). The import replaces the database and needs it stopped.

    ./import.sh            # or: ./import.sh mydatabase

which runs (from this folder):

    {command}

With docker compose: stop the server (`docker compose stop neo4j`), then

    docker compose run --rm -v "$PWD:/import:ro" neo4j sh /import/import.sh

and start it again (`docker compose start neo4j`; on Community edition the database must be
`neo4j`). reformkg creates its uniqueness constraints and indexes when it next opens the store.
"""
