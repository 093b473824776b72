"""Organisations: the compound grammar, typing by head, context resolution of 省/市 prefixes and
bare departments."""

from __future__ import annotations

from tests.unit.ingest._pipe import extract, mentions, names


def _orgs(text: str) -> dict[str, tuple[str, str]]:
    doc = extract(text, upto="orgs")
    return {m.surface: (m.label, m.normalised) for m in mentions(doc) if m.label != "Region"}


def test_region_committee_department() -> None:
    o = _orgs("温岭市委组织部和余姚市总工会联合召开会议。")
    assert o["温岭市委组织部"] == ("Agency", "温岭市委组织部")
    assert o["余姚市总工会"] == ("Union", "余姚市总工会")


def test_contextual_prefix_resolves_to_document_region() -> None:
    o = _orgs("浙江省今年推进改革。省总工会和省人社厅联合开展培训。")
    assert o["省总工会"] == ("Union", "浙江省总工会")
    assert o["省人社厅"] == ("Agency", "浙江省人力资源和社会保障厅")


def test_city_prefix_in_a_city_paragraph() -> None:
    o = _orgs("嘉兴市近年来加大投入，市总工会牵头组织竞赛。")
    assert o["市总工会"] == ("Union", "嘉兴市总工会")


def test_typing_by_head() -> None:
    o = _orgs("浙江大学与杭州汽轮机股份有限公司签订协议，宁波市家政服务协会参加。")
    assert o["浙江大学"][0] == "Institution"
    assert o["杭州汽轮机股份有限公司"][0] == "Enterprise"
    assert o["宁波市家政服务协会"][0] == "Institution"


def test_enterprise_union_is_a_union() -> None:
    o = _orgs("杭州钢铁集团有限公司工会举办了讲座。")
    assert o["杭州钢铁集团有限公司工会"][0] == "Union"


def test_bare_departments_after_a_committee() -> None:
    o = _orgs("宁海县委常委、组织部部长王立新说，要把工作做实。")
    assert o["宁海县委"] == ("Agency", "宁海县委")
    assert o["组织部"] == ("Agency", "宁海县委组织部")


def test_national_bodies() -> None:
    o = _orgs("全总和国务院有关部门部署工作。")
    assert o["全总"] == ("Union", "中华全国总工会")
    assert o["国务院"][0] == "Agency"


def test_generic_bodies_are_not_organisations() -> None:
    o = _orgs("基层工会和企业工会要发挥作用，中职学校也要参与。")
    assert not o


def test_enumerated_enterprises_before_a_company_word() -> None:
    o = _orgs("丽水市组织绿源、青禾等本地知名企业参加招聘会。")
    assert o["绿源"][0] == "Enterprise" and o["青禾"][0] == "Enterprise"


def test_departments_listed_before_bumen_belong_to_the_region() -> None:
    o = _orgs("衢州市总工会会同人社、财政等部门召开会议。")
    assert o["人社"] == ("Agency", "衢州市人力资源和社会保障局")
    assert o["财政"] == ("Agency", "衢州市财政局")


def test_enterprise_union_from_generic_reference() -> None:
    o = _orgs("浙江恒远纺织有限公司近年来重视培训。公司工会主席赵雪梅说，要关心职工。")
    assert o["公司工会"] == ("Union", "浙江恒远纺织有限公司工会")


def test_masthead_is_not_an_actor() -> None:
    o = _orgs("台州工会简报\n\n台州市总工会召开会议。")
    assert "台州工会" not in o and "台州市总工会" in o


def test_conjunction_glued_by_tagger_is_split() -> None:
    o = _orgs("公司与浙江工业大学、宁波大学合作办学。")
    assert "浙江工业大学" in o and not any("与" in k for k in o)


def test_committee_department_in_title_chain() -> None:
    o = _orgs("嘉兴市今年召开大会。海宁市委常委、宣传部部长沈丽说，要讲好故事。")
    assert o["宣传部"] == ("Agency", "海宁市委宣传部")


