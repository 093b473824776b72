"""Relation classes counted on the development set (stop 9), each on composed sentences:
meetings convened by a region, events named before their sponsors after a discourse opener,
studios named after a master (技能大师工作室) as honour recipients."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc
from tests.unit.ingest._pipe import extract, names


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_an_event_named_before_its_sponsors_after_a_discourse_opener():
    text = "第二届“海河杯”焊工技能大赛在天津开幕。\n据悉，大赛由甲市总工会携手乙市总工会、丙市总工会共同主办。"
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"), ("甲市总工会", "Union"),
                          ("乙市总工会", "Union"), ("丙市总工会", "Union")])
    assert rels(doc, "SPONSORS") == [("丙市总工会", "第二届“海河杯”焊工技能大赛"), ("乙市总工会", "第二届“海河杯”焊工技能大赛"),
                                      ("甲市总工会", "第二届“海河杯”焊工技能大赛")]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_a_discourse_opener_does_not_make_any_clause_an_event_by_chain():
    text = "第二届“海河杯”焊工技能大赛在天津开幕。\n据悉，甲市总工会主办了多场活动。"
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"), ("甲市总工会", "Union")])
    assert rels(doc, "SPONSORS") == []


def test_studios_named_after_a_master_or_a_model_worker_are_institutions():
    for studio in ("“赵某国技能大师工作室”", "“钱某华劳模工作室”"):
        doc = extract(f"另有{studio}获此殊荣。", upto="orgs")
        assert names(doc, "Institution") == {studio.strip("“”")}
    # a kind of studio, not a named one
    assert names(extract("各地要建设一批技能大师工作室。", upto="orgs"), "Institution") == set()


def test_a_bare_noun_in_a_later_paragraph_stands_only_for_the_sole_event_named():
    text = ("第二届“海河杯”焊工技能大赛在天津开幕。又讯，第一届“渤海杯”电工技能大赛同日举行。\n"
            "据悉，大赛由甲市总工会携手乙市总工会共同主办。")
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"),
                          ("第一届“渤海杯”电工技能大赛", "Programme"), ("甲市总工会", "Union"), ("乙市总工会", "Union")])
    assert rels(doc, "SPONSORS") == []
