"""Extraction of a long document in windows, so that its cost grows linearly with its size.

Several extraction components look at the whole document per mention or per paragraph, which
is harmless for an article but quadratic for a document of megabytes. A document longer than
the window (REFORMKG_EXTRACT_WINDOW_CHARS) is therefore extracted in pieces:

- `plan_windows` cuts the normalised text at paragraph starts (a paragraph longer than the
  window at sentence starts, a sentence is never cut) into windows of at most `size`
  characters (a single longer sentence is a window of its own).
- The whole-document components (`WHOLE_DOCUMENT`: the metadata reader, which looks at the
  head and the foot of the document) run once on the whole document; every other component
  runs on one window at a time, a `Document` over that window's text whose sentences,
  paragraphs and inherited layers are the whole document's, shifted.
- After each window its mentions, relations, outcomes and the layers its components assign
  and the resolver reads (`RESOLVER_LAYERS`) are moved into the whole document:
  every Span reachable from them is shifted back (character offsets by the window's start,
  sentence indices by its first sentence), and the attributes that hold indices into
  `doc.mentions` (`MENTION_INDEX_ATTRS`) by the mentions before it. The window is then
  dropped, so at most one window's intermediate structures are alive at a time.
- The resolver then sees one document: mentions of one entity in different windows become
  one entity, a fact read in several windows one fact with one evidence entry per reading,
  every evidence sentence taken from the whole document's sentences.
"""

from __future__ import annotations

import bisect
import logging
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reformkg.ingest.document import Document, Mention, OffsetMap, OutcomeCandidate, RelationCandidate, Span

log = logging.getLogger(__name__)

WHOLE_DOCUMENT = ("meta",)          # components that read the head and foot of the whole document
DROPPED_LAYERS = ("lac", "lac_words")  # per-word layers: never passed on to a window
# the layers of a window kept after it for the resolver (reformkg.ingest.resolve reads these;
# tests/unit/ingest/test_windows.py checks the list against it): the others die with the window
RESOLVER_LAYERS = ("regions",)
# mention attributes that hold indices into doc.mentions (persons: positions/org; coreference:
# antecedent), and positional tuples (start, end, …) of the regions component
MENTION_INDEX_ATTRS = ("antecedent", "org")
MENTION_INDEX_PAIRS = ("positions", "titles")
POSITION_TUPLE_ATTRS = ("chain_parent",)

RunComponents = Callable[[Document, list[Any]], Document]


@dataclass(frozen=True, slots=True)
class Window:
    """A half-open character range [start, end) of the normalised text, and the indices of
    the sentences [s0, s1) and paragraphs [p0, p1) that start inside it."""

    start: int
    end: int
    s0: int
    s1: int
    p0: int
    p1: int


def plan_windows(doc: Document, size: int) -> list[Window]:
    """Windows of at most `size` characters over a segmented document, cut at paragraph starts
    (at sentence starts inside a longer paragraph; a longer sentence is a window of its own)."""
    if size <= 0:
        raise ValueError(f"window size must be positive, not {size}")
    n = len(doc.text)
    # candidate cut points: paragraph starts, and sentence starts inside long paragraphs
    cuts: list[int] = []
    for ps, pe in doc.paragraphs:
        cuts.append(ps)
        if pe - ps > size:
            lo = bisect.bisect_left(doc.sentences, (ps, -1))
            hi = bisect.bisect_left(doc.sentences, (pe, -1))
            cuts.extend(s for s, _ in doc.sentences[lo + 1:hi])
    # greedy: a window runs to the last cut point that keeps it within `size` (a single
    # paragraph or sentence longer than that runs to its end)
    bounds = [0]
    prev = 0
    for c in sorted({c for c in cuts if 0 < c < n}) + [n]:
        if c - bounds[-1] > size and prev > bounds[-1]:
            bounds.append(prev)
        prev = c
    bounds.append(n)
    starts_s = [s for s, _ in doc.sentences]
    starts_p = [p for p, _ in doc.paragraphs]
    out: list[Window] = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a:
            continue
        out.append(Window(a, b, bisect.bisect_left(starts_s, a), bisect.bisect_left(starts_s, b),
                          bisect.bisect_left(starts_p, a), bisect.bisect_left(starts_p, b)))
    return out


def window_document(doc: Document, w: Window, inherited: dict[str, tuple[list[int], list[Span]]]) -> Document:
    """A Document over one window: its text, sentences and paragraphs (clipped to the window),
    the offset map of its characters, and copies of the `inherited` layers' spans inside it
    (`inherited`: layer name → (span starts, spans), sorted by start)."""
    a = w.start
    paragraphs = [(max(ps, a) - a, min(pe, w.end) - a) for ps, pe in doc.paragraphs[max(w.p0 - 1, 0):w.p1]
                  if pe > a and ps < w.end]
    layers: dict[str, list[Span]] = {}
    for name, (starts, spans) in inherited.items():     # spans sorted by start
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, w.end)
        layers[name] = [Span(sp.start - a, sp.end - a, sp.label, sp.sentence - w.s0 if sp.sentence >= 0 else -1,
                             sp.component, dict(sp.attrs))
                        for sp in spans[lo:hi] if sp.end <= w.end]
    return Document(doc_id=doc.doc_id, source_key=doc.source_key, path=doc.path,
                    source_text=doc.source_text, text=doc.text[a:w.end],
                    offsets=OffsetMap(array(doc.offsets.origin.typecode, doc.offsets.origin[a:w.end + 1])),
                    media_type=doc.media_type, title=doc.title, date=doc.date, source=doc.source,
                    authors=list(doc.authors),
                    sentences=[(s - a, e - a) for s, e in doc.sentences[w.s0:w.s1]],
                    paragraphs=paragraphs, layers=layers, meta=doc.meta)


