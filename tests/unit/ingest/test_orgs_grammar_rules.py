"""The named rules of the `orgs` grammar and lists (grammar_extend, grammar_industry,
grammar_combine, lists_enum) on composed sentences with hand-made tagger words."""

from __future__ import annotations

from types import SimpleNamespace

from reformkg.ingest.document import Span
from reformkg.ingest.extract.common import Words
from reformkg.ingest.extract.orgs.grammar import combine, extend_left, industry_candidates
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.grammar_combine import is_title_committee, longest_non_overlapping
from reformkg.ingest.extract.orgs.grammar_extend import (glued_bigrams, region_wide_heads, spaced_child_heads,
                                                         sub_bodies, verb_body_heads)
from reformkg.ingest.extract.orgs.grammar_industry import industry_heads, industry_name_ok
from reformkg.ingest.extract.orgs.lexicon import dept_set
from reformkg.ingest.extract.orgs.lists import enumerated_candidates
from reformkg.ingest.extract.orgs.lists_enum import first_dept_stem


def _doc(text: str, *words: tuple[str, str], lac: bool = True) -> SimpleNamespace:
    """A stand-in document: the text cut into the given (word, tag) pairs, in order."""
    spans, pos = [], 0
    for w, tag in words:
        assert text.startswith(w, pos), (w, pos)
        spans.append(Span(pos, pos + len(w), tag))
        pos += len(w)
    assert pos == len(text)
    layers = {"lac_words": spans, "lac": [Span(0, 1, "x")] if lac else []}
    return SimpleNamespace(layers=layers, text=text)


def _span(c: Cand | None) -> tuple[int, int, str, int] | None:
    return None if c is None else (c.start, c.end, c.kind, c.place)


def test_word_lists_are_read_from_data() -> None:
    assert "工会" in sub_bodies() and "其中" in glued_bigrams() and "委员会" in verb_body_heads()
    assert "干部学校" in spaced_child_heads() and "联席会议" in region_wide_heads()


def test_extend_left_over_name_words() -> None:
    text = "，甲乙科技协会成立。"
    doc = _doc(text, ("，", "w"), ("甲乙", "nz"), ("科技", "n"), ("协会", "n"), ("成立", "v"), ("。", "w"))
    assert _span(extend_left(doc, text, Words(doc), 5, 7, {}, "协会")) == (1, 7, "strong", -1)


def test_extend_left_stops_at_a_discourse_word() -> None:
    text = "下一步甲乙协会"
    doc = _doc(text, ("下一步", "n"), ("甲乙", "nz"), ("协会", "n"))
    assert _span(extend_left(doc, text, Words(doc), 5, 7, {}, "协会")) == (3, 7, "strong", -1)


def test_a_verb_in_the_name_needs_a_region() -> None:
    text = "，甲乙协调委员会"
    doc = _doc(text, ("，", "w"), ("甲乙", "nz"), ("协调", "v"), ("委员会", "n"))
    assert extend_left(doc, text, Words(doc), 5, 8, {}, "委员会") is None
    text = "某县甲乙协调委员会"
    doc = _doc(text, ("某县", "LOC"), ("甲乙", "nz"), ("协调", "v"), ("委员会", "n"))
    region = Span(0, 2, "Region", attrs={"place": 7})
    assert _span(extend_left(doc, text, Words(doc), 6, 9, {2: region}, "委员会")) == (0, 9, "strong", 7)


def test_a_lone_prefix_char_is_contextual() -> None:
    text = "、市甲乙协会"
    doc = _doc(text, ("、", "w"), ("市", "f"), ("甲乙", "nz"), ("协会", "n"))
    c = extend_left(doc, text, Words(doc), 4, 6, {}, "协会")
    assert _span(c) == (1, 6, "contextual", -1) and c is not None and c.prefix_char == "市"


def test_industry_heads_by_suffix() -> None:
    heads = industry_heads()
    assert heads.ends("甲乙药业") and not heads.ends("药业")
    assert not industry_name_ok("企业文化") and industry_name_ok("甲乙化工")


def test_industry_candidates_in_a_list() -> None:
    text = "甲乙药业、丙丁化工等企业"
    doc = _doc(text, ("甲乙药业", "nz"), ("、", "w"), ("丙丁化工", "nz"), ("等", "u"), ("企业", "n"))
    assert [_span(c) for c in industry_candidates(text, Words(doc))] == [(0, 4, "industry", -1),
                                                                      (5, 9, "industry", -1)]


def test_combine_joins_a_department() -> None:
    text = "某县委组织部"
    out = combine(text, [Cand(0, 3, "prefixed", 7), Cand(3, 6, "dept")])
    assert [_span(c) for c in out] == [(0, 6, "prefixed", 7)]


def test_longest_non_overlapping_drops_loose_kinds() -> None:
    out = longest_non_overlapping("甲乙丙丁戊", [Cand(0, 2, "lac"), Cand(1, 4, "strong"), Cand(4, 5, "tail")])
    assert [_span(c) for c in out] == [(1, 4, "strong", -1)]


def test_womens_committee_before_a_title() -> None:
    assert is_title_committee("甲公司女工委主任", Cand(3, 6, "dept"))
    assert not is_title_committee("甲公司女工委成立", Cand(3, 6, "dept"))


def test_listed_firms_and_departments() -> None:
    text = "支持甲乙、丙丁等企业，人社、财政等部门"
    doc = _doc(text, ("支持", "v"), ("甲乙", "nz"), ("、", "w"), ("丙丁", "nz"), ("等", "u"), ("企业", "n"),
               ("，", "w"), ("人社", "j"), ("、", "w"), ("财政", "n"), ("等", "u"), ("部门", "n"))
    assert [(c.start, c.end, c.kind) for c in enumerated_candidates(doc, text)] == [
        (2, 4, "enum_ent"), (5, 7, "enum_ent"), (11, 13, "dept_stem"), (14, 16, "dept_stem")]


def test_first_department_stem_drops_a_verb() -> None:
    assert first_dept_stem(0, "会同人社", dept_set()) == (2, "人社")
    assert first_dept_stem(0, "甲乙", dept_set()) == (0, "甲乙")


def test_a_quality_word_before_an_industry_head_is_no_firm():
    from tests.unit.ingest._pipe import extract, names

    assert names(extract("促进重点工程高起点、高标准建设，高水平推进。", upto="orgs"), "Enterprise") == set()
    assert names(extract("甲乙建设、丙丁建设等企业参加。", upto="orgs"), "Enterprise") == {"甲乙建设", "丙丁建设"}


def test_a_regions_federation_written_short_after_the_regions_name():
    from tests.unit.ingest._pipe import extract, mentions

    doc = extract("沭阳县总深入基层调查研究。", upto="orgs")
    assert [(m.surface, m.normalised) for m in mentions(doc, "Union")] == [("沭阳县总", "沭阳县总工会")]
    for text in ("全县总人口达50万。", "泗洪县总投资10亿元。"):
        assert mentions(extract(text, upto="orgs"), "Union") == [], text
