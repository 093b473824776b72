"""Search that finds: a whole name before a whole alias before a prefix before a substring
(then degree); totals for paging; a post's title (主席, 书记) finds the persons holding it."""

from __future__ import annotations

import fixture_graph as fg
from fastapi.testclient import TestClient

from reformkg.api.main import create_app
from reformkg.graph.model import entity_id


def _node(name: str, aliases: list[str]) -> dict:
    s = name.lower()
    return {"id": entity_id("Union", name), "name": name, "aliases": aliases,
            "search_text": " ".join(s[i:i + 2] for i in range(len(s) - 1))}


def test_exact_name_then_alias_then_prefix_then_substring_then_degree(fresh):
    settings, store = fresh
    names = {"exact": "总工会", "alias": "甲市总工会", "prefix": "总工会大厦工会", "sub1": "乙市总工会", "sub2": "丙市总工会"}
    rows = [_node(names["exact"], []), _node(names["alias"], ["总工会"]), _node(names["prefix"], []),
            _node(names["sub1"], []), _node(names["sub2"], [])]
    store.write("UNWIND $rows AS r CREATE (n:Union:Entity) SET n = r", {"rows": rows})
    # 丙市总工会 is better connected than 乙市总工会: among substrings it comes first
    store.write("MATCH (a:Union {name: $a}), (b:Union {name: $b}) CREATE (a)-[:PARTNERS_WITH {id: 'r1'}]->(b)",
                {"a": names["sub2"], "b": names["alias"]})
    c = TestClient(create_app(settings, store))
    body = c.get("/api/entities", params={"q": "总工会", "limit": 3}).json()
    assert [i["name"] for i in body["items"]] == [names["exact"], names["alias"], names["prefix"]]
    assert [i["match"] for i in body["items"]] == ["exact", "alias", "prefix"]
    assert body["total"] == len(rows)  # the UI says "3 of 5, more"
    more = c.get("/api/entities", params={"q": "总工会", "limit": 3, "offset": 3}).json()
    assert [i["name"] for i in more["items"]] == [names["sub2"], names["sub1"]]
    assert {i["match"] for i in more["items"]} == {"substring"}


def test_a_post_title_finds_the_persons_holding_it(client):
    body = client.get("/api/entities", params={"q": "主席"}).json()
    hit = next(i for i in body["items"] if i["id"] == fg.eid("chair"))
    assert hit["match"] == "title" and hit["via"] == "主席 · 临川市总工会"
    assert body["total"] >= 1
    # only persons: a label filter for another label finds none through titles
    assert all(i["match"] != "title" for i in
               client.get("/api/entities", params={"q": "主席", "type": "Union"}).json()["items"])
