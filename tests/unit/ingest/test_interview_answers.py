"""Interview answers on composed text (full pipeline): 我们 in an answer line is the body of the
person answering, as written in brackets after the name at the first answer; a later answer
under the bare name keeps that body. A firm's union written as an anaphor (集团公司工会) is the
group's union named before, as a post and as the subject credited with results."""

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


FIRM_TEXT = ("近年来，甲乙汽车集团有限公司工会深入推进技能提升工作。"
             "丙丁零部件公司焊工张卫东被授予“全国五一劳动奖章”。"
             "2023年，集团公司工会组织职工提出合理化建议2.6万条。集团公司工会主席刘建平表示，将继续努力。")


@pytest.fixture(scope="module")
def firm():
    return Pipeline().run_text(FIRM_TEXT)


def test_group_company_union_anaphor_is_the_groups_union(firm):
    ents = {e.id: e for e in firm.entities}
    posts = {(ents[f.source_id].name, ents[f.target_id].name, f.props.get("title")) for f in firm.facts
             if f.type == "HOLDS_POSITION"}
    assert ("刘建平", "甲乙汽车集团有限公司工会", "主席") in posts


def test_group_company_union_as_subject_is_credited_with_its_results(firm):
    ents = {e.id: e for e in firm.entities}
    actors = {ents[o.actor_id].name for o in firm.outcomes if o.actor_id in ents and o.value == 26000}
    assert actors == {"甲乙汽车集团有限公司工会"}


def test_we_in_an_answer_is_the_body_the_speaker_was_introduced_with() -> None:
    from reformkg.ingest.pipeline import Pipeline

    text = ("出席今天发布会的有市总工会党组书记、常务副主席吴甲，市人力社保局副局长王乙丙。\n\n"
            "王乙丙：我们会同市总工会推动建立“司机之家”500个，覆盖货车司机20万人。\n")
    res = Pipeline().run_text(text)
    by_id = {e.id: e.name for e in res.entities}
    runs = {(by_id[f.source_id], by_id[f.target_id]) for f in res.facts if f.type == "RUNS"}
    assert any(src.endswith("人力社保局") and tgt == "“司机之家”" for src, tgt in runs), runs


def test_a_press_conference_questioners_outlet_is_no_actor() -> None:
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("甲乙日报记者：请问在新就业形态劳动者权益保障方面有哪些举措？\n\n王乙丙：我们建立了“司机之家”。\n")
    assert not any(e.name.endswith("日报") for e in res.entities)
