"""Candidate rules of the `Orgs` component found by head: committees (X市委, X县人民政府),
departments and strong heads (X市人社局, X督查组), national bodies (国务院, 党中央), quoted
institutions (“X学院”) and abbreviated departments (市财政、市人社联合…); plus the rules that
settle the candidates' extents before they are combined (a head that starts the next word, a
coordinating group's 国家/全国 lead).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.ingest.extract.common import is_cjk, word_list
from reformkg.ingest.extract.orgs.component_state import OrgsState
from reformkg.ingest.extract.orgs.grammar import Cand, extend_left, prefixed_candidate
from reformkg.ingest.extract.orgs.lexicon import LEAD_VERBS, STRONG_HEADS, dept_automaton, dept_set, national_bodies

# first characters of verbs ending in 办 (主办, 承办, 协办, 举办, 创办, 督办 …)
BAN_VERB_CHARS = frozenset("主承协举创开兴督筹代会交查包领帮试合联操经申")

_COMMITTEE = re.compile(r"(委员会|委|人民政府|政府|人大常委会|人大|政协|党委)")
_NOT_AFTER_WEI = frozenset("托员屈婉曲派任")
# a kind of institution, not one (“工匠学院”, “职工学校”, “劳模创新工作室”)
_QUOTED_KIND = re.compile(r"(?:劳模工匠|工匠人才|产业工人|工匠|职工|劳模|技能|技术|创新)+(?:学院|学校|实验室|研究院|研究所|创新工作室)")
_QUOTED_INST = re.compile(r"[“\"]([\u4e00-\u9fff]{2,14}(?:产业工人学院|学院|联合实验室|实验室|研究院|研究所|创新工作室))[”\"]")
_EVERY_PLACE_RE = re.compile(r"(各|各级|各[省市县区]|县区|市县|县市区|乡镇|镇街)$")
_JOINT_VERBS = ("联合", "会同", "携手", "协同", "联手")
_UNIONS = ("总工会", "工会")
_PARTY_MEMBER_TITLES = ("书记", "副书记", "成员", "委员")
_NTH_TEAM_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}$")

# 中央 alone is the party centre when it decides, deploys or is coordinated with the province
_PARTY_CENTRE_RE = re.compile(r"(?:部署|决策|精神|要求|和省|和国务院|、国务院|、省|关于|印发|出台|提出|强调|文件|统一|号召|"
                              r"重大|决定|指示|批准|一号文件|全面深化改革委员会)")
_CENTRE_BEFORE = frozenset("、，。；：（(“ 和与及由按照落实贯彻遵照根据把对将在党")
_ABBR_BEFORE = frozenset("、，。；：（(“\n 和与及由同对向经")
_ABBR_NOT_AFTER = ("局", "厅", "委", "部", "所", "资", "收", "支")

# 共青团某省委 / 共青团中央: the Youth League's bodies (the tagger splits 共青团 from 某省委)
_YOUTH_LEAGUE_RE = re.compile(r"共青团(?:中央|[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州|旗|盟)委(?:员会)?)")


def youth_league_candidates(st: OrgsState) -> list[Cand]:
    """共青团某省委, 共青团中央: the league's name with its committee, one body."""
    return [Cand(m.start(), m.end(), "strong", -1) for m in _YOUTH_LEAGUE_RE.finditer(st.text)]


_GROUP_HEADS = ("协调小组", "领导小组", "工作小组", "联席会议")
# 国家推进产改协调小组 / 全国产改协调小组: the lead words belong to the group's name
_GROUP_LEAD_RE = re.compile(r"(?:(?:国家|全国|中央)(?:推进)?|推进)$")


@lru_cache(maxsize=1)
def tail_only_heads() -> tuple[str, ...]:
    """Heads that stand as a body without a name part (党委, 政府; data/org_component_tail_only.txt)."""
    return word_list("org_component_tail_only.txt")


@lru_cache(maxsize=1)
def _head_starts_word() -> frozenset[str]:
    """A head character and the next that start a word (部署, 会议; data/org_component_head_starts_word.txt)."""
    return frozenset(word_list("org_component_head_starts_word.txt"))


