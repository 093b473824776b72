"""Is a shorter group the same entity as a fuller one? Small named rules per label, tried in
order: each says True (the same), False (different) or None (no opinion, ask the next rule);
when no rule decides, the two stay apart.

Region      a zone written with and without its city (东莞X高新技术产业开发区 / X高新区)
Programme   the short name is a written surface of the full one; two names on one quoted core
            with alike heads (“1+4”人才战略 / “1+4”制度); one meeting written shorter
Enterprise  a contraction (X工投集团 ↔ X工业投资集团有限公司); the name with/without a company
            tail; an abbreviation written after the full name (新电公司 ↔ 新海发电)
Union, Institution, Agency
            not when the region chains differ; a body written without its place, an abbreviation
            of the name after the region (省家协 ↔ 江苏省家政服务行业协会), a team or committee
            written short; else an abbreviation with the same start and head
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.resolve.group import Group
from reformkg.ingest.resolve.names import (COMPANY_TAILS, contracted, heads_alike, norm_key, region_chain, strip_region,
                                           subsequence, zone_key)

TEAM_HEADS = ("督查组", "督导组", "巡查组", "检查组")


@dataclass
class Pair:
    """A fuller group g (its longest name `full`, first mentioned at `first`) and a shorter
    group h (its longest name `short`)."""

    full: str
    short: str
    g: Group
    h: Group
    first: int

    @cached_property
    def full_chain(self) -> str:
        return region_chain(self.full)

    @cached_property
    def short_chain(self) -> str:
        return region_chain(self.short)

    @cached_property
    def bare_full(self) -> str:
        return strip_region(self.full)

    @cached_property
    def short_after(self) -> bool:
        """The short form is first written after the full one."""
        return min(m.span.start for m in self.h.mentions) > self.first


Rule = Callable[[Pair], bool | None]


# ---- regions --------------------------------------------------------------------------------

def zone_with_and_without_city(p: Pair) -> bool:
    """东莞X高新技术产业开发区 / X高新区: two zones, one written with its city."""
    if p.g.props.get("level") != lx.LEVEL_ZONE or p.h.props.get("level") != lx.LEVEL_ZONE:
        return False
    bare = p.bare_full
    return bare != p.full and len(zone_key(p.short)) >= 4 and zone_key(bare) == zone_key(p.short)


# ---- programmes -----------------------------------------------------------------------------

def written_surface(p: Pair) -> bool | None:
    """The short name is one of the surfaces the full one was written with."""
    return True if p.short in {norm_key(s) for s in p.g.surfaces} else None


def _quoted_aliases(g: Group) -> set[str]:
    return {norm_key(a) for m in g.mentions for a in m.attrs.get("aliases", [])
            if m.span.attrs.get("rule", "").startswith("quoted")}


def quote_heads(g: Group) -> set[str]:
    """The head nouns written after the closing quote in a group's names (“X”评价体系 → 评价体系)."""
    out = set()
    for n in list(g.names) + list(g.surfaces):
        k = n.rfind("”")
        if 0 < k < len(n) - 1 and n.find("“") >= 0:
            out.add(n[k + 1:])
    return out


def shared_quoted_core(p: Pair) -> bool | None:
    """Two names built on the same quoted core (“1+4”人才战略 / “1+4”制度) are one, unless their
    heads differ (“幸福企业”评价体系 ≠ “幸福企业”创建工作)."""
    if not _quoted_aliases(p.g) & _quoted_aliases(p.h):
        return None
    hg, hh = quote_heads(p.g), quote_heads(p.h)
    return not (hg and hh and not any(heads_alike(a, b) for a in hg for b in hh))


def meeting_written_shorter(p: Pair) -> bool:
    """One meeting written twice, once shorter (X特殊权益…座谈会 / X权益…座谈会; 某区产改工作推进会 /
    某市某区产业工人队伍建设改革工作推进会: 产改 is read in full)."""
    short = p.short.replace("产改", "产业工人队伍建设改革")
    return p.g.props.get("kind") == p.h.props.get("kind") == "meeting" and p.full[-3:] == short[-3:] and \
        len(short) >= 0.75 * len(p.full) and subsequence(short, p.full)


# ---- enterprises ----------------------------------------------------------------------------

def contracted_words(p: Pair) -> bool | None:
    """X工投集团 ↔ X工业投资集团有限公司."""
    return True if contracted(p.full, p.short) else None


def _tail_variant(f: str, short: str, tail: str) -> bool:
    if f == short + tail or (f.endswith(tail) and f[: -len(tail)] == short):
        return True
    return short.endswith(tail) and f.endswith(COMPANY_TAILS) and f.startswith(short[: -len(tail)]) and \
        len(short) - len(tail) >= 2


def company_tail(p: Pair) -> bool | None:
    """镇江港务集团 ↔ 镇江港务集团有限公司 (also with the full name's region left out)."""
    hit = any(_tail_variant(f, p.short, tail) for tail in COMPANY_TAILS for f in (p.full, p.bare_full))
    return True if hit else None


def _abbreviation_core(short: str) -> str:
    core = short
    for tail in ("公司", "集团"):
        if core.endswith(tail) and len(core) > len(tail) + 1:
            core = core[: -len(tail)]
    return core


