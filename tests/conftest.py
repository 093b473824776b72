"""Shared fixtures: settings on a tmp data dir, the ontology, ONE embedded FalkorDB for the
whole run (stopped at the end), a fresh graph per test, and `store` parametrised over the
embedded store and Neo4j. The Neo4j server is REFORMKG_TEST_NEO4J_URI (with
REFORMKG_TEST_NEO4J_USER / _PASSWORD / _DATABASE); scripts/test.sh starts a real one
(scripts/neo4j-test-server.sh). Without it every Neo4j case skips, with the reason
(REFORMKG_TEST_NEO4J_SKIP_REASON when test.sh could not start the server).

Every test whose parameters include the store kind "neo4j" is marked `neo4j`; the terminal
summary ends with a line counting them (run, passed, failed, skipped). Neo4j Community has one
database, so Neo4j cases clear it on entry; tests run one at a time.

Reusable fixtures: `settings`, `ontology`, `embedded_data_dir`, `store`, `embedded_store`,
`make_store` (a factory for extra stores on fresh graphs), `loaded_store` (samples/ ingested
through the real pipeline; skipped while the pipeline is missing), `doc_result`
(a factory of small hand-built DocumentResults).
"""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest

from reformkg.config import Settings
from reformkg.graph import embedded
from reformkg.graph.model import (
    DocumentResult,
    Entity,
    Evidence,
    Fact,
    Outcome,
    entity_id,
    fact_id,
    outcome_id,
)
from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.graph.store import GraphStore, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"

NEO4J_URI = os.environ.get("REFORMKG_TEST_NEO4J_URI", "")
NEO4J_SKIP_REASON = (os.environ.get("REFORMKG_TEST_NEO4J_SKIP_REASON")
                     or "REFORMKG_TEST_NEO4J_URI not set (scripts/test.sh starts a Neo4j test server)")
STORE_KINDS = ["embedded", "neo4j"]


def require_neo4j() -> str:
    """The test server's URI, or skip the calling test with the reason there is none."""
    if not NEO4J_URI:
        pytest.skip(f"Neo4j: {NEO4J_SKIP_REASON}")
    return NEO4J_URI


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test parametrised with the store kind "neo4j" (any parameter) as `neo4j`."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "neo4j" in [v for v in callspec.params.values() if isinstance(v, str)]:
            item.add_marker(pytest.mark.neo4j)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """One line counting the Neo4j tests: run, passed, failed, skipped (with the skip reasons)."""
    outcome: dict[str, str] = {}
    reasons: set[str] = set()
    for category in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        for rep in terminalreporter.stats.get(category, []):
            if "neo4j" not in getattr(rep, "keywords", {}):
                continue
            if category == "passed" and rep.when != "call":
                continue
            prev = outcome.get(rep.nodeid)
            if prev in ("failed", "error"):
                continue
            outcome[rep.nodeid] = category
            if category == "skipped" and isinstance(rep.longrepr, tuple):
                reasons.add(str(rep.longrepr[2]).removeprefix("Skipped: "))
    counts = {k: sum(1 for v in outcome.values() if v == k) for k in ("passed", "failed", "error", "skipped")}
    run = counts["passed"] + counts["failed"] + counts["error"]
    where = NEO4J_URI or "no server"
    terminalreporter.write_line(
        f"neo4j tests ({where}): {run} run, {counts['passed']} passed, {counts['failed'] + counts['error']} failed, "
        f"{counts['skipped']} skipped" + (f" — skipped because: {'; '.join(sorted(reasons))}" if reasons else ""))


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return get_ontology()


@pytest.fixture(scope="session")
def embedded_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The data dir of the one embedded FalkorDB server of this test run."""
    d = tmp_path_factory.mktemp("reformkg-data")
    embedded.ensure_running(d)
    yield d
    embedded.stop(d)


_graph_counter = itertools.count()


def _fresh_graph_name() -> str:
    return f"t{next(_graph_counter)}_{uuid.uuid4().hex[:8]}"


@pytest.fixture
def settings(embedded_data_dir: Path) -> Settings:
    """Settings on the shared embedded data dir with a graph name of this test's own."""
    return Settings(data_dir=embedded_data_dir, store_uri="", graph_name=_fresh_graph_name(),
                    query_timeout_ms=10_000, row_cap=5_000)


