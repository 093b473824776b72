"""Resolution: mentions → entities (canonical name = fullest form, aliases = every surface form),
identity keys (regions by adcode, organisations by normalised name, persons by name plus
compatible regions/positions through an optional IdentityLookup), relation candidates → Facts
checked against the ontology (pruned ones counted), outcome candidates → Outcomes, LOCATED_IN
(organisation → its region) and PART_OF (region → parent region, from the gazetteer) facts,
PilotUnit extra labels, evidence with source offsets. A curation object is applied last.
"""

from __future__ import annotations

import dataclasses

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from reformkg.graph.model import (DocumentResult, Entity, Evidence, Fact, Outcome, entity_id, fact_id,
                                  outcome_id)
from reformkg.graph.ontology import Ontology
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, RelationCandidate

log = logging.getLogger(__name__)

ORG_LABELS = ("Union", "Agency", "Enterprise", "Institution")
IMPLICIT = "_implicit"      # Entity.props flag: added for a fact, not mentioned on its own
_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）\[\]【】·•]")
_TEAM_HEADS = ("督查组", "督导组", "巡查组", "检查组")
_COMPANY_TAILS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")


class IdentityLookup(Protocol):
    """Existing nodes with this label and name: [{"id","name","aliases","region","positions"}]."""

    def candidates(self, label: str, name: str) -> list[dict]: ...


class Curation(Protocol):
    def apply(self, result: DocumentResult) -> DocumentResult: ...


def norm_key(name: str) -> str:
    return _STRIP.sub("", name or "")


_ZONE_ABBR = (("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"),
              ("经济开发区", "开发区"), ("综合保税区", "综保区"))


def zone_key(name: str) -> str:
    """Zones written long and short are one (无锡国家高新技术产业开发区 = 无锡高新区)."""
    k = norm_key(name).replace("国家", "")
    for long, short in _ZONE_ABBR:
        if k.endswith(long):
            k = k[: -len(long)] + short
    return k


@dataclass
class _Group:
    label: str
    key: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)     # candidate canonical names
    surfaces: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    implicit: bool = False
    written: list[str] = field(default_factory=list)   # names as written (before expanding 人社局 …)


def _relation_span(doc: Document, rc: RelationCandidate) -> tuple[int, int, int]:
    """(sentence, start, end) of a relation's evidence: the sentence it was read from — the
    trigger's, else the tail's — and, within it, the parts of the relation that stand there.
    A head taken from context (a headline or paragraph topic) does not stretch the span
    across the document."""
    anchor = rc.trigger if rc.trigger is not None else rc.tail.span
    sid = anchor.sentence if anchor.sentence >= 0 else doc.sentence_of(anchor.start)
    parts = [p for p in (rc.head.span, rc.tail.span, rc.trigger) if p is not None]
    if 0 <= sid < len(doc.sentences):
        ss, se = doc.sentences[sid]
        inside = [p for p in parts if ss <= p.start and p.end <= se] or [anchor]
    else:
        inside = parts
    return sid, min(p.start for p in inside), max(p.end for p in inside)


def _evidence(doc: Document, start: int, end: int, sentence: int | None = None) -> Evidence:
    sid = sentence if sentence is not None and sentence >= 0 else doc.sentence_of(start)
    if 0 <= sid < len(doc.sentences):
        s, e = doc.sentences[sid]
        sent = doc.text[s:e]
    else:
        sent = doc.text[max(0, start - 40):end + 40]
    a, b = doc.offsets.to_source(start, end)
    return Evidence(doc.doc_id, sent, a, b)


def _drop_parent_regions(name: str) -> str:
    """盐城市亭湖区总工会 and 亭湖区总工会 are one body: keep only the last of a chain of regions
    at the start of an organisation name."""
    gz = lx.gazetteer()
    while True:
        lead = [n for n in _leading_regions(name, gz)]
        if not lead:
            return name
        rest = name[len(lead[0]):]
        if rest and _leading_regions(rest, gz):
            name = rest
            continue
        return name


def _region_chain(name: str) -> str:
    """The regions written at the start of a name (无锡市新吴区 of 无锡市新吴区总工会)."""
    gz = lx.gazetteer()
    chain = ""
    rest = name
    while True:
        lead = _leading_regions(rest, gz)
        if not lead:
            return chain
        chain += lead[0]
        rest = rest[len(lead[0]):]


