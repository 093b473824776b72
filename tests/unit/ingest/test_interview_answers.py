"""Interview answers on composed text (full pipeline): 我们 in an answer line is the body of the
person answering, as written in brackets after the name at the first answer; a later answer
under the bare name keeps that body."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline

TEXT = ("记者：宁夏回族自治区总工会在技能提升方面有哪些举措？\n\n"
        "马丽（银川市总工会副主席）：今年以来，我们联合银川市人社局开展了“塞上工匠”培育行动。\n\n"
        "记者：下一步有什么打算？\n\n"
        "马丽：我们将继续开展“技能宁夏”职工大练兵活动。")


@pytest.fixture(scope="module")
def facts():
    res = Pipeline().run_text(TEXT)
    ents = {e.id: e for e in res.entities}
    return {(f.type, ents[f.source_id].name, ents[f.target_id].name) for f in res.facts}


def test_we_in_an_answer_is_the_answering_persons_body(facts):
    assert ("SPONSORS", "银川市总工会", "“塞上工匠”培育行动") in facts
    assert not any(t == "SPONSORS" and s == "银川市" for t, s, _ in facts)


def test_a_later_answer_under_the_bare_name_keeps_the_body(facts):
    assert ("RUNS", "银川市总工会", "“技能宁夏”职工大练兵活动") in facts


def test_the_bracketed_post_is_held(facts):
    assert ("HOLDS_POSITION", "马丽", "银川市总工会") in facts
