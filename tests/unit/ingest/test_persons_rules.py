"""Persons: the small named rules of the component (candidate end repairs, rejection rules,
title-string splitting, surname + title aliases), on composed text."""

from __future__ import annotations

from types import SimpleNamespace

from reformkg.ingest.extract.persons.candidates import drop_glued_verb, drop_title_start
from reformkg.ingest.extract.persons.component import is_surname_title
from reformkg.ingest.extract.persons.filters import (Screen, after_byline_cue, drop_glued_rong, on_credit_line,
                                                     symbolic_figure)
from reformkg.ingest.extract.persons.positions import segment_start, split_items


def _screen(text: str) -> Screen:
    return Screen(SimpleNamespace(mentions=[]), text, [], frozenset())  # type: ignore[arg-type]


def test_glued_verb_is_cut_off() -> None:
    text = "王小明主持会议"
    assert drop_glued_verb(text, 0, 5) == 3
    assert drop_glued_verb("王说", 0, 2) == 2                 # a name keeps at least two characters
    assert drop_glued_verb("王小明也参加", 0, 4) == 3         # an adverb after a three-character name


def test_title_start_is_given_back() -> None:
    assert drop_title_start("李大伟副市长指出", 0, 4) == 3
    assert drop_title_start("李大伟常务副市长指出", 0, 5) == 3
    assert drop_title_start("李大伟指出", 0, 3) == 3


def test_rong_verb_glued_to_a_name() -> None:
    assert drop_glued_rong("张小荣获一等奖", 0, 3) == 2
    assert drop_glued_rong("张小荣获一等奖，张小荣说", 0, 3) == 3   # the name is also written on its own


def test_rejection_rules() -> None:
    assert after_byline_cue(_screen("本报记者 王小明"), 5, 8, "lac")
    assert on_credit_line(_screen("王小明 李大伟 摄"), 0, 3, "lac")
    assert symbolic_figure(_screen("学习张某某精神"), 2, 5, "lac")
    assert not symbolic_figure(_screen("张某某指出"), 0, 3, "lac")


def test_title_string_items() -> None:
    text = "会上，某市委常委、组织部部长王小明表示"
    pos = text.index("王")
    start = segment_start(text, pos)
    assert text[start:pos] == "某市委常委、组织部部长"
    assert [text[a:b] for a, b in split_items(text, start, pos)] == ["某市委常委", "组织部部长"]


def test_surname_title_alias() -> None:
    assert is_surname_title("陈书记")
    assert is_surname_title("欧阳主任")
    assert not is_surname_title("陈立新")


def test_common_surnames_are_known():
    from reformkg.ingest import lexicons as lx

    top = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦洪"
    known = set("".join(lx.read_lines("surnames.txt")))
    assert [c for c in top if c not in known] == []


def test_a_secretariat_secretary_and_spokesperson_holds_a_post_at_the_union() -> None:
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("甲省总工会书记处书记、新闻发言人赵乙丙出席并答记者问。")
    by_id = {e.id: e.name for e in res.entities}
    posts = {(by_id[f.source_id], by_id[f.target_id]) for f in res.facts if f.type == "HOLDS_POSITION"}
    assert ("赵乙丙", "甲省总工会") in posts


def test_a_transliterated_name_after_a_title_is_read_whole() -> None:
    from tests.unit.ingest._pipe import extract, names

    for text, name in (("甲业集团高级技师买买提·艾力被评为“兵团工匠”。", "买买提·艾力"),
                       ("甲业集团高级技师热合曼·吐尔逊被评为“兵团工匠”。", "热合曼·吐尔逊")):
        assert name in names(extract(text, upto="persons"), "Person"), text
