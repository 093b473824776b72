"""The `programmes` component (Programmes): runs the programme readers in order — quoted
names, 《》 titles, unquoted events, shared heads, numbered measures, listed events, verb-named
and national programmes, the reform itself — and drops public holidays.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, add_mentions, is_cjk
from reformkg.ingest.extract.programmes.compound_meetings import compound_meetings
from reformkg.ingest.extract.programmes.events import events
from reformkg.ingest.extract.programmes.lexicon import (ABOUT_RE, COMPONENT_NAME, GENERIC_CORE, GENERIC_TRAINING,
                                                        HEADS_SORTED, HOLIDAYS, ISSUER_RE, LISTED_EVENTS_RE,
                                                        MEASURES_RE, NATIONAL_RE, POLICY_END, REFORM, REFORM_RE,
                                                        SHARED_RE, SHORT_REFS, STOP_VERBS, VERB_NAMED_RE)
from reformkg.ingest.extract.programmes.names import make_mention, only_generic
from reformkg.ingest.extract.programmes.quoted import quoted


class Programmes:
    name = COMPONENT_NAME
    requires: tuple[str, ...] = ("lac_words", "regions")
    assigns: tuple[str, ...] = ("programmes", "mentions")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        words = Words(doc)
        out: list[Mention] = []
        out += quoted(doc)
        out += self._titled(doc, text)
        out += events(doc, words)
        out += compound_meetings(doc)
        out += self._shared_head(doc, text, words)
        out += self._measures(doc, text, words)
        out += self._listed_events(doc, text)
        out += self._verb_named(doc, text)
        out += self._national(doc, text)
        for m in REFORM_RE.finditer(text):
            s, e = m.span()
            sp = Span(s, e, Label.PROGRAMME, doc.sentence_of(s), self.name, {"rule": "reform"})
            out.append(Mention(sp, Label.PROGRAMME, text[s:e], REFORM, {"kind": "initiative", "reform": True}))
        out = [m for m in out if not m.normalised.rstrip("”》").endswith(HOLIDAYS)]
        doc.layers["programmes"] = [m.span for m in out]
        added = add_mentions(doc, out)
        doc.mentions.extend(_reform_inside_quotes(doc, [m for m in out if m not in added]))
        return doc

    def _titled(self, doc: Document, text: str) -> list[Mention]:
        out = []
        last_policy: dict[str, Mention] = {}
        for m in re.finditer(r"《([^《》\n]{2,60})》", text):
            s, e = m.span()
            inner = m.group(1)
            if inner in SHORT_REFS:
                k = text.rfind("关于", max(0, s - 50), s)
                about = ABOUT_RE.fullmatch(text, k, s) if k >= 0 else None
                if about is not None:
                    # 关于提高X待遇的《意见》 (中央和省关于…的《意见》): one policy, titled in full
                    title = "《" + about.group(0) + inner + "》"
                    al = [text[k:e], about.group(0) + inner]
                    issuer = ISSUER_RE.search(text, max(0, k - 10), k)
                    if issuer is not None and issuer.end() == k:
                        al.append(text[issuer.start():e])
                    mm = make_mention(doc, k, e, title, "titled-split", tuple(al))
                    mm.attrs["kind"] = "policy"
                    out.append(mm)
                    last_policy[inner] = mm
                    continue
                ref = last_policy.get(inner)
                if ref is not None:
                    mm = make_mention(doc, s, e, ref.normalised, "titled-ref", (inner,))
                    out.append(mm)
                continue
            if re.search(r"(来源|来源于|摘自|转自|原载|刊于)[:：]?\s*$", text[max(0, s - 6):s]):
                continue      # a source credit, not an actor or programme
            if text[e:e + 1] == "讯":
                continue      # 《X报》讯: a dateline
            if inner.endswith(("日报", "晚报", "报", "杂志", "周刊")):
                sp = Span(s, e, Label.INSTITUTION, doc.sentence_of(s), self.name, {"rule": "newspaper"})
                out.append(Mention(sp, Label.INSTITUTION, text[s:e], inner, {}))
                continue
            bare = re.sub(r"[(（][^()（）]{1,12}[)）]$", "", inner)
            if bare.endswith(POLICY_END):
                name = "《" + bare + "》"
                end = e
                # 《…(征求意见稿)》 keeps the bare title as the name
                mm = make_mention(doc, s, end, name, "titled", (inner, bare) if bare != inner else (inner,))
                out.append(mm)
                for ref in SHORT_REFS:
                    if re.sub(r"[(（][^()（）]*[)）]$", "", inner).endswith(ref):
                        last_policy[ref] = mm
                continue
            tail = text[e:e + 8]
            head = ""
            for h in HEADS_SORTED:
                k = tail.find(h)
                if 0 <= k <= 4 and all(is_cjk(ch) for ch in tail[:k + len(h)]) and \
                        not re.search(r"[的和与及是在等]", tail[:k + 1]):
                    if k + len(h) > len(head):
                        head = tail[:k + len(h)]
            if head:
                out.append(make_mention(doc, s, e + len(head), text[s:e + len(head)], "titled+head", (inner,)))
        return out

    def _shared_head(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """A、B、C工程: a list of four-character names sharing one head noun."""
        out = []
        for m in SHARED_RE.finditer(text):
            items = m.group(1).split("、")
            head = m.group(2)
            base = m.start(1)
            first = items[0]
            if len(first) > 4:
                # drop a leading verb from the first item
                items[0] = first[-4:]
                base += len(first) - 4
            if any(len(it) != 4 for it in items):
                continue
            pos = base
            for k, it in enumerate(items):
                s = pos
                e = s + len(it)
                pos = e + 1
                if k == len(items) - 1:
                    out.append(make_mention(doc, s, e + len(head), it + head, "shared-head"))
                else:
                    out.append(make_mention(doc, s, e, it + head, "shared-head", (it,)))
        return out

    def _verb_named(self, doc: Document, text: str) -> list[Mention]:
        """Unquoted names that a programme verb introduces and whose head says they are one
        named thing: X创建活动 (开展模范职工之家创建活动), a workers' X项目 (开展职工医疗互助项目),
        a local X强市/兴区 战略, a training one takes part in (参加X培训, 6+ characters), a
        recital held (举办X诵读)."""
        out = []
        for m in VERB_NAMED_RE.finditer(text):
            verb, core, head = m.group(1), m.group(2), m.group(3)
            s, e = m.start(2), m.end()
            if re.search(r"[的了与及或是在等各该]|和(?!谐)", core) or only_generic(core, GENERIC_CORE + GENERIC_TRAINING):
                continue
            if core.startswith(("各类", "各项", "各种", "相关", "有关", "重点", "一系列", "多项", "多场", "专项", "一批", "系列", "多种")):
                continue
            if head == "创建活动":
                ok = len(core) >= 4
            elif head == "项目":
                ok = len(core) >= 5 and re.search(r"(职工|员工|工人|农民工|劳动者|劳模|工匠)", core) is not None
            elif head == "战略":
                ok = re.search(r"[强兴立](省|市|县|区|企)$", core) is not None
            elif head == "培训":
                ok = verb in ("参加", "参与") and len(core) >= 6
            else:   # 诵读
                ok = verb in ("举办", "开展", "组织", "组织开展") and len(core) >= 4
            if not ok:
                continue
            out.append(make_mention(doc, s, e, text[s:e], "verb-named"))
        return out

    def _national(self, doc: Document, text: str) -> list[Mention]:
        """Named national campaigns written without quotes (a generic lexicon, not document names)."""
        out = []
        for m in NATIONAL_RE.finditer(text):
            s, e = m.span()
            out.append(make_mention(doc, s, e, text[s:e], "national"))
        return out

    def _listed_events(self, doc: Document, text: str) -> list[Mention]:
        """举办A、B等职业技能大赛: each listed name with the shared event head."""
        out = []
        for m in LISTED_EVENTS_RE.finditer(text):
            items = m.group(2).split("、")
            if any(re.search(r"[的和与及了在]", it) or len(it) < 2 for it in items):
                continue
            head = m.group(3)
            pos = m.start(2)
            for it in items:
                s, e = pos, pos + len(it)
                pos = e + 1
                if only_generic(it, GENERIC_CORE):
                    continue
                out.append(make_mention(doc, s, e, it + head, "listed-event", (it,)))
        return out

    def _measures(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """X10条措施: a numbered set of measures is a named policy."""
        out = []
        for m in MEASURES_RE.finditer(text):
            s = m.start(1)
            # start after a leading verb (落实X10条措施)
            w = words.at(s)
            while w is not None and w.end < m.end(1) and (text[w.start:w.end] in STOP_VERBS or
                                                           w.label in ("d", "p", "u", "c") or w.start < s):
                nw = words.at(w.end)
                if nw is None:
                    break
                s, w = nw.start, nw
                if text[w.start:w.end] not in STOP_VERBS and w.label not in ("d", "p", "u", "c"):
                    break
            if m.end(1) - s < 4:
                continue
            ws = [w for w in words.spans[max(0, words.index_at(s)):] if w.start < m.end(1)] if words.index_at(s) >= 0 else []
            if ws and not any(w.label in ("n", "nz", "vn", "ORG", "LOC", "j", "nw", "an", "s") for w in ws):
                continue      # 《意见》明确提出十条举措: a clause, not a name
            sp_name = text[s:m.end()]
            mm = make_mention(doc, s, m.end(), sp_name, "measures")
            mm.attrs["kind"] = "policy"
            out.append(mm)
        return out


def _reform_inside_quotes(doc: Document, left_out: list[Mention]) -> list[Mention]:
    """The reform named inside a quoted name (“产业工人队伍建设改革五周年”新闻发布会) is mentioned
    too: the quoted programme is about it."""
    quoted_progs = [m for m in doc.mentions if m.label == Label.PROGRAMME
                    and str(m.span.attrs.get("rule", "")).startswith("quoted") and (m.surface or "").startswith("“")]
    return [r for r in left_out if (r.attrs or {}).get("reform")
            and any(q.span.start < r.span.start and r.span.end < q.span.end for q in quoted_progs)]