@lru_cache(maxsize=1)
def _abbr_dept_re() -> re.Pattern[str]:
    """市财政 / 县人社: a department written by its stem after a contextual 省/市/县/区; an actor
    only before a list separator, a conjunction or a verb of acting (市财政资金 is an adjective use)."""
    stems = sorted(word_list("org_component_abbr_stems.txt"), key=len, reverse=True)
    return re.compile(r"([省市县区])(" + "|".join(stems) + r")"
                      r"(?=[、，。；）)]|和|与|及|等|联合|牵头|会同|共同|分别|负责|安排|拨付|投入|出资|给予|下达|"
                      r"统筹|印发|出台|设立|落实|也|还|将|已|均)")


# ---------------------------------------------------------------------------------------------
# committees


def committee_candidates(st: OrgsState) -> list[Cand]:
    """A region or a contextual 省/市/县/区 before 委/政府/人大/政协 (某县委, 某市人民政府, 省委);
    委 before 托/员/派/任 … is a word of its own (委托, 委员)."""
    text, out = st.text, []
    for m in _COMMITTEE.finditer(text):
        s, e = m.span()
        if m.group(1) == "委" and text[e:e + 1] in _NOT_AFTER_WEI:
            continue
        c = prefixed_candidate(st.doc, text, s, e, st.reg_by_end, m.group(1))
        if c is not None:
            c.committee = True
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# departments and strong heads


def _ban_is_a_verb(st: OrgsState, s: int, e: int, body: str) -> bool:
    """主办/承办/协办/举办…: 办 after such a character is a verb, not an office (某局协办)."""
    return body == "办" and s > 0 and st.text[s - 1] in BAN_VERB_CHARS


def _head_inside_word(st: OrgsState, s: int, e: int, body: str) -> bool:
    """The head must end a word: 组织部门 is not 组织部 (unions, strong heads and a head before
    长/副/书记/党/成立/部 or a joint verb are exempt)."""
    text = st.text
    if st.words.is_end(e) or e >= len(text) or not is_cjk(text[e]) or body in _UNIONS or body in STRONG_HEADS \
            or text[e] in "长副主书党召成部" or text.startswith(_JOINT_VERBS, e):
        return False
    w = st.words.at(e - 1)
    return w is not None and w.end > e


def _head_starts_longer_word(st: OrgsState, s: int, e: int, body: str) -> bool:
    """The head's last character starts a longer word (学校 in 某大学校企合作)."""
    w = st.words.at(e - 1)
    return w is not None and w.end > e and w.start > s - 1 and body not in _UNIONS


def _head_straddles_word(st: OrgsState, s: int, e: int, body: str) -> bool:
    """A short head straddles a word boundary (某某大|学校)."""
    w = st.words.at(s)
    return w is not None and w.start < s and s < w.end < e and len(body) <= 3


_HEAD_REJECTS = (_ban_is_a_verb, _head_inside_word, _head_starts_longer_word, _head_straddles_word)


def _strong_head_candidate(st: OrgsState, s: int, e: int, body: str) -> Cand | None:
    """A strong head (X督查组, X领导小组) extended left over its name; an ordinal before a team
    (某某第二督查组) belongs to the team's name."""
    nth = _NTH_TEAM_RE.search(st.text, max(0, s - 5), s) if body.endswith("组") else None
    return extend_left(st.doc, st.text, st.words, nth.start() if nth else s, e, st.reg_by_end, body)


def _bare_department(st: OrgsState, s: int, e: int, body: str) -> Cand | None:
    """A department without a region before it (组织部, 人社局): resolved later to the context's
    region; none when a verb was glued to it, for 党委书记 or for every place's bodies (各县区总工会)."""
    text = st.text
    if s > 0 and is_cjk(text[s - 1]) and not st.words.is_start(s) and body != "总工会" and \
            text[max(0, s - 2):s] not in LEAD_VERBS:
        return None       # (联合经济发展局: the tagger glued the joint verb to the body)
    if body in tail_only_heads():
        if body in ("党委", "党组") and text[e:e + 3].startswith(_PARTY_MEMBER_TITLES):
            return None
        return Cand(s, e, "tail")
    if _EVERY_PLACE_RE.search(text[max(0, s - 3):s]):
        return None
    return Cand(s, e, "dept")


