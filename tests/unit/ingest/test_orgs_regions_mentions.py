"""Organisation and region mentions on composed sentences (invented names, places of other provinces):
abbreviated bodies keep their written name, 中央 is the party centre, agencies are not cut at a
coordination, coordinating groups keep their lead words, Hong Kong and Macau are regions."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def ents(pipeline, text, label=None):
    res = pipeline.run_text(text)
    return {e.name: e for e in res.entities if label is None or e.label == label}


def test_abbreviated_bodies_keep_the_written_name_and_the_official_one_as_alias(pipeline):
    got = ents(pipeline, "桂林市人大常委会、桂林市住建局和桂林市政府联合开展调研。", "Agency")
    assert {"桂林市人大常委会", "桂林市住建局", "桂林市政府"} <= set(got)
    assert "桂林市人民代表大会常务委员会" in got["桂林市人大常委会"].aliases
    assert "桂林市住房和城乡建设局" in got["桂林市住建局"].aliases
    assert "桂林市人民政府" in got["桂林市政府"].aliases


def test_short_and_full_forms_of_one_body_are_one_entity(pipeline):
    got = ents(pipeline, "柳州市人社局牵头开展培训。柳州市人力资源和社会保障局还发放补贴。", "Agency")
    assert len(got) == 1
    (e,) = got.values()
    assert {e.name, *e.aliases} >= {"柳州市人社局", "柳州市人力资源和社会保障局"}


@pytest.mark.parametrize("text", ["贵州认真贯彻中央部署，推进产改。", "深入贯彻落实中央和省委关于产改的部署。"])
def test_the_party_centre_written_alone(pipeline, text):
    got = ents(pipeline, text, "Agency")
    assert "中共中央" in got and "中央" in got["中共中央"].aliases


def test_central_as_a_modifier_is_no_body(pipeline):
    assert "中共中央" not in ents(pipeline, "中央企业职工参加培训，中央财政拨付资金。")


def test_an_agency_is_not_cut_at_a_coordination(pipeline):
    got = ents(pipeline, "围绕市委、市政府决策部署，遵义市总工会开展竞赛。", "Agency")
    assert not any(n.endswith("决策部") for n in got)
    assert "遵义市政府" in got


@pytest.mark.parametrize("text, name", [
    ("全国总工会党组成员、推进产业工人队伍建设改革协调小组副组长某某介绍。", "推进产业工人队伍建设改革协调小组"),
    ("会议传达了全国产改协调小组的要求。", "全国产改协调小组"),
    ("国家推进产改协调小组办公室向全国推介榆林经验。", "国家推进产改协调小组"),
])
def test_coordinating_groups_keep_their_lead_words(pipeline, text, name):
    assert name in ents(pipeline, text, "Agency")


def test_hong_kong_and_macau_are_regions(pipeline):
    got = ents(pipeline, "职业技能大赛已在香港、澳门、南宁举办三届。", "Region")
    assert {"香港", "澳门"} <= set(got)


@pytest.mark.parametrize("text, reporter", [
    ("新华网柳州10月12日电(韦小梅) 柳州市总工会举办技能大赛。", "韦小梅"),
    ("柳州市总工会举办技能大赛，吸引职工参加。(覃晓燕)", "覃晓燕"),
    ("柳州市总工会举办技能大赛，为高质量发展作出更大贡献。 蒙晨晨", "蒙晨晨"),
])
def test_reporters_after_a_dateline_or_at_a_paragraph_end_are_bylines(pipeline, text, reporter):
    res = pipeline.run_text(text)
    assert reporter not in {e.name for e in res.entities}
    assert reporter in res.authors


@pytest.mark.parametrize("text, outlet", [
    ("作者:梧州日报 来源:梧州日报 发布时间:2024年01月21日\n梧州市总工会举办技能大赛。", "梧州日报"),
    ("发布时间:2021-11-10 来源:钦州区融媒体中心\n钦州市总工会举办技能大赛。", "钦州区融媒体中心"),
    ("钦州市自媒体协会主办\n钦州市总工会举办技能大赛。", "钦州市自媒体协会"),
    ("中评社南宁6月4日电/据南国早报报导，广西壮族自治区总工会召开发布会。", "南国早报"),
])
def test_source_lines_mastheads_and_attributions_name_no_actor(pipeline, text, outlet):
    names = {e.name for e in pipeline.run_text(text).entities}
    assert outlet not in names


def test_a_name_followed_by_a_verb_keeps_only_the_name(pipeline):
    got = ents(pipeline, "省总工会一级巡视员牛建国率省政协界别委员一行来到我区调研。", "Person")
    assert set(got) == {"牛建国"}


def test_places_and_a_category_before_a_firm_are_not_its_name(pipeline):
    got = ents(pipeline, "近日，在资中县水南镇产改试点企业蜀红纺织有限公司的车间里，职工正在培训。")
    assert "蜀红纺织有限公司" in got and got["蜀红纺织有限公司"].label == "Enterprise"
    assert not any(n.startswith("资中县") and n.endswith("有限公司") for n in got)


def test_a_district_written_before_a_firm_registered_under_its_province(pipeline):
    got = ents(pipeline, "武侯区四川锦程数控技术有限公司开展培训。")
    assert "四川锦程数控技术有限公司" in got and "武侯区" in got


def test_a_bracketed_country_inside_a_firms_name(pipeline):
    got = ents(pipeline, "诺德兰(中国)投资有限公司获评先进单位。", "Enterprise")
    assert "诺德兰(中国)投资有限公司".replace("(", "（").replace(")", "）") in got or "诺德兰(中国)投资有限公司" in got


@pytest.mark.parametrize("name", ["涪陵榨菜产业集群工会联合会", "香港工会联合会", "澳门工会联合总会"])
def test_union_federations_are_unions(pipeline, name):
    got = ents(pipeline, f"大赛由四川省总工会携手{name}共同主办。")
    assert got[name].label == "Union"


def test_a_designation_workroom_is_an_award_and_named_workrooms_receive_it(pipeline):
    text = ("2月19日，省总工会命名表彰第三批“四川省示范性劳模创新工作室”，由我市住建局打造的"
            "“城建系统劳模创新工作室”、罗江区科技局打造的“何春林劳模创新工作室”榜上有名。")
    got = ents(pipeline, "德阳市总工会获悉。" + text)
    assert got["四川省示范性劳模创新工作室"].label == "Award"
    assert got["城建系统劳模创新工作室"].label == "Institution"
    assert "示范性劳模创新工作室" not in {n for n, e in got.items() if e.label == "Institution"}


def test_short_forms_of_party_and_team_bodies(pipeline):
    got = ents(pipeline, "近年来，贵州认真贯彻中央部署。贵州省委深刻把握产改工作，深改委专门审议《实施方案》。", "Agency")
    assert "深改委" in got["贵州省委深改委"].aliases
    assert "贵州省委全面深化改革委员会" in got["贵州省委深改委"].aliases
    got = ents(pipeline, "贵州省产业工人队伍建设改革第二督查组来黔南督查。省督查组对黔南的做法给予肯定。", "Agency")
    assert list(got) == ["贵州省产业工人队伍建设改革第二督查组"]
    assert "省督查组" in got["贵州省产业工人队伍建设改革第二督查组"].aliases


def test_national_bodies_and_associations(pipeline):
    got = ents(pipeline, "全国总工会会同人社部、税务总局开展工作，贵州省工商联参与。")
    assert got["国家税务总局"].label == "Agency" and got["贵州省工商联"].label == "Institution"


@pytest.mark.parametrize("text", ["这3个集群都建起功能齐全的党群服务中心。", "充分发挥工匠学院“推手”作用。"])
def test_generic_kinds_of_centres_and_schools_are_no_bodies(pipeline, text):
    assert not [e for e in pipeline.run_text(text).entities if e.label == "Institution"]


def test_a_title_keeps_its_first_character():
    from reformkg.ingest.jsonl import to_record

    rec = to_record(Pipeline().run_text("自贡市总工会女工委部长李晓红出席会议。", path="t.txt"))
    titles = [r["properties"].get("title") for r in rec["relations"] if r["type"] == "HOLDS_POSITION"]
    assert titles == ["女工委部长"]


@pytest.mark.parametrize("text, name, short", [
    ("福建省总工会、福州市总工会召开会议。省总和市总联合开展活动。", "福建省总工会", "省总"),
    ("甘肃省家政服务行业协会召开会议，省家协会长王某主持。", "甘肃省家政服务行业协会", "省家协"),
    ("甘肃省家政服务行业协会召开会议。省家协组织开展培训。", "甘肃省家政服务行业协会", "省家协"),
])
def test_short_forms_of_unions_and_associations(pipeline, text, name, short):
    got = ents(pipeline, text)
    assert short in got[name].aliases


def test_a_sector_of_the_consultative_conference_is_not_a_union(pipeline):
    got = ents(pipeline, "省总工会一级巡视员牛建国率省政协总工会界别委员一行来到我区调研。")
    assert not any("政协" in n and e.label == "Union" for n, e in got.items())
    assert any(n.endswith("政协") and e.label == "Agency" for n, e in got.items())


def test_prize_tiers_of_the_event_at_hand_and_workforce_statistics_are_no_awards(pipeline):
    text = "获得此次大赛一等奖的选手将申报五一劳动奖章。全国技能人才总量已超过2亿人。"
    assert not [e for e in pipeline.run_text(text).entities if e.label == "Award"]


def test_an_association_written_without_its_place_is_one_entity(pipeline):
    got = ents(pipeline, "眉山市东坡泡菜协会现已拥有企业87家。东坡泡菜协会组织培训。", "Institution")
    assert list(got) == ["眉山市东坡泡菜协会"] and "东坡泡菜协会" in got["眉山市东坡泡菜协会"].aliases


def test_a_leading_group_a_union_sets_up_is_an_agency(pipeline):
    got = ents(pipeline, "攀枝花市总工会产业工人队伍建设改革工作领导小组召开会议。")
    assert got["攀枝花市总工会产业工人队伍建设改革工作领导小组"].label == "Agency"


def test_a_body_named_with_its_province_and_county_short_form(pipeline):
    got = ents(pipeline, "近日，由米易县总工会、四川省米易龙潭溶洞旅游区管理办公室联合开展的竞赛表彰会隆重举行。", "Agency")
    assert any(n.startswith("四川省米易") and n.endswith("管理办公室") for n in got), got


def test_bare_government_after_a_party_committee_is_that_places_government(pipeline):
    got = ents(pipeline, "在长兴县委、政府的高度重视下，县总工会开展技能竞赛。", "Agency")
    assert "长兴县政府" in got and "长兴县人民政府" in got["长兴县政府"].aliases
    got = ents(pipeline, "峄山镇是石材之乡。在镇党委、政府和上级工会的指导下，企业开展培训。", "Agency")
    assert {"峄山镇党委", "峄山镇政府"} <= set(got)


def test_government_procurement_after_a_committee_is_no_body(pipeline):
    got = ents(pipeline, "长兴县委和政府采购中心联合发文。", "Agency")
    assert "长兴县政府" not in got


def test_a_workroom_named_after_a_person_is_one_institution_and_no_person(pipeline):
    got = ents(pipeline, "王强技能大师工作室、刘芳劳模创新工作室入选省级示范性创新工作室。")
    assert "王强技能大师工作室" in got and "刘芳劳模创新工作室" in got
    assert got["王强技能大师工作室"].label == "Institution" and "王强" not in got and "刘芳" not in got


def test_a_workroom_title_conferred_unquoted_is_an_award(pipeline):
    got = ents(pipeline, "省总工会决定命名“周平劳模创新工作室”等15个工作室为2024年度某省劳模和工匠人才创新工作室。")
    assert got.get("周平劳模创新工作室") is not None and got["周平劳模创新工作室"].label == "Institution"
    awards = [n for n, e in got.items() if e.label == "Award"]
    assert awards and all(n.endswith("劳模和工匠人才创新工作室") and "2024" not in n for n in awards)


def test_a_workroom_named_after_a_person_the_tagger_cuts_there_keeps_the_name(pipeline):
    # the tagger reads 孙继|修 before 劳模 but 孙继修 as one name earlier in the text
    text = "某公司焊工孙继修被授予“全国五一劳动奖章”，其领衔的孙继修劳模创新工作室获评省级示范性劳模创新工作室。"
    got = ents(pipeline, text)
    assert "孙继修劳模创新工作室" in got and "孙继" not in got


def test_a_prefixed_department_right_after_a_joint_verb(pipeline):
    got = ents(pipeline, "湖南省总工会联合省人力资源和社会保障厅举办大赛。", "Agency")
    assert "湖南省人力资源和社会保障厅" in got


def test_a_county_short_form_that_is_an_ordinary_verb_is_no_region(pipeline):
    got = ents(pipeline, "湖南省总工会会同省教育厅开展调研。")
    assert "会同县" not in got and "湖南省教育厅" in got


def test_a_body_name_never_crosses_the_verb_that_convenes_or_sets_it_up(pipeline):
    got = ents(pipeline, "本报讯 近日，宜昌市召开技能人才工作联席会议，部署全年工作。")
    assert not any("召开" in n for n in got)
    assert "宜昌市" in got and got["宜昌市"].label == "Region"


def test_a_joint_body_a_region_sets_up_is_named_after_it(pipeline):
    got = ents(pipeline, "经市委同意，乐山市建立产业工人队伍建设改革工作联席会议制度，统筹推进相关工作。", "Agency")
    assert "乐山市产业工人队伍建设改革工作联席会议" in got


def test_a_quoted_kind_of_institution_names_none(pipeline):
    got = ents(pipeline, "截至目前，全市已建成“工匠学院”15所，“羊城工匠学院”正式揭牌。")
    assert "工匠学院" not in got and "羊城工匠学院" in got


def test_a_unit_after_a_deixis_for_its_firm_does_not_take_the_deixis_into_its_name(pipeline):
    got = ents(pipeline, "近日，中铁某局集团有限公司获评全国五一劳动奖状。该公司盾构工程公司技术员李强被评为“齐鲁首席技师”。")
    assert "盾构工程公司" in got and not any(n.startswith("公司") for n in got)


def test_regions_listed_before_a_bodys_name_share_its_head() -> None:
    from tests.unit.ingest._pipe import extract, names

    doc = extract("福清市、长乐区总工会分别组织职工技能竞赛45场、32场。", upto="orgs")
    assert {"福清市总工会", "长乐区总工会"} <= names(doc, "Union")
    assert "福清市" not in names(doc, "Region")
    doc = extract("在福清市、长乐区开展调研，长乐区总工会参加。", upto="orgs")
    assert "福清市总工会" not in names(doc, "Union")