def test_parenthesised_company_names() -> None:
    o = _orgs("苏州市近年来引进了东芝电子(中国)有限公司和信达半导体(苏州)有限公司工会。")
    o = {k.replace("（", "(").replace("）", ")"): v for k, v in o.items()}
    assert o["东芝电子(中国)有限公司"][0] == "Enterprise"
    assert o["信达半导体(苏州)有限公司工会"][0] == "Union"


def test_heads_without_a_name_are_fragments() -> None:
    o = _orgs("常州市有限公司工会和全省工会、中国工会都要发挥作用。")
    assert not any(k in o for k in ("有限公司工会", "全省工会", "中国工会"))


def test_body_of_a_district_takes_the_fullest_district_form() -> None:
    o = _orgs("苏州市吴中区大力推进改革。全区产改工作联席会定期召开，区委高度重视。")
    assert o["全区产改工作联席会"] == ("Agency", "苏州市吴中区产改工作联席会")
    assert o["区委"] == ("Agency", "苏州市吴中区委")


def test_government_abbreviation() -> None:
    o = _orgs("常州市政府和常州市人民政府是同一机关。")
    assert {v[1] for k, v in o.items()} == {"常州市人民政府"}


def test_dateline_and_glued_function_word() -> None:
    o = _orgs("南方日报讯 多家企业参与，其中美华电器股份有限公司表现突出。")
    assert "南方日报" not in o
    assert "美华电器股份有限公司" in o


def test_quoted_name_before_an_institution_head() -> None:
    o = _orgs("嘉善县总工会共建“蓝海”产业工人学院。")
    assert o["“蓝海”产业工人学院"][0] == "Institution"


def test_generic_unions_are_not_bodies() -> None:
    o = _orgs("泉州市总工会要求，试点企业工会要发挥作用，单位工会和基层工会积极参与。")
    assert set(o) == {"泉州市总工会"}


def test_joint_action_verb_is_not_part_of_a_name() -> None:
    o = _orgs("漳州市今年推进改革。市人社局联合市总工会开展专场招聘会。")
    assert o["市人社局"] == ("Agency", "漳州市人力资源和社会保障局")
    assert o["市总工会"] == ("Union", "漳州市总工会")


def test_listed_names_share_an_alliance_head() -> None:
    doc = extract("安溪县推动成立茶叶加工、藤铁工艺2个产业链党建联盟。", upto="orgs")
    names = {m.normalised for m in mentions(doc, "Institution")}
    assert names == {"安溪县茶叶加工产业链党建联盟", "安溪县藤铁工艺产业链党建联盟"}


def test_generic_activity_is_not_an_enterprise() -> None:
    o = _orgs("6. 重视企业文化建设，努力培育优秀文化。")
    assert "企业文化建设" not in o


def test_spaced_heading_joins_parent_body_and_school() -> None:
    doc = extract("职工权益问答\n\n福建省总工会 干部学校 林芳 教授答疑\n\n", upto="orgs")
    assert "福建省总工会干部学校" in {m.normalised for m in mentions(doc, "Institution")}


def test_two_bodies_glued_by_a_joint_action_verb() -> None:
    o = _orgs("芜湖市推进改革。镜湖区总工会联合区人社局举办专场招聘会。")
    assert o["镜湖区总工会"][0] == "Union"
    assert o["区人社局"] == ("Agency", "镜湖区人力资源和社会保障局")


def test_region_before_a_reform_body_is_part_of_its_name() -> None:
    doc = extract("宣州区产改联席会议办公室\n\n区产改联席会议召开全体会议。", upto="orgs")
    names = {m.normalised for m in mentions(doc, "Agency")}
    assert not any(n.startswith("产改") for n in names)


