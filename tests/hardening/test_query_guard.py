"""Findings 1 and 2 (issue 12), unit level: user Cypher is checked before it reaches the engine
(length, bracket nesting outside strings and comments, constant range() sizes, parameter
depth), computed range() bounds are clamped, and the row cap becomes a LIMIT inside the query.
On the real embedded store: the refusals are CypherErrors (400 in the API), a computed range
of 10^10 items runs in bounded memory, and 2M rows come back cut at the cap."""

from __future__ import annotations

import pytest

from reformkg.graph.query_guard import (
    QueryLimits, QueryRefused, apply_row_cap, bound_ranges, check_query, mask, nesting_depth,
)
from reformkg.graph.records import CypherError

LIMITS = QueryLimits()


def _nested(depth: int) -> list:
    v: list = [1]
    for _ in range(depth):
        v = [v]
    return v


def test_mask_blanks_strings_and_comments() -> None:
    q = "RETURN '((((' AS a, \"[[\" AS b // ((((\n/* {{{{ */ RETURN 1"
    m = mask(q)
    assert len(m) == len(q) and nesting_depth(m) == 0


@pytest.mark.parametrize("query,params", [
    ("RETURN " + "(" * 5000 + "1" + ")" * 5000, {}),
    ("RETURN " + "[" * (LIMITS.max_depth + 1) + "1" + "]" * (LIMITS.max_depth + 1), {}),
    ("UNWIND range(1, 10000000000) AS x RETURN count(x)", {}),
    ("UNWIND range(1, 10^10) AS x RETURN count(x)", {}),
    ("UNWIND range(0, $n * 1000) AS x RETURN count(x)", {"n": 10**9}),
    ("RETURN $p", {"p": _nested(LIMITS.max_param_depth + 4)}),
    ("RETURN 1 " + " " * LIMITS.max_chars, {}),
])
def test_refused_before_the_engine(query: str, params: dict) -> None:
    with pytest.raises(QueryRefused) as err:
        check_query(query, params, LIMITS)
    assert isinstance(err.value, CypherError) and "refused" in str(err.value)


@pytest.mark.parametrize("query", [
    "MATCH (n:Union)-[:RUNS]->(p) RETURN n.name, p.name",
    "UNWIND range(0, size($xs) - 1) AS i RETURN i",
    "RETURN '" + "(" * 100 + "' AS s",
    "UNWIND range(1, 1000) AS x RETURN x",
])
def test_ordinary_queries_pass(query: str) -> None:
    check_query(query, {"xs": [1, 2]}, LIMITS)


def test_row_cap_goes_inside_the_query() -> None:
    assert apply_row_cap("MATCH (n) RETURN n", 100) == ("MATCH (n) RETURN n\nLIMIT 101", True)
    assert apply_row_cap("MATCH (n) RETURN n LIMIT 2000000;", 100) == ("MATCH (n) RETURN n LIMIT 101", True)
    assert apply_row_cap("MATCH (n) RETURN n LIMIT 10", 100) == ("MATCH (n) RETURN n LIMIT 10", False)
    assert apply_row_cap("MATCH (n) RETURN n UNION MATCH (m) RETURN m", 100)[1] is False
    assert apply_row_cap("CALL db.labels()", 100)[1] is False


def test_computed_range_is_clamped_on_the_real_engine(embedded_store) -> None:
    q = "UNWIND range(1, toInteger('10000000000')) AS x RETURN count(x)"
    assert "CASE WHEN" in bound_ranges(q, LIMITS.max_range_items)
    res = embedded_store.read_only_user_query(q)
    assert res.rows[0][0] == LIMITS.max_range_items + 1


def test_two_million_rows_come_back_cut_at_the_cap(embedded_store) -> None:
    res = embedded_store.read_only_user_query("UNWIND range(1, 1000) AS a UNWIND range(1, 2000) AS b RETURN a, b",
                                              row_cap=500)
    assert res.truncated and len(res.rows) == 500


def test_nesting_is_a_cypher_error_on_the_real_store(embedded_store) -> None:
    with pytest.raises(CypherError):
        embedded_store.read_only_user_query("RETURN " + "(" * 30 + "1" + ")" * 30)