def initials_abbreviation(p: Pair) -> bool | None:
    """新电公司 after 新海发电: 2–3 characters of the full name, in order, not its start."""
    core, full = _abbreviation_core(p.short), p.full
    hit = 2 <= len(core) <= 3 and core[0] == full[0] and subsequence(core, full) and p.short_after and \
        core != full[: len(core)]
    return True if hit else None


def leading_part_abbreviation(p: Pair) -> bool | None:
    """The firm written by the start of its name (2–4 characters, not a city) after the full name."""
    core, full = _abbreviation_core(p.short), p.full
    hit = len(core) >= 2 and full.startswith(core) and len(core) <= 4 and p.short_after and \
        not full.startswith(core + "市") and len(full) > len(core) + 1
    return True if hit else None


# ---- unions, institutions, agencies ---------------------------------------------------------

def different_region_chains(p: Pair) -> bool | None:
    """无锡市总工会 ≠ 无锡市新吴区总工会."""
    return False if p.full_chain and p.short_chain and p.full_chain != p.short_chain else None


def written_without_place(p: Pair) -> bool | None:
    """黄桥烧饼协会 after 泰兴市黄桥烧饼协会, 工匠学院 beside 甲城工匠学院: written without its
    place (a full or a short place name)."""
    hit = (p.full_chain and p.full[len(p.full_chain):] == p.short and len(p.short) >= 4) or \
        (p.bare_full != p.full and p.bare_full == p.short and len(p.short) >= 4)
    return True if hit else None


def abbreviated_after_region(p: Pair) -> bool | None:
    """物联网研究院 ↔ 无锡物联网产业研究院: the name after the region, abbreviated, same start and end."""
    bare, short = p.bare_full, p.short
    hit = bare != p.full and len(short) >= 4 and short[:2] == bare[:2] and short[-2:] == p.full[-2:] and \
        subsequence(short, bare) and not bare.startswith(short)
    return True if hit else None


def team_written_short(p: Pair) -> bool | None:
    """省督查组 after 江苏省…第二督查组: the team, written short."""
    team = next((t for t in TEAM_HEADS if p.short.endswith(t) and p.full.endswith(t)), None)
    return True if team and p.short_chain and p.short == p.full_chain + team else None


def committee_shortened(p: Pair) -> bool | None:
    """三方委员会 after 江苏省…劳动关系三方委员会: the same body, shortened."""
    short = p.short
    hit = p.full.endswith(short) and len(short) >= 5 and not p.short_chain and \
        short.endswith(("委员会", "联席会议")) and len(short) - 3 >= 2 and p.short_after
    return True if hit else None


def qualified_body(p: Pair) -> bool | None:
    """江苏省劳动关系三方委员会 ≠ 江苏省家政行业协调劳动关系三方委员会: the full name qualifies
    the short one's body."""
    s_rest, f_rest = p.short[len(p.short_chain):], p.full[len(p.full_chain):]
    return False if len(s_rest) < len(p.short) and s_rest != f_rest and f_rest.endswith(s_rest) else None


def not_an_abbreviation(p: Pair) -> bool | None:
    """A prefix is a parent body, not an alias; an abbreviation keeps the first three
    characters and the order of the rest."""
    full, short = p.full, p.short
    if full.startswith(short) or len(short) < 4 or full[:3] != short[:3]:
        return False
    return None if subsequence(short, full) else False


def same_head(p: Pair) -> bool | None:
    """省家协 ↔ 江苏省家政服务行业协会 with the same last two characters."""
    return True if p.short[-2:] == p.full[-2:] else None


def complete_body(p: Pair) -> bool | None:
    """A short form ending in a body character is a complete body of its own (市委 ≠ 市人大常委会)."""
    return False if p.short[-1] in "委局厅部办会" else None


def head_character(p: Pair) -> bool:
    """The short form ends in a character of the full name's head."""
    short, full = p.short, p.full
    return short[-1] in full[-2:] or (len(short) >= 5 and short[-1] in full[-4:])


_BODY_TAIL: tuple[Rule, ...] = (qualified_body, not_an_abbreviation, same_head, complete_body, head_character)

SAME_RULES: dict[str, tuple[Rule, ...]] = {
    Label.REGION: (zone_with_and_without_city,),
    Label.PROGRAMME: (written_surface, shared_quoted_core, meeting_written_shorter),
    Label.ENTERPRISE: (contracted_words, company_tail, initials_abbreviation, leading_part_abbreviation),
    Label.UNION: (different_region_chains, abbreviated_after_region, *_BODY_TAIL),
    Label.INSTITUTION: (different_region_chains, written_without_place, abbreviated_after_region, *_BODY_TAIL),
    Label.AGENCY: (different_region_chains, abbreviated_after_region, team_written_short, committee_shortened,
                   *_BODY_TAIL),
}


def same(label: str, full: str, short: str, g: Group, h: Group, first: int) -> bool:
    """Is group h (longest name `short`) a short form of group g (longest name `full`, first
    mentioned at `first`)? The label's rules in order; the first verdict wins."""
    pair = Pair(full, short, g, h, first)
    for rule in SAME_RULES.get(label, ()):
        verdict = rule(pair)
        if verdict is not None:
            return bool(verdict)
    return False
