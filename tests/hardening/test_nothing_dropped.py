"""Finding 5 (issue 12): nothing is dropped silently by the normaliser and the loaders, plus
lossy decoding (finding 6: NUL bytes, invalid UTF-8), zip bombs, the size limit, and the
pinyin readings of damaged web copies (issue 9). Composed strings only."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest

from reformkg.ingest.loaders import LoadError, decode_text, load
from reformkg.ingest.normalise import EmptyDocumentError, normalise, normalise_text, source_to_text
from reformkg.ingest.document import RawDocument

SENTENCE = "临川市总工会举办职工技能大赛，共有三百名职工参加。"


def _raw(text: str, path: str = "x.txt") -> RawDocument:
    return RawDocument(path=path, media_type="text/plain", encoding="utf-8", source_text=text)


@pytest.mark.parametrize("line", [
    "详细名单见临川市总工会网站 http://www.example.gov.cn/news/2024/0610.html 。",
    "报名表可从 www.example.cn/form.html 下载，填好后发送至电子邮箱。",
    "在网页中用<b >标签</b>加粗的文字，&lt;职工&gt;两字也要保留。",
    "参赛选手可通过邮箱 jingsai@example.cn 报名，截止日期为6月30日。",
])
def test_a_sentence_mentioning_a_url_or_tag_is_kept(line: str) -> None:
    text, _ = normalise_text(f"{SENTENCE}\n\n{line}\n\n{SENTENCE}")
    kept = [w for w in ("网站", "下载", "两字也要保留", "报名，截止") if w in line]
    assert kept and all(w in text for w in kept), text


@pytest.mark.parametrize("line", [
    "国内统一刊号 CN32-0003 邮发代号 27-45", "本报电子邮箱：news@example.cn", "- 3 -",
    "<!-- 正文开始 -->", "http://www.example.cn/a/index.html", "责任编辑：王五",
])
def test_furniture_by_its_whole_shape_still_goes(line: str) -> None:
    text, _ = normalise_text(f"{SENTENCE}\n{line}\n{SENTENCE}")
    assert text == f"{SENTENCE}\n{SENTENCE}" or line not in text


def test_html_tags_in_a_txt_are_stripped_not_the_line(tmp_path: Path) -> None:
    src = "<p>临川市总工会<b>举办</b>职工技能大赛。</p>\n<div class=\"c\">共有三百名职工参加&nbsp;比赛。</div>\n"
    f = tmp_path / "tags.txt"
    f.write_text(src, encoding="utf-8")
    doc = normalise(load(f))
    assert "临川市总工会举办职工技能大赛。" in doc.text and "共有三百名职工参加" in doc.text
    assert "<" not in doc.text and "&nbsp;" not in doc.text
    s = doc.text.index("举办")
    a, b = doc.source_span(s, s + 2)
    assert doc.source_text[a:b] == "举办"


def test_a_document_with_nothing_left_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "only_furniture.txt"
    f.write_text("<!-- x -->\n<p></p>\n- 3 -\n国内统一刊号 CN32-0003\n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError) as err:
        normalise(load(f))
    assert isinstance(err.value, LoadError) and str(f) in str(err.value) and "no text left" in str(err.value)


def test_pinyin_readings_are_removed_with_an_exact_map() -> None:
    src = "推进產業(chǎn yè)工人队伍建设，各地區(qū)都有新举措。GDP(国内生产总值)和AI(ài)保留，比赛(bisai)也保留。"
    text, offsets = normalise_text(src)
    assert "产业工人队伍建设，各地区都有新举措" in text
    assert "chǎn" not in text and "qū" not in text
    assert "（国内生产总值）" in text and "（bisai）" in text  # no tone mark: not a reading
    s = text.index("地区")
    a, b = offsets.to_source(s, s + 2)
    assert src[a:b] == "地區"
    assert source_to_text(offsets, a, b) == (s, s + 2)
    i = text.index("工人")
    a, b = offsets.to_source(i, i + 2)
    assert src[a:b] == "工人"


def test_full_width_parenthesised_pinyin() -> None:
    text, _ = normalise_text("各地區（qū）的职工")
    assert text == "各地区的职工"


def test_a_few_invalid_utf8_bytes_keep_the_text_with_a_warning(caplog) -> None:
    good = (SENTENCE * 8).encode("utf-8")
    data = good[:30] + b"\xff\xfe" + good[30:]
    with caplog.at_level(logging.WARNING, logger="reformkg.ingest.loaders"):
        text, enc = decode_text(data, "damaged.txt")
    assert "\ufffd" in text and SENTENCE in text and enc.startswith("utf-8")
    msg = " ".join(r.getMessage() for r in caplog.records)
    assert "damaged.txt" in msg and "30" in msg


def test_one_nul_byte_keeps_the_text(tmp_path: Path, caplog) -> None:
    good = (SENTENCE * 4).encode("utf-8")
    f = tmp_path / "nul.txt"
    f.write_bytes(good + b"\x00" + good)
    with caplog.at_level(logging.WARNING, logger="reformkg.ingest.loaders"):
        raw = load(f)
    assert raw.source_text.count(SENTENCE) == 8 and "\ufffd" in raw.source_text
    assert str(f) in caplog.text and str(len(good)) in caplog.text


def test_gbk_text_is_not_taken_for_damaged_utf8() -> None:
    text, enc = decode_text((SENTENCE * 3).encode("gbk"))
    assert text == SENTENCE * 3 and enc == "gb18030"


def _bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b"a" * size + b">")
    return buf.getvalue()


def test_zip_bomb_refused_before_extraction(tmp_path: Path) -> None:
    f = tmp_path / "bomb.docx"
    f.write_bytes(_bomb(300 * 1024 * 1024))
    assert f.stat().st_size < 1024 * 1024
    with pytest.raises(LoadError) as err:
        load(f)
    assert "zip bomb" in err.value.reason and str(f) in str(err.value)


def test_file_size_limit_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(SENTENCE * 100, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load(f, max_bytes=1000)
    assert "too large" in err.value.reason and "REFORMKG_MAX_FILE_BYTES" in err.value.reason