def test_firm_in_a_district_article_stands_in_that_district() -> None:
    text = ("常州市武进区总工会推进产改。武进区今年培育试点企业。全区职工踊跃参加。\n\n"
            "武进区各级工会开展培训。\n\n常州精工机械有限公司被评为试点单位。")
    doc = extract(text, upto="orgs")
    m = next(m for m in mentions(doc, "Enterprise") if m.surface.startswith("常州精工"))
    assert m.attrs["region"] == "武进区"
    doc = extract("常州市推进产改。常州市今年培育试点企业。\n\n常州精工机械有限公司被评为试点单位。", upto="orgs")
    m = next(m for m in mentions(doc, "Enterprise") if m.surface.startswith("常州精工"))
    assert m.attrs["region"] == "常州市"


def test_short_federation_names_stand_for_the_context_union() -> None:
    o = _orgs("建湖县推进改革。县总成立集体协商工作领导小组。县总人口增加，该市总体规划出台。")
    assert o["县总"] == ("Union", "建湖县总工会")
    assert len([k for k in o if k.endswith("总")]) == 1


def test_a_category_before_an_enterprise_name_is_not_part_of_it() -> None:
    doc = extract("该区确定试点企业恒达精密机械有限公司开展改革，规上企业新兴电子有限公司参加。", upto="orgs")
    got = names(doc, "Enterprise")
    assert got == {"恒达精密机械有限公司", "新兴电子有限公司"}
    doc = extract("企业管理咨询有限公司参加会议。", upto="orgs")
    assert names(doc, "Enterprise") == {"企业管理咨询有限公司"}


def test_bodies_of_every_county_are_not_one_county_body() -> None:
    doc = extract("台州市召开会议，参会的有市产改联席会成员，各县区产改联席会召集人。\n黄岩区作交流发言。", upto="orgs")
    got = names(doc)
    assert "台州市产改联席会" in got
    assert not any(n.startswith("黄岩区产改") for n in got)


def test_a_bare_body_belongs_to_the_document_city_not_a_district_named_paragraphs_before() -> None:
    text = ("台州市召开产改推进会。\n市人社局、黄岩区委、台州港务有限公司作交流发言。\n会议要求各地抓好落实。\n"
            "会议指出，要坚持问题导向。\n会议要求，要压实责任。\n会议强调，产改办（总工会）要细化分解任务。")
    doc = extract(text, upto="orgs")
    unions = names(doc, "Union")
    assert "台州市总工会" in unions and "黄岩区总工会" not in unions


def test_a_bare_body_belongs_to_the_county_an_article_is_about() -> None:
    text = ("台州市召开产改推进会。\n今年以来，仙居县坚持问题导向。\n仙居县制定了工作方案。\n"
            "开展技能培训。\n加强权益保障。\n在县人民法院、劳动人事仲裁院分别设立了工作站。")
    doc = extract(text, upto="orgs")
    assert "仙居县劳动人事仲裁院" in names(doc, "Agency")


def test_a_body_set_up_by_an_organisation_is_named_with_its_parent() -> None:
    doc = extract("宁海县总工会成立集体协商工作领导小组，由分管领导任组长。", upto="orgs")
    m = [m for m in mentions(doc) if m.surface == "集体协商工作领导小组"]
    assert m and m[0].normalised == "宁海县总工会集体协商工作领导小组" and m[0].label == "Union"
    doc = extract("市人社局牵头成立技能人才评价工作领导小组。", upto="orgs")
    m = [m for m in mentions(doc) if m.surface == "技能人才评价工作领导小组"]
    assert m and m[0].label == "Agency"
    assert m[0].normalised.endswith("人力资源和社会保障局技能人才评价工作领导小组")


def test_a_practice_named_like_an_alliance_is_not_an_institution() -> None:
    doc = extract("形成了党建带工建、技能培训校企合作联盟等特色做法。", upto="orgs")
    assert names(doc, "Institution") == set()
    doc = extract("嘉兴市产业工人联盟成立。", upto="orgs")
    assert "嘉兴市产业工人联盟" in names(doc, "Institution")


