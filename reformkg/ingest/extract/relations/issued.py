"""ISSUED reader of the `relations` component: 出台/印发/发布/制定… a policy or plan, with
会同/联合 allies and 由X印发; every item of a titled list (印发《P》、《Q》); the steered body
(推动/配合B印发《P》 → B); a policy system formed by issued plans (制定出台…，形成“1+4”制度体系).
"""

from __future__ import annotations

import re

from reformkg.ingest.extract.context import ACTOR_LABELS
from reformkg.ingest.extract.relations.builder import (POLICY_NAME_RE, Builder, NOSTOP, actors_for, programmes,
                                                       rule_part)
from reformkg.ingest.extract.relations.runs import runs_reform_by_name
from reformkg.graph.vocab import Label, Rel


_ISSUE_VERBS = "制定出台|研究出台|出台|印发|发布|制定|修订完善|修订|颁布|下发|编制|起草"
# 印发P / 制定X规划以及《P》: the verb, then up to 12 characters, or a longer first object that a
# list joiner closes
_ISSUE_BEFORE_RE = re.compile(rf"(?:{_ISSUE_VERBS})(?:了)?(?:{NOSTOP}{{0,12}}|{NOSTOP}{{1,30}}?(?:以及|、))$")
_ISSUED_BY_RE = re.compile(rf"(?:已|于{NOSTOP}{{1,8}}?)?由({NOSTOP}{{2,60}}?)(?:联合|共同)?(?:{_ISSUE_VERBS})")
_ALLY_ISSUE_RE = re.compile(rf"(?:会同|联合|协同)({NOSTOP}{{2,40}}?)(?:共同|联合)?$")
# 推动/配合/协调B印发…: B, the object of the steering verb, issues it — not the subject
_STEER_RE = re.compile(rf"(?:推动|促成|推进|配合|协调|协助|督促|指导|争取)({NOSTOP}{{2,40}}?)(?:先后|联合|共同)?$")
# 《P》、《Q》: a later item of a titled list governed by the same verb
_POLICY_LIST_GAP_RE = re.compile(r"(?:、|和|及|以及)$")
# 制定出台A、B等4项方案，形成(了)“1+4”制度体系: the policy system the issued documents make up
_POLICY_SYSTEM_RE = re.compile(r"(?:政策|制度|文件)体系[”\"]?$")
_FORMED_RE = re.compile(r"(?:初步|逐步|从而|最终)?形成(?:了)?$")
_ISSUE_IN_SENTENCE_RE = re.compile(rf"(?:{_ISSUE_VERBS})")


def issued(b: Builder) -> None:
    """ISSUED: each named programme that is a policy system formed by issued plans, or a policy
    or plan with its issuers (passive 由X印发, or the issue verb before it)."""
    for p in programmes(b.ctx):
        if (p.attrs or {}).get("derived"):
            continue
        _issue_programme(b, p)


@rule_part
def _issue_programme(b: Builder, p) -> None:
    """One programme: a policy system, else a policy or plan issued by the passive's agents or by
    the actors of the issue verb before it."""
    name = p.surface or ""
    sysm = policy_system_issue_at(b, p)
    if sysm is not None:
        for a in actors_for(b, sysm, exclude=p):
            b.add(Rel.ISSUED, a, p, (sysm, p.span.end))
        return
    kind = (p.attrs or {}).get("kind")
    if not (kind in ("policy", "plan") or name.startswith("《") or POLICY_NAME_RE.search(p.normalised or name)):
        return
    cs, ce = b.ctx.clause_bounds(p.span.start)
    if _issued_by(b, p, ce):
        return
    _issue_verb_before(b, p, cs)


@rule_part
def _issued_by(b: Builder, p, ce: int) -> bool:
    """《P》由A、B(联合)印发: the agents of the passive."""
    ctx = b.ctx
    bm = _ISSUED_BY_RE.match(b.doc.text, p.span.end, ce)
    if not bm:
        return False
    for a in ctx.mentions_between(bm.start(1), bm.end(1)):
        if a.label in ACTOR_LABELS and a.label != Label.REGION and id(a) not in ctx.title_orgs:
            b.add(Rel.ISSUED, a, p, (p.span.start, bm.end()))
    return True


def _title_list_start(b: Builder, p, cs: int) -> int:
    """印发《P》、《Q》: the start of the first titled item of the list p closes (p's own start
    when p is no title or the first item)."""
    ctx, text = b.ctx, b.doc.text
    start = p.span.start
    if (p.surface or "").startswith("《"):
        # 印发《P》、《Q》: walk back over earlier titled items of the list
        items = {m.span.end: m for m in ctx.mentions_between(cs, p.span.start) if m.label == Label.PROGRAMME}
        while _POLICY_LIST_GAP_RE.search(text, cs, start):
            gm = _POLICY_LIST_GAP_RE.search(text, cs, start)
            prev = items.get(gm.start())
            if prev is None or not (prev.surface or "").startswith("《"):
                break
            start = prev.span.start
    return start


@rule_part
def _issue_verb_before(b: Builder, p, cs: int) -> None:
    """出台/印发/制定… P: the steered body (推动B印发), else the verb's actors, with 会同/联合
    allies; launching the reform's own untitled plan also runs the reform."""
    ctx, text = b.ctx, b.doc.text
    vm = _ISSUE_BEFORE_RE.search(text[cs:_title_list_start(b, p, cs)])
    if not vm:
        return
    vpos = cs + vm.start()
    sm = _STEER_RE.search(text, cs, vpos)
    steered = [a for a in ctx.mentions_between(sm.start(1), sm.end(1))
               if a.label in ACTOR_LABELS and a.label != Label.REGION and id(a) not in ctx.title_orgs] if sm else []
    actors = steered or actors_for(b, vpos, exclude=p)
    # A会同/联合B、C出台…: the allies issue it too
    am = _ALLY_ISSUE_RE.search(text, cs, vpos)
    if am and am.end() >= vpos - 2:
        actors = actors + [a for a in ctx.mentions_between(am.start(1), am.end(1))
                           if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a not in actors]
    for a in actors:
        b.add(Rel.ISSUED, a, p, (vpos, p.span.end))
        if not (p.surface or "").startswith("《"):
            # 出台“市级产改方案”: launching the reform's own plan runs the reform; issuing a
            # titled document (印发《…产业工人队伍建设改革…方案》) does not by itself
            runs_reform_by_name(b, a, p, (vpos, p.span.end))


def policy_system_issue_at(b: Builder, p) -> int | None:
    """Where the issue verb of a policy system formed by issued documents stands (制定出台…方案，
    形成了“1+4”制度体系), else None."""
    text, ctx = b.doc.text, b.ctx
    if not _POLICY_SYSTEM_RE.search(p.normalised or p.surface or ""):
        return None
    cs, _ = ctx.clause_bounds(p.span.start)
    if not _FORMED_RE.search(text, cs, p.span.start):
        return None
    si = b.doc.sentence_of(p.span.start)
    if si < 0:
        return None
    ss = b.doc.sentences[si][0]
    hits = list(_ISSUE_IN_SENTENCE_RE.finditer(text, ss, cs))
    return hits[0].start() if hits else None

