"""Shared pieces of the awards rules: the honour word lists (read once from
ingest/data/award_*), the patterns built on them, and small helpers (the level a level word
gives, the named regions of a document by their end, the mention of an award)."""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.regions import context_place

COMPONENT = "awards"      # the component's name: the source of its spans

# ranks that are honours (ANNOTATION: 特级技师) and may stand bare right before a person's name
TITLE_HONOURS = ("特级技师", "首席技师")
LEVEL_WORDS_RE = r"全国|国家级|省部级|省级|市级|区级|县级|省|市|区|县"
# 劳模和工匠人才创新工作室: the honour names a studio's designation, not a person's award
STUDIO_AFTER = re.compile(r"[和及与、]?[\u4e00-\u9fff]{0,6}(创新工作室|工作室)")
NATIONAL = "全国"         # the region name of a national honour


@lru_cache(maxsize=1)
def honours() -> dict[str, bool]:
    """Honour core -> whether it needs a level word or a region before it to count."""
    return {row[0]: row[1] == "level" for row in lx.read_tsv("award_honours.tsv")}


@lru_cache(maxsize=1)
def core_canon() -> dict[str, str]:
    """Short form of an honour core -> its canonical name (劳模 -> 劳动模范)."""
    return {row[0]: row[1] for row in lx.read_tsv("award_core_canon.tsv")}


@lru_cache(maxsize=1)
def level_of() -> dict[str, str]:
    """Level word -> level (省级 -> provincial)."""
    return {row[0]: row[1] for row in lx.read_tsv("award_levels.tsv")}


@lru_cache(maxsize=1)
def not_after() -> tuple[str, ...]:
    """Words right after an honour core that make it no award (劳模精神, 工匠学院)."""
    return tuple(lx.read_lines("award_not_after.txt"))


@lru_cache(maxsize=1)
def not_honour_end() -> tuple[str, ...]:
    """Endings of a quoted title that make it no honour (“X证书”, “X工程”)."""
    return tuple(lx.read_lines("award_not_honour_end.txt"))


@lru_cache(maxsize=1)
def enterprise_suffixes() -> tuple[str, ...]:
    """Suffixes cut off an enterprise's name to get its short name (某某有限公司 -> 某某)."""
    return tuple(lx.read_lines("award_enterprise_suffixes.txt"))


@lru_cache(maxsize=1)
def coordinated_cores() -> tuple[str, ...]:
    """Honour cores that count bare when coordinated with an accepted honour."""
    return tuple(lx.read_lines("award_coordinated_cores.txt"))


@lru_cache(maxsize=1)
def award_re() -> re.Pattern[str]:
    """An honour core with an optional level word, 首批 and quotes: 省级“五一劳动奖章”."""
    cores = "|".join(sorted((re.escape(h) for h in honours()), key=len, reverse=True))
    return re.compile(rf"(?P<level>{LEVEL_WORDS_RE})?(?P<pre>首批)?(?P<q>[“\"])?(?P<core>{cores})(?P<q2>[”\"])?")


def level_prefix(doc: Document, pos: int, word: str) -> tuple[str, str]:
    """(region name, level) for a level word before an honour at pos."""
    gz = lx.gazetteer()
    if not word:
        return "", ""
    if word in ("全国", "国家"):
        return NATIONAL, "national"
    kind = word[0]
    place = context_place(doc, pos, kind) if kind in "省市县区" else -1
    levels = level_of()
    return (gz.get(place).name if place >= 0 else ""), levels.get(word, levels.get(kind, ""))


def gz_name(span: Span) -> str:
    """The full name of the gazetteer place of a region span."""
    return lx.gazetteer().get(span.attrs["place"]).name


def regions_by_end(doc: Document) -> dict[int, Span]:
    """The document's named (not contextual) region spans with a place, by their end."""
    return {sp.end: sp for sp in doc.layers.get("regions", [])
            if not sp.attrs.get("contextual") and sp.attrs.get("place", -1) >= 0}


def award_mention(doc: Document, start: int, end: int, name: str, level: str = "", *, surface: str | None = None,
                  span_attrs: dict | None = None, attrs: dict | None = None) -> Mention:
    """An Award mention over text[start:end] (surface: its text unless given). The span
    carries {"level": level} unless span_attrs is given; the mention carries {"level": level}
    when a level is known, unless attrs is given."""
    sp = Span(start, end, Label.AWARD, doc.sentence_of(start), COMPONENT,
              {"level": level} if span_attrs is None else span_attrs)
    if attrs is None:
        attrs = {"level": level} if level else {}
    return Mention(sp, Label.AWARD, doc.text[start:end] if surface is None else surface, name, attrs)