def _leading_regions(name: str, gz) -> list[str]:
    out = []
    if gz.automaton is None:
        return out
    for end, (surface, is_short) in gz.automaton.iter(name[:12]):
        if end - len(surface) + 1 == 0 and not is_short:
            out.append(surface)
    return sorted(out, key=len, reverse=True)


def _quote_heads(g: "_Group") -> set[str]:
    """The head nouns written after the closing quote in a group's names (“X”评价体系 → 评价体系)."""
    out = set()
    for n in list(g.names) + list(g.surfaces):
        k = n.rfind("”")
        if 0 < k < len(n) - 1 and n.find("“") >= 0:
            out.add(n[k + 1:])
    return out


def _heads_alike(a: str, b: str) -> bool:
    """Two heads of one programme (行动/工程, 人才战略/人才制度体系, 职工技能大赛/劳动技能竞赛)
    rather than two different things built on one slogan (评价体系 / 创建工作): a short
    head, one within the other, or a shared two-character word."""
    if len(a) < 4 or len(b) < 4 or a.endswith(b) or b.endswith(a):
        return True
    return bool({a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)})


def _company_core(name: str) -> tuple[str, str]:
    """(leading region chain, name without it and without company tails)."""
    chain = _region_chain(name)
    core = name[len(chain):]
    if not chain:
        # a province/city written short before the firm's name (四川X交通建设集团)
        gz = lx.gazetteer()
        for end, (surface, is_short) in (gz.automaton.iter(core[:4]) if gz.automaton is not None else []):
            if is_short and end + 1 == len(surface) and len(core) - len(surface) >= 4 and any(
                    gz.get(i).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) for i in gz.by_short.get(surface, [])):
                chain, core = surface, core[len(surface):]
                break
    changed = True
    while changed:
        changed = False
        for tail in _COMPANY_TAILS:
            if core.endswith(tail) and len(core) > len(tail) + 1:
                core = core[: -len(tail)]
                changed = True
                break
    return chain, core


def _contraction_of(short: str, full: str) -> bool:
    """Chinese contraction by the first character of each two-character word (工业投资 → 工投,
    交通控股 → 交控); a word may also be kept whole (城市建设投资 → 城建投资 is not needed, but
    港务 + 集团 stays 港务)."""
    if not short or not full or len(short) >= len(full):
        return False
    if not short:
        return True
    if short[0] != full[0]:
        return False
    # keep the first character of this 2-char word, or the whole word
    if len(full) >= 2 and _contraction_of(short[1:], full[2:]) if len(short) > 1 else len(full) <= 2:
        return True
    if len(short) >= 2 and len(full) >= 2 and short[:2] == full[:2]:
        rest_s, rest_f = short[2:], full[2:]
        return (not rest_s and not rest_f) or (bool(rest_s) and _contraction_of(rest_s, rest_f)) or rest_s == rest_f
    return False


def _contracted(full: str, short: str) -> bool:
    """An enterprise written with its words contracted (市工投集团 / 工投集团公司 ↔ 连云港市工业投资
    集团公司): the same region (or none written), the short core a contraction of the full one."""
    fc, fcore = _company_core(full)
    sc, score = _company_core(short)
    if fc and not sc:
        gz = lx.gazetteer()
        for i in gz.candidates(fc):
            sh = gz.get(i).short
            if sh and score.startswith(sh) and len(score) > len(sh):
                sc, score = fc, score[len(sh):]      # 厦门工投 ↔ 厦门市工业投资
                break
    if sc and fc and sc != fc:
        gz = lx.gazetteer()
        a = {gz.get(i).idx for i in gz.candidates(sc)}
        b = {gz.get(i).idx for i in gz.candidates(fc)}
        if not (a & b):
            # 厦门 ↔ 厦门市: short and full forms of one place
            a2 = {i for n in (sc, sc.rstrip("省市县区")) for i in gz.candidates(n)}
            b2 = {i for n in (fc, fc.rstrip("省市县区")) for i in gz.candidates(n)}
            if not (a2 & b2):
                return False
    if len(score) < 2 or len(fcore) < 4 or len(fcore) % 2:
        return False
    return _contraction_of(score, fcore)


