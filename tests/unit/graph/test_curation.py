"""Curation.apply on DocumentResults: merges (with chains), split aliases, fact/outcome ids."""

from reformkg.graph.curation import Curation, Decision
from reformkg.graph.model import DocumentResult, Entity, Evidence, Fact, Outcome, entity_id, fact_id, outcome_id
from reformkg.graph.ontology import get_ontology

ONTO = get_ontology()
A = entity_id("Enterprise", "甲公司")
B = entity_id("Enterprise", "甲有限公司")
C = entity_id("Enterprise", "甲集团")
U = entity_id("Union", "某市总工会")


def _result() -> DocumentResult:
    ev = Evidence("d1", "甲公司与某市总工会合作。", 0, 12)
    ents = [Entity(A, "Enterprise", "甲公司", ["甲司"]), Entity(B, "Enterprise", "甲有限公司"),
            Entity(U, "Union", "某市总工会", ["市总工会"])]
    facts = [Fact(fact_id("PARTNERS_WITH", *sorted((A, U)), True), "PARTNERS_WITH", *sorted((A, U)), {}, [ev]),
             Fact(fact_id("PARTNERS_WITH", *sorted((B, U)), True), "PARTNERS_WITH", *sorted((B, U)), {},
                  [Evidence("d1", "甲有限公司与某市总工会合作。", 20, 34)]),
             Fact(fact_id("PARTNERS_WITH", *sorted((A, B)), True), "PARTNERS_WITH", *sorted((A, B)), {}, [ev])]
    outs = [Outcome(outcome_id(B, "培训", 10.0, "人", None), 10.0, "人", "", "培训", None, B, [ev])]
    return DocumentResult("d1", "k", "p", "t", None, "", [], 40, ents, facts, outs)


def test_merge_chain_rewrites_ids():
    cur = Curation([Decision("c1", "merge", entity_id=C, source_id=B, name="甲集团"),
                    Decision("c2", "merge", entity_id=B, source_id=A, name="甲有限公司")], ONTO)
    res = cur.apply(_result())
    ids = sorted(e.id for e in res.entities)
    assert ids == sorted([C, U])  # A → B → C, both collapse into C
    merged = next(e for e in res.entities if e.id == C)
    assert merged.name == "甲集团" and {"甲公司", "甲司", "甲有限公司"} <= set(merged.aliases)
    assert len(res.facts) == 1  # A-U and B-U become one C-U fact; A-B becomes a self loop, dropped
    f = res.facts[0]
    assert {f.source_id, f.target_id} == {C, U} and f.id == fact_id("PARTNERS_WITH", *sorted((C, U)), True)
    assert len(f.evidence) == 2
    assert res.outcomes[0].actor_id == C and res.outcomes[0].id == outcome_id(C, "培训", 10.0, "人", None)


def test_split_alias():
    cur = Curation([Decision("s1", "split", entity_id=U, alias="市总工会")], ONTO)
    res = cur.apply(_result())
    assert next(e for e in res.entities if e.id == U).aliases == []
    # an entity whose canonical name is the split alias gets an id of its own
    r2 = _result()
    r2.entities[2].name = "市总工会"
    res2 = cur.apply(r2)
    assert U not in {e.id for e in res2.entities}


def test_no_decisions_is_identity():
    r = _result()
    assert Curation([], ONTO).apply(r) is r
    assert not Curation([], ONTO)
