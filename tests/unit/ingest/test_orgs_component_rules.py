"""The named rules of the `Orgs` component (component_*.py, derived.py), on composed sentences."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.extract.orgs.component_candidates import ends_before_word, group_lead, tail_only_heads
from reformkg.ingest.extract.orgs.grammar import Cand
from tests.unit.ingest._pipe import extract, mentions


def _orgs(text: str) -> dict[str, tuple[str, str, str | None]]:
    doc = extract(text, upto="orgs")
    return {m.surface: (m.label, m.normalised, m.span.attrs.get("kind"))
            for m in mentions(doc) if m.label != Label.REGION}


def test_group_lead_takes_the_national_words() -> None:
    text = "全国推进产改协调小组召开会议。"
    c = group_lead(text, Cand(4, 10, "generic"))
    assert (c.start, c.end, c.kind) == (0, 10, "strong")
    other = Cand(0, 2, "lac")
    assert group_lead("某某公司召开会议。", other) is other


def test_a_head_that_starts_the_next_word_ends_no_body() -> None:
    assert ends_before_word("某市政府决策部署", Cand(4, 7, "dept"))        # 部署
    assert not ends_before_word("某市人社局召开会议", Cand(0, 5, "dept"))


def test_tail_only_heads_are_read_in_file_order() -> None:
    heads = tail_only_heads()
    assert heads[:2] == ("党委", "党组") and "人大常委会" in heads


def test_committee_and_its_department() -> None:
    o = _orgs("嘉兴市委常委、组织部部长出席会议。")
    assert o["嘉兴市委"][:2] == (Label.AGENCY, "嘉兴市委")
    assert o["组织部"][:2] == (Label.AGENCY, "嘉兴市委组织部")


def test_abbreviated_department_as_an_actor() -> None:
    o = _orgs("嘉兴市财政、市人社联合印发通知。")
    assert o["市人社"] == (Label.AGENCY, "嘉兴市人力资源和社会保障局", "abbr_dept")


def test_tagger_span_loses_a_glued_verb() -> None:
    o = _orgs("嘉兴市人社局协办。")
    assert o["嘉兴市人社局"][:2] == (Label.AGENCY, "嘉兴市人力资源和社会保障局")


def test_set_up_group_is_named_with_its_parent() -> None:
    o = _orgs("嘉兴市总工会成立了产改工作领导小组，产改工作领导小组负责推进。")
    assert o["产改工作领导小组"] == (Label.UNION, "嘉兴市总工会产改工作领导小组", "set-up")


def test_association_written_short() -> None:
    o = _orgs("嘉兴市家政服务行业协会召开年会。会上，市家协发布了服务标准。")
    assert o["市家协"] == (Label.INSTITUTION, "嘉兴市家政服务行业协会", "short-association")


def test_firm_short_name_and_parent_firm() -> None:
    o = _orgs("恒远精密机械有限公司举办培训。恒远精密机械在宁波投资。")
    assert o["恒远精密机械"] == (Label.ENTERPRISE, "恒远精密机械有限公司", "short-name")
    o = _orgs("宁波恒远集团有限公司工会举办活动。")
    assert o["宁波恒远集团有限公司"] == (Label.ENTERPRISE, "宁波恒远集团有限公司", "parent")


def test_zone_anaphors_name_the_one_zone() -> None:
    o = _orgs("嘉兴市嘉禾高新区推进改革。园区党工委、管委会联合印发通知。")
    assert o["园区党工委"] == (Label.AGENCY, "嘉兴市嘉禾高新区党工委", "zone-anaphor")
    assert o["管委会"] == (Label.AGENCY, "嘉兴市嘉禾高新区管委会", "zone-anaphor")
    o = _orgs("嘉兴市嘉禾开发区推进改革。园区总工会举办竞赛。")
    assert o["园区总工会"][:2] == (Label.UNION, "嘉兴市嘉禾开发区总工会")


def test_a_firms_region_prefix_is_cut_once_by_its_longest_place():
    from reformkg.ingest.extract.orgs.derived import _without_region

    assert _without_region("宁波市甬江精密机械有限公司") == "甬江精密机械有限公司"
    assert _without_region("江苏省无锡市青松精密机械有限公司") == "青松精密机械有限公司"
    assert _without_region("无锡青松公司") == "无锡青松公司"     # fewer than 6 characters would remain


def test_a_notices_addressee_line_names_kinds_of_recipients_not_bodies():
    from tests.unit.ingest._pipe import extract, mentions

    doc = extract("关于做好职工书屋建设的通知\n各市总工会、人力资源和社会保障局、科技局，省直各有关单位：\n"
                  "现将有关事项通知如下。\n河南省总工会与河南省科学技术厅联合开展评选。", upto="orgs")
    names = {m.surface for m in mentions(doc) if m.label != "Region"}
    assert not names & {"人力资源和社会保障局", "科技局", "市总工会"}
    assert "河南省总工会" in names


def test_provincial_departments_written_in_full_are_agencies():
    from tests.unit.ingest._pipe import extract, names

    for dept in ("科学技术厅", "自然资源厅", "退役军人事务厅", "住房和城乡建设厅", "医疗保障局"):
        doc = extract(f"河南省总工会、河南省{dept}联合印发通知。", upto="orgs")
        assert f"河南省{dept}" in names(doc, "Agency"), dept


def test_youth_league_womens_federation_and_science_association_bodies_are_institutions():
    from tests.unit.ingest._pipe import extract, names

    doc = extract("由河南省总工会、共青团河南省委承办，河南省妇联、河南省科协协办。", upto="orgs")
    assert {"共青团河南省委", "河南省妇联", "河南省科协"} <= names(doc, "Institution")
    assert "河南省委" not in names(doc, "Agency")
    assert "共青团中央" in names(extract("共青团中央、全国总工会联合表彰。", upto="orgs"), "Institution")


def test_a_name_the_tagger_starts_with_the_last_character_of_huitong_loses_it() -> None:
    from tests.unit.ingest._pipe import extract, names

    doc = extract("红河州总工会：以产改为牵引\n\n近年来，红河州总工会坚持把产改作为工会工作的重要抓手，"
                  "会同州人社局、州工信局等部门建立产改联席会议制度。", upto="orgs")
    got = names(doc, "Agency")
    assert not any(n.startswith("同州") for n in got), got


def test_a_field_of_work_the_tagger_reads_as_an_organisation_is_no_firm() -> None:
    from tests.unit.ingest._pipe import extract, names

    doc = extract("同日，甲职业大学与乙汽车股份有限公司签约共建“乙工匠学院”，双方将联合培养新能源汽车技术人才。",
                  upto="orgs")
    assert "新能源汽车" not in names(doc, "Enterprise")
