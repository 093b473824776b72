"""Segmenter: sentence and paragraph spans over the normalised text."""

from __future__ import annotations

from reformkg.ingest.document import RawDocument
from reformkg.ingest.normalise import normalise
from reformkg.ingest.segment import QUOTE_MAX, segment


def _doc(text: str):
    return segment(normalise(RawDocument(path="<t>", media_type="text/plain", encoding="utf-8", source_text=text)))


def _sents(text: str) -> list[str]:
    d = _doc(text)
    return [d.text[s:e] for s, e in d.sentences]


def test_end_punctuation_and_paragraphs() -> None:
    d = _doc("某市召开会议。会议由市总工会主持！效果如何？很好；继续推进……\n\n第二段没有句号\n")
    assert [d.text[s:e] for s, e in d.sentences] == [
        "某市召开会议。", "会议由市总工会主持！", "效果如何？", "很好；", "继续推进……", "第二段没有句号"]
    assert [d.text[s:e] for s, e in d.paragraphs] == [
        "某市召开会议。会议由市总工会主持！效果如何？很好；继续推进……", "第二段没有句号"]


def test_closing_quote_belongs_to_sentence() -> None:
    assert _sents("他说：“技能提上去了，收入也涨了。”会议随后结束。") == [
        "他说：“技能提上去了，收入也涨了。”", "会议随后结束。"]


def test_short_quote_not_split_long_quote_split() -> None:
    assert _sents("他提出“产改好不好。工人说了算”的理念，得到认可。") == [
        "他提出“产改好不好。工人说了算”的理念，得到认可。"]
    long_quote = "“" + "我们坚持以职工为中心推进改革。" * 6 + "”他说。"
    assert len(long_quote) > QUOTE_MAX
    sents = _sents(long_quote)
    assert len(sents) == 7
    assert sents[-2:] == ["我们坚持以职工为中心推进改革。”", "他说。"]
    assert sents[0] == "“我们坚持以职工为中心推进改革。"


def test_unclosed_quote_and_no_empty_sentences() -> None:
    sents = _sents("  “未闭合的引号。仍在引号里\n\n。。\n")
    assert all(s.strip() == s and s for s in sents)
    assert sents[0] == "“未闭合的引号。仍在引号里"


def test_sentence_of_lookup() -> None:
    d = _doc("第一句。第二句。\n第三句。")
    assert len(d.sentences) == 3
    s, e = d.sentences[1]
    assert d.sentence_of(s) == 1 and d.sentence_of(e - 1) == 1
    assert d.sentence_of(d.text.index("\n")) == -1
    for (a, b), (c, _) in zip(d.sentences, d.sentences[1:]):
        assert b <= c
