"""Entities outside Jiangsu: province unions and departments, autonomous regions and prefectures
(自治区/自治州/盟), municipalities and their districts, contextual 省/州 prefixes resolved to the
province the text names, provincial honours, joint-action verbs between two bodies, contracted
enterprise names, programme names with brackets. Sentences are composed (no corpus text)."""

from __future__ import annotations

from reformkg.ingest.jsonl import to_record
from reformkg.ingest.pipeline import Pipeline
from tests.unit.ingest._pipe import extract, mentions


def _record(text: str) -> dict:
    return to_record(Pipeline().run_text(text))


def _ents(text: str) -> dict[str, tuple[str, list[str]]]:
    """canonical name → (type, aliases)"""
    return {e["name"]: (e["type"], e.get("aliases") or []) for e in _record(text)["entities"]}


def _orgs(text: str) -> dict[str, tuple[str, str]]:
    doc = extract(text, upto="orgs")
    return {m.surface: (m.label, m.normalised) for m in mentions(doc) if m.label not in ("Region",)}


# ---- provinces, departments, joint-action verbs ------------------------------------------------

def test_provincial_union_and_department_resolve_to_the_named_province() -> None:
    e = _ents("浙江省总工会召开座谈会。省总工会副主席陈立新出席，省人社厅、省财政厅派员参加。")
    assert e["浙江省总工会"][0] == "Union" and "省总工会" in e["浙江省总工会"][1]
    assert e["浙江省人社厅"][0] == "Agency" and "浙江省人力资源和社会保障厅" in e["浙江省人社厅"][1]
    assert "浙江省财政厅" in e
    assert not any(n.startswith("江苏") for n in e)


def test_bare_province_prefix_without_a_named_province_stays_as_written() -> None:
    e = _ents("省总工会召开全省劳模座谈会，省人社厅有关负责人参加。")
    assert "省总工会" in e
    assert not any(n.startswith("江苏") for n in e)


def test_department_joined_to_a_union_by_lianhe_gives_two_bodies() -> None:
    o = _orgs("广东省人力资源和社会保障厅联合省总工会举办技能大赛。")
    assert o["广东省人力资源和社会保障厅"] == ("Agency", "广东省人力资源和社会保障厅")
    assert o["省总工会"] == ("Union", "广东省总工会")
    assert not any("联合" in n for _, n in o.values())


def test_huitong_between_two_county_bodies_is_a_verb_not_a_county() -> None:
    o = _orgs("山东省乐陵市总工会召开会议。县人社局会同县总工会开展技能培训。")
    assert ("Union", "县总工会") in o.values() or any(n.endswith("县总工会") and "会同" not in n for _, n in o.values())
    assert not any("会同" in n for _, n in o.values())


def test_city_department_abbreviations_expand() -> None:
    o = _orgs("绵阳市召开会议。市国资委、市科技局、市人大常委会有关负责同志参加。")
    assert o["市国资委"] == ("Agency", "绵阳市人民政府国有资产监督管理委员会")
    assert o["市科技局"] == ("Agency", "绵阳市科学技术局")
    assert o["市人大常委会"] == ("Agency", "绵阳市人民代表大会常务委员会")


# ---- autonomous regions, prefectures, leagues, municipalities --------------------------------

def test_autonomous_region_union() -> None:
    e = _ents("广西壮族自治区总工会副主席韦明华出席活动。")
    assert e["广西壮族自治区总工会"][0] == "Union"
    assert "韦明华" in e


def test_autonomous_prefecture_short_form_and_zhou_prefix() -> None:
    e = _ents("延边朝鲜族自治州总工会召开会议。延边州人社局局长金明哲参加。州总工会发布技能人才培养方案。")
    assert "州总工会" in e["延边朝鲜族自治州总工会"][1]
    assert e["延边朝鲜族自治州人社局"][1] == ["延边州人社局", "延边朝鲜族自治州人力资源和社会保障局"]
    o = _orgs("凉山州总工会、恩施州总工会派员参加。")
    assert o["凉山州总工会"][1] == "凉山彝族自治州总工会"
    assert o["恩施州总工会"][1] == "恩施土家族苗族自治州总工会"


def test_league_union() -> None:
    o = _orgs("内蒙古自治区锡林郭勒盟总工会举办培训班。")
    assert any(n.endswith("锡林郭勒盟总工会") and lab == "Union" for lab, n in o.values())


