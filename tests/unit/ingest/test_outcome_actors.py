"""Outcomes and their actors on composed sentences: meeting agendas and planned floors are no
results, a city's union system and a work summary credit the union, a person her own results.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import extract_outcomes
from tests.unit.ingest._docs import make_doc

PRON = {"pronoun": True}


def test_a_meetings_agenda_and_speakers_are_not_outcomes():
    for text in ("会议有四个议题，共安排8位同志发言，议程共5项。", "大会共有12个单位作交流发言，3名劳模代表发言。",
                 "座谈会上，10位职工代表畅谈体会。", "本期简报共4个版面，刊发稿件12篇。"):
        assert extract_outcomes(make_doc(text)) == [], text
    assert [o.value for o in extract_outcomes(make_doc("德阳市总工会今年培训职工3200人次。"))] == [3200]


def test_a_floor_planned_in_an_earlier_clause_is_no_result():
    doc = make_doc("“十五五”期间将面向全体劳动者，组织实施补贴性培训3000万人次以上。")
    assert extract_outcomes(doc) == []
    doc = make_doc("去年以来，全市表彰百名以上优秀工匠。")
    assert [o.value for o in extract_outcomes(doc)] == [100]


def test_a_citys_union_system_figures_are_credited_to_the_union_the_piece_is_about():
    text = "甲市总工会推进技能竞赛\n\n甲市总工会持续开展技能竞赛。全市各级工会共举办各类技能竞赛120场。"
    ms = [("甲市总工会", "Union"), ("甲市总工会", "Union", None, None, 1), ("全市", "Region", "甲市")]
    got = extract_outcomes(make_doc(text, ms))
    assert [(o.value, o.actor.normalised) for o in got] == [(120, "甲市总工会")]


def test_person_subject_is_credited_with_her_results_but_not_the_company():
    text = "甲市光电有限公司今年培训职工300人次。她带领团队完成技术革新32项，她的工作室累计培养徒弟120名。"
    doc = make_doc(text, [("甲市光电有限公司", "Enterprise"), ("她", "Person", "王小梅", PRON),
                          ("她", "Person", "王小梅", PRON, 1)])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(300, "甲市光电有限公司"), (32, "王小梅"), (120, "王小梅")]


def test_union_work_summary_credits_the_union_not_an_enterprise_in_passing():
    text = ("甲区总工会2023年工作总结\n一、加强思想引领\n全年举办职工宣讲会12场。甲市某某科技有限公司组织职工参加培训500人次。"
            "开展劳模工匠进企业活动35场次。\n二、维护职工权益\n帮扶困难职工260户。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(12, "甲区总工会"), (500, "甲市某某科技有限公司"), (35, "甲区总工会"), (260, "甲区总工会")]


def test_markdown_work_summary_numbered_section_led_by_an_enterprise_keeps_the_union():
    text = ("# 甲区总工会2023年工作总结\n\n一、加强思想引领\n\n甲市某某科技有限公司组织职工参加培训500人次。"
            "全年举办职工宣讲会12场。\n\n二、维护职工权益\n\n帮扶困难职工260户。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(500, "甲市某某科技有限公司"), (12, "甲区总工会"), (260, "甲区总工会")]


def test_work_summary_with_inline_numbered_items():
    text = ("甲区总工会2023年工作总结\n一是加强思想引领。全年举办职工宣讲会12场。甲市某某科技有限公司组织职工参加培训500人次。"
            "开展劳模工匠进企业活动35场次。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(12, "甲区总工会"), (500, "甲市某某科技有限公司"), (35, "甲区总工会")]


def test_an_enterprise_feature_still_carries_its_subject_over():
    text = "甲市某某科技有限公司深化产改\n甲市某某科技有限公司组织职工参加培训500人次。全年开展技能比武12场。"
    doc = make_doc(text, [("甲市某某科技有限公司", "Enterprise"), ("甲市某某科技有限公司", "Enterprise", None, None, 1)])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(500, "甲市某某科技有限公司"), (12, "甲市某某科技有限公司")]


def test_a_contests_field_goes_to_the_contest_not_to_the_organisers_qualifying_it():
    text = "由甲省总工会主办，乙公司承办的第三届“某某杯”焊工技能大赛日前落幕，共有900余名职工参赛。"
    ms = [("甲省总工会", "Union"), ("乙公司", "Enterprise"), ("第三届“某某杯”焊工技能大赛", "Programme")]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(900, "第三届“某某杯”焊工技能大赛")]
    # an organiser that is the subject of the count's own clause keeps it
    text = "第三届“某某杯”焊工技能大赛日前落幕。乙公司今年组织职工参赛300人次。"
    ms = [("第三届“某某杯”焊工技能大赛", "Programme"), ("乙公司", "Enterprise")]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(300, "乙公司")]


def test_a_speaker_reporting_about_her_body_is_not_the_actor():
    text = "甲机械有限公司工会主席赵甲介绍，企业已建成职工创新工作室8个，累计带徒300人。"
    ms = [("甲机械有限公司工会", "Union"), ("甲机械有限公司", "Enterprise"), ("赵甲", "Person")]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(8, "甲机械有限公司"), (300, "甲机械有限公司")]
    text = "乙市总工会副主席钱乙表示，今年以来全市培训职工5000人次。"
    ms = [("乙市总工会", "Union"), ("钱乙", "Person")]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(5000, "乙市总工会")]


def test_a_speaker_telling_her_own_deeds_keeps_them():
    text = "甲机械有限公司技师赵甲介绍，她带领团队完成技术革新12项。"
    ms = [("甲机械有限公司", "Enterprise"), ("赵甲", "Person"), ("她", "Person", "赵甲", PRON)]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(12, "赵甲")]


def test_a_unions_own_report_speaks_in_its_voice():
    text = "甲省总工会2024年工作报告\n\n一年来，全省各级工会扎实工作。全省新建职工书屋42个。"
    ms = [("甲省总工会", "Union"), ("全省", "Region", "甲省"), ("全省", "Region", "甲省", None, 1)]
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(make_doc(text, ms))]
    assert got == [(42, "甲省总工会")]


def test_a_bare_workroom_subject_is_the_workroom_named_before():
    text = "他领衔的“甲乙技能大师工作室”获评国家级技能大师工作室。工作室成立以来，共完成技术攻关56项。"
    ms = [("“甲乙技能大师工作室”", "Institution", "甲乙技能大师工作室")]
    got = extract_outcomes(make_doc(text, ms))
    assert [(o.actor.normalised if o.actor else None, o.value) for o in got] == [("甲乙技能大师工作室", 56)]


def test_figures_after_fenbie_go_to_the_listed_actors_in_order():
    text = "甲市总工会今年推进产改。甲县总工会、乙区总工会分别组织职工技能竞赛45场、32场。"
    ms = [("甲市总工会", "Union"), ("甲县总工会", "Union"), ("乙区总工会", "Union")]
    got = extract_outcomes(make_doc(text, ms))
    assert [(o.actor.normalised, o.value) for o in got] == [("甲县总工会", 45), ("乙区总工会", 32)]


def test_fenbie_with_a_different_number_of_figures_credits_as_before():
    text = "甲县总工会、乙区总工会分别组织职工技能竞赛共77场。"
    ms = [("甲县总工会", "Union"), ("乙区总工会", "Union")]
    got = extract_outcomes(make_doc(text, ms))
    assert [o.value for o in got] == [77]