def neo4j_settings(data_dir: Path, **kw: object) -> Settings:
    """Settings for the Neo4j test server (skips when there is none)."""
    values: dict[str, object] = dict(query_timeout_ms=10_000, row_cap=5_000)
    values.update(kw)
    return Settings(
        data_dir=data_dir,
        store_uri=require_neo4j(),
        neo4j_user=os.environ.get("REFORMKG_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("REFORMKG_TEST_NEO4J_PASSWORD", ""),
        neo4j_database=os.environ.get("REFORMKG_TEST_NEO4J_DATABASE", "neo4j"),
        **values,
    )


_schema_ready: set[str] = set()


def open_neo4j_store(settings: Settings, ontology: Ontology | None = None) -> GraphStore:
    """The Neo4j test database, emptied, with the schema (ensured once per run: clearing keeps it)."""
    st = open_store(settings, ontology, ensure_schema=False)
    st.clear()
    if settings.store_uri not in _schema_ready:
        st.ensure_schema()
        _schema_ready.add(settings.store_uri)
    return st


@pytest.fixture
def make_store(embedded_data_dir: Path, ontology: Ontology) -> Iterator[Callable[..., GraphStore]]:
    """Factory: make_store("embedded"|"neo4j") → a schema-ready empty store, closed (and for
    embedded, its graph deleted) at teardown."""
    opened: list[GraphStore] = []

    def make(kind: str = "embedded") -> GraphStore:
        if kind == "neo4j":
            st = open_neo4j_store(neo4j_settings(embedded_data_dir), ontology)  # one database: emptied
        else:
            st = open_store(Settings(data_dir=embedded_data_dir, graph_name=_fresh_graph_name()), ontology)
        opened.append(st)
        return st

    yield make
    for st in opened:
        try:
            st.clear()
        finally:
            st.close()


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, make_store: Callable[..., GraphStore]) -> GraphStore:
    """An empty store, once per engine (the Neo4j case skips, with the reason, without a server)."""
    return make_store(request.param)


@pytest.fixture
def embedded_store(make_store: Callable[..., GraphStore]) -> GraphStore:
    return make_store("embedded")


@pytest.fixture
def loaded_store(store: GraphStore, ontology: Ontology) -> GraphStore:
    """`store` with samples/ ingested through the real pipeline (skipped if it is not there yet)."""
    try:
        from reformkg.ingest.loaders import iter_paths
        from reformkg.ingest.pipeline import Pipeline
    except ImportError as exc:  # pragma: no cover - while the pipeline is being written
        pytest.skip(f"pipeline not available: {exc}")
    from reformkg.graph.writer import build_batch

    paths = iter_paths([SAMPLES])
    if not paths:
        pytest.skip("no sample documents")
    pipe = Pipeline(ontology=ontology, identity=store)
    for p in paths:
        store.write_document(build_batch(pipe.run_file(p), ontology))
    return store


# ---- hand-built documents ------------------------------------------------------------------


def make_doc_result(
    doc_id: str,
    source_key: str | None = None,
    *,
    union: str = "测试市总工会",
    programme: str = "“匠心筑梦”技能竞赛",
    region: tuple[str, str] = ("测试市", "999900"),
    person: str | None = "王测试",
    sentence: str = "测试市总工会举办“匠心筑梦”技能竞赛。",
    start: int = 0,
    extra_entities: list[Entity] | None = None,
    extra_facts: list[Fact] | None = None,
) -> DocumentResult:
    """A small resolved document: Union RUNS Programme, Union LOCATED_IN Region, optional
    Person HOLDS_POSITION Union, an Outcome REPORTED by the union."""
    ev = Evidence(doc_id, sentence, start, start + len(sentence))
    u = Entity(id=entity_id("Union", union), label="Union", name=union, aliases=[union[-5:]], mentions=2, evidence=[ev])
    p = Entity(id=entity_id("Programme", programme), label="Programme", name=programme, props={"kind": "competition"},
               evidence=[ev])
    r = Entity(id=entity_id("Region", region[1]), label="Region", name=region[0],
               props={"level": "city", "adcode": region[1]}, evidence=[ev])
    ents = [u, p, r]
    facts = [
        Fact(id=fact_id("RUNS", u.id, p.id), type="RUNS", source_id=u.id, target_id=p.id, evidence=[ev]),
        Fact(id=fact_id("LOCATED_IN", u.id, r.id), type="LOCATED_IN", source_id=u.id, target_id=r.id, evidence=[ev]),
    ]
    if person:
        pe = Entity(id=entity_id("Person", person), label="Person", name=person, evidence=[ev])
        ents.append(pe)
        facts.append(Fact(id=fact_id("HOLDS_POSITION", pe.id, u.id), type="HOLDS_POSITION", source_id=pe.id,
                          target_id=u.id, props={"title": "主席"}, evidence=[ev]))
    ents += extra_entities or []
    facts += extra_facts or []
    out = Outcome(id=outcome_id(u.id, "培训", 500.0, "人次", 2023), value=500.0, unit="人次", qualifier="余",
                  metric="培训", year=2023, actor_id=u.id, evidence=[ev])
    return DocumentResult(doc_id=doc_id, source_key=source_key or f"{doc_id}.txt", path=source_key or f"{doc_id}.txt",
                          title=f"标题 {doc_id}", date="2023-05-01", source="测试报", authors=["记者 某某"],
                          text_length=200, entities=ents, facts=facts, outcomes=[out])


@pytest.fixture
def doc_result() -> Callable[..., DocumentResult]:
    return make_doc_result
