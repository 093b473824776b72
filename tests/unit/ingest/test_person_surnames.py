"""Common surnames of the south and north (赖, 傅, 阎 …), transliterated names in parts (·) and
Tibetan or Mongolian names start person names the tagger finds, on
composed sentences."""

from __future__ import annotations

import pytest

from reformkg.ingest.extract.persons.lexicon import surname_ok
from tests.unit.ingest._pipe import extract, names


@pytest.mark.parametrize("name", ["赖海彬", "傅建国", "阎志强", "钮晓东", "庹明"])
def test_common_surnames_are_known(name):
    assert surname_ok(name)


def test_a_tagged_name_with_a_southern_surname_is_a_person():
    doc = extract("最终，来自梅州的赖志彬获得焊接竞赛一等奖。", upto="persons")
    assert "赖志彬" in names(doc, "Person")


def test_a_transliterated_name_in_parts_is_one_person():
    doc = extract("某某股份有限公司焊工阿依古丽·买买提表示，将继续钻研技术。", upto="persons")
    assert "阿依古丽·买买提" in names(doc, "Person")


def test_a_tibetan_name_after_a_title_is_a_person():
    doc = extract("某省总工会副主席次仁多吉出席活动。", upto="persons")
    assert "次仁多吉" in names(doc, "Person")


def test_a_name_the_tagger_cut_before_a_lone_noun_character_is_whole():
    doc = extract("全国劳动模范、某公司高级技师胡双钱为企业职工作专题宣讲。", upto="persons")
    assert "胡双钱" in names(doc, "Person")
