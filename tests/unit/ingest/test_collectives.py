"""Named collectives of unions on composed text (full pipeline): 三省一市总工会 / 两地工会 stand
for the unions the text names when it names exactly as many of the counted places; else the
collective stays as written."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline
from reformkg.ingest.resolve.collectives import collective_size


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _facts(res):
    ents = {e.id: e for e in res.entities}
    return {(f.type, ents[f.source_id].name, ents[f.target_id].name) for f in res.facts}


@pytest.mark.parametrize("name,size", [("长三角三省一市总工会", 4), ("川渝两地工会", 2), ("苏浙两省总工会", 2),
                                       ("京津冀三地工会", 3), ("某省总工会", None)])
def test_collective_sizes(name, size):
    got = collective_size(name)
    assert (got[0] if got else None) == size


def test_a_collective_with_its_members_named_stands_for_them(pipeline):
    res = pipeline.run_text("上海市总工会、江苏省总工会、浙江省总工会、安徽省总工会签署协议。"
                            "此前，长三角三省一市总工会联合举办了第二届长三角职工数字技能大赛。")
    facts = _facts(res)
    assert ("SPONSORS", "上海市总工会", "第二届长三角职工数字技能大赛") in facts
    assert ("SPONSORS", "安徽省总工会", "第二届长三角职工数字技能大赛") in facts
    assert any(t == "CO_SPONSORS" and {a, b} == {"江苏省总工会", "浙江省总工会"} for t, a, b in facts)
    assert "长三角三省一市总工会" not in {e.name for e in res.entities}


def test_a_collective_whose_members_are_not_all_named_stays(pipeline):
    res = pipeline.run_text("上海市总工会签署协议。长三角三省一市总工会联合举办了第二届长三角职工数字技能大赛。")
    assert ("SPONSORS", "长三角三省一市总工会", "第二届长三角职工数字技能大赛") in _facts(res)
