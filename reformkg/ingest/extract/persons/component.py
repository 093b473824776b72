"""The `Persons` component: collects candidate names (candidates.py), leaves out the ones
that are no actor (filters.py), gives each the positions written around it (positions.py) and
makes surname + title (任书记) an alias of the person with that surname.
"""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import add_mentions
from reformkg.ingest.extract.persons.candidates import candidates
from reformkg.ingest.extract.persons.filters import Screen, drop_glued_rong, rejected, screen_of
from reformkg.ingest.extract.persons.lexicon import COMPONENT_NAME, ORG_LABELS, short_titles
from reformkg.ingest.extract.persons.positions import government, hired_by, positions, title_after


def is_surname_title(name: str) -> bool:
    """王书记 / 李总 / 欧阳主任: a surname (one character, or two in a name of four) and a short
    title."""
    titles = short_titles()
    return len(name) <= 4 and name[1:] in titles or name[2:] in titles and len(name) == 4


def person_attrs(doc: Document, s: int, e: int, orgs: list[Mention], derived: list[Mention]) -> dict:
    """The positions of the person at s..e: the titles written before the name, else a title
    written after it; a head of government with no body; a hiring body."""
    attrs = positions(doc, s, orgs, derived)
    if not attrs.get("title"):
        attrs = title_after(doc, s, e, orgs, derived) or attrs
    elif not attrs.get("org_mentions"):
        attrs = government(doc, s, attrs, derived)
    return hired_by(doc, e, orgs, attrs)


def accept(doc: Document, sc: Screen, cands: dict[tuple[int, int], str], orgs: list[Mention],
           derived: list[Mention]) -> list[Mention]:
    """The Person mentions of the candidates no rejection rule leaves out, in span order."""
    text = doc.text
    mentions: list[Mention] = []
    for (s, e), how in sorted(cands.items()):
        e = drop_glued_rong(text, s, e)
        if rejected(sc, s, e, how):
            continue
        name = text[s:e]
        sp = Span(s, e, Label.PERSON, doc.sentence_of(s), COMPONENT_NAME, {"how": how})
        attrs = person_attrs(doc, s, e, orgs, derived)
        if is_surname_title(name):
            attrs["surname_title"] = True
        mentions.append(Mention(sp, Label.PERSON, name, name, attrs))
    return mentions


def resolve_surname_titles(mentions: list[Mention]) -> list[Mention]:
    """陈书记 → the nearest person written before it with that surname, else the first one; left
    out when there is none."""
    full = [m for m in mentions if not m.attrs.get("surname_title")]
    out = []
    for m in mentions:
        if m.attrs.get("surname_title"):
            same = [f for f in full if f.surface[0] == m.surface[0]]
            if not same:
                continue
            prev = [f for f in same if f.span.start < m.span.start]
            target = prev[-1] if prev else same[0]
            m.normalised = target.normalised
        out.append(m)
    return out


class Persons:
    """The persons component: Person mentions with their positions, and the bodies derived
    from their titles."""

    name = COMPONENT_NAME
    requires: tuple[str, ...] = ("lac", "orgs")
    assigns: tuple[str, ...] = ("persons", "mentions")

    def __call__(self, doc: Document) -> Document:
        cands = candidates(doc)
        orgs = [m for m in doc.mentions if m.label in ORG_LABELS and not m.attrs.get("derived_from")]
        derived: list[Mention] = []       # bodies read from titles (工会主席 after an enterprise)
        mentions = accept(doc, screen_of(doc, cands), cands, orgs, derived)
        out = resolve_surname_titles(mentions)
        doc.layers["persons"] = [m.span for m in out]
        add_mentions(doc, out + derived)
        return doc


def finalise_indices(doc: Document) -> None:
    """Turn the org Mention objects in person attrs into indices into doc.mentions."""
    index = {id(m): i for i, m in enumerate(doc.mentions)}
    for m in doc.mentions:
        if m.label != Label.PERSON:
            continue
        pairs = m.attrs.get("org_mentions")
        if not pairs:
            continue
        pos = [(index[id(o)], t) for o, t in pairs if id(o) in index]
        m.attrs["positions"] = pos
        if pos:
            m.attrs["org"] = pos[0][0]
