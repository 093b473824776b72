"""Helpers shared by the extraction components: mention bookkeeping with an overlap filter
(spaCy span_ruler's idea: a longer span absorbs the shorter ones it covers), word-boundary
lookups over the tagger's layer, the paragraph of a position, and word lists read from
ingest/data."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources

from reformkg.ingest.document import Document, Mention, Span


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_latin_name_char(ch: str) -> bool:
    """A Latin capital or digit, as names write them (TCL科技集团, 惠州TCL工匠学院)."""
    return ch.isascii() and (ch.isupper() or ch.isdigit())


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The words of the data file ingest/data/<name>, one a line, in file order (blank lines
    and # comments skipped); read once."""
    path = resources.files("reformkg.ingest") / "data" / name
    return tuple(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.strip().startswith("#"))


def only_words(text: str, words) -> bool:
    """True when `text` is a run made only of `words` (longest first), e.g. 企业工会 of generic
    body words: a name with no proper part."""
    ordered = sorted(words, key=len, reverse=True)
    rest = text
    changed = True
    while rest and changed:
        changed = False
        for g in ordered:
            if rest.startswith(g):
                rest = rest[len(g):]
                changed = True
                break
    return rest == ""


_BLOCK = 32  # positions per bucket of the overlap index


class _SpanIndex:
    """Mentions bucketed by start position (blocks of _BLOCK characters): the mentions that
    may overlap [s, e) are found in the blocks from s - longest to e, so each lookup costs
    the few mentions near the span, not all of them."""

    __slots__ = ("blocks", "longest")

    def __init__(self) -> None:
        self.blocks: dict[int, list[tuple[int, Mention]]] = {}
        self.longest = 0

    def add(self, seq: int, m: Mention) -> None:
        self.blocks.setdefault(m.span.start // _BLOCK, []).append((seq, m))
        self.longest = max(self.longest, m.span.end - m.span.start)

    def remove(self, m: Mention) -> None:
        block = self.blocks[m.span.start // _BLOCK]
        for i, (_, o) in enumerate(block):
            if o is m:
                del block[i]
                return

    def overlapping(self, s: int, e: int) -> list[tuple[int, Mention]]:
        """(seq, mention) of every indexed mention with start < e and end > s, or an empty
        span touching [s, e) — in insertion order."""
        out = []
        lo = max(0, s - self.longest) // _BLOCK
        for b in range(lo, (max(s, e - 1)) // _BLOCK + 1):
            for seq, o in self.blocks.get(b, ()):
                if o.span.start <= e and o.span.end >= s:
                    out.append((seq, o))
        out.sort(key=lambda x: x[0])
        return out


def _in_furniture(furniture: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) lies inside a stretch of page furniture."""
    return bool(furniture) and any(fs <= s and e <= fe for fs, fe in furniture)


def _blocks(o: Mention, s: int, e: int) -> bool:
    """Whether the existing mention o keeps a new one at [s, e) out: o covers it and is at least
    as long, or overlaps it partly and is at least as long (the earlier, longer one stays)."""
    os_, oe = o.span.start, o.span.end
    if os_ <= s and e <= oe and (oe - os_) >= (e - s):
        return True
    return s < oe and os_ < e and not (s <= os_ and oe <= e) and (oe - os_) >= (e - s)


def _displaced_by(o: Mention, s: int, e: int, replace_labels: tuple[str, ...] | None) -> bool:
    """Whether the existing mention o gives way to a new longer one at [s, e): it lies inside
    (and is of `replace_labels`, when given) or overlaps it partly and is shorter."""
    if s <= o.span.start and o.span.end <= e and (o.span.end - o.span.start) < (e - s) and (
            replace_labels is None or o.label in replace_labels):
        return True
    if s < o.span.end and o.span.start < e and not (s <= o.span.start and o.span.end <= e):
        # partial overlap with a shorter existing mention: drop the shorter one
        return (o.span.end - o.span.start) < (e - s)
    return False


def add_mentions(doc: Document, new: list[Mention], replace_labels: tuple[str, ...] | None = None) -> list[Mention]:
    """Add mentions, dropping any new one that lies inside an existing longer one or inside page
    furniture (the meta component's "furniture" layer), and removing
    existing ones (of `replace_labels`, or any label when None) that a new longer one covers.
    Returns the mentions actually added. Each new mention is checked against the mentions
    near it only (a bucketed index), so the cost grows with the number of mentions, not its
    square."""
    index = _SpanIndex()
    alive: dict[int, tuple[int, Mention]] = {}
    for seq, o in enumerate(doc.mentions):
        index.add(seq, o)
        alive[id(o)] = (seq, o)
    seq = len(doc.mentions)
    added: list[Mention] = []
    new = sorted(new, key=lambda m: (-(m.span.end - m.span.start), m.span.start))
    furniture = [(sp.start, sp.end) for sp in doc.layers.get("furniture", ())]
    for m in new:
        s, e = m.span.start, m.span.end
        if _in_furniture(furniture, s, e):
            continue      # page furniture (来源 line, masthead, dateline): no actor is named there
        near = index.overlapping(s, e)
        if any(_blocks(o, s, e) for _, o in near):
            continue
        for _, o in near:
            if _displaced_by(o, s, e, replace_labels):
                index.remove(o)
                del alive[id(o)]
        index.add(seq, m)
        alive[id(m)] = (seq, m)
        seq += 1
        added.append(m)
    kept = sorted(alive.values(), key=lambda x: (x[1].span.start, -x[1].span.end, x[0]))
    doc.mentions[:] = [m for _, m in kept]
    return added


class Words:
    """Word boundaries from the tagger layer ("lac_words"), for quick lookups."""

    def __init__(self, doc: Document):
        spans = doc.layers.get("lac_words", [])
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]
        self._start_set = set(self.starts)
        self._end_set = set(self.ends)
        self._person_words: frozenset[str] | None = None

    def person_words(self, text: str) -> frozenset[str]:
        """The texts of the words the tagger labels PER anywhere in the document (2–4 characters)."""
        if self._person_words is None:
            self._person_words = frozenset(text[w.start:w.end] for w in self.spans
                                           if w.label == "PER" and 2 <= w.end - w.start <= 4)
        return self._person_words

    def is_start(self, pos: int) -> bool:
        return not self.spans or pos in self._start_set

    def is_end(self, pos: int) -> bool:
        return not self.spans or pos in self._end_set

    def at(self, pos: int) -> Span | None:
        """The word containing character pos."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if 0 <= i < len(self.spans) and self.spans[i].start <= pos < self.spans[i].end:
            return self.spans[i]
        return None

    def index_at(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if 0 <= i < len(self.spans) and self.spans[i].start <= pos < self.spans[i].end else -1

    def before(self, pos: int) -> Span | None:
        """The word ending exactly at pos."""
        i = bisect.bisect_left(self.ends, pos)
        if 0 <= i < len(self.spans) and self.ends[i] == pos:
            return self.spans[i]
        return None


def paragraph_of(doc: Document, pos: int) -> int:
    starts = [p[0] for p in doc.paragraphs]
    i = bisect.bisect_right(starts, pos) - 1
    return max(i, 0)


_WORKROOM_RE = re.compile(r"(?:劳模和工匠人才|劳模和工匠|工匠人才|劳模|工匠|技能大师|大师|职工|技术|技能|创新)+工作室$")
_DESIGNATION_WORDS_RE = re.compile(r"(?:全国|国家级|省级|市级|县级|区级|示范性|示范|优秀|先进|五一|模范|标杆|星级|"
                                   r"[\u4e00-\u9fff]{1,8}?[省市县区])*")


def is_designation_workroom(name: str) -> bool:
    """A workroom title that designates (江苏省示范性劳模创新工作室, 省级示范劳模创新工作室): an
    honour conferred on named workrooms, not a workroom of its own (住建系统劳模创新工作室)."""
    m = _WORKROOM_RE.search(name)
    if m is None:
        return False
    core = name[: m.start()]
    return bool(core) and _DESIGNATION_WORDS_RE.fullmatch(core) is not None and \
        any(w in core for w in ("示范", "优秀", "先进", "星级", "标杆", "模范"))
