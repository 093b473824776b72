"""ISSUED on composed sentences: coordinated issuers of a titled list, the steered issuer
(推动/配合B印发《P》), policy systems formed by issued plans.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_coordinated_issuers_issue_every_item_of_a_titled_list():
    text = "甲市总工会、甲市人社局先后印发《关于加强技能人才培养的意见》、《职工技能提升行动方案》。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"),
                          ("《关于加强技能人才培养的意见》", "Programme", None, {"kind": "policy"}),
                          ("《职工技能提升行动方案》", "Programme", None, {"kind": "policy"})])
    got = rels(doc, "ISSUED")
    assert len(got) == 4 and {h for h, _ in got} == {"甲市总工会", "甲市人社局"}


def test_tuidong_body_issues_not_the_subject():
    text = "甲市总工会推动甲市政府办公室印发《产业工人队伍建设改革实施方案》。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市政府办公室", "Agency"),
                          ("《产业工人队伍建设改革实施方案》", "Programme", None, {"kind": "policy"})])
    assert rels(doc, "ISSUED") == [("甲市政府办公室", "《产业工人队伍建设改革实施方案》")]


def test_peihe_body_issues_the_policy():
    text = "乙区总工会配合乙区人社局出台《技能人才评价办法》。"
    doc = make_doc(text, [("乙区总工会", "Union"), ("乙区人社局", "Agency"),
                          ("《技能人才评价办法》", "Programme", None, {"kind": "policy"})])
    assert rels(doc, "ISSUED") == [("乙区人社局", "《技能人才评价办法》")]


def test_a_policy_system_formed_by_issued_plans_is_issued():
    text = "甲电力公司制定出台了技能人才培养、青年人才培养等3项方案，形成了“1+3”人才制度体系。"
    doc = make_doc(text, [("甲电力公司", "Enterprise"), ("“1+3”人才制度体系", "Programme")])
    assert rels(doc, "ISSUED") == [("甲电力公司", "“1+3”人才制度体系")]
    assert rels(doc, "RUNS") == []


def test_a_policy_system_formed_without_an_issue_verb_is_not_issued():
    text = "甲电力公司深化改革，形成了“1+3”人才制度体系。"
    doc = make_doc(text, [("甲电力公司", "Enterprise"), ("“1+3”人才制度体系", "Programme")])
    assert rels(doc, "ISSUED") == []