def _strip_region(name: str) -> str:
    """The name without a leading province/city (广东美的集团 → 美的集团)."""
    gz = lx.gazetteer()
    if gz.automaton is None:
        return name
    for end, (surface, _short) in gz.automaton.iter(name):
        start = end - len(surface) + 1
        if start == 0 and len(name) - len(surface) >= 3:
            return name[len(surface):]
    return name


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class _Resolver:
    def __init__(self, doc: Document, ontology: Ontology, identity: IdentityLookup | None):
        self.doc = doc
        self.onto = ontology
        self.identity = identity
        self.gz = lx.gazetteer()
        self.groups: dict[tuple[str, str], _Group] = {}
        self.of_mention: dict[int, _Group] = {}

    # ---- grouping ----------------------------------------------------------------------------
    def group_key(self, m: Mention) -> str:
        if m.label == "Region":
            place = m.attrs.get("place", -1)
            if place is not None and place >= 0:
                return "place:" + self.gz.get(place).key
            return "zone:" + zone_key(m.normalised)
        if m.label in ORG_LABELS:
            # written short (人社局) and full (人力资源和社会保障局): one body
            return _drop_parent_regions(norm_key(m.normalised))
        return norm_key(m.normalised)

    def add(self, m: Mention) -> None:
        key = self.group_key(m)
        g = self.groups.get((m.label, key))
        if g is None:
            g = self.groups[(m.label, key)] = _Group(m.label, key)
        g.mentions.append(m)
        self.of_mention[id(m)] = g
        if m.attrs.get("pronoun"):
            # 她/该同志 (coreference): the antecedent's entity, never an alias or a name of its own
            return
        if not m.attrs.get("contextual") and not m.attrs.get("implied"):
            # 该市/全区 are references, not names: as aliases they would match any region
            g.surfaces.append(m.surface)
        g.names.append(m.normalised)
        g.written.append(m.attrs.get("written") or m.normalised)
        for a in m.attrs.get("aliases", []) or []:
            g.surfaces.append(a)
        if m.label == "Region":
            place = m.attrs.get("place", -1)
            if place is not None and place >= 0:
                p = self.gz.get(place)
                g.props.setdefault("place", place)
                g.props["level"] = p.level
                if p.adcode:
                    g.props["adcode"] = p.adcode
                if not m.attrs.get("contextual") and not m.attrs.get("implied"):
                    g.names.append(p.name)
            else:
                g.props["level"] = lx.LEVEL_ZONE
        for k in ("kind", "level"):
            if k in m.attrs and m.label in ("Programme", "Award"):
                g.props.setdefault(k, m.attrs[k])
        if m.label in ORG_LABELS and m.attrs.get("place", -1) is not None and m.attrs.get("place", -1) >= 0:
            g.props.setdefault("place", m.attrs["place"])

    def merge_short_forms(self) -> None:
        """A short form after its full form is the same entity: 新电公司 ↔ 新海发电 (abbreviation
        of a preceding enterprise), 镇江港务集团 ↔ 镇江港务集团有限公司, a programme's bare quoted
        name ↔ the quoted name with its head."""
        by_label: dict[str, list[_Group]] = {}
        for g in self.groups.values():
            by_label.setdefault(g.label, []).append(g)
        for label, groups in by_label.items():
            groups.sort(key=lambda g: -max(len(norm_key(n)) for n in g.names))
            for g in list(groups):
                if g not in groups:
                    continue
                gname = norm_key(max(g.names, key=len))
                first = min(m.span.start for m in g.mentions)
                for h in list(groups):
                    if h is g or h not in groups:
                        continue
                    hname = norm_key(max(h.names, key=len))
                    if len(hname) > len(gname) or (len(hname) == len(gname) and label != "Programme" and
                                                   not hname.endswith(("公司", "集团"))):
                        continue
                    if self._same(label, gname, hname, g, h, first):
                        self._absorb(g, h)
                        groups.remove(h)

    def _same(self, label: str, full: str, short: str, g: _Group, h: _Group, first: int) -> bool:
        if label == "Region":
            # a zone written with and without its city (东莞X高新技术产业开发区 / X高新区)
            if g.props.get("level") != lx.LEVEL_ZONE or h.props.get("level") != lx.LEVEL_ZONE:
                return False
            bare = _strip_region(full)
            return bare != full and len(zone_key(short)) >= 4 and zone_key(bare) == zone_key(short)
        if label == "Programme":
            surf = {norm_key(s) for s in g.surfaces}
            if short in surf:
                return True
            # two names built on the same quoted core (“1+4”人才战略 / “1+4”制度)
            qg = {norm_key(a) for m in g.mentions for a in m.attrs.get("aliases", []) if m.span.attrs.get("rule", "").startswith("quoted")}
            qh = {norm_key(a) for m in h.mentions for a in m.attrs.get("aliases", []) if m.span.attrs.get("rule", "").startswith("quoted")}
            if qg & qh:
                # “幸福企业”评价体系 ≠ “幸福企业”创建工作: the same quoted core, different heads
                hg, hh = _quote_heads(g), _quote_heads(h)
                return not (hg and hh and not any(_heads_alike(a, b) for a in hg for b in hh))
            # one meeting written twice, once shorter (X特殊权益…座谈会 / X权益…座谈会)
            return g.props.get("kind") == h.props.get("kind") == "meeting" and full[-3:] == short[-3:] and \
                len(short) >= 0.75 * len(full) and _subsequence(short, full)
        if label == "Enterprise":
            if _contracted(full, short):
                return True       # X工投集团 ↔ X工业投资集团有限公司
            bare_full = _strip_region(full)
            for tail in _COMPANY_TAILS:
                for f in (full, bare_full):
                    if f == short + tail or (f.endswith(tail) and f[: -len(tail)] == short):
                        return True
                    if short.endswith(tail) and f.endswith(_COMPANY_TAILS) and f.startswith(short[: -len(tail)]) and \
                            len(short) - len(tail) >= 2:
                        return True
            core = short
            for tail in ("公司", "集团"):
                if core.endswith(tail) and len(core) > len(tail) + 1:
                    core = core[: -len(tail)]
            hfirst = min(m.span.start for m in h.mentions)
            if 2 <= len(core) <= 3 and core[0] == full[0] and _subsequence(core, full) and hfirst > first and \
                    core != full[: len(core)] or (len(core) >= 2 and full.startswith(core) and len(core) <= 4 and hfirst > first
                                                   and not full.startswith(core + "市") and len(full) > len(core) + 1):
                return True
        if label in ("Union", "Institution", "Agency") and _region_chain(full) and _region_chain(short) and \
                _region_chain(full) != _region_chain(short):
            return False          # 无锡市总工会 ≠ 无锡市新吴区总工会
        if label in ("Union", "Institution", "Agency"):
            # 省家协 ↔ 江苏省家政服务行业协会: same region prefix, an abbreviation of the rest,
            # the same head (or its first character); a prefix is a parent body, not an alias
            bare = _strip_region(full)
            if label == "Institution" and _region_chain(full) and full[len(_region_chain(full)):] == short and \
                    len(short) >= 4:
                return True       # 黄桥烧饼协会 after 泰兴市黄桥烧饼协会: written without its place
            if bare != full and len(short) >= 4 and short[:2] == bare[:2] and short[-2:] == full[-2:] and \
                    _subsequence(short, bare) and not bare.startswith(short):
                return True       # 物联网研究院 ↔ 无锡物联网产业研究院
            team = next((t for t in _TEAM_HEADS if short.endswith(t) and full.endswith(t)), None)
            if label == "Agency" and team and _region_chain(short) and short == _region_chain(full) + team:
                return True       # 省督查组 after 江苏省…第二督查组: the team, written short
            if label == "Agency" and full.endswith(short) and len(short) >= 5 and not _region_chain(short) and \
                    short.endswith(("委员会", "联席会议")) and len(short) - 3 >= 2 and \
                    min(m.span.start for m in h.mentions) > first:
                return True       # 三方委员会 after 江苏省…劳动关系三方委员会: the same body, shortened
            s_rest, f_rest = short[len(_region_chain(short)):], full[len(_region_chain(full)):]
            if len(s_rest) < len(short) and s_rest != f_rest and f_rest.endswith(s_rest):
                return False      # 江苏省劳动关系三方委员会 ≠ 江苏省家政行业协调劳动关系三方委员会
            if full.startswith(short) or len(short) < 4 or full[:3] != short[:3]:
                return False
            if not _subsequence(short, full):
                return False
            if short[-2:] == full[-2:]:
                return True
            if short[-1] in "委局厅部办会":      # a complete body of its own (市委 ≠ 市人大常委会)
                return False
            return short[-1] in full[-2:] or (len(short) >= 5 and short[-1] in full[-4:])
        return False

    def _absorb(self, g: _Group, h: _Group) -> None:
        for m in h.mentions:
            self.of_mention[id(m)] = g
        g.mentions.extend(h.mentions)
        g.surfaces.extend(h.surfaces)
        g.surfaces.extend(h.names)
        g.written.extend(h.written)
        for k, v in h.props.items():
            g.props.setdefault(k, v)
        del self.groups[(h.label, h.key)]

    # ---- entities ----------------------------------------------------------------------------
    def canonical(self, g: _Group) -> str:
        names = [n for n in g.names if n]
        if g.label == "Region":
            # the gazetteer's official name, except that a district the text writes with its
            # city (镇江市京口区) is named that fullest way; counties and districts written bare
            # keep the bare official name (泗洪县, 武进区)
            place = g.props.get("place", -1)
            if place is not None and place >= 0:
                p = self.gz.get(place)
                if p.level == lx.LEVEL_DISTRICT and p.name in self.chains():
                    return self.chains()[p.name]
                return p.name
            explicit = [m.surface for m in g.mentions if not m.attrs.get("contextual")]
            names = names + [s for s in explicit if len(s) > 2]
        if g.label in ORG_LABELS and g.written:
            # 人大常委会/住建局 written short: the name is the written form with its region, the
            # official full form (unless written too) an alias
            names = [n for n in g.written if n] or names
        best = max(names, key=lambda n: (len(norm_key(n)), n.startswith(("“", "《")))) if names else g.surfaces[0]
        if g.label in ORG_LABELS:
            # a county/district body is named with the region chain the document writes
            # (顺德区委组织部 → 佛山市顺德区委组织部 when the text says 佛山市顺德区)
            for short, chain in self.chains().items():
                if best.startswith(short) and not best.startswith(chain):
                    return chain + best[len(short):]
        return best

    def chains(self) -> dict[str, str]:
        """County/district name → the longest city+county chain the document writes for it."""
        if not hasattr(self, "_chains"):
            out: dict[str, str] = {}
            for sp in self.doc.layers.get("regions", []):
                pref = sp.attrs.get("prefixed")
                place = sp.attrs.get("place", -1)
                if pref and place is not None and place >= 0:
                    p = self.gz.get(place)
                    if p.level in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and pref.endswith(p.name) and \
                            len(pref) > len(out.get(p.name, "")):
                        out[p.name] = pref
            self._chains = out
        return self._chains

    def entity_of(self, g: _Group) -> Entity:
        name = self.canonical(g)
        generic = lx.generic_names()
        # a bare kind word (总工会, 企业) in the text refers to the body; it is not one of its names
        aliases = sorted({s for s in g.surfaces + g.names if s and s != name and norm_key(s) not in generic})
        props = {k: v for k, v in g.props.items() if k in ("level", "adcode", "kind")}
        if g.label in ORG_LABELS and g.props.get("place", -1) >= 0:
            props["region"] = self.gz.get(g.props["place"]).name
        if g.label == "Region":
            key = g.props.get("adcode") or g.key
        forced_id = None
        if g.label == "Person":
            key, forced_id = self._person_identity(name, g)
            regions, _ = self._person_context(g)
            if regions:
                props["region"] = sorted(regions)[0]
        elif g.label != "Region":
            key = norm_key(name)
        ev = []
        for m in g.mentions[:3]:
            ev.append(_evidence(self.doc, m.span.start, m.span.end, m.span.sentence))
        ent = Entity(forced_id or entity_id(g.label, key), g.label, name, aliases, [], props, len(g.mentions), ev)
        if g.implicit or all(m.attrs.get("derived_from") for m in g.mentions):
            # a region read off a body's name to credit a figure: not mentioned on its own
            ent.props[IMPLICIT] = True
        return ent

    def _person_context(self, g: _Group) -> tuple[set[str], set[str]]:
        """Regions and bodies this document ties the person to (from the titles before the name)."""
        regions: set[str] = set()
        bodies: set[str] = set()
        for m in g.mentions:
            for org, _title in m.attrs.get("org_mentions", []) or []:
                bodies.add(org.normalised)
                if org.attrs.get("region"):
                    regions.add(org.attrs["region"])
            if m.attrs.get("region"):
                regions.add(m.attrs["region"])
        return regions, bodies

    def _person_identity(self, name: str, g: _Group) -> tuple[str, str | None]:
        """(identity key, id of an existing node to reuse). Same name and compatible regions or
        positions → the existing node; same name, incompatible → a key qualified by region/body
        so the two stay apart; no store → the name."""
        regions, bodies = self._person_context(g)
        if self.identity is None:
            return name, None
        try:
            cands = self.identity.candidates("Person", name)
        except Exception as exc:  # the store is optional for extraction
            log.warning("identity lookup failed for %s: %s", name, exc)
            return name, None
        if not cands:
            return name, None
        for c in cands:
            c_region = c.get("region") or ""
            c_pos = {p if isinstance(p, str) else (p.get("org") or p.get("target") or "") for p in c.get("positions") or []}
            compatible = (not regions and not bodies) or (not c_region and not c_pos) or \
                c_region in regions or bool(c_pos & bodies)
            if compatible and c.get("id"):
                return name, c["id"]
        qualifier = sorted(regions)[0] if regions else (sorted(bodies)[0] if bodies else "")
        return (f"{name}@{qualifier}" if qualifier else name), None


