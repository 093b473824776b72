"""Outcomes on composed sentences (invented places and bodies): numbers that are
not results (background, plan content, set-up, per-unit, a set already counted, origin of
participants, event structure) and the credited actor (the union whose voice the article is in,
a person named after her honours, a finished contest's own counts)."""

from __future__ import annotations

import pytest

from reformkg.ingest.extract.outcome_cues import cues, not_a_result
from reformkg.ingest.extract.outcomes import extract_outcomes
from tests.unit.ingest._docs import make_doc


def vals(doc):
    return [(o.value, o.unit) for o in extract_outcomes(doc)]


def test_the_cue_table_loads_and_names_its_classes():
    classes = {c.cls for c in cues()}
    assert {"background", "plan", "setup", "perunit", "reference", "origin", "structure"} <= classes


@pytest.mark.parametrize("text", [
    "甘肃是能源大省，现有产业工人900多万，约占就业人口的31%。",                      # standing of a province
    "定西市家具协会现已拥有家具企业64家，全镇家具年产值已突破3亿元。",               # membership and output
    "临洮县有一个聚集了百余家企业、1.8万名职工的陶瓷产业园。",                        # a place described
])
def test_background_statistics_are_not_outcomes(text):
    doc = make_doc(text, [])
    assert vals(doc) == []


def test_plan_articles_setup_and_quotas_are_not_outcomes():
    text = ("渭源县总工会提出了三个方面17条改革“干货”。渭源县总工会组建由9名律师、工会干部组成的指导团队，"
            "其中包括3名一线专家。县总每名干部联系4个乡镇，联系指导5家企业。每个工作室将获得3万元补助资金。")
    doc = make_doc(text, [("渭源县总工会", "Union"), ("渭源县总工会", "Union", None, None, 1)])
    assert vals(doc) == []


def test_a_set_already_counted_is_not_counted_again():
    text = ("岷县总工会组建了药材、物流、建材产业集群工会联合会。目前，这3个集群都建起职工之家，"
            "3个集群中有14人获得发明专利。岷县总工会将3个集群培育成竞赛基地。")
    doc = make_doc(text, [("岷县总工会", "Union"), ("岷县总工会", "Union", None, None, 1)])
    assert vals(doc) == [(14, "人")]


def test_origin_of_participants_and_structure_of_an_event():
    text = "本届大赛汇聚西北5个地区和城市的96名优秀选手。大赛设置焊接、钳工、电工3项个人竞赛项目。"
    doc = make_doc(text, [])
    assert vals(doc) == [(96, "名")]


def test_not_a_result_names_the_class():
    text = "现有职工3200人。"
    assert not_a_result(text, "人", 4, 9, (0, 9), (0, 10)) == "background"
    assert not_a_result("培训职工3200人。", "人", 4, 9, (0, 9), (0, 10)) is None


