"""The outcomes component: which numbers are outcomes, their values, years and credited actors.
Documents are composed here; mentions are placed by hand (the entity components are tested
on their own)."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import OutcomesComponent, extract_outcomes
from tests.unit.ingest._docs import find, make_doc


def outs(doc):
    return [(o.value, o.unit, o.qualifier) for o in extract_outcomes(doc)]


def test_component_contract():
    c = OutcomesComponent()
    assert (c.name, c.requires, c.assigns) == ("outcomes", ("mentions",), ("outcomes",))
    doc = make_doc("盐城市总工会今年培训职工3200余人次。", [("盐城市总工会", "Union")])
    assert c(doc) is doc and len(doc.outcomes) == 1


def test_value_and_clause_subject_actor():
    doc = make_doc("盐城市总工会今年累计培训职工3200余人次，发放补贴80万元。",
                   [("盐城市总工会", "Union")], date="2023-06-01")
    got = extract_outcomes(doc)
    assert [(o.value, o.unit, o.qualifier) for o in got] == [(3200, "人次", "余"), (800000, "元", "")]
    assert all(o.actor is find(doc, "盐城市总工会") for o in got)
    assert got[0].year == 2023  # 今年 + the document date
    assert "培训职工" in got[0].metric
    assert doc.text[got[0].span.start:got[0].span.end] == "3200余人次"


def test_explicit_year_wins_and_last_year():
    doc = make_doc("2021年，宿豫区新增技能人才450名。去年，宿豫区又培训农民工900人。",
                   [("宿豫区", "Region"), ("宿豫区", "Region", None, None, 1)], date="2023-03-02")
    got = extract_outcomes(doc)
    assert [(o.value, o.year) for o in got] == [(450, 2021), (900, 2022)]


def test_not_outcomes():
    text = ("2022年5月，盐城市召开推进会3次，从4个方面提出要求。获得一等奖第2名的选手年龄32岁，"
            "补贴标准每人500元，实施“5个100”工程，联系电话0515-88886666。")
    doc = make_doc(text, [("盐城市", "Region"), ("“5个100”工程", "Programme")])
    assert outs(doc) == []


def test_numbers_inside_names_are_skipped():
    doc = make_doc("南通市第3人民医院组织职工200人参加体检。",
                   [("南通市第3人民医院", "Institution")])
    got = extract_outcomes(doc)
    assert [(o.value, o.unit) for o in got] == [(200, "人")]


def test_paragraph_subject_when_the_sentence_has_none():
    text = "盐城市大力推进技能提升行动。今年以来，共帮扶困难职工560户，新增高技能人才1200人。"
    doc = make_doc(text, [("盐城市", "Region")])
    got = extract_outcomes(doc)
    assert [o.actor.surface for o in got] == ["盐城市", "盐城市"]


def test_deictic_subject_resolves_to_the_region_named_before():
    text = "徐州市把职工培训作为重点。\n\n该市今年共发放技能补贴2000余万元。"
    doc = make_doc(text, [("徐州市", "Region")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "徐州市")


def test_regional_agency_is_credited_to_its_region():
    text = "宿迁市积极推动产改。宿迁市人社局今年发放培训补贴300万元。"
    doc = make_doc(text, [("宿迁市", "Region"), ("宿迁市人社局", "Agency", None, {"region": "宿迁市"})])
    got = extract_outcomes(doc)
    assert got[0].actor.label == "Region" and got[0].actor.normalised == "宿迁市"


def test_agent_of_an_awarding_verb_is_credited():
    text = "活动现场，120名家政服务员获得了由市家政协会颁发的职业技能等级证书。"
    doc = make_doc(text, [("市家政协会", "Institution")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "市家政协会")


def test_enumerated_items_are_not_the_subject():
    text = "经过甲公司、乙公司等12家企业的试点，目前扬州市已有3000名职工取得证书。"
    doc = make_doc(text, [("甲公司", "Enterprise"), ("乙公司", "Enterprise"), ("扬州市", "Region")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(12, "扬州市"), (3000, "扬州市")]


def test_section_heading_names_the_actor():
    text = "苏钢集团：技能强企\n\n近年来，新增技能人才45名，建成创新工作室6个。"
    doc = make_doc(text, [("苏钢集团", "Enterprise")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(45, "苏钢集团"), (6, "苏钢集团")]


def test_main_region_is_the_last_resort():
    text = "南京市召开推进会。\n\n南京市职工服务中心揭牌。\n\n截至目前，累计建成驿站120个。"
    doc = make_doc(text, [("南京市", "Region"), ("南京市", "Region", None, None, 1)])
    got = extract_outcomes(doc)
    assert got[0].actor.normalised == "南京市"


def test_sub_unit_opening_clause_credits_the_named_organisation():
    text = "去年成立常州工匠学院，下设6个分院。"
    doc = make_doc(text, [("常州工匠学院", "Institution")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "常州工匠学院")


def test_states_and_survey_findings_are_not_outcomes():
    text = ("泰州市将15项改革任务细化为60项具体措施。公司在岗职工320人，其中高级技师12人。"
            "\n\n市总工会开展调研，调查显示：全市快递企业有2000多家，从业人员近5万人。"
            "\n\n目前，全市新增技能人才900人。")
    doc = make_doc(text, [("泰州市", "Region"), ("市总工会", "Union")])
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(60, "项"), (900, "人")]


def test_training_of_serving_workers_is_an_outcome():
    doc = make_doc("盐城市总工会今年培训在岗职工500人。", [("盐城市总工会", "Union")])
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(500, "人")]


def test_dateline_outlet_is_not_the_subject():
    text = "烟台日报讯（记者 王林）5月8日，烟台市总工会举行表彰大会。会上，100名职工被授予劳动模范称号。"
    doc = make_doc(text, [("烟台日报", "Institution"), ("烟台市总工会", "Union")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(100, "烟台市总工会")]


def test_through_the_real_pipeline():
    """Outcomes and relations after the real entity components (tagger, regions, orgs …)."""
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.pipeline import Pipeline

    text = ("嘉兴市总工会推进技能提升\n\n"
            "今年以来，嘉兴市总工会深入实施“红船工匠”培育工程，累计培训职工3200余人次，发放补贴480万元。"
            "嘉兴市总工会党组书记、常务副主席沈建华表示，将继续抓好落实。")
    rec = to_record(Pipeline().run_text(text, "jiaxing.txt"))
    outs = {(o["value"], o["unit"]): o for o in rec["outcomes"]}
    assert outs[(3200, "人次")]["actor"] == "嘉兴市总工会" and outs[(3200, "人次")].get("qualifier") == "余"
    assert outs[(4_800_000, "元")]["actor"] == "嘉兴市总工会"
    rels = {(r["type"], r["source"], r["target"]) for r in rec["relations"]}
    assert ("HOLDS_POSITION", "沈建华", "嘉兴市总工会") in rels
    assert any(t == "RUNS" and s == "嘉兴市总工会" and "红船工匠" in g for t, s, g in rels)


def test_name_starting_with_an_adverb_character():
    text = "成都市推进技能提升，成都市各区积极响应。\n\n都江堰市今年新增技能人才300人。"
    doc = make_doc(text, [("成都市", "Region"), ("成都市", "Region", None, None, 1), ("都江堰市", "Region")])
    assert extract_outcomes(doc)[0].actor is find(doc, "都江堰市")


def test_targets_are_not_results():
    text = "合肥市今年新增高技能人才8000人，下一步将力争到2026年新增高技能人才5万人。"
    doc = make_doc(text, [("合肥市", "Region")])
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(8000, "人")]


def test_generic_enterprises_are_not_a_deictic_subject():
    text = "徐州市总工会召开座谈会。\n\n苏能股份有限公司代表发言。企业普遍反映，今年共有800人参加培训。"
    doc = make_doc(text, [("徐州市总工会", "Union"), ("苏能股份有限公司", "Enterprise")])
    got = extract_outcomes(doc)
    assert got[0].actor is not find(doc, "苏能股份有限公司")
    doc = make_doc("苏能股份有限公司重视培训。该企业今年共有800人取得证书。", [("苏能股份有限公司", "Enterprise")])
    assert extract_outcomes(doc)[0].actor is find(doc, "苏能股份有限公司")


def test_empty_and_mentionless_documents():
    for text in ("", "  \n ", "培训3000人次。"):
        doc = make_doc(text)
        got = extract_outcomes(doc)
        assert all(o.actor is None for o in got)


def test_future_year_targets():
    text = "到2027年，泉州市将命名200家“幸福企业”。到2022年底，泉州市已建成驿站150个。"
    doc = make_doc(text, [("泉州市", "Region"), ("泉州市", "Region", None, None, 1)], date="2023-05-01")
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(150, "个")]
    undated = make_doc(text, [("泉州市", "Region"), ("泉州市", "Region", None, None, 1)])
    assert [(o.value, o.unit) for o in extract_outcomes(undated)] == [(150, "个")]


def test_metrics_name_what_was_counted():
    text = "盐城市今年创设党组织104个、工会组织226个，培育甲公司、乙公司等6家省级试点单位。"
    doc = make_doc(text, [("盐城市", "Region"), ("甲公司", "Enterprise"), ("乙公司", "Enterprise")])
    metrics = [o.metric for o in extract_outcomes(doc)]
    assert metrics[0] == "创设党组织" and metrics[1] == "工会组织"
    assert metrics[2] == "培育省级试点单位"


# ---- articles, columns and signed pieces ----------------------------------------------------

_BULLETIN = ("【工作交流】\n\n# 凝心聚力推进产改\n\n海宁市总工会党组书记、副主席 沈一鸣\n\n"
             "强化技能提升。每年开展岗位练兵，累计培训职工6800人次。\n\n"
             "### 擦亮海宁服务品牌\n\n建设户外劳动者服务站24家。\n\n"
             "【他山之石】\n\n# 某地经验\n\n日前，桐乡市总工会召开会议。目前，全市新增技能人才900名。"
             "组织开展技能比武，参与职工1500人。")


def _bulletin_doc():
    return make_doc(_BULLETIN, [("海宁市总工会", "Union"), ("沈一鸣", "Person"), ("海宁", "Region", "海宁市"),
                                ("桐乡市总工会", "Union"), ("全市", "Region", "桐乡市")])


def test_subject_less_outcomes_are_credited_to_the_body_an_author_signs_for():
    doc = _bulletin_doc()
    got = {o.value: o.actor.normalised for o in extract_outcomes(doc)}
    # the author line names the union; a sub-heading naming its own city keeps the union
    assert got[6800] == "海宁市总工会"
    assert got[24] == "海宁市总工会"


def test_a_column_marker_opens_a_new_article_and_scope_subjects_do_not_carry_over():
    doc = _bulletin_doc()
    got = {o.value: o.actor.normalised for o in extract_outcomes(doc)}
    assert got[900] == "桐乡市"  # 全市 is the written subject of its own sentence
    assert got[1500] == "桐乡市总工会"  # the next subject-less sentence returns to the lead's body


def test_event_deixis_credits_the_event():
    text = "由临安区总工会主办的“匠心杯”焊工技能大赛举行。本届大赛吸引选手260名参赛。"
    doc = make_doc(text, [("临安区总工会", "Union"), ("“匠心杯”焊工技能大赛", "Programme")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.normalised) for o in got] == [(260, "“匠心杯”焊工技能大赛")]


def test_region_union_system_is_credited_to_the_union_the_article_is_about():
    text = "# 某省工会推进服务\n\n日前，闽东省总工会召开会议。目前，闽东工会共建成服务站120家。"
    doc = make_doc(text, [("闽东省总工会", "Union"), ("闽东", "Region", "闽东省", None, 1)])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.normalised) for o in got] == [(120, "闽东省总工会")]


def test_base_of_a_share_and_strong_targets_across_clauses_are_not_outcomes():
    text = "余杭区总工会推荐的30名代表中，一线职工代表12名。力争到2030年，新增技能人才5000名。"
    doc = make_doc(text, [("余杭区总工会", "Union")])
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(12, "名")]


def test_reached_rate_with_yishang_is_an_outcome():
    doc = make_doc("萧山区总工会推动集体协商，集体合同签订率98%以上。", [("萧山区总工会", "Union")])
    got = extract_outcomes(doc)
    assert [(o.value, o.unit, o.qualifier) for o in got] == [(98, "%", "以上")]
    assert got[0].actor.normalised == "萧山区总工会" and got[0].metric.endswith("签订率")


def test_main_region_prefers_the_district_the_title_names_over_its_city():
    city = "杭州市"
    text = ("杭州市推进产改，杭州市各区响应，杭州市企业参与，杭州市职工受益，杭州市成效明显，杭州市获得好评。"
            "西湖区大力推进，西湖区成效明显。\n\n今年以来，累计培训职工3000人次。")
    ms = [(city, "Region", None, {"place": 1}, i) for i in range(6)]
    ms += [("西湖区", "Region", None, {"place": 2, "parent": 1}, i) for i in range(2)]
    doc = make_doc(text, ms, title="西湖区技能人才工作纪实")
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.normalised) for o in got] == [(3000, "西湖区")]


def test_articles_of_a_plan_are_content_but_measures_carried_out_are_results():
    # ANNOTATION_NOTES: plan content (N条举措, N条“干货”) is no outcome; 出台N项改革举措 counts
    text = "婺城区总工会落实稳岗就业8条措施。婺城区总工会出台了12条措施。婺城区总工会出台了9项改革举措。"
    doc = make_doc(text, [("婺城区总工会", "Union"), ("婺城区总工会", "Union", None, None, 1),
                          ("婺城区总工会", "Union", None, None, 2)])
    assert [(o.value, o.unit) for o in extract_outcomes(doc)] == [(9, "项")]


def test_plain_text_pieces_switch_when_a_lead_names_a_body_of_another_place():
    text = ("凝心聚力推进产改\n\n建德市总工会党组书记 胡立新\n\n强化技能提升。累计培训职工4200人次。\n\n"
            "今年以来，淳安县总工会坚持问题导向，推动产改提质。\n\n坚持素质提升\n\n"
            "淳安县制定了工作方案。\n\n组织开展技能培训，完成培训3100人次。")
    doc = make_doc(text, [("建德市总工会", "Union", None, {"region": "建德市"}), ("胡立新", "Person"),
                          ("淳安县总工会", "Union", None, {"region": "淳安县"}), ("淳安县", "Region", None, None, 1)])
    got = {o.value: o.actor.normalised for o in extract_outcomes(doc)}
    assert got == {4200: "建德市总工会", 3100: "淳安县总工会"}


def test_a_recipient_subject_does_not_carry_over_to_the_next_sentence():
    text = ("奉化区总工会深化产改\n\n宁波港口有限公司被命名为市级示范企业。累计培训职工2600人次。")
    doc = make_doc(text, [("奉化区总工会", "Union"), ("宁波港口有限公司", "Enterprise")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.normalised) for o in got] == [(2600, "奉化区总工会")]


def test_a_designation_count_is_no_outcome_and_planned_floors_are_not_results():
    text = "绵阳市被确定为全国2个全面试点城市之一。绵阳市将组织培训5000人次以上。绵阳市每年表彰奖励百名以上技术能手。"
    doc = make_doc(text, [("绵阳市", "Region", None, None, k) for k in range(3)])
    assert outs(doc) == [(100, "名", "以上")]


def test_figures_of_an_unrelated_news_brief_on_the_page_are_dropped():
    text = ("某市总工会开展职工培训\n\n某市总工会今年培训职工300人次。\n\n"
            "某化工厂装置大修结束\n\n此次大修项目291项，20家参检单位同心协力。")
    doc = make_doc(text, [("某市总工会", "Union", None, None, 1)])
    assert outs(doc) == [(300, "人次", "")]


def test_counts_of_studies_and_instructions_are_meeting_counts():
    doc = make_doc("株洲市委常委会先后3次专题研究产改工作，全年培训职工1200人次。", [("株洲市委常委会", "Agency")])
    assert outs(doc) == [(1200, "人次", "")]
