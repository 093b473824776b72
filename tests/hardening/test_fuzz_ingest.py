"""Issue 12: fuzz tests (hypothesis) over the normaliser and the loaders. The normaliser never
fails and its offset map stays exact on text mixing furniture, tags, entities, pinyin
readings, URLs and damaged spacing; the loaders either load a file or raise LoadError naming
it — never another exception — whatever the bytes (random, damaged UTF-8/GB18030, NULs,
BOMs, zip and PDF signatures, HTML)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from reformkg.ingest.loaders import SUFFIXES, LoadError, decode_text, load
from reformkg.ingest.normalise import normalise_text
from tests.unit.ingest.test_normalise import check_span, equivalent

PIECES = st.sampled_from(
    list("产业工人队伍建设改革總工會地區產業，。、；：！？“”（）《》") + list(",.;:!?()<>&/\"'")
    + [" ", "\n", "\n\n", "\t", "\u3000", "\xa0", "\r\n", "\u200b"]
    + ["<b>", "</b>", "<p class=\"x\">", "</p>", "<br/>", "<!-- x -->", "&nbsp;", "&lt;", "&gt;", "&amp;", "&#20135;",
       "(chǎn yè)", "（qū）", "(GDP)", "http://www.example.cn/a.html", "a@b.cn", "刊号CN32-0003", "- 3 -",
       "责任编辑：王五", "本报记者 张三 李四", "第3期", "星期五", "# ", "**", "1、"]
)


def _fine(src: str, text: str, origin) -> None:
    assert len(origin) == len(text) + 1 and origin[len(text)] == len(src)
    assert all(origin[i] <= origin[i + 1] for i in range(len(origin) - 1))
    for i, ch in enumerate(text):
        o = origin[i]
        assert 0 <= o < len(src)
        # a character decoded from an entity takes the entity's origin (its "&")
        assert equivalent(src[o], ch) or src[o] == "&" or ch in "（）", (i, src[o], ch)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=120).map("".join))
def test_normaliser_never_fails_and_keeps_its_map(src: str) -> None:
    text, offsets = normalise_text(src)
    _fine(src, text, offsets.origin)
    for s in range(0, len(text), 7):
        e = min(len(text), s + 5)
        if e > s and "&" not in src and "(" not in src and ")" not in src:
            check_span(src, text, offsets, s, e)


SEED = "临川市总工会举办职工技能大赛，三百名职工参加。".encode("utf-8")
PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"%PDF-1.4\n",
                            b"<!doctype html><html><body><p>", b"\x89PNG\r\n\x1a\n", b"\x00\x00\xfe\xff"])


@st.composite
def damaged(draw) -> bytes:
    base = draw(st.sampled_from([SEED * 3, SEED.decode().encode("gb18030") * 3, SEED.decode().encode("utf-16-le"),
                                 draw(st.binary(max_size=300))]))
    data = bytearray(draw(PREFIXES) + base)
    for _ in range(draw(st.integers(0, 6))):
        if data:
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(damaged())
def test_decode_text_decodes_or_names_the_file(data: bytes) -> None:
    try:
        text, enc = decode_text(data, "fuzz.txt")
    except LoadError as exc:
        assert exc.path == "fuzz.txt" and exc.reason
        return
    assert isinstance(text, str) and enc


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(damaged(), st.sampled_from(sorted(SUFFIXES) + [".bin", ""]))
def test_load_loads_or_names_the_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"fuzz{suffix}"
        f.write_bytes(data)
        try:
            raw = load(f)
        except LoadError as exc:
            assert str(f) in str(exc) and exc.reason
            return
        assert raw.path == str(f) and raw.source_text.strip()
