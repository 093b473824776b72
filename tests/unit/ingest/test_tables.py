"""Tables from DOCX/HTML (cells separated by tabs) on composed 公示 lists (full pipeline): rows are
never joined, the name column gives persons, a row's employer cell gives the post, and a list
under a heading naming the honour gives AWARDED past the introducing sentence and the header row."""

from __future__ import annotations

import pytest

from reformkg.ingest.normalise import normalise_text
from reformkg.ingest.pipeline import Pipeline

TEXT = ("2024年度“天府工匠”拟推荐人选公示\n\n"
        "根据评选工作安排，现将2024年度“天府工匠”拟推荐人选予以公示。\n"
        "序号\t姓名\t工作单位及职务\n"
        "1\t庹志刚\t四川甲乙机械有限公司高级技师\n"
        "2\t蒲晓燕\t成都丙丁电子股份有限公司焊工\n"
        "公示期间，如有异议，请向省总工会反映。\n")


@pytest.fixture(scope="module")
def result():
    return Pipeline().run_text(TEXT)


def _facts(res):
    ents = {e.id: e for e in res.entities}
    return {(f.type, ents[f.source_id].name, ents[f.target_id].name, f.props.get("title")) for f in res.facts}


def test_table_rows_are_never_joined():
    text, _ = normalise_text(TEXT)
    assert "1\t庹志刚\t四川甲乙机械有限公司高级技师\n2\t蒲晓燕" in text


def test_the_name_column_gives_persons(result):
    persons = {e.name for e in result.entities if e.label == "Person"}
    assert {"庹志刚", "蒲晓燕"} <= persons


def test_a_rows_employer_cell_gives_the_post(result):
    facts = _facts(result)
    assert ("HOLDS_POSITION", "庹志刚", "四川甲乙机械有限公司", "高级技师") in facts
    assert ("HOLDS_POSITION", "蒲晓燕", "成都丙丁电子股份有限公司", "焊工") in facts


def test_the_honour_the_heading_names_is_awarded_to_each_row(result):
    facts = {(t, a, b) for t, a, b, _ in _facts(result)}
    assert ("AWARDED", "庹志刚", "天府工匠") in facts and ("AWARDED", "蒲晓燕", "天府工匠") in facts
