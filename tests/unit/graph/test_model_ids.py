"""Deterministic ids: same keys → same id, different keys/labels → different ids, symmetric
facts independent of direction."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reformkg.graph.model import canonical_pair, document_node_id, entity_id, fact_id, outcome_id, stable_hash


def test_entity_ids_are_stable_and_prefixed():
    a = entity_id("Union", "江苏省总工会")
    assert a == entity_id("Union", "江苏省总工会") and a.startswith("uni_")
    assert a != entity_id("Agency", "江苏省总工会")
    assert entity_id("Region", "320000") != entity_id("Region", "320100")
    assert document_node_id("abc") == "doc_abc"


def test_outcome_ids_depend_on_every_part():
    base = outcome_id("uni_x", "培训", 5000, "人次", 2023)
    assert base == outcome_id("uni_x", "培训", 5000.0, "人次", 2023)
    assert len({base, outcome_id("uni_y", "培训", 5000, "人次", 2023), outcome_id("uni_x", "培训", 5001, "人次", 2023),
                outcome_id("uni_x", "培训", 5000, "元", 2023), outcome_id("uni_x", "培训", 5000, "人次", None)}) == 5


@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_symmetric_fact_ids_ignore_direction(a, b):
    assert fact_id("PARTNERS_WITH", a, b, symmetric=True) == fact_id("PARTNERS_WITH", b, a, symmetric=True)
    s, t = canonical_pair(a, b)
    assert s <= t and {s, t} == {a, b}


def test_directed_fact_ids_keep_direction():
    assert fact_id("RUNS", "a", "b") != fact_id("RUNS", "b", "a")
    assert fact_id("RUNS", "a", "b") != fact_id("SPONSORS", "a", "b")


def test_stable_hash_separates_parts():
    assert stable_hash("ab", "c") != stable_hash("a", "bc")
    assert stable_hash(None, "x") == stable_hash("", "x")
