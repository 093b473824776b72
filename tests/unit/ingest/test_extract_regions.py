"""Regions: gazetteer full names and short forms, adcodes and levels, ambiguity by context,
zones, contextual forms (该市, 全省)."""

from __future__ import annotations

from reformkg.ingest import lexicons as lx
from tests.unit.ingest._pipe import extract, mentions, names


def _regions(text: str) -> dict[str, dict]:
    doc = extract(text, upto="regions")
    return {m.surface: dict(m.attrs, normalised=m.normalised) for m in mentions(doc, "Region")}


def test_gazetteer_has_codes_levels_parents() -> None:
    gz = lx.gazetteer()
    (i,) = [i for i in gz.by_name["余杭区"] if gz.get(i).adcode.startswith("3301")]
    p = gz.get(i)
    assert p.level == "district" and gz.get(p.parent).name == "杭州市"
    assert gz.get(gz.by_name["广东省"][0]).level == "province"


def test_full_and_short_forms() -> None:
    r = _regions("佛山市顺德区的企业和东莞的工厂都参加了广东省的活动。")
    assert r["佛山市顺德区"]["normalised"] == "顺德区"
    assert r["佛山市顺德区"]["adcode"] == "440606"
    assert r["东莞"]["normalised"] == "东莞市"
    assert r["广东省"]["level"] == "province"


def test_ambiguous_district_by_document_city() -> None:
    r = _regions("福州市今年推进技能培训。鼓楼区组织职工参加比赛，福州的企业积极响应。")
    assert r["鼓楼区"]["adcode"].startswith("3501")
    r = _regions("南京市今年推进技能培训。鼓楼区组织职工参加比赛，南京的企业积极响应。")
    assert r["鼓楼区"]["adcode"].startswith("3201")


def test_contextual_forms_follow_the_paragraph() -> None:
    doc = extract("绍兴市大力推进改革。该市培训职工3000人。\n\n全省共有一百家企业参与。浙江省总结经验。", upto="regions")
    ctx = {m.surface: m.normalised for m in mentions(doc, "Region") if m.attrs.get("contextual")}
    assert ctx["该市"] == "绍兴市"
    assert ctx["全省"] == "浙江省"


