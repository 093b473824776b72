"""Bodies the `orgs` component derives from mentions already found: groups a body sets up
(X总工会成立Y领导小组), firms' short names, and parent firms of a subsidiary's name.
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.orgs.filters import is_generic_body
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, GENERIC_BODY, GENERIC_PLACE_WORDS, industry_head_words


_SET_UP_RE = re.compile(r"(成立了?|组建了?|设立了?)([\u4e00-\u9fff]{2,14}?(领导小组|工作小组|工作专班|专班|指导组))"
                        r"(?![\u4e00-\u9fff]{0,2}(成员|组长|办公室))")


def set_up_bodies(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A body that an organisation sets up (X总工会成立Y领导小组; 市人社局牵头成立Y工作专班) is
    named with its parent: X总工会Y领导小组 (a union's group is a Union, others Agencies);
    the bare name is an alias."""
    out: list[Mention] = []
    by_end = {}
    for m in mentions:
        if m.label in ("Union", "Agency", "Enterprise", "Institution"):
            by_end[m.span.end] = m
    for m in _SET_UP_RE.finditer(text):
        gap_s = m.start()
        parent = None
        for k in range(gap_s, max(-1, gap_s - 5), -1):
            if k in by_end and re.fullmatch(r"(牵头|专门|还|又|先后|率先|已|已经|及时|随即|联合)*", text[k:gap_s]):
                parent = by_end[k]
                break
        if parent is None:
            continue
        bs, be = m.start(2), m.end(2)
        core = text[bs:be]
        if is_generic_body(core[: -len(m.group(3))]) and len(core) - len(m.group(3)) < 2:
            continue
        if any(ch in core for ch in "的了和与及、"):
            continue
        label = "Union" if parent.label == "Union" else "Agency"
        name = parent.normalised + core
        existing = [o for o in mentions if o.span.start >= bs and o.span.end <= be]
        for o in existing:
            if o.span.start == bs and o.span.end == be:
                o.normalised, o.label = name, label
                o.span.label = label
                o.attrs.setdefault("aliases", []).append(core)
                for key in ("place", "region"):
                    if key in parent.attrs:
                        o.attrs[key] = parent.attrs[key]
                break
        else:
            if existing:
                continue
            sp = Span(bs, be, label, doc.sentence_of(bs), COMPONENT_NAME, {"kind": "set-up"})
            attrs = {k: v for k, v in parent.attrs.items() if k in ("place", "region")}
            attrs["aliases"] = [core]
            out.append(Mention(sp, label, core, name, attrs))
    return out


def firm_short_names(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named in full is written later without its region and company tail
    (宁波X精密机械有限公司 → X精密机械): those short names are mentions of it."""
    gz = lx.gazetteer()
    taken = bytearray(len(text) + 1)
    for m in mentions:
        for i in range(m.span.start, m.span.end):
            taken[i] = 1
    out: list[Mention] = []
    seen: set[str] = set()
    for m in mentions:
        name = m.normalised
        if m.label != "Enterprise" or len(name) < 8 or name in seen:
            continue
        seen.add(name)
        core = name
        for end, (surface, _is_short) in (gz.automaton.iter(core[:6]) if gz.automaton is not None else []):
            if end + 1 == len(surface) and len(core) - len(surface) >= 6:
                core = core[len(surface):]
        for tail in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "公司"):
            if core.endswith(tail):
                core = core[: -len(tail)]
                break
        if len(core) < 4 or core == name or not all(is_cjk(ch) for ch in core) or core in GENERIC_BODY:
            continue
        if lx.org_label_of(core) is not None and core.endswith(("集团",)) is False and lx.org_label_of(core) != "Enterprise":
            continue
        part = core
        for _ in range(3):
            h = next((h for h in industry_head_words() if part.endswith(h) and len(part) > len(h)), None)
            if h is None:
                break
            part = part[: -len(h)]
        if len(part) < 2 or part in GENERIC_BODY or part in GENERIC_PLACE_WORDS:
            continue          # 精密机械 alone is a trade, not a name
        k = text.find(core, m.span.end)
        while k >= 0:
            e = k + len(core)
            if not any(taken[k:e]) and (k == 0 or not is_cjk(text[k - 1]) or text[k - 1] in "的在和与及、了是为由对向到从将把被") \
                    and not text.startswith(("有限", "公司", "集团", "股份"), e):
                sp = Span(k, e, "Enterprise", doc.sentence_of(k), "orgs", {"kind": "short-name"})
                out.append(Mention(sp, "Enterprise", core, name, dict(m.attrs)))
                for i in range(k, e):
                    taken[i] = 1
            k = text.find(core, e)
    return out


def parent_firms(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named only as the owner of a body (X集团公司产改领导小组, X有限公司工会): a
    derived Enterprise mention, an entity of its own only when the text also names the firm
    otherwise (resolve merges it with a shorter form, 市X集团, and keeps the fuller name)."""
    out: list[Mention] = []
    for m in mentions:
        if m.label not in ("Agency", "Union"):
            continue
        name = m.normalised
        k = max(name.rfind(t) + len(t) if name.rfind(t) >= 0 else -1 for t in ("有限公司", "集团公司", "公司", "集团"))
        if k < 5 or k >= len(name) or lx.org_label_of(name[:k]) != "Enterprise":
            continue
        if text[m.span.start:m.span.start + k] != name[:k] or "等" in name[:k]:
            continue          # only a name written out in full
        sp = Span(m.span.start, m.span.start + k, "Enterprise", m.span.sentence, "orgs", {"kind": "parent"})
        attrs = {"derived_from": name}
        for key in ("place", "region"):
            if key in m.attrs:
                attrs[key] = m.attrs[key]
        out.append(Mention(sp, "Enterprise", name[:k], name[:k], attrs))
    return out
