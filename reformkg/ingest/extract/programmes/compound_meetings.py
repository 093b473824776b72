"""Compound meetings (召开某某联席会议暨某某推进会): two meetings held as one are one Programme
named A暨B; the region that convenes it (某市召开…, 我市召开…) prefixes the name when the name
carries none. The mentions inside the span (the joint meeting read as a body, the second
meeting alone) give way to it when it is added (see common.add_mentions)."""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.programmes.names import convening_place, make_mention

# 召开(了)A暨B: A and B end with a meeting head; no clause punctuation inside
_COMPOUND_RE = re.compile(r"(?:召开|举行|举办|组织召开)了?"
                          r"([^，。；：！？、\n“”]{2,40}?(?:会议|会))暨([^，。；：！？、\n]{2,40}?(?:会议|会))")
_OPEN_NAME_START_RE = re.compile(r"(?:全省|全市|全县|全区)")


def _in_headline(doc: Document, pos: int) -> bool:
    """pos lies on a short line without sentence punctuation (a headline)."""
    ls = doc.text.rfind("\n", 0, pos) + 1
    le = doc.text.find("\n", pos)
    line = doc.text[ls:le if le >= 0 else len(doc.text)]
    return len(line) <= 40 and not re.search(r"[。！？；]", line)


def _meeting_alias_forms(name: str) -> list[str]:
    return [name[:-1]] if name.endswith("会议") else [name + "议"]


def compound_meetings(doc: Document) -> list[Mention]:
    """召开A暨B: the one meeting A暨B, prefixed with the convening region when A names none."""
    text, gz = doc.text, lx.gazetteer()
    out = []
    for m in _COMPOUND_RE.finditer(text):
        s, e = m.start(1), m.end(2)
        if _in_headline(doc, s):
            continue      # a headline shortens the name the lead gives in full
        written = text[s:e]
        core = _OPEN_NAME_START_RE.sub("", written, count=1) if _OPEN_NAME_START_RE.match(written) else written
        place = convening_place(doc, m.start())
        has_region = any(sp.start == s and not sp.attrs.get("contextual") for sp in doc.layers.get("regions", []))
        name = written if has_region or place < 0 else gz.get(place).name + core
        aliases = tuple(dict.fromkeys(a for a in [written, core, *_meeting_alias_forms(name)] if a != name))
        mm = make_mention(doc, s, e, name, "compound-meeting", aliases)
        mm.attrs["kind"] = "meeting"
        out.append(mm)
    return out
