"""Shared sentence-level helpers for the outcomes and relations components: mentions indexed by
sentence, clause boundaries, quoted spans, clause subjects, deictic references (该市, 全区,
集团, 本届大赛 …), the pieces a bulletin is made of (column markers, headlines, author lines,
sections) with the body each is about, and the document's main region.

Deixis: 公司/集团 in a piece about one enterprise is that enterprise; 该市 tagged as a context
region yields to the nearer region of that kind named just before (a county-level city); 我企业
in a reader's question (问：…) refers to no named body.

Everything here works on positions into `Document.text` and the mentions other components
put into `doc.mentions`; nothing is copied or re-tagged.

Package layout: patterns (shared labels and patterns), positions, subjects, deixis, sections,
regions, voice — each a mixin of DocContext's methods; DocContext (fields and build) is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.context.patterns import (ACTOR_LABELS, ADVERBIAL_PREFIX_RE, CLAUSE_PUNCT_RE, ORG_LABELS,
                                                       QUOTED_RE, REFORM_NAME, GAP_BREAK_RE, TITLE_END_RE,
                                                       title_org_indexes, is_reform, sentence_of_mention)
from reformkg.ingest.extract.context.positions import PositionsMixin
from reformkg.ingest.extract.context.subjects import SubjectsMixin
from reformkg.ingest.extract.context.deixis import DeixisMixin
from reformkg.ingest.extract.context.sections import SectionsMixin
from reformkg.ingest.extract.context.regions import RegionsMixin
from reformkg.ingest.extract.context.voice import VoiceMixin

__all__ = ["DocContext", "ACTOR_LABELS", "ADVERBIAL_PREFIX_RE", "CLAUSE_PUNCT_RE", "ORG_LABELS", "QUOTED_RE", "REFORM_NAME",
           "is_reform", "sentence_of_mention"]


@dataclass
class DocContext(PositionsMixin, SubjectsMixin, DeixisMixin, SectionsMixin, RegionsMixin, VoiceMixin):
    """Indexes over one document, built once per component call."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)  # sorted by start
    starts: list[int] = field(default_factory=list)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)  # sentence → indexes into mentions
    quoted: list[tuple[int, int]] = field(default_factory=list)
    quoted_starts: list[int] = field(default_factory=list)
    title_orgs: set[int] = field(default_factory=set)  # ids (id()) of org mentions that only title a person
    paragraph_starts: list[int] = field(default_factory=list)
    _subj_cache: dict[int, list[tuple[int, int, Mention]]] = field(default_factory=dict)
    _word_tags: dict[int, str] | None = None
    _sections: list[tuple[int, Mention | None]] | None = None
    _summary_starts: set[int] = frozenset()  # type: ignore[assignment]
    _building: bool = False
    _section_starts: list[int] = field(default_factory=list)
    _regions: dict[str, Mention] | None = None
    _region_of_cache: dict[str, Mention | None] = field(default_factory=dict)
    _main_region: list[Mention | None] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document) -> "DocContext":
        ctx = cls(doc=doc)
        ctx.mentions = sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end))
        ctx.starts = [m.span.start for m in ctx.mentions]
        for i, m in enumerate(ctx.mentions):
            ctx.by_sentence.setdefault(sentence_of_mention(doc, m), []).append(i)
        ctx.quoted = [(m.start(), m.end()) for m in QUOTED_RE.finditer(doc.text)]
        ctx.quoted_starts = [s for s, _ in ctx.quoted]
        ctx.paragraph_starts = [s for s, _ in doc.paragraphs]
        # organisations that only qualify a person's title (无锡市总工会党组书记吴涛)
        for m in doc.mentions:
            if m.label != Label.PERSON:
                continue
            for o, _t in (m.attrs or {}).get("org_mentions") or ():
                ctx.title_orgs.add(id(o))
            for oi in title_org_indexes(m):
                if 0 <= oi < len(doc.mentions):
                    ctx.title_orgs.add(id(doc.mentions[oi]))
        # without title attrs: an organisation followed by a title and a person name
        ms = ctx.mentions
        for i, m in enumerate(ms):
            if m.label not in ORG_LABELS:
                continue
            for j in range(i + 1, min(i + 4, len(ms))):
                n = ms[j]
                gap = doc.text[m.span.end:n.span.start]
                if len(gap) > 16 or GAP_BREAK_RE.search(gap):
                    break
                if n.label == Label.PERSON:
                    if TITLE_END_RE.search(gap):
                        ctx.title_orgs.add(id(m))
                    break
        return ctx