def test_municipality_unions_and_district_of_a_municipality() -> None:
    e = _ents("上海市总工会与重庆市总工会签订合作协议。上海市浦东新区总工会参加。浦东新区有职工120万人。")
    assert e["上海市总工会"][0] == e["重庆市总工会"][0] == "Union"
    assert e["上海市浦东新区总工会"][0] == "Union"
    rec = _record("上海市浦东新区总工会参加。浦东新区有职工120万人。")
    reg = [x for x in rec["entities"] if x["type"] == "Region" and "浦东新区" in [x["name"], *x["aliases"]]]
    assert reg and reg[0]["properties"]["level"] == "district"
    assert reg[0]["name"] == "上海市浦东新区"  # the fullest form the text writes


def test_county_level_city_of_another_province_named_in_full() -> None:
    e = _ents("湖北省武汉市总工会举办技能大赛，湖北省多地职工参加。福建省泉州市晋江市总工会派员观摩，晋江市有规上企业3000余家。")
    assert e.get("晋江市", ("",))[0] == "Region"


# ---- honours by level -------------------------------------------------------------------------

def test_provincial_model_worker_in_a_zhejiang_text() -> None:
    e = _ents("浙江省总工会召开大会，表彰了一批省劳模和省五一劳动奖章获得者。")
    assert e["浙江省劳动模范"] == ("Award", ["省劳模"])
    assert e["浙江省五一劳动奖章"][0] == "Award"


def test_provincial_craftsman_and_model_worker_in_fujian() -> None:
    rec = _record("福建省总工会召开会议。省劳模、厦门某机械厂技术员林志远获评“福建工匠”。")
    names = {x["name"] for x in rec["entities"] if x["type"] == "Award"}
    assert {"福建省劳动模范", "福建工匠"} <= names
    assert not any(n.startswith("江苏") for n in names)


def test_municipality_labour_medal() -> None:
    e = _ents("重庆市渝北区总工会开展选树活动，全区共有15人获评重庆市五一劳动奖章。")
    assert e["重庆市五一劳动奖章"][0] == "Award"


# ---- enterprises ------------------------------------------------------------------------------

def test_contracted_enterprise_name_is_an_alias_of_the_full_name() -> None:
    e = _ents("厦门市工业投资集团有限公司召开职代会。会上，厦门工投集团党委书记王建平作报告。")
    assert e["厦门市工业投资集团有限公司"] == ("Enterprise", ["厦门工投集团"])


def test_contraction_needs_the_same_place_and_the_word_initials() -> None:
    from reformkg.ingest.resolve.names import contracted

    assert contracted("连云港市工业投资集团公司", "工投集团公司")
    assert contracted("青岛市交通运输集团有限公司", "青岛交运集团")
    assert not contracted("苏州市工业投资集团", "无锡工投集团")
    assert not contracted("南京市交通建设集团", "南京交控集团")


def test_firm_named_only_as_owner_of_its_union_is_a_union_not_a_firm() -> None:
    e = _ents("泉州市总工会、厦门市机电工业集团有限公司工会参加。")
    assert e["厦门市机电工业集团有限公司工会"][0] == "Union"
    assert "厦门市机电工业集团有限公司" not in e


def test_firm_named_as_owner_of_a_body_and_by_a_contraction() -> None:
    e = _ents("市工投集团召开产改推进会。\n绵阳市工业投资集团公司产改领导小组办公室")
    assert e.get("绵阳市工业投资集团公司", ("",))[0] == "Enterprise"
    assert "市工投集团" in e["绵阳市工业投资集团公司"][1]


# ---- programmes ---------------------------------------------------------------------------------

def test_same_quoted_core_with_unrelated_heads_stays_apart() -> None:
    e = _ents("福州市总工会开展“幸福家园”创建工作。市总工会还制定了“幸福家园”评价体系。")
    assert "“幸福家园”创建工作" in e and "“幸福家园”评价体系" in e


def test_same_quoted_core_with_related_heads_is_one_programme() -> None:
    e = _ents("长沙市总工会举办“星城杯”职工职业技能大赛。“星城杯”劳动技能竞赛共设10个工种。")
    progs = [n for n, (t, _) in e.items() if t == "Programme" and "星城杯" in n]
    assert len(progs) == 1