def test_results_without_subject_are_the_voice_unions():
    text = ("陇南市总工会团结带领全市职工建功立业，为产业工人提质赋能。\n\n搭平台提技术\n\n"
            "5个工匠实训基地陆续落成，新时代职工赋能行动顺利启动，受益职工2万余名。")
    doc = make_doc(text, [("陇南市总工会", "Union"), ("新时代职工赋能行动", "Programme")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(5, "陇南市总工会"), (20000, "陇南市总工会")]


def test_the_union_a_reporter_heard_the_news_from_is_the_voice():
    text = "本报讯 记者日前从天水市总工会获悉，全市累计培训农民工3500人次。"
    doc = make_doc(text, [("天水市总工会", "Union"), ("全市", "Region", "天水市", {"contextual": True})])
    ctx_union = extract_outcomes(doc)[0].actor
    assert ctx_union.surface == "天水市总工会"


def test_a_person_named_after_honours_and_posts_is_the_subject():
    text = ("甘肃省劳动模范、金昌镍业有限公司董事长祁建华率先建起劳模创新工作室，"
            "先后获得7项国家发明专利，带出技能型人才15名。")
    doc = make_doc(text, [("甘肃省劳动模范", "Award"), ("金昌镍业有限公司", "Enterprise"), ("祁建华", "Person")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(7, "祁建华"), (15, "祁建华")]


def test_a_contest_is_credited_with_its_own_field_and_honours():
    text = ("武威市开展“匠心杯”焊工技能竞赛。本届大赛汇聚全市42名优秀选手。"
            "会议对竞赛中表现突出的12名先进个人进行了表彰。")
    doc = make_doc(text, [("武威市", "Region"), ("“匠心杯”焊工技能竞赛", "Programme")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(42, "“匠心杯”焊工技能竞赛"), (12, "“匠心杯”焊工技能竞赛")]


def test_a_count_after_a_list_of_honours_belongs_to_the_last_item():
    text = "白银市总工会表彰技术能手、五一技术标兵140名。"
    doc = make_doc(text, [("白银市总工会", "Union")])
    (o,) = extract_outcomes(doc)
    assert o.value == 140 and "五一技术标兵" in o.metric and "技术能手" not in o.metric


def test_a_count_summing_its_list_keeps_the_list():
    text = "酒泉市确定了风电、光伏两个产改试点行业。"
    doc = make_doc(text, [("酒泉市", "Region")])
    got = extract_outcomes(doc)
    assert [(o.value, o.unit) for o in got] == [(2, "个")]
    assert "风电" in got[0].metric


def test_a_metric_is_not_spliced_around_enumerated_names():
    text = "张掖市技能大赛中，选手从甘州、临泽等参赛队伍中脱颖而出，近100人进入决赛。"
    doc = make_doc(text, [("张掖市", "Region"), ("甘州", "Region"), ("临泽", "Region")])
    for o in extract_outcomes(doc):
        assert "从的" not in o.metric and "从参赛" not in o.metric


def test_one_person_honoured_is_counted_but_rhetorical_small_numbers_are_not():
    doc = make_doc("高台县一人获评“河西工匠”。高台县坚持两个维护，落实三项机制。", [("高台县", "Region"), ("高台县", "Region", None, None, 1)])
    assert vals(doc) == [(1, "人")]


def test_national_statistics_are_credited_to_the_reform():
    text = ("全国总工会召开产业工人队伍建设改革新闻发布会，全国总工会副主席某某在会上介绍，截至2023年年底，"
            "全国技能人才总量已超过2亿人，高技能人才超过6000万人。")
    doc = make_doc(text, [("全国总工会", "Union", "中华全国总工会"), ("产业工人队伍建设改革", "Programme", None, {"reform": True}),
                          ("全国总工会", "Union", "中华全国总工会", None, 1)])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.normalised) for o in got] == [(200000000, "产业工人队伍建设改革"),
                                                             (60000000, "产业工人队伍建设改革")]


def test_a_contest_count_goes_to_the_contest_the_lead_names_not_a_parent_named_later():
    text = ("近日，由宜宾市总工会开展的“匠心杯”港口建设劳动竞赛表彰会隆重举行。本次竞赛是四川省年度重点工程劳动竞赛的项目之一。"
            "会议对竞赛中表现突出的20名先进个人进行了表彰。")
    doc = make_doc(text, [("宜宾市总工会", "Union"), ("“匠心杯”港口建设劳动竞赛", "Programme"),
                          ("四川省年度重点工程劳动竞赛", "Programme")])
    (o,) = extract_outcomes(doc)
    assert o.actor.surface == "“匠心杯”港口建设劳动竞赛"


def test_a_disposal_marker_does_not_hide_a_result():
    doc = make_doc("岷县总工会将1200名农民工纳入工会组织。", [("岷县总工会", "Union")])
    assert vals(doc) == [(1200, "名")]


def test_a_count_of_units_that_all_did_something_is_a_result():
    doc = make_doc("全市120家企业均建立了工会组织。", [])
    assert vals(doc) == [(120, "家")]


def test_a_total_after_a_per_unit_quota_is_a_result():
    doc = make_doc("每名困难职工可获得补助2000元，全年累计发放补助资金300万元。", [])
    assert vals(doc) == [(3000000, "元")]


def test_a_result_after_a_team_set_up_is_counted():
    doc = make_doc("由30名劳模组成的志愿服务队成立以来，累计帮助困难职工500名。", [])
    assert vals(doc) == [(500, "名")]


def test_a_result_in_a_sentence_that_opens_with_a_provinces_standing_is_counted():
    doc = make_doc("甘肃是能源大省，近年来累计培训产业工人12万人次。", [])
    assert vals(doc) == [(120000, "人次")]


def test_places_counted_before_the_field_of_a_contest_are_no_result():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    got = [(o.value, o.unit) for o in extract_outcomes(make_doc("大赛吸引全省16个市（州）1800余名选手参赛。"))]
    assert got == [(1800, "名")]
    assert [(o.value, o.unit) for o in extract_outcomes(make_doc("今年新建职工书屋21个。"))] == [(21, "个")]


def test_a_floor_or_ceiling_set_by_a_plan_or_rule_is_no_result():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    for text in ("根据协议，双方每年培训职工不少于3000人次。", "每个园区至少建成5个工作室。", "每期学员原则上不超过40人。"):
        assert extract_outcomes(make_doc(text)) == [], text
    assert [o.value for o in extract_outcomes(make_doc("去年共培训职工3000人次。"))] == [3000]


def test_the_size_of_a_list_in_its_heading_is_no_result():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    assert extract_outcomes(make_doc("一、某省五一劳动奖状（5个）\n甲重工股份有限公司\n")) == []


def test_a_goal_a_plan_sets_for_a_year_is_no_result_even_in_a_later_document():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    doc = make_doc("甲省总工会印发方案，明确到2025年培训产业工人80万人次。", date="2026-03-01")
    assert extract_outcomes(doc) == []
    doc = make_doc("到2025年底，全省累计培训产业工人80万人次。", date="2026-03-01")
    assert [o.value for o in extract_outcomes(doc)] == [800000]



def test_attendance_at_an_opening_and_prize_quotas_an_event_sets_are_no_results():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    assert extract_outcomes(make_doc("活动现场，200余名职工参加了开幕式。")) == []
    assert extract_outcomes(make_doc("比赛设一等奖3名、二等奖6名。")) == []
    assert [o.value for o in extract_outcomes(make_doc("大赛共评出一等奖3名。"))] == [3]


def test_a_goal_a_policy_sets_after_a_comma_is_no_result():
    doc = make_doc("《意见》提出，到2027年，全省技能人才总量达到300万人。", [("《意见》", "Programme")])
    assert vals(doc) == []


def test_figures_in_a_plan_document_are_targets_unless_reported_done():
    text = ("关于印发《某省2024年工作要点》的通知\n\n各市州总工会：\n"
            "一、深化技能培育\n（一）全年培训职工10万人次以上。\n（二）去年已培训职工8万人次。")
    got = vals(make_doc(text, []))
    assert (100000.0, "人次") not in got and (80000.0, "人次") in got


def test_the_number_of_member_units_a_body_is_composed_of_is_no_result():
    doc = make_doc("联席会议由市委组织部、市人社局、市总工会等18个部门和单位组成。", [])
    assert vals(doc) == []


def test_the_firms_a_field_came_from_are_no_result_however_long_the_list():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    text = "大赛吸引了来自甲乙集团、丙丁能源集团有限责任公司等15家企业的126名选手参赛。"
    got = extract_outcomes(make_doc(text, [("甲乙集团", "Enterprise"), ("丙丁能源集团有限责任公司", "Enterprise")]))
    assert [o.value for o in got] == [126]


def test_a_notice_launching_an_activity_sets_out_its_figures():
    from reformkg.ingest.extract.outcomes import extract_outcomes
    from tests.unit.ingest._docs import make_doc

    text = ("甲省总工会 关于开展2023年“甲乙工匠”\n选树活动的通知\n\n各市总工会：\n"
            "省总工会决定开展2023年“甲乙工匠”选树活动，全省共选树“甲乙工匠”100名。\n\n"
            "2022年，全省各级工会共开展劳动和技能竞赛1.2万场次。截至目前，已命名“甲乙工匠”300名。\n")
    got = extract_outcomes(make_doc(text, [("省总工会", "Union", "甲省总工会")]))
    assert sorted(o.value for o in got) == [300, 12000]
