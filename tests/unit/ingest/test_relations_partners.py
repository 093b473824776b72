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


def test_every_party_of_a_three_party_agreement_partners_every_other():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    ms = [("甲市总工会", "Union"), ("乙职业技术学院", "Institution"), ("丙汽车集团有限公司", "Enterprise")]
    pairs = lambda t: sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(make_doc(t, ms))  # noqa: E731
                             if r.type == "PARTNERS_WITH")
    assert len(pairs("甲市总工会与乙职业技术学院、丙汽车集团有限公司三方签订合作协议。")) == 3
    assert len(pairs("甲市总工会与乙职业技术学院、丙汽车集团有限公司签订合作协议。")) == 2


def test_a_firm_opening_an_order_class_at_a_school_partners_the_school():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    ms = [("丙汽车集团有限公司", "Enterprise"), ("乙职业技术学院", "Institution"), ("“丙汽车订单班”", "Programme")]
    rels = extract_relations(make_doc("丙汽车集团有限公司将在乙职业技术学院设立“丙汽车订单班”。", ms))
    assert [(r.head.normalised, r.tail.normalised) for r in rels if r.type == "PARTNERS_WITH"] == [
        ("丙汽车集团有限公司", "乙职业技术学院")]


def test_a_joint_verb_carries_the_pair_of_the_previous_clause():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    ms = [("甲区总工会", "Union"), ("乙职业技术学院", "Institution"), ("“技能进车间”活动", "Programme")]
    rels = extract_relations(make_doc("甲区总工会与乙职业技术学院结对共建，联合开展“技能进车间”活动。", ms))
    assert sorted(r.head.normalised for r in rels if r.type == "SPONSORS") == ["乙职业技术学院", "甲区总工会"]


def test_a_listed_pair_before_a_partnership_verb_partners_itself():
    text = "甲市总工会推动甲学院、乙石化公司结对共建产业工人培训基地。"
    ms = [("甲市总工会", "Union"), ("甲学院", "Institution"), ("乙石化公司", "Enterprise")]
    got = {tuple(sorted(p)) for p in rels(make_doc(text, ms), "PARTNERS_WITH")}
    assert got == {("乙石化公司", "甲学院")}


def test_a_list_after_yu_is_read_by_the_with_rule_only():
    text = "甲市总工会与甲学院、乙石化公司签订合作协议。"
    ms = [("甲市总工会", "Union"), ("甲学院", "Institution"), ("乙石化公司", "Enterprise")]
    got = {tuple(sorted(p)) for p in rels(make_doc(text, ms), "PARTNERS_WITH")}
    assert got == {("甲学院", "甲市总工会"), ("乙石化公司", "甲市总工会")}
