"""Document metadata component ("meta"): title, publication date, source (publication name) and
authors, plus a "byline" layer of Spans over the names of journalists, correspondents,
photographers and editors so that the person extractor skips them.

How each field is read (generic rules, nothing corpus-specific):
- date: a date in the header area of `source_text` (a short date line, or a line marked
  发布/日期/时间/出版), else in the footer area (印发 lines, web residue); formats
  2020年11月6日, 2022-12-13, 2022.12.13, 2022/12/13 and 二〇二〇年十一月六日 (cn2an). Dates in
  the body (events) are not taken. ISO string or None.
- source: "来源：XX"; else a publication name (…报/日报/晚报/工人报/周刊…) in a header/footer
  line of `source_text` (furniture included, e.g. "XX工人报新闻网: www…"); for a bulletin
  (简报/通报), the issuing office line (…办公室/…工会/…领导小组) of the header.
- title: the HTML <h1>/<title> (or PDF/DOCX title) when the loader gave one; else a markdown
  "# " heading of the header; else, among the header lines of the normalised text before the
  first body paragraph (skipping dates, bylines, section labels like 【主席之声】 or 第A03版,
  publication names, bulletin issue lines and author lines), the line followed by a "——"
  subtitle, or else the longest one.
- authors: names after byline markers (本报记者, 记者, 通讯员, 实习生, 撰稿, 作者, 文/图,
  摄影, 摄, 版面编辑, 责任编辑, 编辑, 校对 …; names before a trailing 摄), separated by
  spaces/、; OCR-spaced single characters are paired (蔡 凤 → 蔡凤). Editors and proof-readers
  are read from the furniture lines in `source_text`. Signed-article author lines
  ("金坛区委书记 陆秋明", "某县总工会 张三") add the name to `authors` but NOT to the byline
  layer: such authors are actors in the text.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from typing import Iterable

from reformkg.ingest.document import Document, Span
from reformkg.ingest.normalise import is_furniture, source_to_text

log = logging.getLogger(__name__)

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HALF = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_HALF[0x3000] = " "

# ----------------------------------------------------------------------------- dates

_CN_DIGIT = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3",
             "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_DATE = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|(?<!\d)(?P<y2>(?:19|20)\d{2})\s*[-./／]\s*(?P<m2>\d{1,2})\s*[-./／]\s*(?P<d2>\d{1,2})(?!\d)"
    r"|(?P<y3>[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m3>[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d3>[一二三四五六七八九十廿卅]{1,4})\s*日"
)
_DATE_MARK = re.compile(r"发布|日期|时间|出版|印发|编印|刊发|更新")


def _cn_int(s: str) -> int:
    import cn2an

    return int(cn2an.cn2an(s, "smart"))


def parse_date(m: re.Match[str]) -> str | None:
    """ISO date of a _DATE match, or None when it is not a valid calendar date."""
    try:
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
        elif m.group("y2"):
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        else:
            y = int("".join(_CN_DIGIT[c] for c in m.group("y3")))
            mo, d = _cn_int(m.group("m3")), _cn_int(m.group("d3"))
        return _dt.date(y, mo, d).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _DATE.finditer(text.translate(_HALF)):
        iso = parse_date(m)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


# ----------------------------------------------------------------------------- lines


_LINE = re.compile(r"[^\n]+")


def _lines(text: str, limit: int | None = None) -> list[tuple[int, int, str]]:
    """Non-blank lines as (start, end, stripped text) with offsets of the stripped text; at
    most `limit` lines."""
    out = []
    for m in _LINE.finditer(text):
        raw = m.group()
        t = raw.strip()
        if t:
            s = m.start() + (len(raw) - len(raw.lstrip()))
            out.append((s, s + len(t), t))
            if limit is not None and len(out) >= limit:
                break
    return out


HEADER_LINES = 16
FOOTER_LINES = 6

# ----------------------------------------------------------------------------- source

_PUB = re.compile(
    rf"(?<![{HAN}])([{HAN}]{{2,10}}?(?:日报|晚报|早报|工人报|职工报|时报|商报|周报|法治报|青年报|"
    rf"经济报|新闻报|报|周刊|杂志|画报|期刊|电视台|广播电台|新闻网))"
)
_NOT_PUB = re.compile(r"(?:本报|简报|通报|汇报|申报|举报|上报|情报|捷报|喜报|海报|快报|公报|预报|年报|月报|报报)$")
_SOURCE_MARK = re.compile(r"(?:来源|来稿|稿源|出处)\s*[:：]\s*([^\s|｜·,，;；]{2,30})")
_ISSUER = re.compile(rf"^[{HAN}（）()]{{4,30}}(?:办公室|总工会|工会|领导小组|委员会|联席会议|工作组|协会)$")


_PUB_BEFORE = set(" \t·•|｜:：【[（(■●*")
_PUB_AFTER = re.compile(r"$|[\s·•|｜:：】\]）)*,，]|新闻网|电子版|社|网|客户端|微信|官方")


def _publication(line: str) -> str | None:
    """A publication name standing as a token of the line (not inside 《》 or a sentence)."""
    line = line.translate(_HALF)
    for m in _PUB.finditer(line):
        name = m.group(1)
        before = line[m.start() - 1] if m.start() else " "
        if before not in _PUB_BEFORE and not before.isdigit():
            continue
        if not _PUB_AFTER.match(line, m.end()):
            continue
        if _NOT_PUB.search(name) or name.startswith(("本报", "据")):
            continue
        return name
    return None


_PUB_TITLED = re.compile(r"^《([^《》]{2,14}(?:报|刊|杂志|周刊))》")


def _find_source(header: list[str], footer: list[str]) -> str:
    for line in header + footer:
        m = _SOURCE_MARK.search(line)
        if m:
            return m.group(1)
        m = _PUB_TITLED.match(line)
        if m and len(line) <= 40:
            return m.group(1)
    for line in header + footer:
        if len(line) > 60 and not (is_furniture(line) and len(line) <= 200):
            continue
        pub = _publication(line)
        if pub:
            return pub
    if any(re.search(r"简\s*报|通\s*报|工作动态|情况反映", ln) for ln in header[:6]):
        for line in header[:10]:
            compact = line.replace(" ", "")
            if _ISSUER.match(compact):
                return compact
    return ""


# ----------------------------------------------------------------------------- bylines

_MARKERS = (
    "本报通讯员|本报特约记者|本刊记者|本台记者|本报记者|特约记者|见习记者|实习记者|融媒体记者|全媒体记者|新华社记者|记者|特约通讯员|通讯员|实习生|"
    "特约撰稿|撰稿人|撰稿|作者|文/图|文／图|图/文|摄影|摄像|版面编辑|责任编辑|美术编辑|本版编辑|"
    "本版责编|责编|美编|编辑|校对|审核|终审|文|图"
)
_BYLINE_HINT = re.compile(
    r"记者|通讯员|实习生|撰稿|作者|摄|编辑|责编|美编|校对|审核|终审|[文图]\s*[/／:：]|(?:^|\s)[文图]\s|[文图]$"
)
_EDITORIAL = re.compile(r"编辑|责编|美编|校对|审核|终审")
_BYLINE = re.compile(
    rf"(?:^|(?<=[\s(（■●【\[|｜:：·]))(?P<marker>{_MARKERS})\s*[:：/／]?\s*"
    rf"(?P<names>(?:[{HAN}·]{{1,4}}(?:(?:\s+|、|\s*/\s*)(?!(?:{_MARKERS})(?:[\s:：/／]|$))[{HAN}·]{{1,4}})*))"
    rf"(?=$|[\s)）、】\]|｜/])"
)
_PHOTO_SUFFIX = re.compile(rf"(?P<names>[{HAN}·]{{1,4}}(?:[\s、]+[{HAN}·]{{1,4}})*)\s*/?\s*(?:摄影?|供图|绘图|制图)\s*[)）]?$")
_NOT_NAME = re.compile(
    rf"^(?:{_MARKERS}|本报|本版|日前|近日|发现|表示|了解|获悉|报道|采访|获悉|从|在|对|向|据|摄|讯|电|供图|整理)"
)
_AUTHOR_LINE = re.compile(
    rf"^(?P<who>[{HAN}、（）()·]{{2,30}}(?:书记|主席|副主席|部长|局长|厅长|主任|市长|区长|县长|镇长|"
    rf"经理|董事长|总裁|教授|研究员|院长|校长|会长|秘书长|委员|总工会|工会|委员会|公司|集团|大学|学院))"
    rf"\s+(?P<name>[{HAN}·]{{2,4}})$"
)


def _split_names(blob: str) -> list[tuple[int, int]]:
    """(start, end) of the names in a run of names; OCR-spaced single characters are paired."""
    toks = [(m.start(), m.end()) for m in re.finditer(rf"[{HAN}·]+", blob)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        s, e = toks[i]
        if e - s == 1:
            # a run of single characters: pair them (蔡 凤 蒋 蕖 → 蔡凤, 蒋蕖)
            j = i
            while j < len(toks) and toks[j][1] - toks[j][0] == 1:
                j += 1
            run = toks[i:j]
            k = 0
            while k + 1 < len(run):
                out.append((run[k][0], run[k + 1][1]))
                k += 2
            i = j
            continue
        out.append((s, e))
        i += 1
    return out


def _valid_name(name: str) -> bool:
    compact = name.replace(" ", "")
    return 2 <= len(compact) <= 5 and not _NOT_NAME.match(compact)


def find_bylines(line: str) -> list[tuple[int, int, str, str]]:
    """Bylines in one line: (start, end, name, role) with offsets into the line; `name` has
    inner spaces removed. Names must be followed by a separator, so "记者发现，" is no byline."""
    out: list[tuple[int, int, str, str]] = []
    for m in _BYLINE.finditer(line):
        marker = m.group("marker")
        if marker in ("文", "图") and not re.match(r"[:：/／]|\s", line[m.end("marker"):m.end("marker") + 1] or "x"):
            continue
        base = m.start("names")
        for s, e in _split_names(m.group("names")):
            name = re.sub(r"\s+", "", line[base + s: base + e])
            if _valid_name(name):
                out.append((base + s, base + e, name, marker))
    pm = _PHOTO_SUFFIX.search(line)
    if pm and len(line) <= 40:
        base = pm.start("names")
        for s, e in _split_names(pm.group("names")):
            name = re.sub(r"\s+", "", line[base + s: base + e])
            if _valid_name(name) and not any(o[0] <= base + s < o[1] for o in out):
                out.append((base + s, base + e, name, "摄"))
    out.sort()
    return out


# ----------------------------------------------------------------------------- title

_SECTION = re.compile(r"^(?:[【\[［〔〖].{1,12}[】\]］〕〗]|第\s*[A-Za-z]?\d+\s*版.*|[■●◆▲★].{0,10})$")
_BULLETIN = re.compile(r"简\s*报|通\s*报|^第.{1,6}期$|^总第")
_BODY_PUNCT = re.compile(r"[。！？!?；;]")
_BYLINE_START = re.compile(r"^(?:本报讯|本报记者|记者|通讯员|来源|编者按|编辑|作者|文/|图/|据.{1,6}电|■)")
_MD_HEADING = re.compile(r"^#{1,3}\s+(.+?)\s*#*$")


def _clean_html_title(title: str) -> str:
    parts = re.split(r"\s+[-_|｜—]+\s+|_|｜|\|", title)
    return max((p.strip() for p in parts), key=len) if len(parts) > 1 else title.strip()


def _is_header_noise(line: str, source: str) -> bool:
    compact = line.replace(" ", "")
    if len(compact) < 5:
        return True
    dates = find_dates(line)
    if dates and len(re.sub(r"[\d年月日\-./\s〇零一二三四五六七八九十()（）星期]", "", line)) <= 4:
        return True
    if dates and len(line) <= 40 and len(line) - (dates[0][1] - dates[0][0]) <= 14 and not _BODY_PUNCT.search(line):
        return True  # a dateline: "某某日报 2023年5月6日 第07版"
    if _BYLINE_START.match(line) or _SECTION.match(line) or _BULLETIN.search(line):
        return True
    if find_bylines(line) and len(line) <= 40:
        return True
    if _AUTHOR_LINE.match(line):
        return True
    if source and compact in (source, source.replace(" ", "")):
        return True
    if _ISSUER.match(compact) and len(compact) <= 20 and compact.endswith(("办公室", "领导小组")):
        return True
    pub = _publication(line)
    if pub and len(compact) <= len(pub) + 2:
        return True
    return False


def _find_title(doc: Document, source_name: str) -> str:
    for key in ("h1", "title"):
        t = str(doc.meta.get(key) or "").strip()
        if t:
            return _clean_html_title(t) if key == "title" else t
    for s, e, line in _lines(doc.source_text, HEADER_LINES):
        m = _MD_HEADING.match(line)
        if m:
            return re.sub(r"\*\*|__", "", m.group(1)).strip()
    lines = _lines(doc.text, HEADER_LINES)
    cands: list[tuple[int, str]] = []
    for i, (s, e, line) in enumerate(lines):
        if (_BODY_PUNCT.search(line) and len(line) > 30) or len(line) > 60 or line[-1] in "。！？":
            break  # first body paragraph
        if line.startswith(("——", "—", "--")):
            continue
        if i + 1 < len(lines) and _BULLETIN.search(lines[i + 1][2]) and len(lines[i + 1][2]) <= 8:
            continue  # the name of a bulletin, printed above 简报
        if _is_header_noise(line, source_name):
            continue
        cands.append((i, line))
    if cands:
        for i, line in cands:
            if i + 1 < len(lines) and lines[i + 1][2].startswith(("——", "--")):
                return line
        return max(cands, key=lambda c: len(c[1].replace(" ", "")))[1]
    if doc.sentences:
        s, e = doc.sentences[0]
        first = doc.text[s:e]
    else:
        first = lines[0][2] if lines else ""
    return first if len(first) <= 40 else first[:40] + "…"


# ----------------------------------------------------------------------------- component


class Meta:
    """Sets doc.title, doc.date, doc.source, doc.authors; fills the "byline" layer."""

    name = "meta"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("meta", "byline", "furniture")

    def __call__(self, doc: Document) -> Document:
        src_lines = [t for _, _, t in _lines(doc.source_text)]
        header = src_lines[:HEADER_LINES + 10]
        footer = src_lines[-FOOTER_LINES:] if len(src_lines) > HEADER_LINES else []

        doc.date = self._date(header, footer, doc)
        text_header = [t for _, _, t in _lines(doc.text, HEADER_LINES)]
        doc.source = _find_source(text_header + header, footer)
        doc.title = _find_title(doc, doc.source)
        authors, spans = self._bylines(doc, src_lines)
        more = trailing_bylines(doc)
        for sp in more:
            if sp.attrs["name"] not in authors:
                authors.append(sp.attrs["name"])
        doc.authors = authors
        doc.layers["byline"] = sorted(spans + more, key=lambda sp: sp.start)
        doc.layers["furniture"] = furniture_spans(doc)
        log.debug("meta %s: title=%r date=%s source=%r authors=%s", doc.path, doc.title, doc.date,
                  doc.source, doc.authors)
        return doc

    @staticmethod
    def _date(header: list[str], footer: list[str], doc: Document) -> str | None:
        for key in ("publishdate", "pubdate"):
            for _, _, iso in find_dates(str(doc.meta.get(key) or "")):
                return iso
        for zone in (header, footer):
            for line in zone:
                dates = find_dates(line)
                if not dates:
                    continue
                if len(line) <= 40 or _DATE_MARK.search(line) or is_furniture(line):
                    return dates[0][2]
        return None

    @staticmethod
    def _bylines(doc: Document, src_lines: list[str]) -> tuple[list[str], list[Span]]:
        authors: list[str] = []
        spans: list[Span] = []

        def add(name: str) -> None:
            if name not in authors:
                authors.append(name)

        text = doc.text
        for s, e, line in _lines(text):
            # bylines: on their own line, or at the start of a paragraph (本报讯（记者 张三）…)
            scope = line if len(line) <= 80 else line[:60]
            if not _BYLINE_HINT.search(scope):
                m = _AUTHOR_LINE.match(line) if len(line) <= 40 else None
                if m:
                    add(m.group("name"))
                continue
            for bs, be, name, role in find_bylines(scope):
                if len(line) > 80 and not re.search(r"[（(]", scope[:bs]):
                    continue
                add(name)
                start, end = s + bs, s + be
                spans.append(Span(start, end, "BYLINE", doc.sentence_of(start) if doc.sentences else -1,
                                  "meta", {"role": role, "name": name}))
            m = _AUTHOR_LINE.match(line) if len(line) <= 40 else None
            if m and not find_bylines(line):
                add(m.group("name"))
        # editors/proof-readers live in furniture lines, stripped from doc.text
        for line in src_lines:
            if len(line) <= 60 and _EDITORIAL.search(line) and is_furniture(line):
                for _, _, name, role in find_bylines(line):
                    add(name)
        return authors, spans


MetaComponent = Meta

# Page furniture inside doc.text (ANNOTATION_NOTES: 来源 lines, mastheads, site names, datelines):
# a source/author/publisher line, a short "X主办" masthead, an attribution (据X报道), a dateline
# (某某网某地6月4日电), a press conference's questioner (某某日报记者：). Mentions inside these spans are not actors (see common.add_mentions).
_FURNITURE_LINE_RE = re.compile(r"(?:^|\s)(?:作者|来源|来源于|稿源|出处|发布单位|发布机构|发布开发区|发布部门|供稿单位)\s*[:：]")
_MASTHEAD_RE = re.compile(rf"^[{HAN}]{{2,16}}主办$")
_ATTRIBUTION_RE = re.compile(rf"据([{HAN}]{{2,12}}?(?:日报|晚报|报社|报|通讯社|社|网|电视台|客户端))(?:报道|报导|消息|讯)")
_DATELINE_RE = re.compile(rf"[{HAN}]{{1,6}}(?:网|社|报)[{HAN}]{{0,6}}\d{{1,2}}月\d{{1,2}}日电")
# a reporter named at the end: 某某网某地6月4日电(张三) / …。(李四) / …贡献。 王五
_DATELINE_NAME_RE = re.compile(rf"日电\s*[（(]([{HAN}]{{2,4}})[）)]")
_TRAILING_PAREN_NAME_RE = re.compile(rf"[。！？!?”]\s*[（(]([{HAN}]{{2,4}})[）)]\s*$")
_TRAILING_SPACED_NAME_RE = re.compile(rf"[。！？!?”]\s*([{HAN}]{{2,3}})\s*$")
_BYLINE_LINE_RE = re.compile(r"记者|通讯员|责任编辑|实习生")
# a press conference's questioner: 某某日报记者：… / 新华社记者问：… (the outlet is no actor)
_QUESTIONER_RE = re.compile(rf"(?m)^\s*[{HAN}]{{2,16}}?(?:日报|晚报|报社|报|通讯社|社|网|电视台|广播电台|融媒体中心|客户端)"
                            r"(?:记者|主持人)\s*(?:问|提问)?\s*[:：]")


def furniture_spans(doc: Document) -> list[Span]:
    """Spans of doc.text that are page furniture, not body text."""
    text = doc.text
    out: list[Span] = []
    for s, e, line in _lines(text):
        if len(line) <= 80 and (_FURNITURE_LINE_RE.search(line) or _MASTHEAD_RE.match(line.strip())) or \
                len(line) <= 30 and _BYLINE_LINE_RE.search(line) and not _BODY_PUNCT.search(line):
            out.append(Span(s, e, "FURNITURE", -1, "meta", {"kind": "line"}))
    for rx, kind in ((_ATTRIBUTION_RE, "attribution"), (_DATELINE_RE, "dateline"), (_QUESTIONER_RE, "questioner")):
        for m in rx.finditer(text):
            out.append(Span(m.start(), m.end(), "FURNITURE", -1, "meta", {"kind": kind}))
    return sorted(out, key=lambda sp: sp.start)


def trailing_bylines(doc: Document) -> list[Span]:
    """Reporters named after a dateline or at the very end of a paragraph, in brackets or after
    a space (…。(张三), …贡献。 李四): bylines, not actors. Only names that start with a surname."""
    from reformkg.ingest import lexicons as lx

    text = doc.text
    surnames, compound = lx.surnames(), lx.compound_surnames()
    out: list[Span] = []
    found = list(_DATELINE_NAME_RE.finditer(text))
    for s, e, line in _lines(text):
        for rx in (_TRAILING_PAREN_NAME_RE, _TRAILING_SPACED_NAME_RE):
            m = rx.search(line)
            if m:
                found.append((m, s))
                break
    for item in found:
        m, base = (item, 0) if isinstance(item, re.Match) else item
        name = m.group(1)
        if not (name[0] in surnames or name[:2] in compound):
            continue
        start = base + m.start(1)
        out.append(Span(start, start + len(name), "BYLINE", doc.sentence_of(start) if doc.sentences else -1,
                        "meta", {"role": "记者", "name": name}))
    return out


def source_span_in_text(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Convenience: a source_text span mapped onto doc.text."""
    return source_to_text(doc.offsets, start, end)


def iter_byline_names(doc: Document) -> Iterable[str]:
    for sp in doc.layers.get("byline", []):
        yield doc.text[sp.start:sp.end]
