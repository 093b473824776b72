"""Contests written as 比武 and figures a text only plans: “X大比武” is a programme with its own
head, a field that a subject-less clause reports right after the organiser held the contest is
the contest's, and 今年将…/还将… figures are targets (将近 is "nearly" and stays a result).
Texts and names are composed."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import extract_outcomes
from tests.unit.ingest._docs import make_doc
from tests.unit.ingest._pipe import extract, names


def test_a_quoted_contest_written_as_bi_wu_is_a_programme():
    doc = extract("甲市总工会联合甲市人社局举办“金牌技工大比武”，吸引参赛职工1.2万人次。", upto="programmes")
    assert "“金牌技工大比武”" in names(doc, "Programme")


def test_the_field_after_the_organisers_verb_is_the_contests():
    text = "甲市总工会联合乙局举办“金牌技工大比武”，吸引参赛职工1.2万人次。"
    ms = [("甲市总工会", "Union"), ("乙局", "Agency"), ("“金牌技工大比武”", "Programme")]
    got = extract_outcomes(make_doc(text, ms))
    assert [(o.actor.normalised, o.value) for o in got] == [("“金牌技工大比武”", 12000)]


def test_a_field_with_its_own_subject_stays_with_it():
    text = "甲市总工会举办“金牌技工大比武”，乙公司组织参赛职工300人。"
    ms = [("甲市总工会", "Union"), ("“金牌技工大比武”", "Programme"), ("乙公司", "Enterprise")]
    got = extract_outcomes(make_doc(text, ms))
    assert [o.actor.normalised for o in got] == ["乙公司"]


def test_this_years_planned_figures_are_no_results():
    for text in ("全市已建成创新工作室186个，今年将新命名市级创新工作室30个。",
                 "甲市总工会已培训职工5000人，下半年还将培训职工3000人。"):
        got = extract_outcomes(make_doc(text, [("甲市总工会", "Union")] if "甲市总工会" in text else []))
        assert [o.value for o in got] == [got[0].value] and got[0].value in (186, 5000), text


def test_jiang_jin_nearly_is_still_a_result():
    got = extract_outcomes(make_doc("甲市总工会今年培训职工将近3000人。", [("甲市总工会", "Union")]))
    assert [o.value for o in got] == [3000]
