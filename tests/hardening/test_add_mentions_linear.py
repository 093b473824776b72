"""Finding 4 (issue 12): `add_mentions` keeps its overlap rules but no longer compares every
new mention with every existing one. The bucketed version must give exactly what the
quadratic reference gives (property test), and its cost must grow linearly: a document with
many mentions is processed within a small multiple of the time of one with a tenth of them
(the operation count is measured, not wall time)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reformkg.ingest.document import Document, Mention, OffsetMap, Span
from reformkg.ingest.extract import common
from reformkg.ingest.extract.common import add_mentions


def reference_add_mentions(doc, new, replace_labels=None):
    """The quadratic original (issue 12 baseline), kept as the specification."""
    existing = doc.mentions
    added = []
    new = sorted(new, key=lambda m: (-(m.span.end - m.span.start), m.span.start))
    for m in new:
        s, e = m.span.start, m.span.end
        clash = False
        for o in existing:
            os_, oe = o.span.start, o.span.end
            if os_ <= s and e <= oe and (oe - os_) >= (e - s):
                clash = True
                break
            if s < oe and os_ < e and not (s <= os_ and oe <= e):
                if (oe - os_) >= (e - s):
                    clash = True
                    break
        if clash:
            continue
        keep = []
        for o in existing:
            if s <= o.span.start and o.span.end <= e and (o.span.end - o.span.start) < (e - s) and (
                    replace_labels is None or o.label in replace_labels):
                continue
            if s < o.span.end and o.span.start < e and not (s <= o.span.start and o.span.end <= e):
                if (o.span.end - o.span.start) < (e - s):
                    continue
            keep.append(o)
        keep.append(m)
        existing = keep
        added.append(m)
    existing.sort(key=lambda m: (m.span.start, -m.span.end))
    doc.mentions[:] = existing
    return added


def _doc(n: int) -> Document:
    return Document(doc_id="d", source_key="", path="<t>", source_text="x" * n, text="x" * n,
                    offsets=OffsetMap.identity(n))


_spans = st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40), st.sampled_from(["Person", "Union", "Region"])),
                  max_size=30)


def _mentions(specs, tag):
    return [Mention(span=Span(s, s + n, lab), label=lab, surface=f"{tag}{i}", normalised="") for i, (s, n, lab) in enumerate(specs)]


@settings(max_examples=400, deadline=None)
@given(_spans, _spans, _spans, st.sampled_from([None, ("Person",), ("Union", "Region")]))
def test_same_result_as_the_quadratic_reference(first, second, third, labels) -> None:
    a, b = _doc(200), _doc(200)
    for batch, tag in ((first, "a"), (second, "b"), (third, "c")):
        ra = add_mentions(a, _mentions(batch, tag), labels)
        rb = reference_add_mentions(b, _mentions(batch, tag), labels)
        assert [m.surface for m in ra] == [m.surface for m in rb]
        assert [m.surface for m in a.mentions] == [m.surface for m in b.mentions]


def _comparisons(n: int) -> int:
    """Mentions looked at by the overlap index while adding n mentions in two batches."""
    seen = 0
    original = common._SpanIndex.overlapping

    def counting(self, s, e):
        nonlocal seen
        out = original(self, s, e)
        seen += len(out) + (e - s) // common._BLOCK + 1
        return out

    common._SpanIndex.overlapping = counting
    try:
        doc = _doc(10 * n)
        add_mentions(doc, [Mention(span=Span(10 * i, 10 * i + 4, "Person"), label="Person", surface="p", normalised="")
                           for i in range(n)])
        add_mentions(doc, [Mention(span=Span(10 * i + 2, 10 * i + 8, "Union"), label="Union", surface="u", normalised="")
                           for i in range(n)])
    finally:
        common._SpanIndex.overlapping = original
    return seen


def test_work_grows_linearly_with_the_number_of_mentions() -> None:
    small, large = _comparisons(1_000), _comparisons(10_000)
    assert large <= 12 * small, (small, large)  # quadratic would be 100×