def department_candidates(st: OrgsState) -> list[Cand]:
    """Departments and strong heads from the lexicon automaton (某市人社局, 组织部, X督查组), each
    with the region or contextual prefix before it when there is one."""
    text, out = st.text, []
    strong = STRONG_HEADS
    for end, body in dept_automaton().iter(text):
        s, e = end - len(body) + 1, end + 1
        if any(rule(st, s, e, body) for rule in _HEAD_REJECTS):
            continue
        if body in strong and body not in dept_set():
            c = _strong_head_candidate(st, s, e, body)
        else:
            c = prefixed_candidate(st.doc, text, s, e, st.reg_by_end, body) or _bare_department(st, s, e, body)
        if c is not None:
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# national bodies, quoted institutions, abbreviated departments


def _not_party_centre(text: str, end: int) -> bool:
    """中央企业 / 中央财政 / 党中央: 中央 is the party centre only before a word of deciding (中央部署)
    and after a separator or a preposition."""
    return not _PARTY_CENTRE_RE.match(text, end + 1) or \
        end >= 2 and is_cjk(text[end - 2]) and text[end - 2] not in _CENTRE_BEFORE


def national_candidates(st: OrgsState) -> list[Cand]:
    """National bodies (党中央, 全总, 国务院 …) from their table; not before 电 (a dateline), a
    ministry not before 门 (人社部门: the departments in general)."""
    text, out = st.text, []
    _table, nat = national_bodies()
    for end, key in nat.iter(text):
        if text[end + 1:end + 2] == "电":
            continue
        if key.endswith("部") and text[end + 1:end + 2] == "门":
            continue
        if key == "中央" and _not_party_centre(text, end):
            continue
        out.append(Cand(end - len(key) + 1, end + 1, "national"))
    return out


def quoted_institution_candidates(st: OrgsState) -> list[Cand]:
    """A quoted institution's name (“某某学院”, “某某联合实验室”, “某某创新工作室”); a kind of
    institution in quotes (建成“工匠学院”15所, “产业工人学院”) names none."""
    return [Cand(m.start(1), m.end(1), "strong", -1) for m in _QUOTED_INST.finditer(st.text)
            if not _QUOTED_KIND.fullmatch(m.group(1))]


def abbreviated_department_candidates(st: OrgsState) -> list[Cand]:
    """Abbreviated departments standing as actors (市财政、市人社联合…; 县财政安排…); not when the
    prefix character ends a longer word (城市财政, 本市财政) or a full head follows (市财政局)."""
    text, out = st.text, []
    for m in _abbr_dept_re().finditer(text):
        s = m.start()
        if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _ABBR_BEFORE and \
                text[s - 2:s] not in ("联合", "会同", "协同"):
            continue
        if text[m.end():m.end() + 1] in _ABBR_NOT_AFTER:
            continue
        out.append(Cand(s, m.end(), "abbr_dept", prefix_char=m.group(1)))
    return out


# ---------------------------------------------------------------------------------------------
# settling the candidates


def ends_before_word(text: str, c: Cand) -> bool:
    """市政府决策部署: a head character that starts the next word (部署, 部门) ends no body."""
    return text[c.end - 1:c.end + 1] in _head_starts_word()


def group_lead(text: str, c: Cand) -> Cand:
    """Extend a coordinating group's name over the 国家/全国/推进 that starts it (全国某某协调小组)."""
    if not any(h in text[c.start:c.end + 4] for h in _GROUP_HEADS):
        return c
    m = _GROUP_LEAD_RE.search(text, max(0, c.start - 6), c.start)
    if m is None or m.start() == c.start:
        return c
    return Cand(m.start(), c.end, "strong" if c.kind == "generic" else c.kind, c.place, c.prefix_char)
