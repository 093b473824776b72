"""Neo4j's own parser (tools/cypher-lint) accepts every statement that the policy-staff views
send: generic nodes and paths around them, search by post title, fact review (record, queue,
gold), the overview's figures and the document reader — recorded on a real embedded store."""

from __future__ import annotations

import re

from reformkg.graph import hubs, overview, reader_view, review
from reformkg.graph.queries import Reader
from tests.cypher import graphdata
from tests.cypher.test_cypher_lint import _errors, _neo4j_dialect, _node, _record_store, _Recorder, dialect_swaps, lint


def test_staff_view_statements_pass_neo4j_parser(embedded_store, ontology, monkeypatch, tmp_path):
    _node()
    batches, expected = graphdata.build()
    for batch in batches:
        embedded_store.write_document(batch)
    rec = _Recorder()
    _record_store(embedded_store, rec, monkeypatch)
    store, ids = embedded_store, expected.ids
    r = Reader(store, ontology)
    union, person = ids["杭州市总工会"], ids["张明"]
    hubs.generic_nodes(r, 1)
    hubs.paths_around_hubs(r, person, ids["海港集团"], 6, 5, None, min_degree=2)
    r.search("主席")
    edge = store.read("MATCH ()-[r:AWARDED]->() RETURN r.id LIMIT 1").rows[0][0]
    outcome = store.read("MATCH (o:Outcome) RETURN o.id LIMIT 1").rows[0][0]
    review.queue(store, ontology)
    review.record_fact(store, ontology, edge, "confirm")
    runs = store.read("MATCH ()-[r:RUNS]->() RETURN r.id LIMIT 1").rows[0][0]
    review.record_fact(store, ontology, runs, "correct", {"props": {"role": "主办"}})
    review.record_outcome(store, ontology, outcome, "correct", value=1.0, actor_id=union)
    review.gold_records(store, ontology)
    review.Reviews.load(store, ontology)
    for m in overview.MEASURES:
        overview.region_values(r, m)
    overview.region_values(r, "programmes", "330000")
    overview.region_actors(r, "330100", "outcomes")
    overview.timeline(r)
    overview.top_actors(r)
    reader_view.document_view(r, graphdata.DOC1)
    review.record_fact(store, ontology, edge, "reject")
    review.record_outcome(store, ontology, outcome, "reject")

    names = sorted([*ontology.labels, *ontology.relationships, *ontology.extra_labels, ontology.umbrella_label],
                   key=len, reverse=True)
    name_re = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    # dialect fragments (node degree) as the Neo4j dialect spells them
    swaps = {old: new for old, new in dialect_swaps(store.dialect, _neo4j_dialect(_Recorder()), ontology).items()
             if "db.idx." not in old}
    statements, seen = [], set()
    for origin, stmt in rec.statements:
        if "db.idx." in stmt:  # the search's full-text call: linted with Neo4j's own call in test_cypher_lint
            continue
        for old, new in swaps.items():
            stmt = stmt.replace(old, new)
        assert "indegree(" not in stmt, f"an embedded-only degree function would reach Neo4j: {stmt}"
        shape = name_re.sub("L", stmt)
        if shape not in seen:
            seen.add(shape)
            statements.append({"name": f"{origin} #{len(statements)}", "query": stmt})
    assert len(statements) >= 15, statements
    report = lint([], statements, tmp_path)
    assert report["checked"] == len(statements)
    assert report["returncode"] == 0, _errors(report)