def resolve(doc: Document, ontology: Ontology, identity: IdentityLookup | None = None,
            curation: Curation | None = None) -> DocumentResult:
    """Turn a fully extracted Document into a DocumentResult."""
    r = _Resolver(doc, ontology, identity)
    for m in doc.mentions:
        if m.label in ontology.labels:
            r.add(m)
    for sp in doc.layers.get("regions", []):
        pref = sp.attrs.get("prefixed")
        place = sp.attrs.get("place", -1)
        if pref and place is not None and place >= 0:
            g = r.groups.get(("Region", "place:" + r.gz.get(place).key))
            if g is not None:
                g.names.append(pref)
    r.merge_short_forms()

    entities: dict[int, Entity] = {}
    ent_by_group: dict[int, Entity] = {}
    generic = lx.generic_names()
    for key in [k for k, g in r.groups.items() if g.label != "Region" and norm_key(r.canonical(g)) in generic]:
        for m in r.groups[key].mentions:
            r.of_mention.pop(id(m), None)
        del r.groups[key]         # a body named only by its kind (总工会, 上级工会): no entity
    for g in r.groups.values():
        e = r.entity_of(g)
        ent_by_group[id(g)] = e
    # identity collisions (two groups with the same id): merge aliases
    by_id: dict[str, Entity] = {}
    for gid, e in list(ent_by_group.items()):
        if e.id in by_id:
            o = by_id[e.id]
            o.aliases = sorted(set(o.aliases) | set(e.aliases) | ({e.name} - {o.name}))
            o.mentions += e.mentions
            ent_by_group[gid] = o
        else:
            by_id[e.id] = e
    for m in doc.mentions:
        g = r.of_mention.get(id(m))
        if g is not None:
            entities[id(m)] = ent_by_group[id(g)]

    facts: dict[str, Fact] = {}
    pruned: dict[str, int] = {}

    def add_fact(rtype: str, src: Entity, tgt: Entity, props: dict, ev: Evidence | None) -> None:
        if src.id == tgt.id:
            return
        if not ontology.allows(rtype, src.label, tgt.label):
            pruned[rtype] = pruned.get(rtype, 0) + 1
            return
        sym = rtype in ontology.symmetric_types
        s_id, t_id = src.id, tgt.id
        if sym and t_id < s_id:
            s_id, t_id = t_id, s_id
        fid = fact_id(rtype, s_id, t_id, symmetric=sym)
        f = facts.get(fid)
        if f is None:
            f = facts[fid] = Fact(fid, rtype, s_id, t_id, dict(props))
        else:
            for k, v in props.items():
                f.props.setdefault(k, v)
        if ev is not None and len(f.evidence) < 5 and ev not in f.evidence:
            f.evidence.append(ev)

    # relation candidates from the relation component
    for rc in doc.relations:
        src, tgt = entities.get(id(rc.head)), entities.get(id(rc.tail))
        if src is None or tgt is None:
            pruned[rc.type] = pruned.get(rc.type, 0) + 1
            continue
        sid, s, e = _relation_span(doc, rc)
        ev = dataclasses.replace(_evidence(doc, s, e, sid), confidence=round(rc.confidence, 4), producer=rc.producer)
        add_fact(rc.type, src, tgt, {k: v for k, v in rc.props.items() if v is not None}, ev)

    # LOCATED_IN: an organisation whose region is in its name or context
    all_entities: dict[str, Entity] = {e.id: e for e in ent_by_group.values()}
    region_by_place: dict[int, Entity] = {}
    for g in r.groups.values():
        if g.label == "Region" and g.props.get("place", -1) >= 0:
            region_by_place[g.props["place"]] = ent_by_group[id(g)]

    def region_entity(place: int) -> Entity:
        e = region_by_place.get(place)
        if e is None:
            p = r.gz.get(place)
            props = {"level": p.level, IMPLICIT: True}
            if p.adcode:
                props["adcode"] = p.adcode
            e = Entity(entity_id("Region", p.adcode or p.key), "Region", p.name, [], [], props, 0, [])
            region_by_place[place] = e
            all_entities[e.id] = e
        return e

    zone_entity: dict[str, Entity] = {}
    for g in r.groups.values():
        if g.label == "Region" and (g.props.get("place", -1) is None or g.props.get("place", -1) < 0):
            ent = ent_by_group.get(id(g))
            if ent is not None:
                for n in [ent.name] + list(ent.aliases):
                    zone_entity.setdefault(zone_key(n), ent)
    for m in doc.mentions:
        if m.label in ORG_LABELS and m.attrs.get("zone") and zone_key(m.attrs["zone"]) in zone_entity:
            src = entities.get(id(m))
            if src is not None:
                # a body named after a zone (X高新区工会) stands in the zone
                add_fact("LOCATED_IN", src, zone_entity[zone_key(m.attrs["zone"])], {},
                         _evidence(doc, m.span.start, m.span.end, m.span.sentence))
                continue
        if m.label in ORG_LABELS and m.attrs.get("place", -1) is not None and m.attrs.get("place", -1) >= 0:
            src = entities.get(id(m))
            if src is None:
                continue
            add_fact("LOCATED_IN", src, region_entity(m.attrs["place"]), {},
                     _evidence(doc, m.span.start, m.span.end, m.span.sentence))
    # PART_OF: region → parent region (gazetteer)
    for place, e in list(region_by_place.items()):
        if e.props.get(IMPLICIT):
            continue
        p = r.gz.get(place)
        if p.parent >= 0 and p.adcode and r.gz.get(p.parent).adcode == p.adcode:
            continue      # 香港 under 香港特别行政区: one code, one place (no PART_OF onto itself)
        if p.parent >= 0:
            parent = region_entity(p.parent)
            add_fact("PART_OF", e, parent, {"source": "gazetteer"}, e.evidence[0] if e.evidence else None)
    # zones: PART_OF their region when named with it
    for m in doc.mentions:
        if m.label == "Region" and m.attrs.get("place", -1) == -1 and (m.attrs.get("parent", -1) or -1) >= 0:
            src = entities.get(id(m))
            if src is not None:
                add_fact("PART_OF", src, region_entity(m.attrs["parent"]), {"source": "gazetteer"},
                         _evidence(doc, m.span.start, m.span.end, m.span.sentence))

    # PilotUnit
    pilots = {id(rc.head) for rc in doc.relations if rc.type == "PILOTS"}
    for m in doc.mentions:
        if m.attrs.get("pilot") or id(m) in pilots:
            e = entities.get(id(m))
            if e is not None and "PilotUnit" in ontology.extra_labels and \
                    e.label in ontology.extra_labels["PilotUnit"].applies_to and "PilotUnit" not in e.extra_labels:
                e.extra_labels.append("PilotUnit")

    outcomes: list[Outcome] = []
    seen_out: set[str] = set()
    for oc in doc.outcomes:
        actor = entities.get(id(oc.actor)) if oc.actor is not None else None
        oid = outcome_id(actor.id if actor else None, oc.metric, oc.value, oc.unit, oc.year)
        ev = _evidence(doc, oc.span.start, oc.span.end, oc.span.sentence)
        if oid in seen_out:
            oid = outcome_id(actor.id if actor else None, oc.metric + f"@{ev.start}", oc.value, oc.unit, oc.year)
        seen_out.add(oid)
        outcomes.append(Outcome(oid, float(oc.value), oc.unit, oc.qualifier, oc.metric, oc.year,
                                actor.id if actor else None, [ev]))

    ents_out = list({e.id: e for e in list(ent_by_group.values()) + list(all_entities.values())}.values())
    result = DocumentResult(doc_id=doc.doc_id, source_key=doc.source_key, path=doc.path, title=doc.title,
                            date=doc.date, source=doc.source, authors=list(doc.authors),
                            text_length=len(doc.text), entities=ents_out, facts=list(facts.values()),
                            outcomes=outcomes, pruned=pruned)
    if curation is not None:
        result = curation.apply(result)
    return result
