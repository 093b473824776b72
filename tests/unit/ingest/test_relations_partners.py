"""PARTNERS_WITH on composed sentences: interns from named schools, partners listed before the
cooperation verb.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_interns_from_named_schools_are_a_partnership():
    text = "甲建设有限公司打造校企合作机制，吸纳了乙大学、丙学院等高校的实习生进入岗位实习。"
    doc = make_doc(text, [("甲建设有限公司", "Enterprise"), ("乙大学", "Institution"), ("丙学院", "Institution")])
    assert rels(doc, "PARTNERS_WITH") == [("甲建设有限公司", "丙学院"), ("甲建设有限公司", "乙大学")]


def test_partners_listed_before_the_cooperation_verb():
    text = "甲集团有限公司与乙大学、丙学院等5所高校建立校企合作关系。丁市总工会分别与戊学院、己大学签署合作协议。"
    ms = [("甲集团有限公司", "Enterprise"), ("乙大学", "Institution"), ("丙学院", "Institution"),
          ("丁市总工会", "Union"), ("戊学院", "Institution"), ("己大学", "Institution")]
    assert rels(make_doc(text, ms), "PARTNERS_WITH") == [
        ("丁市总工会", "己大学"), ("丁市总工会", "戊学院"), ("甲集团有限公司", "丙学院"), ("甲集团有限公司", "乙大学")]
    doc = make_doc("丁市总工会与戊学院和己大学签约。", ms[3:])
    assert rels(doc, "PARTNERS_WITH") == [("丁市总工会", "己大学"), ("丁市总工会", "戊学院")]
