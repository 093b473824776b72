"""Briefs made of tagged items (【南昌】某某…【九江】某某…) on composed text (full pipeline): the tag
opens no subject, and with items of several bodies the piece speaks in no one union's voice."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline

TEXT = ("工会工作简报\n第15期\n\n"
        "【宜宾】宜宾市总工会举办“酒都工匠”技能大赛，全市共有1200名职工参赛。\n"
        "【泸州】泸州市总工会联合泸州职业技术学院开展订单式培训，培训职工800人次。\n"
        "【自贡】自贡市推进产改试点，确定15家企业为市级产改试点企业。\n")


@pytest.fixture(scope="module")
def result():
    return Pipeline().run_text(TEXT)


def test_the_item_tag_is_no_subject(result):
    ents = {e.id: e for e in result.entities}
    sponsors = {ents[f.source_id].name for f in result.facts if f.type == "SPONSORS"}
    assert "宜宾市总工会" in sponsors and "宜宾市" not in sponsors


def test_each_items_figures_stay_with_its_own_body(result):
    ents = {e.id: e for e in result.entities}
    by_value = {o.value: ents[o.actor_id].name for o in result.outcomes if o.actor_id in ents}
    assert by_value.get(800.0) == "泸州市总工会"
    assert by_value.get(15.0) != "宜宾市总工会"
