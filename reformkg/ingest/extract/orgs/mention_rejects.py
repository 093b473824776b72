"""The first `orgs` mention rules (see orgs/mention.py): the category written before a firm's
name is dropped (试点企业X有限公司), a discourse word before a name is dropped (下一步X集团), and
spans that are not one named body acting are rejected (各市总工会, X工会简报, 市人大代表中,
劳模创新工作室, 隧道分公司, 联席会议办公室).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document
from reformkg.ingest.extract.common import is_designation_workroom
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import BAD_START, DISCOURSE_WORDS_LONGEST_FIRST, GENERIC_BODY
from reformkg.ingest.extract.orgs.mention_state import REJECT, MentionState, Outcome

# a category written before an enterprise name (试点企业X有限公司, 规上企业X集团)
GENERIC_ENT_PREFIX = re.compile(r"(?:(?:国家|省|市|区|县)级?)?(?:产改)?(?:试点|龙头|重点|规上|规模以上|骨干|示范|链主|领军|"
                                r"民营|国有|外资|外商投资|中小|高新技术|专精特新|头部|优秀|先进)企业(?![管服])")
_PLURAL_PLACES = re.compile(r"(各级|各[省市县区]?|县区|市县|县市区|乡镇|镇街)$")
_CONGRESS_STATUS = re.compile(r"(代表|委员)(中|比|占|人数|里|共|\d|名)")
_STUDIO_KIND = re.compile(r"(劳模和工匠人才|劳模和工匠|工匠人才|劳模|工匠|技能大师|大师|职工|技术|技能|创新)*工作室$")
# candidate kinds that are bodies or departments, never a firm with a category before its name
NON_FIRM_KINDS = frozenset({"national", "contextual", "dept", "dept_stem", "abbr_dept"})
_PLACE_BODY_LABELS = frozenset({Label.UNION, Label.AGENCY})


@lru_cache(maxsize=1)
def publication_words() -> tuple[str, ...]:
    """Words after a body's name that make it a masthead (X工会简报, X工会网站)."""
    return tuple(lx.read_lines("org_mention_publication_words.txt"))


def only_places(doc: Document, start: int, end: int) -> bool:
    """Whether text[start:end] is made only of region spans (a locating chain of places)."""
    pos = start
    for sp in sorted(doc.layers.get("regions", []), key=lambda sp: sp.start):
        if sp.start == pos and sp.end <= end:
            pos = sp.end
    return pos == end and end > start


def _category_before_firm_word(text: str, c: Cand) -> re.Match | None:
    """A category ending in the 企业 the candidate starts with (试点 + 企业X有限公司)."""
    if not text.startswith("企业", c.start) or text.startswith(("企业管", "企业服"), c.start):
        return None
    q = GENERIC_ENT_PREFIX.search(text, max(0, c.start - 8), c.start + 2)
    return q if q is not None and q.end() == c.start + 2 else None


def _category_after_places(doc: Document, text: str, c: Cand) -> re.Match | None:
    """在某县某街道产改试点企业某有限公司: the places, then the category before the firm's name."""
    if c.kind in NON_FIRM_KINDS:
        return None
    inner = GENERIC_ENT_PREFIX.search(text, c.start + 1, c.end)
    return inner if inner is not None and only_places(doc, c.start, inner.start()) else None


def generic_prefix(doc: Document, text: str, c: Cand) -> re.Match | None:
    """The firm category written at (or just before, or after the places at) the candidate's start."""
    gp = GENERIC_ENT_PREFIX.match(text, c.start, c.end)
    if gp is None:
        gp = _category_before_firm_word(text, c)
    if gp is None:
        gp = _category_after_places(doc, text, c)
    return gp


def strip_category(doc: Document, text: str, c: Cand) -> Cand:
    """试点企业某某有限公司 / 龙头企业某某集团: the category is not part of the name."""
    gp = generic_prefix(doc, text, c)
    if gp is None or c.end - gp.end() < 4 or c.kind in NON_FIRM_KINDS:
        return c
    return Cand(gp.end(), c.end, c.kind, c.place if c.place >= 0 and c.kind != "strong" else -1, c.prefix_char)


def reject_plural_places(st: MentionState) -> Outcome:
    """各市总工会 / 县区人社局: the bodies of every place, not one."""
    c, surface = st.c, st.surface
    if c.kind != "national" and _PLURAL_PLACES.search(st.text, max(0, c.start - 3), c.start) and \
            lx.org_label_of(surface) in _PLACE_BODY_LABELS and not lx.gazetteer().candidates(surface[:2]):
        return REJECT
    return None


def reject_masthead(st: MentionState) -> Outcome:
    """某市工会简报 / 某日报讯: a masthead or a dateline, not the body acting."""
    c, text = st.c, st.text
    if text[c.end:c.end + 4].startswith(publication_words()) or text[c.end:c.end + 1] == "讯":
        return REJECT
    return None


def strip_discourse_word(st: MentionState) -> Outcome:
    """下一步某某集团将…: a discourse word before the name is dropped; before a bare head
    (下一步集团) there is no name."""
    c, surface = st.c, st.surface
    for dw in DISCOURSE_WORDS_LONGEST_FIRST:
        if surface.startswith(dw) and len(surface) - len(dw) >= 2:
            if lx.org_label_of(surface[len(dw):]) is None or surface[len(dw):] in lx.org_heads():
                return REJECT
            st.narrow(Cand(c.start + len(dw), c.end, c.kind, c.place, c.prefix_char))
            break
    return None


def split_cppcc_sector(st: MentionState) -> Outcome:
    """省政协总工会界别委员: a sector of the political consultative conference, not a union; the
    conference (省政协) is the body."""
    c, surface = st.c, st.surface
    k = surface.find("政协")
    if 0 < k and k + 2 < len(surface) and st.text.startswith("界别", c.end):
        return Cand(c.start, c.start + k + 2, c.kind, c.place, c.prefix_char)
    return None


def reject_congress_status(st: MentionState) -> Outcome:
    """市人大代表中… / 区政协委员3名: a status of unnamed people, not the body acting."""
    c = st.c
    if st.surface.endswith(("人大", "政协")) and _CONGRESS_STATUS.match(st.text[c.end:c.end + 4]):
        return REJECT
    return None


def reject_designation_workroom(st: MentionState) -> Outcome:
    """省级示范性劳模创新工作室: an honour conferred on workrooms (see awards)."""
    if st.surface.endswith("工作室") and is_designation_workroom(st.surface.strip("“”")):
        return REJECT
    return None


def reject_generic_workroom(st: MentionState) -> Outcome:
    """劳模创新工作室 / 工匠人才创新工作室: a kind of studio, not a named one."""
    if not st.surface.endswith("工作室"):
        return None
    core = _STUDIO_KIND.sub("", st.surface)
    if len(core) < 2 or core in GENERIC_BODY or core[0] in BAD_START:
        return REJECT
    return None


def reject_trade_branch(st: MentionState) -> Outcome:
    """集团某某分公司 / 隧道分公司: a branch named by its trade only, not a name."""
    surface = st.surface
    if surface.endswith("分公司") and not lx.gazetteer().candidates(surface[:2]) and st.c.place < 0 and (
            surface.startswith(("集团", "公司", "总公司", "该", "本")) or len(surface) <= 6):
        return REJECT
    return None


def reject_unnamed_office(st: MentionState) -> Outcome:
    """联席会议办公室 / 领导小组办公室: the office of a body not named here."""
    surface = st.surface
    if surface.endswith(("联席会议办公室", "领导小组办公室")) and surface[:2] in ("联席", "领导"):
        return REJECT
    return None
