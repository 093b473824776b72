"""Normaliser: cleaning steps, and the offset map back into the stored text (round trip)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformkg.ingest.document import RawDocument
from reformkg.ingest.loaders import iter_paths, load
from reformkg.ingest.normalise import (
    TextBuilder,
    doc_id_of,
    is_furniture,
    normalise,
    normalise_text,
    source_to_text,
)

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@lru_cache(maxsize=None)
def _t2s(ch: str) -> str:
    import opencc

    return opencc.OpenCC("t2s").convert(ch)


def equivalent(src: str, out: str) -> bool:
    """Does normalised character `out` legitimately come from source character `src`?
    (identity, full→half width, whitespace unification, ASCII→CJK punctuation, t2s)"""
    if src == out:
        return True
    if 0xFF01 <= ord(src) <= 0xFF5E and chr(ord(src) - 0xFEE0) == out:
        return True
    if src.isspace() and out in " \n\t":
        return True
    if _FULL.get(src) == out:
        return True
    return out in _t2s(src)


def check_round_trip(source: str, text: str, offsets) -> None:
    import opencc

    conv = opencc.OpenCC("t2s").convert(source)  # phrase-level conversions (瞭解 → 了解)
    phrase = conv if len(conv) == len(source) else None
    origin = offsets.origin
    assert len(origin) == len(text) + 1
    assert origin[len(text)] == len(source)
    assert all(origin[i] <= origin[i + 1] for i in range(len(origin) - 1)), "origin must not decrease"
    for i, ch in enumerate(text):
        o = origin[i]
        assert equivalent(source[o], ch) or (phrase is not None and phrase[o] == ch), (i, source[o], ch)


def check_span(source: str, text: str, offsets, s: int, e: int) -> None:
    """text[s:e] is, character for character, a subsequence of source[a:b]."""
    a, b = offsets.to_source(s, e)
    piece = source[a:b]
    j = 0
    for ch in text[s:e]:
        while j < len(piece) and not equivalent(piece[j], ch):
            j += 1
        assert j < len(piece), (text[s:e], piece)
        j += 1
    if e > s:
        assert equivalent(piece[0], text[s]) and equivalent(piece[-1], text[e - 1])


def _docs() -> list[Path]:
    paths = [p for p in iter_paths([DOCS, SAMPLES]) if p.name not in
             ("empty.txt", "whitespace.txt", "binary.txt", "scanned.pdf", "corrupt.pdf")]
    if CORPUS.is_dir():
        paths += iter_paths([CORPUS])
    return paths


@pytest.mark.parametrize("path", _docs(), ids=lambda p: p.name)
def test_offset_round_trip_on_documents(path: Path) -> None:
    from reformkg.ingest.segment import segment

    doc = segment(normalise(load(path)))
    check_round_trip(doc.source_text, doc.text, doc.offsets)
    for s, e in doc.sentences + doc.paragraphs:
        check_span(doc.source_text, doc.text, doc.offsets, s, e)
        # and back: the source span maps onto the same normalised span
        a, b = doc.source_span(s, e)
        assert source_to_text(doc.offsets, a, b) == (s, e)


def test_furniture_stripped_bylines_kept() -> None:
    doc = normalise(load(DOCS / "ocr_damaged.txt"))
    for junk in ("刊号", "邮发代号", "邮箱", "www.", "星期三", "农历", "版面编辑", "校对", "\r"):
        assert junk not in doc.text
    assert "本报记者 钱小燕 通讯员 姚 远" in doc.text  # byline spaces kept between names
    assert "绍兴职工报" in doc.text  # OCR letter spacing removed
    assert "2021年9月15日" in doc.text


def test_broken_lines_joined_headings_kept() -> None:
    doc = normalise(load(DOCS / "ocr_damaged.txt"))
    assert "区总工会党组书记、主席孙建伟在会上介绍" in doc.text
    assert "浙江华纺印染有限公司与绍兴文理学院签订了校企合作协议。" in doc.text
    assert "累计培训产业工人1.8万人次，发放技能补贴620余万元" in doc.text
    assert "新增高技能人才1500名" in doc.text
    lines = doc.text.splitlines()
    assert "柯桥区打造产改“样板间”" in lines  # a heading is not glued to the paragraph


def test_heading_not_joined_to_paragraph() -> None:
    src = ("守正创新 攻坚克难\n\n做好协同发力文章，交出精彩答卷\n"
           "为统筹谋划凝聚合力，某市及时健全完善联席会议制度，确定十家单位为成员单位。\n")
    text, _ = normalise_text(src)
    assert text.splitlines() == ["守正创新 攻坚克难", "", "做好协同发力文章，交出精彩答卷",
                                 "为统筹谋划凝聚合力，某市及时健全完善联席会议制度，确定十家单位为成员单位。"]


def test_paragraph_broken_across_blank_line_joined() -> None:
    src = "要坚持和加强党的全面领导，把工会工作纳入党委工作的重要议事日程，真正做到队伍联抓、阵地联建。要\n\n切实加强对广大职工的思想政治引领。\n"
    text, _ = normalise_text(src)
    assert "阵地联建。要切实加强" in text


def test_hard_wrapped_text_joined() -> None:
    body = ("某市总工会深入实施技能提升行动，累计培训一线职工三万余人次，发放补贴八百余万元，"
            "帮助一千余名职工取得职业技能等级证书，并联合职业院校开展订单式培训，力争全年新培养"
            "高技能人才两千名以上，让更多产业工人实现技能成才、技能致富。") * 2
    lines = [body[i:i + 24] for i in range(0, len(body), 24)]
    text, _ = normalise_text("技能提升行动纪实\n" + "\n".join(lines) + "\n")
    assert text == "技能提升行动纪实\n" + body


def test_width_and_traditional_conversion() -> None:
    doc = normalise(load(DOCS / "traditional.txt"))
    assert "台州市总工会党组书记、主席陈国强" in doc.text
    assert "600余名职工" in doc.text
    text, _ = normalise_text("２０２３年，ＡＢＣ公司　培训１２００人次")
    assert text == "2023年，ABC公司培训1200人次"


def test_ascii_punctuation_near_cjk() -> None:
    text, _ = normalise_text("在淮安,产改向纵深推进(试点);培训3,000人,见表(1)。")
    assert text == "在淮安，产改向纵深推进（试点）；培训3,000人，见表（1）。"
    text, _ = normalise_text("SK海力士半导体(中国)有限公司 version (1.2)")
    assert "SK海力士半导体（中国）有限公司" in text and "(1.2)" in text


def test_cjk_spaces() -> None:
    text, _ = normalise_text("产 业 工 人 队伍建设 改革取得成效，共培训 5000 余人次，参加比赛的选手来自全市各个企业。")
    assert text == "产业工人队伍建设改革取得成效，共培训5000余人次，参加比赛的选手来自全市各个企业。"
    text, _ = normalise_text("打造品牌队伍 某市举行技能竞赛")  # title + subtitle on one short line
    assert text == "打造品牌队伍 某市举行技能竞赛"
    text, _ = normalise_text("本报讯（记者 张三 通讯员 李四）日前，某市总工会召开推进会，研究部署下一阶段的重点工作任务。")
    assert text.startswith("本报讯（记者 张三 通讯员 李四）日前")


def test_is_furniture() -> None:
    for line in ("国内统一刊号 CN32-0003", "邮发代号 27-45 第 9657 期", "本报电子邮箱: a@b.com",
                 "星期五", "(农历庚子年九月廿一)", "第A03版:专版", "版面编辑 孙文 校对 钱玉",
                 "微信公众号", "江苏工会网: www.example.cn", "第四期", "- 3 -", "责任编辑：王五"):
        assert is_furniture(line), line
    for line in ("本报记者 张三 李四", "2020年11月6日", "编辑部召开会议", "守正创新 攻坚克难",
                 "某市总工会召开会议，部署编辑出版工作。"):
        assert not is_furniture(line), line


def test_doc_id_and_source_key(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("某市总工会召开会议。\r\n", encoding="utf-8")
    doc = normalise(load(p))
    assert doc.doc_id == doc_id_of(doc.text) and len(doc.doc_id) == 16
    assert doc.source_key == str(p.resolve())
    same = normalise(RawDocument(path="elsewhere.txt", media_type="text/plain", encoding="utf-8",
                                 source_text="某市总工会召开会议。\n"))
    assert same.doc_id == doc.doc_id  # content hash of the normalised text
    assert normalise(load(DOCS / "page.html")).meta["h1"] == "嘉兴举办职工职业技能大赛"


def test_text_builder_mapping() -> None:
    tb = TextBuilder("ab  cd\r\nef")
    import re

    tb.sub(re.compile(r"\r\n"), "\n")
    tb.sub(re.compile(r" +"), "")
    tb.sub(re.compile(r"cd"), "XYZ")  # growing replacement: positional origins
    assert tb.text == "abXYZ\nef"
    assert list(tb.origin) == [0, 1, 4, 5, 5, 7, 8, 9, 10]


def test_opencc_length_change_keeps_map() -> None:
    # whatever opencc does per phrase, the map stays total and monotonic
    src = "臺灣的乾隆皇帝瞭解資訊科技，發展產業工人隊伍。"
    text, offsets = normalise_text(src)
    check_round_trip(src, text, offsets)


_ALPHABET = st.sampled_from(
    list("产业工人队伍建设改革总工会市區縣臺灣發展於")
    + list("，。、；：！？“”‘’（）《》…—") + list(",.;:!?()\"'")
    + list("０１２ＡＢａｂ0123abcXY") + [" ", "  ", "\u3000", "\t", "\n", "\n\n", "\r\n", "\r", "\u200b", "\xa0"]
    + ["刊号CN32-0003", "邮箱: a@b.cn", "www.x.cn", "星期五", "第3期", "版面编辑 王五", "本报记者 张三 李四",
       "# ", "**", "> ", "1、", "（一）", "——"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_round_trip_property(src: str) -> None:
    text, offsets = normalise_text(src)
    check_round_trip(src, text, offsets)
    for s in range(0, len(text), 3):
        for e in (s + 1, s + 5, len(text)):
            if e <= len(text):
                check_span(src, text, offsets, s, e)


def test_short_standalone_line_after_list_item_not_joined() -> None:
    src = ("- 组织实施政府补贴性培训七千万人次以上，覆盖城乡全体劳动者和各类重点群体\n贯穿全程\n\n"
           "广泛开展多层次职业技能培训\n")
    text, _ = normalise_text(src)
    assert "贯穿全程" in text.splitlines()


def test_a_book_title_broken_across_lines_is_joined() -> None:
    src = "关于印发《某省产业工人队伍建设改革\n2024年工作要点》的通知\n\n各市州总工会：\n"
    text, _ = normalise_text(src)
    assert "关于印发《某省产业工人队伍建设改革2024年工作要点》的通知" in text.splitlines()


def test_a_closed_title_line_is_not_joined_to_the_next() -> None:
    src = "《某省技能人才发展规划》\n2024年3月印发\n"
    text, _ = normalise_text(src)
    assert text.splitlines()[0] == "《某省技能人才发展规划》"


def test_full_width_decimal_points_and_percent_signs_become_ascii() -> None:
    text, _ = normalise_text("参赛职工１．２万人次，增长１２．５％。\n１．加强组织领导\n")
    assert "1.2万人次" in text and "12.5%" in text
    assert "1．加强组织领导" in text           # an enumerator's point stays


def test_rows_with_a_name_column_set_off_by_spaces_are_never_joined() -> None:
    src = ("附件：名单\n赵甲　丁钢铁集团有限公司首席技师\n钱乙（女）　戊电子股份有限公司高级工程师\n"
           "孙丙  己化工有限公司技术总监\n")
    text, _ = normalise_text(src)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 4 and lines[2].startswith("钱乙") and lines[3].startswith("孙丙"), lines


def test_pictographs_of_social_media_posts_are_dropped() -> None:
    text, offsets = normalise_text("🔥甲市：新就业形态劳动者入会超10万人！👉点击\n")
    assert text.startswith("甲市：") and "👉" not in text
    s, e = offsets.to_source(0, 2)
    assert (s, e) == (1, 3)
