"""Windowed extraction of long documents (reformkg.ingest.windows): windows cut at paragraph
starts (sentence starts inside a long paragraph), never inside a sentence; a document made of
repeated composed blocks, one block per window, gives the entities and facts of one block with
one evidence entry per block, every offset pointing at the right text; indices into
doc.mentions stay right after the merge."""

from __future__ import annotations

import pytest

from reformkg.ingest.document import Document, RawDocument
from reformkg.ingest.normalise import normalise
from reformkg.ingest.pipeline import Pipeline
from reformkg.ingest.segment import segment
from reformkg.ingest.windows import plan_windows

BLOCK = "\n".join([
    "绍兴市总工会召开全市产业工人队伍建设改革推进会。",
    "绍兴市总工会主席王建国出席会议并讲话。他指出，要深化产改试点工作。",
    "绍兴云杉机械有限公司与绍兴职业技术学院签订校企合作协议，共建技能大师工作室。",
    "绍兴云杉机械有限公司焊工赵明远荣获“绍兴市劳动模范”称号。",
    "今年以来，绍兴市总工会累计培训职工3200人次。",
])
SEP = "\n\n"
COPIES = 6


def _segmented(text: str) -> Document:
    return segment(normalise(RawDocument(path="long.txt", media_type="text/plain", encoding="utf-8",
                                         source_text=text)))


def _check_plan(doc: Document, size: int) -> None:
    wins = plan_windows(doc, size)
    assert wins[0].start == 0 and wins[-1].end == len(doc.text)
    sentence_starts = {s for s, _ in doc.sentences}
    for a, b in zip(wins, wins[1:]):
        assert a.end == b.start
        assert b.start in sentence_starts            # a window starts where a sentence starts
    for w in wins:
        for s, e in doc.sentences[w.s0:w.s1]:
            assert w.start <= s and e <= w.end        # no sentence crosses a window
        if w.end - w.start > size:                    # only a single sentence may exceed the size
            assert w.s1 - w.s0 == 1
    assert sum(w.s1 - w.s0 for w in wins) == len(doc.sentences)


def test_windows_cut_at_paragraph_starts() -> None:
    paras = [("第%d段。" % i) + "职工技能提升行动持续推进。" * (1 + i % 7) for i in range(200)]
    doc = _segmented("\n".join(paras))
    para_starts = {p for p, _ in doc.paragraphs}
    longest = max(e - s for s, e in doc.paragraphs)
    for size in (50, 300, 1000):
        _check_plan(doc, size)
        assert len(plan_windows(doc, size)) > 1
        if size >= longest:
            assert all(w.start in para_starts for w in plan_windows(doc, size))


def test_a_long_paragraph_is_cut_at_sentence_starts_and_a_long_sentence_stays_whole() -> None:
    long_sentence = "职工" * 400 + "。"
    doc = _segmented("开头一句。" + "技能竞赛持续推进，职工踊跃参加。" * 100 + long_sentence + "最后一句。")
    assert len(doc.paragraphs) == 1
    _check_plan(doc, 200)
    wins = plan_windows(doc, 200)
    assert any(w.end - w.start > 200 for w in wins)   # the long sentence, whole
    with pytest.raises(ValueError, match="positive"):
        plan_windows(doc, 0)


def _facts(result) -> dict[tuple[str, str, str], list]:
    name = {e.id: e.name for e in result.entities}
    return {(f.type, name[f.source_id], name[f.target_id]): f.evidence for f in result.facts}


def test_repeated_blocks_give_one_blocks_entities_and_facts() -> None:
    text = SEP.join([BLOCK] * COPIES)
    size = len(BLOCK) + len(SEP)                      # exactly one block per window
    one = Pipeline(window_chars=0).run_text(BLOCK, path="block.txt")
    doc, _ = Pipeline(window_chars=size).prepare(
        RawDocument(path="long.txt", media_type="text/plain", encoding="utf-8", source_text=text))
    assert len(plan_windows(doc, size)) == COPIES
    windowed = Pipeline(window_chars=size).finish(doc)

    assert one.facts and one.outcomes
    assert {(e.id, e.label, e.name) for e in windowed.entities} == {(e.id, e.label, e.name) for e in one.entities}
    f1, fw = _facts(one), _facts(windowed)
    assert set(fw) == set(f1)
    step = len(BLOCK) + len(SEP)
    for key, evs in f1.items():
        got = sorted((ev.start, ev.end, ev.sentence) for ev in fw[key])
        want = sorted((ev.start + k * step, ev.end + k * step, ev.sentence) for k in range(COPIES) for ev in evs)
        # the resolver keeps the first few entries per fact and document, in document order:
        # those of the first windows, each at its block's offsets
        assert got == want[:len(got)] and len(got) >= min(len(want), 2), key
    # an outcome read at two places of one document stays two outcomes: one per block
    assert sorted((o.value, o.unit, o.metric, o.actor_id, ev.start) for o in windowed.outcomes for ev in o.evidence) == \
        sorted((o.value, o.unit, o.metric, o.actor_id, ev.start + k * step)
               for k in range(COPIES) for o in one.outcomes for ev in o.evidence)
    assert windowed.text_length == len(text)