def test_a_verb_inside_a_long_committee_name_needs_a_region_before_it() -> None:
    doc = extract("浙江省家政行业协调劳动关系三方委员会在杭州揭牌。", upto="orgs")
    assert "浙江省家政行业协调劳动关系三方委员会" in names(doc, "Agency")


def test_bodies_of_every_place_are_not_one_body() -> None:
    doc = extract("合肥市召开会议。各县区总工会要开展活动，县区总工会要配合，各市总工会参加。", upto="orgs")
    assert names(doc, "Union") == set()
    doc = extract("各地人社部门配合，人社部发文。", upto="orgs")
    assert [m.surface for m in mentions(doc, "Agency")] == ["人社部"]


def test_a_firm_named_after_its_province_stands_in_the_city_of_the_passage() -> None:
    doc = extract("温州市召开产改推进会，浙江正泰电器有限公司作交流发言。", upto="orgs")
    m = [m for m in mentions(doc, "Enterprise") if m.normalised == "浙江正泰电器有限公司"]
    assert m and m[0].attrs.get("region") == "温州市"
    doc = extract("浙江正泰电器有限公司获评先进。", upto="orgs")
    m = [m for m in mentions(doc, "Enterprise") if m.normalised == "浙江正泰电器有限公司"]
    assert m and m[0].attrs.get("region") == "浙江省"


def test_a_joint_action_between_bodies_is_not_a_name() -> None:
    doc = extract("该公司去年与金华职业技术学院共建产业学院，联合培养技能人才。", upto="orgs")
    assert names(doc, "Institution") == {"金华职业技术学院"}


def test_a_direction_word_before_an_industry_head_names_a_firm() -> None:
    doc = extract("重点选树东方电气等建功立业典型、北方光纤等技能典型。国内能源、当地服装行业发展。", upto="orgs")
    got = names(doc, "Enterprise")
    assert "北方光纤" in got and "国内能源" not in got


def test_a_hosting_verb_ending_in_ban_is_not_an_office() -> None:
    """主办/承办/协办 end in 办 like an office (县委办), but they are verbs: 市人社局协办 is the
    bureau, not a body named …协办."""
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.pipeline import Pipeline

    text = "丽水市召开会议。由丽水市总工会主办、市人社局协办、丽水恒远机械有限公司承办的“瓯江杯”技能大赛开幕。"
    rec = to_record(Pipeline().run_text(text, path="t.txt"))
    names = {e["name"] for e in rec["entities"]}
    assert not any(n.endswith("协办") for n in names), names
    assert "丽水市人社局" in names      # the written form (the official one is an alias)


def test_abbreviated_department_acting_gets_its_full_name() -> None:
    o = _orgs("衢州市推进技能提升。市总工会联合市财政、市人社印发通知，省人社牵头组织评审。")
    assert o["市财政"] == ("Agency", "衢州市财政局")
    assert o["市人社"] == ("Agency", "衢州市人力资源和社会保障局")
    assert o["省人社"] == ("Agency", "浙江省人力资源和社会保障厅")


def test_abbreviated_department_as_adjective_is_not_a_body() -> None:
    o = _orgs("衢州市推进技能提升。市财政资金投入增长，城市财政收入稳定。")
    assert not any(label == "Agency" and "财政" in name for label, name in o.values())


def test_brands_listed_before_a_firms_full_name_are_enterprises() -> None:
    doc = extract("市总工会联合美团、甲乙速运有限公司等平台企业开展关爱行动。", upto="orgs")
    assert {"美团", "甲乙速运有限公司"} <= names(doc, "Enterprise")


def test_names_with_latin_capitals_are_read_whole() -> None:
    doc = extract("近日，TCL科技集团股份有限公司工会、ABB（中国）有限公司与惠州市总工会签订合作协议。"
                  "惠州TCL工匠学院揭牌成立。", upto="orgs")
    assert "TCL科技集团股份有限公司工会" in names(doc, "Union")
    assert "惠州TCL工匠学院" in names(doc, "Institution")
    assert not any(n.startswith("科技集团") for n in names(doc))
