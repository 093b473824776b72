"""MEMBER_OF on composed sentences: member lists after the committee (成员单位包括 / 作为成员单位).
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_members_listed_after_the_committee_with_cheng_yuan_dan_wei_bao_kuo():
    text = "甲市产业工人队伍建设改革协调小组成立，成员单位包括甲市总工会、甲市教育局、甲市财政局。"
    doc = make_doc(text, [("甲市产业工人队伍建设改革协调小组", "Agency"), ("甲市总工会", "Union"),
                          ("甲市教育局", "Agency"), ("甲市财政局", "Agency")])
    got = rels(doc, "MEMBER_OF")
    assert [h for h, _ in got] == ["甲市总工会", "甲市教育局", "甲市财政局"]
    assert {t for _, t in got} == {"甲市产业工人队伍建设改革协调小组"}


def test_members_zuo_wei_cheng_yuan_dan_wei_after_a_lead_clause():
    text = "园区建立产改联席会议，由园区党工委牵头，园区总工会、园区人社局、园区财政局等作为成员单位。"
    doc = make_doc(text, [("产改联席会议", "Agency"), ("园区党工委", "Agency"), ("园区总工会", "Union"),
                          ("园区人社局", "Agency"), ("园区财政局", "Agency")])
    got = rels(doc, "MEMBER_OF")
    assert sorted(h for h, _ in got) == ["园区人社局", "园区总工会", "园区财政局"]


def test_members_of_a_joint_meeting_named_by_its_bare_word():
    text = "乐山市建立技能人才工作联席会议制度。联席会议由市人社局、市教育局、市总工会等12个部门组成。"
    doc = make_doc(text, [("技能人才工作联席会议", "Agency", "乐山市技能人才工作联席会议"), ("市人社局", "Agency"),
                          ("市教育局", "Agency"), ("市总工会", "Union")])
    assert rels(doc, "MEMBER_OF") == [("市人社局", "乐山市技能人才工作联席会议"), ("市总工会", "乐山市技能人才工作联席会议"),
                                      ("市教育局", "乐山市技能人才工作联席会议")]
