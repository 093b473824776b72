"""PILOTS on composed sentences: designations among several, loose pilot lists, examples after a
colon, and the designating body kept apart from what it chose.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_pilot_province_among_several_with_de():
    doc = make_doc("四川被确定为3个全面试点的省份之一。", [("四川", "Region", "四川省")])
    assert rels(doc, "PILOTS") == [("四川省", "产业工人队伍建设改革")]


def test_listed_pilot_item_known_from_elsewhere_in_the_text():
    text = "在甲园实施产改。培育乙科技有限公司等5家省级试点单位，甲园、丙区等8家市级试点单位。"
    doc = make_doc(text, [("甲园", "Region"), ("乙科技有限公司", "Enterprise")])
    got = rels(doc, "PILOTS")
    assert ("甲园", "产业工人队伍建设改革") in got and ("乙科技有限公司", "产业工人队伍建设改革") in got
    # the item right before 等 tagged, an earlier one only known from elsewhere
    doc = make_doc(text, [("甲园", "Region"), ("乙科技有限公司", "Enterprise"), ("丙区", "Region")])
    got = rels(doc, "PILOTS")
    assert ("甲园", "产业工人队伍建设改革") in got and ("丙区", "产业工人队伍建设改革") in got


def test_example_units_after_a_colon_and_an_ellipsis_pilot_the_named_programme():
    text = ("甲省总工会推进“温馨企业”创建工作。\n\n"
            "交流会上，全省多家“温馨企业”试点单位介绍了做法：“送清凉”、“夜校”开张……"
            "甲电力有限公司建起一座食堂，让职工受益。乙纺织有限公司工会开办托育班。\n\n另一段。")
    doc = make_doc(text, [("甲省总工会", "Union"), ("“温馨企业”创建工作", "Programme"),
                          ("甲电力有限公司", "Enterprise"), ("乙纺织有限公司工会", "Union")])
    assert rels(doc, "PILOTS") == [("乙纺织有限公司工会", "“温馨企业”创建工作"),
                                    ("甲电力有限公司", "“温馨企业”创建工作")]


def test_the_designating_body_is_no_pilot_of_what_it_chose():
    text = "县总工会在全县遴选了甲建材有限公司、乙科技有限公司等10家企业作为县级产改试点企业。"
    ms = [("县总工会", "Union", "丙县总工会"), ("甲建材有限公司", "Enterprise"), ("乙科技有限公司", "Enterprise")]
    got = rels(make_doc(text, ms), "PILOTS")
    assert got == [("乙科技有限公司", "产业工人队伍建设改革"), ("甲建材有限公司", "产业工人队伍建设改革")]


def test_listed_actors_carrying_out_a_reform_pilot():
    doc = make_doc("推动遵义市、六盘水市开展省级产改试点。", [("遵义市", "Region"), ("六盘水市", "Region"),
                                                   ("产改", "Programme", "产业工人队伍建设改革", {"reform": True})])
    assert rels(doc, "PILOTS") == [("六盘水市", "产业工人队伍建设改革"), ("遵义市", "产业工人队伍建设改革")]


def test_a_joint_action_on_a_reform_pilot_names_no_pilot_unit():
    doc = make_doc("省总工会联合省人社厅开展产改试点。", [("省总工会", "Union"), ("省人社厅", "Agency"),
                                               ("产改", "Programme", "产业工人队伍建设改革", {"reform": True})])
    assert rels(doc, "PILOTS") == []
