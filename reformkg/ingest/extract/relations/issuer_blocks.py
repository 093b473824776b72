"""ISSUED from the issuers a notice writes as blocks of lines: the header above its title
(`甲省总工会 甲省人社厅` / `关于印发《X》的通知`) and the signature block after its text
(`甲省总工会` / `甲省人社厅` / `2024年3月1日`). Each body of those lines issued the policy the
notice issues: the 《…》 its title line or its text says it 印发/发布/转发 (现将《X》印发给你们).
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label, Rel
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.relations.builder import Builder, rule_part

_ORG_LABELS = frozenset({Label.UNION, Label.AGENCY, Label.INSTITUTION, Label.ENTERPRISE})
# the notice's own act on a policy: 关于印发《X》的通知 / 现将《X》印发给你们
_ISSUE_ACT_RE = re.compile(r"(?:关于)?(?:印发|发布|转发|颁布)$|现将$")
_ISSUE_ACT_AFTER_RE = re.compile(r"[^，,。；;]{0,4}(?:印发|发布|转发|颁布)(?:给|至|到)")
_BLOCK_GAP_RE = re.compile(r"[\s、，,和及]*")
_DATE_LINE_RE = re.compile(r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


def _issued_policy(b: Builder) -> Mention | None:
    """The 《…》 policy the notice itself issues (its title line or 现将《X》印发…), else None."""
    text = b.doc.text
    for m in b.ctx.mentions:
        if m.label != Label.PROGRAMME or not (m.surface or "").startswith("《"):
            continue
        ls = text.rfind("\n", 0, m.span.start) + 1
        if _ISSUE_ACT_RE.search(text, ls, m.span.start) or _ISSUE_ACT_AFTER_RE.match(text, m.span.end):
            return m
    return None


def _block_orgs(b: Builder, ps: int, pe: int) -> list[Mention]:
    """The bodies a line consists of (separated only by spaces or 、), else []."""
    text = b.doc.text
    ms = [m for m in b.ctx.mentions_between(ps, pe)
          if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                     for o in b.ctx.mentions_between(ps, pe))]
    if not ms or any(m.label not in _ORG_LABELS for m in ms):
        return []
    pos = ps
    for m in ms:
        if not _BLOCK_GAP_RE.fullmatch(text, pos, m.span.start):
            return []
        pos = m.span.end
    return ms if _BLOCK_GAP_RE.fullmatch(text, pos, pe) else []


@rule_part
def _header_issuers(b: Builder, policy: Mention) -> list[Mention]:
    """The lines of bodies right above the title line of the policy."""
    paras = b.doc.paragraphs
    ti = next((i for i, (ps, pe) in enumerate(paras) if ps <= policy.span.start < pe), -1)
    out: list[Mention] = []
    for ps, pe in reversed(paras[:max(ti, 0)]):
        orgs = _block_orgs(b, ps, pe)
        if not orgs:
            break
        out = orgs + out
    return out


@rule_part
def _signature_issuers(b: Builder) -> list[Mention]:
    """The lines of bodies at the end of the notice (before an optional date line)."""
    paras = list(b.doc.paragraphs)
    if paras and _DATE_LINE_RE.fullmatch(b.doc.text, *paras[-1]):
        paras = paras[:-1]
    out: list[Mention] = []
    for ps, pe in reversed(paras):
        orgs = _block_orgs(b, ps, pe)
        if not orgs:
            break
        out = orgs + out
    return out


def issuer_blocks(b: Builder) -> None:
    """ISSUED from each body of the header and signature blocks to the policy the notice issues."""
    policy = _issued_policy(b)
    if policy is None:
        return
    for org in [*_header_issuers(b, policy), *_signature_issuers(b)]:
        b.add(Rel.ISSUED, org, policy, (org.span.start, org.span.end))
