"""Meta component: title, date, source, authors and the byline layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from reformkg.ingest.document import RawDocument
from reformkg.ingest.extract.base import Component
from reformkg.ingest.extract.meta import Meta, find_bylines, find_dates
from reformkg.ingest.loaders import load
from reformkg.ingest.normalise import normalise
from reformkg.ingest.segment import segment

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def _run(raw: RawDocument):
    return Meta()(segment(normalise(raw)))


def _text(src: str, path: str = "<t>"):
    return _run(RawDocument(path=path, media_type="text/plain", encoding="utf-8", source_text=src))


NEWSPAPER = """国内统一刊号 CN99-0001
邮发代号 11-22 第 1234 期
本报电子邮箱: news@example.com
2021年3月5日
星期五
(农历辛丑年正月廿二)
东海工人报新闻网: www.example.cn
第A02版:要闻

奋进新征程 建功新时代

技能人才成为企业发展主力军

——某市产改工作综述

本报记者 周小川 李 明 通讯员 王 一 鸣
3月3日，东海市总工会召开会议。记者发现，许多企业开展了技能培训。
本报讯（记者 陈红 通讯员 刘洋）日前，某区总工会举办技能竞赛，共有200余名职工参赛。
赵 钱 孙 摄
版面编辑 吴刚 校对 郑丽
"""


def test_component_protocol() -> None:
    m = Meta()
    assert isinstance(m, Component)
    assert m.name == "meta" and m.requires == () and set(m.assigns) == {"meta", "byline", "furniture"}


def test_newspaper_page() -> None:
    doc = _text(NEWSPAPER)
    assert doc.date == "2021-03-05"
    assert doc.source == "东海工人报"
    assert doc.title == "技能人才成为企业发展主力军"  # the line above the —— subtitle
    assert doc.authors == ["周小川", "李明", "王一", "陈红", "刘洋", "赵钱", "吴刚", "郑丽"] or \
        {"周小川", "陈红", "刘洋", "吴刚", "郑丽"} <= set(doc.authors)
    names = {sp.attrs["name"] for sp in doc.layers["byline"]}
    assert {"周小川", "陈红", "刘洋"} <= names
    assert "发现" not in names and "发现" not in doc.authors  # 记者发现 is no byline
    for sp in doc.layers["byline"]:
        assert sp.label == "BYLINE" and sp.component == "meta"
        assert doc.text[sp.start:sp.end].replace(" ", "") == sp.attrs["name"]
        assert sp.sentence == doc.sentence_of(sp.start)
    assert "吴刚" not in doc.text  # editors come from the furniture in source_text


@pytest.mark.parametrize(
    "text, iso",
    [("2020年11月6日", "2020-11-06"), ("2022-12-13", "2022-12-13"), ("2022.12.13", "2022-12-13"),
     ("二〇二〇年十一月六日", "2020-11-06"), ("２０２１年１月２日", "2021-01-02"),
     ("二〇二一年十二月三十一日", "2021-12-31")],
)
def test_date_formats(text: str, iso: str) -> None:
    assert [d[2] for d in find_dates(text)] == [iso]


def test_invalid_dates_ignored() -> None:
    assert find_dates("2022年13月40日 2021-02-30") == []


def test_body_dates_are_not_publication_dates() -> None:
    doc = _text("某市召开产改推进会\n\n" + "2019年5月1日，某市总工会召开会议，部署全年工作，会议要求各单位抓好落实。" * 3)
    assert doc.date is None
    assert doc.title == "某市召开产改推进会"


def test_html_title_and_source_marker() -> None:
    doc = _run(load(DOCS / "page.html"))
    assert doc.title == "嘉兴举办职工职业技能大赛"
    doc = _run(load(SAMPLES / "02_yancheng_competition.html"))
    assert doc.source == "盐城工人报" and doc.date == "2022-12-13"
    assert doc.title.startswith("“黄海杯”")


def test_markdown_heading_and_author_line() -> None:
    doc = _text("党政领导谈工会\n\n# 凝心聚力 奋力书写新篇章\n\n某区委书记 张建华\n\n全区上下要坚持以职工为中心，推进改革。\n")
    assert doc.title == "凝心聚力 奋力书写新篇章"
    assert doc.authors == ["张建华"]
    assert doc.layers["byline"] == []  # a signed author with a post is an actor, not a byline


def test_bulletin_issuer_as_source() -> None:
    doc = _text("某集团产业工人队伍建设改革\n\n简 报\n\n第二期\n\n某集团产改领导小组办公室\n\n2021年4月2日\n\n"
                "全市产改推进会议主要精神\n\n4月1日，某市召开推进会，会议强调要抓好落实，形成工作合力。\n")
    assert doc.source == "某集团产改领导小组办公室"
    assert doc.date == "2021-04-02"
    assert doc.title == "全市产改推进会议主要精神"


def test_find_bylines() -> None:
    assert [b[2:] for b in find_bylines("本报记者 林晓 通讯员 何家宁")] == [("林晓", "本报记者"), ("何家宁", "通讯员")]
    assert [b[2] for b in find_bylines("■通讯员 蔡 凤 蒋 蕖")] == ["蔡凤", "蒋蕖"]
    assert [b[2] for b in find_bylines("文/王芳 图/李强")] == ["王芳", "李强"]
    assert [b[2] for b in find_bylines("张三 李四 摄")] == ["张三", "李四"]
    assert find_bylines("记者从某市总工会了解到，") == []
    assert find_bylines("记者发现，许多企业") == []


@pytest.mark.parametrize(
    "name, title, date, source",
    [
        ("01_yangzhou_union_weekly.txt", "“扬帆工匠”培训工程为产业工人搭梯架桥", "2023-04-18", "扬州职工报"),
        ("03_shuyang_pilot_enterprise.md", "绿禾食品：省级产改试点企业“试”出新活力", "2021-09-28", "宿迁工人报"),
        ("04_haimen_model_workers.txt", "匠心筑梦 劳动最美", "2022-05-06", "海门工人报"),
        ("05_jiangyan_bulletin.txt", "区产改联席会议第一次全体会议召开", "2023-03-10", "姜堰区产改联席会议办公室"),
    ],
)
def test_samples(name: str, title: str, date: str, source: str) -> None:
    doc = _run(load(SAMPLES / name))
    assert (doc.title, doc.date, doc.source) == (title, date, source)


def test_fixture_ocr_document() -> None:
    doc = _run(load(DOCS / "ocr_damaged.txt"))
    assert doc.date == "2021-09-15" and doc.source == "绍兴职工报"
    assert doc.title == "柯桥区打造产改“样板间”"
    assert doc.authors == ["钱小燕", "姚远", "高峰", "吴敏"]


@pytest.mark.parametrize(
    "src, title, date, source, authors",
    [
        ("人民日报 2023年05月06日 第 07 版\n\n产业工人队伍建设改革取得新进展\n\n本报记者 张三 李四\n\n"
         "本报北京5月5日电 全国总工会日前召开会议，部署工作。\n",
         "产业工人队伍建设改革取得新进展", "2023-05-06", "人民日报", ["张三", "李四"]),
        ("《工人日报》（2023年05月06日 03版）\n\n某省推进产改见成效\n\n本报通讯员 王五 记者 赵六 报道\n\n"
         "近日，某省总工会召开会议，推进改革。\n",
         "某省推进产改见成效", "2023-05-06", "工人日报", ["王五", "赵六"]),
        ("来源: 中国工会新闻网 作者：李某某 发布日期：2023-05-06 10:23:45\n某地工会开展技能竞赛\n"
         "某地工会开展技能竞赛，1200余名职工参加。",
         "某地工会开展技能竞赛", "2023-05-06", "中国工会新闻网", ["李某某"]),
    ],
)
def test_other_outlets(src: str, title: str, date: str, source: str, authors: list[str]) -> None:
    doc = _text(src)
    assert (doc.title, doc.date, doc.source, doc.authors) == (title, date, source, authors)
