"""Who runs the reform when its clause names no subject, on composed documents (full pipeline):
the main clause after a purpose clause (为切实推进产改…，某区…), the subject of a ；-chain the
clause continues, and picture file names or date lines between paragraphs are no section
headings (they must not hand the section to the next paragraph's first body)."""

from __future__ import annotations

import pytest

from reformkg.ingest.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def runs(pipeline, text):
    res = pipeline.run_text(text)
    ents = {e.id: e for e in res.entities}
    return {(ents[f.source_id].name, ents[f.target_id].name) for f in res.facts if f.type == "RUNS"}


def test_purpose_clause_reform_is_run_by_the_main_clauses_subject(pipeline):
    got = runs(pipeline, "为切实推进产改工作有序开展，宜宾市总工会不断加强组织领导，形成工作合力。")
    assert ("宜宾市总工会", "产业工人队伍建设改革") in got


def test_semicolon_chain_keeps_its_subject_for_the_reform(pipeline):
    text = ("德阳市旌阳区总工会加强组织领导，形成工作合力；落实工作方案，细化责任清单；"
            "围绕发展大局，推进产改进程。")
    assert ("德阳市旌阳区总工会", "产业工人队伍建设改革") in runs(pipeline, text)


def test_a_picture_file_name_line_opens_no_section(pipeline):
    text = ("遂宁市总工会深化产改工作\n\n"
            "近日，遂宁市总工会召开会议，部署全年工作。\n\n"
            "微信图片_20211029143702\n\n"
            "会上，主席王强表示，中央和省委关于技能人才工作部署以来，各地高度重视。"
            "下一步，要系统推进产改工作。")
    got = runs(pipeline, text)
    assert ("遂宁市总工会", "产业工人队伍建设改革") in got
    assert not any(src in ("中共中央", "四川省委") for src, _ in got)
