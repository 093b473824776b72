"""The candidate generator: every pair of mentions in a sentence whose labels fit a relation
type's endpoint rules in the ontology (symmetric types once per unordered pair)."""

from __future__ import annotations

from dataclasses import dataclass

from reformkg.graph.ontology import Ontology
from reformkg.ingest.document import Document, Mention
from reformkg.graph.vocab import Rel

MAX_GAP = 120  # characters between the two mentions; beyond this a sentence pair is not a candidate


@dataclass(slots=True)
class Candidate:
    type: str
    head: Mention
    tail: Mention
    sentence: int

    @property
    def first(self) -> Mention:
        return self.head if self.head.span.start <= self.tail.span.start else self.tail

    @property
    def second(self) -> Mention:
        return self.tail if self.head.span.start <= self.tail.span.start else self.head


def mention_key(m: Mention) -> str:
    return f"{m.label}:{m.normalised or m.surface}"


def candidate_types(ontology: Ontology) -> tuple[str, ...]:
    """The types the scorer proposes: scored types between mentions of one sentence
    (LOCATED_IN comes from names and context in the resolver, not from sentence pairs)."""
    return tuple(t for t in ontology.scored_types if t != Rel.LOCATED_IN)


def sentence_mentions(doc: Document) -> dict[int, list[Mention]]:
    """Mentions grouped by sentence, in text order, without mentions nested in a longer one."""
    by_sent: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        s = m.span.sentence if m.span.sentence >= 0 else doc.sentence_of(m.span.start)
        if s >= 0:
            by_sent.setdefault(s, []).append(m)
    out: dict[int, list[Mention]] = {}
    for s, ms in by_sent.items():
        ms.sort(key=lambda m: (m.span.start, -m.span.end))
        kept: list[Mention] = []
        for m in ms:
            if kept and m.span.end <= kept[-1].span.end and m.span.start >= kept[-1].span.start:
                continue  # nested inside the previous (longer) mention
            kept.append(m)
        out[s] = kept
    return out


def generate(doc: Document, ontology: Ontology, by_sentence: dict[int, list[Mention]] | None = None) -> list[Candidate]:
    types = candidate_types(ontology)
    symmetric = ontology.symmetric_types
    # label pair → its (type, forward) candidates in the order of `types`, asked of the ontology once
    pairs: dict[tuple[str, str], tuple[tuple[str, bool], ...]] = {}
    out: list[Candidate] = []
    for s, ms in sorted((by_sentence or sentence_mentions(doc)).items()):
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                if b.span.start - a.span.end > MAX_GAP:
                    break
                if b.span.start < a.span.end or mention_key(a) == mention_key(b):
                    continue
                key = (a.label, b.label)
                if key not in pairs:
                    pairs[key] = _allowed(ontology, types, symmetric, *key)
                for t, forward in pairs[key]:
                    out.append(Candidate(t, a, b, s) if forward else Candidate(t, b, a, s))
    return out


def _allowed(ontology: Ontology, types: tuple[str, ...], symmetric: frozenset[str], la: str, lb: str
             ) -> tuple[tuple[str, bool], ...]:
    """(type, forward) for every candidate a pair of these labels gives, in generation order."""
    out: list[tuple[str, bool]] = []
    for t in types:
        if ontology.allows(t, la, lb):
            out.append((t, True))
        if t not in symmetric and ontology.allows(t, lb, la):
            out.append((t, False))
    return tuple(out)
