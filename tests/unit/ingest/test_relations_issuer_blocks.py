"""ISSUED from a notice's header and signature blocks (lines made only of bodies) to the policy
the notice issues. Composed text; mentions placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

POLICY = "《某省职工书屋管理办法》"


def issued(doc):
    return sorted(r.head.normalised for r in extract_relations(doc) if r.type == "ISSUED")


def test_header_and_signature_bodies_issue_the_policy_the_notice_issues():
    text = (f"甲省总工会 甲省财政厅\n关于印发{POLICY}的通知\n各有关单位：\n现将{POLICY}印发给你们，请认真执行。\n"
            "甲省总工会\n甲省科学技术厅\n2024年3月1日")
    ms = [("甲省总工会", "Union"), ("甲省财政厅", "Agency"), (POLICY, "Programme"), (POLICY, "Programme", None, None, 1),
          ("甲省总工会", "Union", None, None, 1), ("甲省科学技术厅", "Agency")]
    assert issued(make_doc(text, ms)) == ["甲省总工会", "甲省科学技术厅", "甲省财政厅"]


def test_a_line_with_more_than_bodies_is_no_block_and_a_cited_policy_is_not_issued():
    text = f"甲省总工会召开会议\n会议学习了{POLICY}。\n甲省总工会\n2024年3月1日"
    ms = [("甲省总工会", "Union"), (POLICY, "Programme"), ("甲省总工会", "Union", None, None, 1)]
    assert issued(make_doc(text, ms)) == []