def test_offsets_and_evidence_sentences_point_at_the_text() -> None:
    text = SEP.join([BLOCK] * COPIES)
    result = Pipeline(window_chars=len(BLOCK) // 2).run_text(text, path="long.txt")
    evidence = [ev for f in result.facts for ev in f.evidence] + [ev for e in result.entities for ev in e.evidence]
    assert len(evidence) > COPIES
    for ev in evidence:
        quoted = text[ev.start:ev.end]
        assert quoted and quoted in ev.sentence
        # the sentence quoted is the one around the offsets
        at = text.rfind(ev.sentence, 0, ev.start + len(ev.sentence))
        assert at != -1 and at <= ev.start and ev.end <= at + len(ev.sentence)


def test_mention_indices_survive_the_merge() -> None:
    text = SEP.join([BLOCK] * COPIES)
    doc, _ = Pipeline(window_chars=len(BLOCK) + len(SEP)).prepare(
        RawDocument(path="long.txt", media_type="text/plain", encoding="utf-8", source_text=text))
    persons = [m for m in doc.mentions if m.label == "Person"]
    with_org = [m for m in persons if isinstance(m.attrs.get("org"), int)]
    pronouns = [m for m in persons if "antecedent" in m.attrs]
    assert len(with_org) == 2 * COPIES and len(pronouns) == COPIES
    for m in with_org:
        org = doc.mentions[m.attrs["org"]]
        assert org.label in ("Union", "Enterprise") and abs(org.span.start - m.span.start) < len(BLOCK)
        assert all(doc.mentions[i].label == org.label for i, _ in m.attrs["positions"])
    for m in pronouns:
        ante = doc.mentions[m.attrs["antecedent"]]
        assert ante.normalised == "王建国" and 0 < m.span.start - ante.span.start < len(BLOCK)
    for m in doc.mentions:
        assert doc.text[m.span.start:m.span.end] == m.surface
        s, e = doc.sentences[m.span.sentence]
        assert s <= m.span.start and m.span.end <= e


def test_a_short_document_is_not_split() -> None:
    whole = Pipeline(window_chars=0).run_text(BLOCK, path="block.txt")
    same = Pipeline(window_chars=len(BLOCK)).run_text(BLOCK, path="block.txt")
    assert _facts(whole) == _facts(same)
    with pytest.raises(ValueError, match="window_chars"):
        Pipeline(window_chars=-1)


def test_the_layers_kept_after_a_window_are_those_the_resolver_reads() -> None:
    import inspect
    import re

    from reformkg.ingest import resolve
    from reformkg.ingest.windows import DROPPED_LAYERS, RESOLVER_LAYERS

    read = set(re.findall(r"layers(?:\.get\(|\[)\"(\w+)\"", inspect.getsource(resolve)))
    assert read and read <= set(RESOLVER_LAYERS)
    doc, _ = Pipeline(window_chars=len(BLOCK)).prepare(
        RawDocument(path="long.txt", media_type="text/plain", encoding="utf-8", source_text=SEP.join([BLOCK] * 3)))
    assert not set(DROPPED_LAYERS) & set(doc.layers)
    assert doc.layers["regions"] and all(doc.text[sp.start:sp.end] for sp in doc.layers["regions"])


class _Lengths:
    """A component that records the length of every document it is given."""

    name = "lengths"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, doc: Document) -> Document:
        self.seen.append(len(doc.text))
        return doc


def test_components_after_meta_never_see_more_than_a_window() -> None:
    from reformkg.ingest.pipeline import default_components

    rec = _Lengths()
    text = SEP.join([BLOCK] * 40)
    size = len(BLOCK) * 3
    result = Pipeline(components=default_components() + [rec], window_chars=size).run_text(text, path="long.txt")
    normalised = _segmented(text)
    assert len(rec.seen) == len(plan_windows(normalised, size)) > 1
    assert max(rec.seen) <= size and sum(rec.seen) == len(normalised.text)
    assert result.timings["tagger"] > 0 and result.text_length == len(normalised.text)