class _Shifter:
    """Moves every Span reachable from a window's results back to whole-document positions,
    each object once."""

    def __init__(self, chars: int, sentences: int, mentions: int):
        self.chars = chars
        self.sentences = sentences
        self.mentions = mentions
        self._seen: set[int] = set()

    def visit(self, obj: Any) -> None:
        if obj is None or isinstance(obj, (str, int, float, bool)):
            return
        if id(obj) in self._seen:
            return
        self._seen.add(id(obj))
        if isinstance(obj, Span):
            obj.start += self.chars
            obj.end += self.chars
            if obj.sentence >= 0:
                obj.sentence += self.sentences
            self._attrs(obj.attrs)
        elif isinstance(obj, Mention):
            self.visit(obj.span)
            self._attrs(obj.attrs)
        elif isinstance(obj, RelationCandidate):
            self.visit(obj.head)
            self.visit(obj.tail)
            self.visit(obj.trigger)
            self.visit(obj.props)
        elif isinstance(obj, OutcomeCandidate):
            self.visit(obj.span)
            self.visit(obj.actor)
        elif isinstance(obj, dict):
            for v in obj.values():
                self.visit(v)
        elif isinstance(obj, (list, tuple, set, frozenset)):
            for v in obj:
                self.visit(v)

    def _attrs(self, attrs: dict[str, Any]) -> None:
        for key in POSITION_TUPLE_ATTRS:
            v = attrs.get(key)
            if isinstance(v, tuple) and len(v) >= 2 and isinstance(v[0], int) and isinstance(v[1], int):
                attrs[key] = (v[0] + self.chars, v[1] + self.chars, *v[2:])
        for v in attrs.values():
            self.visit(v)

    def mention_indices(self, m: Mention) -> None:
        """Shift the attributes that index doc.mentions by the mentions of earlier windows."""
        a = m.attrs
        for key in MENTION_INDEX_ATTRS:
            v = a.get(key)
            if isinstance(v, int) and not isinstance(v, bool):
                a[key] = v + self.mentions
        for key in MENTION_INDEX_PAIRS:
            v = a.get(key)
            if isinstance(v, list):
                a[key] = [(item[0] + self.mentions, *item[1:])
                          if isinstance(item, tuple) and item and isinstance(item[0], int)
                          and not isinstance(item[0], bool) else item for item in v]


def merge_window(doc: Document, part: Document, w: Window, keep_layers: tuple[str, ...]) -> None:
    """Move a window's results into the whole document (offsets shifted back)."""
    sh = _Shifter(w.start, w.s0, len(doc.mentions))
    for m in part.mentions:
        sh.visit(m)
        sh.mention_indices(m)
    for r in part.relations:
        sh.visit(r)
    for o in part.outcomes:
        sh.visit(o)
    for name in keep_layers:
        spans = part.layers.get(name)
        if spans is None:
            continue
        for sp in spans:
            sh.visit(sp)
        doc.layers.setdefault(name, []).extend(spans)
    doc.mentions.extend(part.mentions)
    doc.relations.extend(part.relations)
    doc.outcomes.extend(part.outcomes)
    for producer, n in part.rule_firings.items():   # the coverage counts of the relation rules
        doc.rule_firings[producer] = doc.rule_firings.get(producer, 0) + n
    doc.rule_parts_fired |= part.rule_parts_fired


def extract_windowed(doc: Document, components: list[Any], size: int, run: RunComponents) -> Document:
    """Run `components` over `doc` window by window (see the module docstring); `run(doc,
    components)` runs a list of components over one document and returns it."""
    k = 0
    while k < len(components) and components[k].name in WHOLE_DOCUMENT:
        k += 1
    head, rest = components[:k], components[k:]
    if head:
        doc = run(doc, head)
    inherited: dict[str, tuple[list[int], list[Span]]] = {}
    for name, spans in doc.layers.items():
        if name not in DROPPED_LAYERS:
            ordered = sorted(spans, key=lambda sp: sp.start)
            inherited[name] = ([sp.start for sp in ordered], ordered)
    assigned = [name for name in RESOLVER_LAYERS if name not in inherited and any(name in c.assigns for c in rest)]
    windows = plan_windows(doc, size)
    log.info("%s: %d characters extracted in %d windows of at most %d", doc.path, len(doc.text), len(windows), size)
    for w in windows:
        part = run(window_document(doc, w, inherited), rest)
        merge_window(doc, part, w, tuple(assigned))
        del part
    return doc
