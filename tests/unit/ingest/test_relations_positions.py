"""HOLDS_POSITION on composed sentences: the general secretary of a named party centre,
pronoun and profile posts (她现任…, NAME，女，现任…), congress seats.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

PRON = {"pronoun": True}


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_general_secretary_only_when_the_party_centre_is_named():
    text = "要学习习近平总书记重要论述，落实党中央部署。"
    doc = make_doc(text, [("习近平", "Person"), ("党中央", "Agency", "中共中央")])
    assert rels(doc, "HOLDS_POSITION") == [("习近平", "中共中央")]
    doc = make_doc("要学习习近平总书记重要论述。", [("习近平", "Person")])
    assert rels(doc, "HOLDS_POSITION") == []


def test_pronoun_holds_a_post_and_a_congress_seat():
    text = "她现任甲市光电有限公司工会副主席，她还当选为甲市人大代表。"
    doc = make_doc(text, [("她", "Person", "王小梅", PRON), ("甲市光电有限公司工会", "Union"),
                          ("她", "Person", "王小梅", PRON, 1), ("甲市人大", "Agency")])
    got = {(r.tail.normalised, r.props.get("title")) for r in extract_relations(doc) if r.type == "HOLDS_POSITION"}
    assert ("甲市光电有限公司工会", "副主席") in got
    assert ("甲市人大", "甲市人大代表") in got


def test_profile_post_with_a_trade_title_and_no_post_for_a_non_title():
    text = "周小红，女，现任甲市地铁集团有限公司电客车司机。"
    doc = make_doc(text, [("周小红", "Person"), ("甲市地铁集团有限公司", "Enterprise")])
    assert rels(doc, "HOLDS_POSITION") == [("周小红", "甲市地铁集团有限公司")]
    text = "她现任甲市地铁集团有限公司重要岗位。"
    doc = make_doc(text, [("她", "Person", "周小红", PRON), ("甲市地铁集团有限公司", "Enterprise")])
    assert rels(doc, "HOLDS_POSITION") == []


def test_a_title_and_name_listed_after_a_colleague_hold_the_post_at_the_colleagues_body():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._pipe import extract

    doc = extract("河南省人力资源和社会保障厅厅长王某、副厅长李某某出席会议。", upto="coreference")
    got = sorted((r.head.normalised, r.tail.normalised, r.props.get("title")) for r in extract_relations(doc)
                 if r.type == "HOLDS_POSITION")
    assert got == [("李某某", "河南省人力资源和社会保障厅", "副厅长"), ("王某", "河南省人力资源和社会保障厅", "厅长")]


def test_a_profile_sentence_gives_the_post_of_the_body_its_clause_opens_with():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._pipe import extract

    doc = extract("李某某，男，汉族，河南青松重工有限公司高级技师。", upto="coreference")
    got = [(r.head.normalised, r.props.get("title")) for r in extract_relations(doc) if r.type == "HOLDS_POSITION"]
    assert got == [("李某某", "高级技师")]


def test_body_and_title_in_brackets_after_the_name():
    doc = make_doc("王华（某省总工会党组书记、常务副主席）：今年以来，我们开展了培训。",
                   [("王华", "Person"), ("某省总工会", "Union")])
    got = [(r.head.normalised, r.tail.normalised, r.props.get("title")) for r in extract_relations(doc)
           if r.type == "HOLDS_POSITION"]
    assert got == [("王华", "某省总工会", "党组书记、常务副主席")]


def test_brackets_without_a_title_word_hold_no_bracketed_post():
    doc = make_doc("张强（某市第一中学学生代表队）参加比赛。", [("张强", "Person"), ("某市第一中学", "Institution")])
    assert not any(r.props.get("title") == "学生代表队" for r in extract_relations(doc) if r.type == "HOLDS_POSITION")
