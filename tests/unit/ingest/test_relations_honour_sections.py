"""Honour lists under a heading line that names the award (notices, 公示): each line under the
heading is a recipient, up to the next heading or the first sentence. Composed text; mentions
placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

TEXT = ("拟表彰对象公示如下：\n一、某省五一劳动奖状（2个）\n甲重工股份有限公司\n乙机械有限公司、丙电气有限公司\n"
        "二、某省五一劳动奖章（2名）\n赵甲 丁钢铁集团有限公司主任工程师\n钱乙（女） 戊市第一医院护士长\n"
        "公示期间如有异议，请向省总工会反映。\n孙丙 己公司")
MENTIONS = [("某省五一劳动奖状", "Award"), ("甲重工股份有限公司", "Enterprise"), ("乙机械有限公司", "Enterprise"),
            ("丙电气有限公司", "Enterprise"), ("某省五一劳动奖章", "Award"), ("赵甲", "Person"),
            ("丁钢铁集团有限公司", "Enterprise"), ("钱乙", "Person"), ("戊市第一医院", "Institution"),
            ("省总工会", "Union"), ("孙丙", "Person"), ("己公司", "Enterprise")]


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised, r.props.get("title")) for r in extract_relations(doc)
                  if r.type == rtype)


def test_each_line_under_an_award_heading_is_a_recipient():
    got = [(h, t) for h, t, _ in rels(make_doc(TEXT, MENTIONS), "AWARDED")]
    assert got == sorted([("甲重工股份有限公司", "某省五一劳动奖状"), ("乙机械有限公司", "某省五一劳动奖状"),
                          ("丙电气有限公司", "某省五一劳动奖状"), ("赵甲", "某省五一劳动奖章"), ("钱乙", "某省五一劳动奖章")])


def test_a_listed_person_holds_a_post_at_the_body_written_after_her():
    got = rels(make_doc(TEXT, MENTIONS), "HOLDS_POSITION")
    assert ("赵甲", "丁钢铁集团有限公司", "主任工程师") in got
    assert ("钱乙", "戊市第一医院", "护士长") in got
    assert not any(h == "孙丙" for h, _, _ in got)   # after the sentence that closed the list


def test_an_award_inside_a_sentence_is_no_heading():
    text = "甲重工股份有限公司荣获某省五一劳动奖状（集体）。\n乙机械有限公司\n"
    doc = make_doc(text, [("甲重工股份有限公司", "Enterprise"), ("某省五一劳动奖状", "Award"), ("乙机械有限公司", "Enterprise")])
    assert [h for h, _, _ in rels(doc, "AWARDED")] == ["甲重工股份有限公司"]


def test_a_conferring_sentence_ending_with_the_award_heads_the_numbered_lines_after_it():
    text = ("经评审，省总工会决定命名下列工作室为某省劳模和工匠人才创新工作室：\n"
            "1. 甲劳模创新工作室（乙石化公司）\n2、丙技能大师工作室（丁集团有限公司）\n"
            "某省总工会\n2023年12月20日")
    doc = make_doc(text, [("省总工会", "Union"), ("某省劳模和工匠人才创新工作室", "Award"),
                          ("甲劳模创新工作室", "Institution"), ("乙石化公司", "Enterprise"),
                          ("丙技能大师工作室", "Institution"), ("丁集团有限公司", "Enterprise"),
                          ("某省总工会", "Union")])
    got = [h for h, _, _ in rels(doc, "AWARDED")]
    # the employers in brackets and the unnumbered signature line are no recipients
    assert sorted(got) == ["丙技能大师工作室", "甲劳模创新工作室"]


def test_a_sentence_that_only_mentions_an_award_heads_nothing():
    text = "该公司曾获某省五一劳动奖状。\n乙机械有限公司\n"
    doc = make_doc(text, [("某省五一劳动奖状", "Award"), ("乙机械有限公司", "Enterprise")])
    assert rels(doc, "AWARDED") == []


ANNEX = ("某省总工会决定，命名赵甲等3名同志为2024年度“某省金匠”。\n\n附件：2024年度“某省金匠”名单\n\n"
         "赵甲 丁钢铁集团有限公司首席技师\n钱乙（女） 戊电子股份有限公司高级工程师\n孙丙 己化工有限公司技术总监\n\n"
         "某省总工会\n2024年4月25日\n")
ANNEX_MENTIONS = [("某省总工会", "Union"), ("赵甲", "Person"), ("“某省金匠”", "Award", "某省金匠"),
                  ("“某省金匠”", "Award", "某省金匠", None, 1), ("赵甲", "Person", None, None, 1),
                  ("丁钢铁集团有限公司", "Enterprise"), ("钱乙", "Person"), ("戊电子股份有限公司", "Enterprise"),
                  ("孙丙", "Person"), ("己化工有限公司", "Enterprise"), ("某省总工会", "Union", None, None, 1)]


def test_an_attachments_list_heading_names_the_award_of_its_rows():
    got = [(h, t) for h, t, _ in rels(make_doc(ANNEX, ANNEX_MENTIONS), "AWARDED")]
    assert {("钱乙", "某省金匠"), ("孙丙", "某省金匠"), ("赵甲", "某省金匠")} <= set(got)
    assert ("丁钢铁集团有限公司", "某省金匠") not in got


def test_a_list_of_persons_ends_at_the_signature_block():
    got = [(h, t) for h, t, _ in rels(make_doc(ANNEX, ANNEX_MENTIONS), "AWARDED")]
    assert not any(h == "某省总工会" for h, _ in got)
    holds = rels(make_doc(ANNEX, ANNEX_MENTIONS), "HOLDS_POSITION")
    assert ("钱乙", "戊电子股份有限公司", "高级工程师") in holds


PUBLIC = ("拟命名以下3个工作室为2024年度某省示范性劳模创新工作室，现予以公示。\n甲市（2个）\n"
          "1. 甲钢铁股份有限公司赵甲劳模创新工作室\n2. 乙化工有限公司\n乙市（1个）\n1. 丙叶片有限公司钱乙技能大师工作室\n"
          "公示期为2024年10月8日至10月14日。\n")
PUBLIC_MENTIONS = [("某省示范性劳模创新工作室", "Award"), ("甲市", "Region"), ("甲钢铁股份有限公司", "Enterprise"),
                   ("赵甲劳模创新工作室", "Institution"), ("乙化工有限公司", "Enterprise"), ("乙市", "Region"),
                   ("丙叶片有限公司", "Enterprise"), ("钱乙技能大师工作室", "Institution")]


def test_a_public_notice_list_goes_on_under_region_sub_headings():
    got = [h for h, _, _ in rels(make_doc(PUBLIC, PUBLIC_MENTIONS), "AWARDED")]
    assert got == sorted(["赵甲劳模创新工作室", "乙化工有限公司", "钱乙技能大师工作室"])