def test_quoted_name_with_own_head_before_deng_category() -> None:
    e = _ents("合肥某公司推出“青蓝结对计划”等企业级培养项目。")
    assert "“青蓝结对计划”" in e
    assert not any("企业级培养项目" in n for n in e)


def test_bracketed_qualifier_inside_a_competition_name() -> None:
    e = _ents("温州市总工会举办温州市职工十大职业(工种)技能竞赛。")
    assert any(t == "Programme" and n.replace("（", "(").replace("）", ")") == "温州市职工十大职业(工种)技能竞赛"
               for n, (t, _) in e.items())


def test_bracketed_explanation_inside_a_quoted_programme_head() -> None:
    e = _ents("绍兴市某职业技术学院开展“1+X”书证(毕业证书+职业技能等级证书)融通项目。")
    assert e["“1+X”书证融通项目"][0] == "Programme"


def test_verb_after_a_quoted_phrase_is_not_its_head() -> None:
    e = _ents("宁波市总工会推动“技能工资”纳入企业集体协商内容。")
    assert not any("纳入" in n for n in e)


def test_joint_meeting_takes_its_standard_name_when_the_text_uses_it() -> None:
    e = _ents("西宁市召开推进会，市产改联席会成员参加。联席会议要统筹推进。联席会议成员单位各司其职。")
    assert "西宁市产改联席会议" in e
    assert "市产改联席会" in e["西宁市产改联席会议"][1] or "西宁市产改联席会" in e["西宁市产改联席会议"][1]


# ---- classes from independent held-out texts (composed anew) ---------------------------------

def test_long_department_name_in_a_list_is_kept_whole() -> None:
    o = _orgs("南充市召开会议，市委宣传部、市发展和改革委员会、市财政局为成员单位。")
    assert o["市发展和改革委员会"] == ("Agency", "南充市发展和改革委员会")
    assert not any(n == "改革委员会" for _, n in o.values())


def test_discourse_word_and_generic_branch_are_not_firms() -> None:
    e = _ents("李建华表示，下一步集团将继续推进改革。来自集团机电分公司的周杰、桥梁分公司的吴敏获奖。")
    assert not any(t == "Enterprise" for t, _ in e.values())


def test_branch_with_a_place_name_is_a_firm() -> None:
    o = _orgs("中国移动绵阳分公司参加了签约。")
    assert any(lab == "Enterprise" and n.endswith("绵阳分公司") for lab, n in o.values())


def test_studio_designation_is_not_a_model_worker_award() -> None:
    e = _ents("该工作室被湖南省总工会命名为省级劳模和工匠人才创新工作室。")
    assert not any(t == "Award" and "劳动模范" in n for n, (t, _) in e.items())
    assert not any(t == "Institution" and n.startswith("工匠") for n, (t, _) in e.items())


def test_named_and_quoted_institutions() -> None:
    e = _ents("以他名字命名的周大勇劳模创新工作室成立5年来攻克难题30项。公司依托“湘江学院”开展培训，"
              "并与高校共建“智能焊接联合实验室”。")
    assert e["周大勇劳模创新工作室"][0] == "Institution"
    assert e["湘江学院"][0] == "Institution"
    assert e["智能焊接联合实验室"][0] == "Institution"
    assert not any(t == "Programme" and "湘江学院" in n for n, (t, _) in e.items())


def test_dateline_and_route_ends_are_not_regions() -> None:
    e = _ents("（本报长沙5月8日电）株洲市总工会在株洲至醴陵高速公路项目建立工地工会。株洲市有产业工人50万人。")
    regions = {n for n, (t, _) in e.items() if t == "Region"}
    assert "长沙市" not in regions and "醴陵市" not in regions
    assert "株洲市" in regions


def test_peoples_congress_deputies_counted_are_not_the_congress_acting() -> None:
    e = _ents("岳阳市今年新当选的市人大代表中，一线工人占比达15%。")
    assert not any("人民代表大会" in n or n.endswith("人大") for n in e)