def test_zone_with_region_prefix() -> None:
    doc = extract("合肥高新技术产业开发区的企业参加了培训。", upto="regions")
    zones = [m for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"]
    assert [z.surface for z in zones] == ["合肥高新技术产业开发区"]


def test_common_word_is_not_a_short_form() -> None:
    r = _regions("企业投入真金白银支持职工创新。")
    assert not r


def test_county_outside_the_document_province_is_a_word() -> None:
    doc = extract("苏州市总工会召开会议，会同县人社局、财政局等部门研究对策。", upto="regions")
    assert "会同县" not in {m.normalised for m in mentions(doc, "Region")}


def test_two_character_county_names() -> None:
    r = _regions("徐州市的沛县组织职工培训。")
    assert r["沛县"]["adcode"] == "320322"


def test_generic_parks_are_not_zones() -> None:
    doc = extract("苏州市在特色产业园区和骨干企业中推进改革，并在全市率先实施园区试点。", upto="regions")
    assert not [m for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"]


def test_quoted_and_listed_zones() -> None:
    doc = extract("南通市将“江海创业产业园”作为试点。", upto="regions")
    zones = {m.surface for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"}
    assert zones == {"江海创业产业园"}


def test_city_context_of_a_county_paragraph() -> None:
    from reformkg.ingest.extract.regions import context_place
    doc = extract("无锡市召开会议。\n\n沛县总工会组织职工参加市级比赛。", upto="regions")
    pos = doc.text.index("市级")
    assert lx.gazetteer().get(context_place(doc, pos, "市")).name == "徐州市"


def test_province_scope_follows_the_province_the_passage_names() -> None:
    doc = extract("江苏省推进产改。苏州市总工会开展培训。\n日前，福建省总工会召开会议。全省各级工会将积极参与。",
                  upto="regions")
    ctx = [m for m in mentions(doc, "Region") if m.surface == "全省"]
    assert ctx and ctx[-1].normalised == "福建省"
    doc = extract("江苏省推进产改。全省各级工会积极参与。", upto="regions")
    assert [m.normalised for m in mentions(doc, "Region") if m.surface == "全省"] == ["江苏省"]


def test_newspaper_masthead_is_not_the_region() -> None:
    doc = extract("温州日报讯 近日，瑞安市总工会开展培训。", upto="regions")
    assert "温州" not in {m.surface for m in mentions(doc, "Region")}


def test_a_bonded_zone_named_by_its_kind_in_a_list_or_after_zai() -> None:
    doc = extract("嘉兴市确定科创园、综保区等8家试点单位。在综保区推进产改。各地保税区加快发展。")
    zones = [m for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"]
    assert {m.normalised for m in zones} == {"科创园", "综保区"} or {m.normalised for m in zones} == {"综保区"}
    assert not any(m.normalised.startswith("嘉兴市确定") for m in zones)


def test_a_county_level_city_named_in_passing_does_not_take_a_bare_city_body() -> None:
    doc = extract("苏州市召开产改推进会。会上，昆山市、张家港市作交流发言。市委常委会听取汇报。")
    assert "苏州市委常委会" in names(doc, "Agency")
    doc = extract("昆山市召开会议，市委书记出席。")
    assert "昆山市委" in names(doc, "Agency")


def test_a_park_of_generic_words_is_not_a_zone() -> None:
    doc = extract("北滘镇、顺德高新区等5个镇街园区为试点单位。")
    zones = {m.normalised for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"}
    assert zones == {"顺德高新区"}


def test_no_province_is_guessed_from_a_word_that_spells_a_county() -> None:
    doc = extract("推进重大项目建设，参加由省总工会举办的劳模培训。")
    assert names(doc, "Region") == set()
    assert names(doc, "Union") == {"省总工会"}


def test_zone_at_the_start_of_a_body_name_the_tagger_spans_whole() -> None:
    doc = extract("佛山南海高新技术产业开发区总工会召开会议。", upto="regions")
    zones = [m.surface for m in mentions(doc, "Region") if m.attrs.get("level") == "zone"]
    assert zones == ["佛山南海高新技术产业开发区"]


def test_zone_word_tables_are_read_without_comments() -> None:
    from reformkg.ingest.extract.common import word_list

    for name in ("zone_generic_words.txt", "zone_body_heads.txt"):
        words = word_list(name)
        assert words and not any(w.startswith("#") or w != w.strip() for w in words), name
    assert "管委会" in word_list("zone_body_heads.txt")


def test_a_region_on_a_navigation_line_or_opening_a_quoted_name_is_no_mention_but_still_context() -> None:
    doc = extract("首页 新闻中心 台州新闻 本网专稿\n\n市总工会召开会议，部署产改工作。", upto="orgs")
    assert "台州市" not in names(doc, "Region")
    assert "台州市总工会" in names(doc, "Union")  # the line still tells which city 市 is
    doc = extract("我市又有两个工作室入选“浙江省示范性劳模创新工作室”。", upto="regions")
    assert "浙江省" not in names(doc, "Region")
    doc = extract("浙江省总工会召开会议。“浙江”一词在这里指浙江省。", upto="regions")
    assert "浙江省" in names(doc, "Region")


def test_one_character_city_names_in_the_news_idiom() -> None:
    regions = _regions("全国总工会日前在京召开新闻发布会。代表们来沪参加培训。京津冀协同发展。")
    assert regions["京"]["normalised"] == "北京市" and regions["沪"]["normalised"] == "上海市"
    assert "津" not in regions  # only as the place of a verb of meeting or travel


def test_named_areas_and_their_short_forms_where_the_full_name_is_written() -> None:
    regions = _regions("大赛汇聚粤港澳大湾区11个城市的选手，湾区各地职工踊跃参加。")
    assert regions["粤港澳大湾区"]["normalised"] == "粤港澳大湾区" and regions["湾区"]["normalised"] == "粤港澳大湾区"
    assert "湾区" not in _regions("湾区各地职工踊跃参加。")
