"""Bodies of a town on composed sentences (towns of other provinces): a lone 镇 before a body
stands for the town the text speaks of (镇党委, 镇总工会), and a town written inside a body's name
places the body there when the text names the town on its own."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _run(pipeline, text):
    res = pipeline.run_text(text)
    ents = {e.id: e for e in res.entities}
    located = {(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "LOCATED_IN"}
    return {e.name: e for e in res.entities}, located


def test_bare_town_prefix_names_the_town_of_the_passage(pipeline):
    names, located = _run(pipeline, "记者走进济宁市峄山镇。峄山镇是远近闻名的石材之乡。在镇党委的指导下，镇总工会组建了石材行业工会。")
    assert "峄山镇党委" in names and "峄山镇总工会" in names
    assert ("峄山镇党委", "峄山镇") in located and ("峄山镇总工会", "峄山镇") in located


def test_bare_town_prefix_without_a_town_in_the_text_is_no_named_body(pipeline):
    names, _ = _run(pipeline, "在镇党委的指导下，企业开展了技能培训。")
    assert not any(n.endswith("镇党委") and len(n) > 3 for n in names)


def test_town_inside_a_county_prefixed_name_places_the_body_in_the_town(pipeline):
    _, located = _run(pipeline, "宿松县汇口镇有服装企业80多家。宿松县汇口镇总工会主席刘芳介绍了做法。")
    assert ("宿松县汇口镇总工会", "汇口镇") in located


def test_town_inside_a_tagged_association_name_places_it_in_the_town(pipeline):
    _, located = _run(pipeline, "青岗镇是有名的纺织小镇。\n青岗镇纺织协会会长赵强说，协会现有会员企业120家。")
    assert ("青岗镇纺织协会", "青岗镇") in located


def test_town_only_inside_names_does_not_place_the_body(pipeline):
    # the town is never named on its own: town names repeat across the country
    _, located = _run(pipeline, "青岗镇纺织协会会长赵强说，协会现有会员企业120家。")
    assert ("青岗镇纺织协会", "青岗镇") not in located


def test_a_town_written_right_after_its_district_is_a_place_in_one_tagger_word() -> None:
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("播州区鸭溪镇党委书记张甲乙参加会议。")
    by_id = {e.id: e.name for e in res.entities}
    posts = {(by_id[f.source_id], by_id[f.target_id]) for f in res.facts if f.type == "HOLDS_POSITION"}
    assert any(src == "张甲乙" and tgt.endswith("鸭溪镇党委") for src, tgt in posts), posts