def test_firm_short_name_and_worker_title_after_a_modifier() -> None:
    rec = _record("株洲湘源精密机械有限公司是产改试点企业。湘源精密机械的年轻焊工赵磊获得全国五一劳动奖章。"
                  "长沙星联电气集团有限公司装配工孙丽是学员。")
    ents = {e["name"]: e for e in rec["entities"]}
    assert "湘源精密机械" in ents["株洲湘源精密机械有限公司"]["aliases"]
    hp = {(r["source"], r["target"]) for r in rec["relations"] if r["type"] == "HOLDS_POSITION"}
    assert ("赵磊", "株洲湘源精密机械有限公司") in hp
    assert ("孙丽", "长沙星联电气集团有限公司") in hp


def test_county_locating_a_town_is_a_region_too() -> None:
    e = _ents("在衢州，江山市贺村镇的一家企业建起了职工书屋。")
    assert e.get("江山市", ("",))[0] == "Region"
    assert any(t == "Region" and n.endswith("贺村镇") for n, (t, _) in e.items())


def test_contraction_after_a_short_province_prefix() -> None:
    from reformkg.ingest.resolve.names import contracted

    assert contracted("湖南湘岳交通建设集团有限公司", "湘岳交建集团")


def test_name_glued_to_ronghuo_is_cut_unless_written_alone() -> None:
    e = _ents("经省总工会推荐，济南某钢铁集团有限公司职工王大荣获全国五一劳动奖章。")
    assert "王大" in e and "王大荣" not in e
    e = _ents("经省总工会推荐，济南某钢铁集团有限公司职工王大荣获全国五一劳动奖章。王大荣表示将继续努力。")
    assert "王大荣" in e and "王大" not in e


def test_banner_prefix_resolves_to_the_banner() -> None:
    e = _ents("内蒙古自治区总工会召开会议。鄂尔多斯市达拉特旗总工会、旗人社局作交流。旗总工会主席巴特尔发言。")
    assert "旗总工会" in e["鄂尔多斯市达拉特旗总工会"][1]
    assert e["鄂尔多斯市达拉特旗人社局"][1] == ["旗人社局", "鄂尔多斯市达拉特旗人力资源和社会保障局"]


def test_government_full_name_inside_a_longer_name_and_its_office() -> None:
    e = _ents("宜昌市召开会议。宜昌市政府办公室、湖北省政府办公厅派员参加。宜昌市政府出台政策。")
    # the written names, with the government's full name as an alias
    assert e["宜昌市政府办公室"] == ("Agency", ["宜昌市人民政府办公室"])
    assert e["湖北省政府办公厅"] == ("Agency", ["湖北省人民政府办公厅"])
    assert e["宜昌市政府"] == ("Agency", ["宜昌市人民政府"])


def test_union_named_after_a_zone_is_located_in_the_zone() -> None:
    rec = _record("宜昌市召开会议。宜昌高新区工会派员参加。宜昌高新区有企业300家。")
    loc = {(r["source"], r["target"]) for r in rec["relations"] if r["type"] == "LOCATED_IN"}
    assert ("宜昌高新区工会", "宜昌高新区") in loc


def test_a_school_named_after_an_official_zone_is_located_in_the_zone():
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("近日，苏州工业园区举办技能大赛。苏州工业园区职业技术学院承办了比赛。")
    ents = {e.id: e for e in res.entities}
    located = {(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "LOCATED_IN"}
    assert ("苏州工业园区职业技术学院", "苏州工业园区") in located


def test_firms_opening_the_clause_after_a_park_set_as_the_scene_are_in_the_park():
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("在苏州工业园区，博世汽车部件（苏州）有限公司、三星电子（苏州）半导体有限公司等外资企业积极参与技能培训。")
    ents = {e.id: e for e in res.entities}
    located = {(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "LOCATED_IN"}
    assert ("博世汽车部件（苏州）有限公司", "苏州工业园区") in located
    assert ("三星电子（苏州）半导体有限公司", "苏州工业园区") in located


def test_lian_he_inside_a_bodys_name_is_no_joint_verb():
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("大湾区技能大赛在珠海举行\n\n11月8日，由广东省总工会、香港工会联合会、澳门工会联合总会联合主办的"
                              "第五届粤港澳大湾区职工技能大赛在珠海开幕。")
    ents = {e.id: e for e in res.entities}
    sponsors = {ents[f.source_id].name for f in res.facts if f.type == "SPONSORS"}
    assert {"广东省总工会", "香港工会联合会", "澳门工会联合总会"} <= sponsors
    assert "珠海市" not in sponsors
