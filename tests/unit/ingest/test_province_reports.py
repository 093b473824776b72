"""A province's work report and its lists of cities: a firm named under the province is not
placed in one city of a list or in the city named most in a province-wide text; cities listed as
where the reform is piloted (在A市、B市开展产改综合试点, 确定A、B等N个省份开展…试点) pilot it;
a firm's name after a chain of regions (某省某市X集团有限公司) is the same firm as X集团.
Texts and names are composed."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from reformkg.ingest.pipeline import Pipeline
from reformkg.ingest.resolve.names import strip_region
from tests.unit.ingest._docs import make_doc


def _pipe() -> Pipeline:
    if not hasattr(_pipe, "p"):
        _pipe.p = Pipeline()
    return _pipe.p


def _located(text: str) -> set[tuple[str, str]]:
    res = _pipe().run_text(text)
    by_id = {e.id: e.name for e in res.entities}
    return {(by_id[f.source_id], by_id[f.target_id]) for f in res.facts if f.type == "LOCATED_IN"}


def test_a_firm_named_under_the_province_is_not_put_in_the_last_city_of_a_list():
    text = ("浙江省总工会2023年工作总结\n\n全省各级工会扎实推进产改。省总工会在杭州市、湖州市、衢州市开展试点，"
            "确定浙江甲乙精工机械有限公司等12家企业为省级示范企业。\n")
    got = _located(text)
    assert not any(src == "浙江甲乙精工机械有限公司" and tgt.endswith("市") for src, tgt in got), got


def test_a_firm_named_under_the_province_in_a_city_piece_stands_in_that_city():
    text = ("湖州市总工会推进产改\n\n湖州市总工会今年以来深化产改。在湖州市，浙江甲乙精工机械有限公司建立了"
            "“首席技师”制度。湖州市各级工会积极参与。\n")
    assert ("浙江甲乙精工机械有限公司", "湖州市") in _located(text)


def _pilots(text, ms):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(make_doc(text, ms))
                  if r.type == "PILOTS")


def test_cities_where_the_reform_is_piloted_pilot_it():
    text = "省总工会在甲市、乙市、丙市开展产改综合试点。"
    ms = [("省总工会", "Union", "某省总工会"), ("甲市", "Region"), ("乙市", "Region"), ("丙市", "Region"),
          ("产改", "Programme", "产业工人队伍建设改革")]
    assert _pilots(text, ms) == [("丙市", "产业工人队伍建设改革"), ("乙市", "产业工人队伍建设改革"),
                                 ("甲市", "产业工人队伍建设改革")]


def test_a_designated_list_with_its_count_pilots_the_reform():
    text = "全国总工会确定甲省、乙省等5个省份开展产业工人队伍建设改革试点。"
    ms = [("全国总工会", "Union", "中华全国总工会"), ("甲省", "Region"), ("乙省", "Region"),
          ("产业工人队伍建设改革", "Programme")]
    assert _pilots(text, ms) == [("乙省", "产业工人队伍建设改革"), ("甲省", "产业工人队伍建设改革")]


def test_a_joint_action_on_the_reform_is_still_no_pilot():
    text = "甲市总工会联合乙市总工会开展产改综合试点。"
    ms = [("甲市总工会", "Union"), ("乙市总工会", "Union"), ("产改", "Programme", "产业工人队伍建设改革")]
    assert _pilots(text, ms) == []


def test_a_chain_of_regions_before_a_firms_name_is_stripped_whole():
    assert strip_region("四川宜宾甲乙酒业集团有限公司") == "甲乙酒业集团有限公司"
    assert strip_region("广东甲乙集团") == "甲乙集团"
    assert strip_region("南京南钢集团") == "南钢集团"


def test_a_firm_takes_the_region_of_its_own_paragraph_before_an_earlier_ones_district():
    text = ("11月20日，甲乙市总工会在丙丁区举行启动仪式。\n\n"
            "今年以来，深圳市总工会联合甲乙丙速运有限公司等平台企业，推动新就业形态劳动者入会1万人。\n")
    got = _located(text.replace("甲乙市", "深圳市").replace("丙丁区", "龙岗区"))
    assert ("甲乙丙速运有限公司", "深圳市") in got, got


def test_a_designated_list_of_a_kind_without_count_pilots_the_reform():
    text = "全总确定甲省、乙省、丙省等省开展产改试点。"
    ms = [("全总", "Union", "中华全国总工会"), ("甲省", "Region"), ("乙省", "Region"), ("丙省", "Region"),
          ("产改", "Programme", "产业工人队伍建设改革")]
    assert [h for h, _ in _pilots(text, ms)] == ["丙省", "乙省", "甲省"]
