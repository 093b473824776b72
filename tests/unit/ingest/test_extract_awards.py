"""Awards: level words and regions decide the canonical name; generic honours need a level."""

from __future__ import annotations

from tests.unit.ingest._pipe import extract, mentions


def _awards(text: str) -> dict[str, str]:
    doc = extract(text, upto="awards")
    return {m.surface: m.normalised for m in mentions(doc, "Award")}


def test_province_level_resolves_to_document_province() -> None:
    a = _awards("浙江省表彰先进。他曾获省劳模、全国五一劳动奖章。")
    assert a["省劳模"] == "浙江省劳动模范"
    assert a["全国五一劳动奖章"] == "全国五一劳动奖章"


def test_city_level_and_region_written() -> None:
    a = _awards("丽水市举办比赛。前三名授予市级“技术能手”称号，另有5人获丽水市五一劳动奖章。")
    assert a["市级“技术能手”"] == "丽水市技术能手"
    assert a["丽水市五一劳动奖章"] == "丽水市五一劳动奖章"


def test_generic_honour_needs_a_level() -> None:
    a = _awards("企业要培养更多工匠和技能大师。")
    assert not a
