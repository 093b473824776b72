"""The analysts' saved queries: every header parses, parameters bind, the Cypher keeps to what
both engines accept, and every query runs on a real store — with known answers on a small
hand-made graph (tests/cypher/graphdata.py) and without error on the ingested samples."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reformkg.cypher import SavedQuery, SavedQueryError, get_saved_query, load_catalogue, parse_saved_query
from tests.cypher import graphdata

CATALOGUE = load_catalogue()
REQUIRED = {
    "pilot_units",  # pilot units by level and region
    "co_sponsors",  # actors co-sponsoring with a given actor
    "interlocks",  # people holding posts in two bodies
    "awards_by_region_year",
    "programme_outcomes",  # programmes with reported outcomes and their sums
    "regions_by_outcomes",
    "union_programmes",
    "path_between",
    "relationship_evidence",  # documents supporting a relationship
}


# ---- catalogue and headers ------------------------------------------------------------------


def test_at_least_fifteen_saved_queries_including_the_required_ones():
    assert len(CATALOGUE) >= 15
    assert REQUIRED <= set(CATALOGUE)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_header_is_complete(name: str):
    q = CATALOGUE[name]
    assert q.name == name
    assert len(q.question) > 20 and "?" in q.question
    assert q.example.startswith("reformkg query --saved ") and f"--saved {name}" in q.example
    assert q.returns, "header lists the returned columns"
    for p in q.parameters.values():
        assert p.description, f"${p.name} has no description"
        assert p.example, f"${p.name} has no example value"
        p.convert(p.example)  # the example value has the declared type
    example = q.example_params()
    for p in q.parameters.values():
        if p.required:
            assert p.name in example, f"the example call omits required ${p.name}"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_cypher_is_written_once_for_both_engines(name: str):
    body = "\n".join(line for line in CATALOGUE[name].cypher.splitlines() if not line.strip().startswith("//"))
    lowered = body.lower()
    assert not re.search(r"\b(id|elementid)\s*\(", lowered), "use the stable `id` property, not engine ids"
    assert "apoc." not in lowered and "gds." not in lowered, "no plugins"
    assert not re.search(r"(?<!all)shortestpath\s*\(", lowered), "FalkorDB refuses undirected shortestPath"
    assert "exists {" not in lowered and "count {" not in lowered and "collect {" not in lowered, \
        "no subquery expressions (FalkorDB)"
    assert not re.search(r"\b(datetime|date|duration|localdatetime)\s*\(", lowered), "dates are ISO strings"
    assert "db.idx." not in lowered and "db.index." not in lowered, "no engine-specific procedures"
    assert not re.search(r"(?<![\w\])])\{\s*[A-Za-z_]\w*\s*\}", body), "parameters as $name, not {name}"
    if "allshortestpaths" in lowered:
        assert re.search(r"with\s+a\s*,\s*b\s+match\s+p\s*=\s*allshortestpaths", lowered), \
            "paths: MATCH (a …), (b …) WITH a, b MATCH p = allShortestPaths(…)"


def test_lookup_by_name():
    assert get_saved_query("interlocks").name == "interlocks"
    with pytest.raises(SavedQueryError, match="no saved query"):
        get_saved_query("no_such_query")


def test_bind_converts_fills_defaults_and_refuses_unknown_or_missing():
    q = CATALOGUE["regions_by_outcomes"]
    bound = q.bind({"unit": "人次", "limit": "5"})
    assert bound == {"unit": "人次", "metric": None, "level": None, "limit": 5}
    assert q.bind({})["limit"] == 20
    with pytest.raises(SavedQueryError, match="no parameter"):
        q.bind({"bogus": 1})
    with pytest.raises(SavedQueryError, match="not a valid int"):
        q.bind({"limit": "many"})
    with pytest.raises(SavedQueryError, match=r"needs \$actor"):
        CATALOGUE["co_sponsors"].bind({})
    assert CATALOGUE["awards_by_region_year"].bind({"year": "2023"})["year"] == 2023


def test_parser_refuses_incomplete_headers():
    good = (
        "// Question: What?\n// Parameters:\n//   $x (string, optional) — a thing. Example: a\n"
        "// Returns: n\n// Example: reformkg query --saved t --param x=a\nMATCH (n {id: $x}) RETURN n\n"
    )
    q = parse_saved_query("t", good)
    assert isinstance(q, SavedQuery) and set(q.parameters) == {"x"} and q.parameters["x"].example == "a"
    with pytest.raises(SavedQueryError, match="Question"):
        parse_saved_query("t", good.replace("// Question: What?\n", ""))
    with pytest.raises(SavedQueryError, match="undeclared"):
        parse_saved_query("t", good.replace("{id: $x}", "{id: $y}"))
    with pytest.raises(SavedQueryError, match="--saved t"):
        parse_saved_query("t", good.replace("--saved t", "--saved other"))
    with pytest.raises(SavedQueryError, match="cannot parse parameter"):
        parse_saved_query("t", good.replace("(string, optional)", "(text)"))


# ---- running them ---------------------------------------------------------------------------


@pytest.fixture
def fixture_store(store):
    batches, expected = graphdata.build()
    for batch in batches:
        store.write_document(batch)
    store.expected = expected  # type: ignore[attr-defined]
    return store


def run(store, name: str, **params: Any) -> list[dict[str, Any]]:
    q = CATALOGUE[name]
    res = store.read_only_user_query(q.cypher, q.bind(params))
    assert res.columns == q.returns, "the header's Returns line names the columns"
    return [dict(zip(res.columns, row)) for row in res.rows]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_runs_with_example_and_with_defaults(fixture_store, name: str):
    q = CATALOGUE[name]
    rows = run(fixture_store, name, **q.example_params())
    assert rows, f"the header's example call of {name} finds something on the fixture graph"
    required = {p.name: p.example for p in q.parameters.values() if p.required}
    run(fixture_store, name, **required)  # every optional parameter null / default


def col(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [r[key] for r in rows]


def test_answers_on_the_fixture_graph(fixture_store):
    s = fixture_store
    assert col(run(s, "pilot_units", region="杭州市", level="municipal"), "unit") == ["西湖区总工会"]
    assert set(col(run(s, "pilot_units"), "unit")) == {"西湖区总工会", "青山机械有限公司", "宁波市"}
    assert set(col(run(s, "pilot_units", region="浙江"), "unit")) == {"西湖区总工会", "青山机械有限公司", "宁波市"}

    co = {(r["partner"], r["via"]) for r in run(s, "co_sponsors", actor="杭州市总工会")}
    assert ("杭州市人社局", "CO_SPONSORS") in co and ("青山机械有限公司", "same programme") in co
    assert ("杭州市人社局", "CO_SPONSORS") in co
    back = {(r["partner"], r["via"]) for r in run(s, "co_sponsors", actor="市人社局")}  # alias, other direction
    assert ("杭州市总工会", "CO_SPONSORS") in back

    inter = run(s, "interlocks")
    assert [(r["person"], r["body_1"], r["body_2"]) for r in inter] == [("张明", "杭州市产改联席会议", "杭州市总工会")]
    assert {r["title_1"] for r in inter} | {r["title_2"] for r in inter} == {"召集人", "主席"}
    assert run(s, "interlocks", region="宁波市") == []

    awards = {(r["award"], tuple(r["recipients"])) for r in run(s, "awards_by_region_year", region="杭州市", year=2023)}
    assert awards == {("全国劳动模范", ("李华",)), ("工人先锋号", ("青山机械有限公司",))}
    assert run(s, "awards_by_region_year", region="杭州市", year=2024) == []
    zj = run(s, "awards_by_region_year", region="浙江省", year=2024)
    assert [(r["region"], r["award"], r["recipients"]) for r in zj] == [("宁波市", "浙江工匠", ["王芳"])]

    po = run(s, "programme_outcomes", kind="training")
    assert len(po) == 1 and po[0]["programme"] == "技能提升培训工程"
    assert po[0]["outcomes"] == 2 and float(po[0]["total"]) == 6200.0 and sorted(po[0]["years"]) == [2023, 2024]

    ranked = [(r["region"], r["outcomes"], float(r["total"])) for r in run(s, "regions_by_outcomes", unit="人次")]
    assert ranked[:3] == [("浙江省", 3, 7000.0), ("杭州市", 2, 6200.0), ("宁波市", 1, 800.0)]
    assert all(r["total"] is None for r in run(s, "regions_by_outcomes"))

    up = {(r["union_name"], r["programme"]) for r in run(s, "union_programmes", region="杭州市")}
    assert up == {("杭州市总工会", "“匠心杯”职业技能竞赛"), ("杭州市总工会", "技能提升培训工程"),
                  ("西湖区总工会", "产业工人队伍建设改革")}
    assert {r["union_name"] for r in run(s, "union_programmes", kind="competition")} == {"杭州市总工会", "宁波市总工会"}

    paths = run(s, "path_between", source="张明", target="海港集团")
    assert paths and all(r["hops"] == 5 and r["names"][0] == "张明" and r["names"][-1] == "海港集团" for r in paths)
    p = paths[0]["path"]
    assert [n.id for n in p.nodes][0] == s.expected.ids["张明"] and len(p.edges) == 5
    assert "MENTIONED_IN" not in {t for r in paths for t in r["types"]}

    ev = run(s, "relationship_evidence", source="李华", target="全国劳动模范")
    assert len(ev) == 1 and ev[0]["relationship"] == "AWARDED" and ev[0]["date"] == "2023-05-01"
    assert "李华" in ev[0]["sentence"] and ev[0]["end_offset"] > ev[0]["start_offset"]
    assert run(s, "relationship_evidence", source="李华", target="全国劳动模范", type="RUNS") == []

    assert set(col(run(s, "positions_in_region", region="杭州市"), "person")) == {"张明", "李华"}
    assert col(run(s, "positions_in_region", region="杭州市", title="主席"), "body") == ["杭州市总工会"]
    assert run(s, "most_mentioned", label="Union", limit=1)[0]["name"] == "杭州市总工会"
    assert len(run(s, "most_mentioned", limit=3)) == 3
    assert len(run(s, "actor_outcomes", actor="杭州市总工会")) == 3
    kinds = run(s, "programmes_by_kind", kind="competition")
    assert [(r["programme"], r["actors"], r["documents"]) for r in kinds] == [("“匠心杯”职业技能竞赛", 4, 2)]
    assert set(col(run(s, "meeting_members", body="联席会议"), "member")) == {"杭州市总工会", "杭州市人社局"}
    assert col(run(s, "partners_of", actor="青山机械"), "partner") == ["杭州技师学院"]
    assert col(run(s, "partners_of", actor="杭州技师学院"), "partner") == ["青山机械有限公司"]
    assert col(run(s, "documents_by_date", from_date="2024-01-01", to_date="2024-12-31"), "title") == ["宁波市技能竞赛综述"]
    assert col(run(s, "award_recipients", award="劳动模范"), "recipient") == ["李华"]
    rel = run(s, "actor_relations", actor="张明")
    assert {(r["relationship"], r["direction"], r["detail"]) for r in rel} == {
        ("HOLDS_POSITION", "out", "主席"), ("HOLDS_POSITION", "out", "召集人")}
    assert {r["direction"] for r in run(s, "actor_relations", actor="杭州市")} == {"in", "out"}
    assert {(r["actor"], r["role"]) for r in run(s, "programme_actors", programme="产改")} == {
        ("宁波市", "national"), ("西湖区总工会", "municipal"), ("青山机械有限公司", "provincial")}
    ra = {r["actor"]: r["pilot"] for r in run(s, "region_actors", region="杭州市", label="Union")}
    assert ra == {"杭州市总工会": False, "西湖区总工会": True}
    assert col(run(s, "actor_documents", actor="杭州市总工会"), "date") == ["2023-05-01"]


def test_saved_queries_are_read_only_on_the_store(fixture_store):
    """They go through read_only_user_query; nothing they do changes the graph."""
    before = fixture_store.stats()
    for q in CATALOGUE.values():
        fixture_store.read_only_user_query(q.cypher, q.bind(q.example_params()))
    assert fixture_store.stats() == before


def test_every_saved_query_runs_on_the_ingested_samples(loaded_store):
    for q in CATALOGUE.values():
        loaded_store.read_only_user_query(q.cypher, q.bind(q.example_params()))
        required = {p.name: p.example for p in q.parameters.values() if p.required}
        loaded_store.read_only_user_query(q.cypher, q.bind(required))
