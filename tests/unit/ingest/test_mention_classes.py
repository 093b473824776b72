"""Mention classes of issue 9 on composed sentences (invented names, places of other provinces):
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
    ("国家推进产改协调小组办公室督查组来榆林调研。", "国家推进产改协调小组"),
])
def test_coordinating_groups_keep_their_lead_words(pipeline, text, name):
    assert name in ents(pipeline, text, "Agency")


def test_hong_kong_and_macau_are_regions(pipeline):
    got = ents(pipeline, "职业技能大赛已在香港、澳门、南宁举办三届。", "Region")
    assert {"香港", "澳门"} <= set(got)
