"""Normalisation: clean the stored text for analysis while recording where each character came
from. Every step edits through a `TextBuilder`, which records for each output character the
offset of the source character it came from (never by diffing afterwards), giving
`Document.text` plus an `OffsetMap` into `Document.source_text`.

Steps, in order (all whole-text regex/translate operations; per-line Python only where a line
must be judged as a whole):

1. Newlines and spaces: CRLF/CR/U+2028/form feed → "\\n"; NBSP, U+3000 (full-width space)
   and other Unicode spaces → " "; zero-width characters and soft hyphens dropped; full-width
   ASCII letters and digits (Ａ-Ｚ ａ-ｚ ０-９) and ％ → half-width, a full-width point between
   digits → "." (１．２万 → 1.2万). Chinese punctuation (，。“”（）：；)
   is kept as it is. Tabs are kept (one per run): they separate table cells (DOCX/HTML).
2. Traditional → simplified (opencc t2s). Usually length-preserving (one character for one); a
   line whose length changes is converted character by character, so that the map stays exact.
3. Markdown markers (leading "#", ">", "**") and spaces at line ends removed.
4. Page furniture lines removed: 刊号/统一刊号/CN xx-xxxx/邮发代号, (电子)邮箱/E-mail, 网址/URLs,
   版面编辑/责任编辑/校对 lines, 微信公众号/二维码, 第X期, 星期X, 农历…, 第A03版 page labels,
   page numbers, 电话/传真/地址/版权 lines, scraped-web residue (lines made only of <!-- -->,
   *.html, URLs and tags) — judged by the line's whole shape: a sentence that mentions a URL,
   an address or a tag is kept. Bylines (本报记者 …) are kept; the meta component reads the
   furniture from `source_text`. Before this (step 2b) HTML tags and entities inside plain
   text are removed (the words between them stay), and pinyin readings that damaged web copies
   insert after words (產業(chǎn yè)) are dropped.
5. Stray spaces between CJK characters (and between CJK and digits, and inside "1 .8") dropped.
   Kept as one space: in byline lines ("本报记者 张三 李四") and bracketed bylines
   ("本报讯（记者 张三 通讯员 李四）") so that names stay apart, in short lists of names, and in
   short title lines between multi-character phrases ("打造品牌队伍 某市举行技能竞赛": title
   and subtitle). OCR letter spacing (single characters: "简 报", "产 业 工 人") is always removed.
6. ASCII punctuation , ; : ? ! after a CJK character becomes full-width (，；：？！), and a
   parenthesis pair touching CJK text becomes （）— so that extractors see one form.
   ASCII "." and quotes are left as they are.
7. Lines broken mid-sentence are joined (the newline is deleted): the line does not end with
   sentence-final punctuation, the next line is not a list item/byline/subtitle, and either the
   document is hard-wrapped and the line fills the typical width, or the line is long and
   contains sentence punctuation (a paragraph cut in two), or it ends with ，、 etc. Across
   blank lines (page breaks) only long paragraph lines ending mid-sentence are joined.
   Short lines (titles, headings) are never joined onto paragraphs, and a short line standing
   alone before a blank line is not appended to the line above.
8. Runs of blank lines collapse to one; leading/trailing blank lines go.

`doc_id` = first 16 hex digits of sha256(normalised text); `source_key` = resolved absolute path.
A document with no text left is an error naming the file (EmptyDocumentError), never an empty document.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from reformkg.ingest.document import Document, OffsetMap, RawDocument
from reformkg.ingest.loaders import LoadError

# ----------------------------------------------------------------------------- character classes

IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
_Z = f"{IDEO}{CJK_PUNCT}"  # CJK text: ideographs and CJK punctuation

Edit = tuple[int, int, str, "Sequence[int] | None"]


class TextBuilder:
    """A text plus, for every character, the source offset it came from.

    `origin[i]` is the source offset of character i; `origin[len(text)]` is len(source).
    Edits replace half-open ranges of the *current* text; the builder carries the origins of
    untouched characters over and gives replacement characters the origins of the characters
    they replace (one to one when lengths agree, by in-order alignment for deletions, or as
    given explicitly).
    """

    __slots__ = ("text", "origin", "source_len")

    def __init__(self, source: str):
        self.text = source
        self.source_len = len(source)
        self.origin = array("l", range(len(source) + 1))

    def translate(self, table: dict[int, str | int | None]) -> None:
        """A one-character-for-one-character mapping (table values must be single characters)."""
        self.text = self.text.translate(table)

    def apply(self, edits: Iterable[Edit]) -> int:
        """Apply sorted, non-overlapping edits (start, end, replacement, local_origins|None).
        `local_origins[k]` is the index (relative to start) whose origin replacement char k
        takes. Returns the number of edits applied."""
        text, origin = self.text, self.origin
        pieces: list[str] = []
        new = array("l")
        pos = 0
        n = 0
        for s, e, r, loc in edits:
            if s < pos:
                raise ValueError("overlapping or unsorted edits")
            if r == text[s:e]:
                continue
            n += 1
            pieces.append(text[pos:s])
            new.extend(origin[pos:s])
            pieces.append(r)
            if r:
                new.extend(self._origins_for(s, e, r, loc))
            pos = e
        if not n:
            return 0
        pieces.append(text[pos:])
        new.extend(origin[pos:])  # includes the sentinel
        self.text = "".join(pieces)
        self.origin = new
        return n

    def _origins_for(self, s: int, e: int, r: str, loc: Sequence[int] | None) -> list[int] | array:
        origin = self.origin
        if loc is not None:
            return [origin[s + i] for i in loc]
        if e - s == len(r):
            return origin[s:e]
        if e == s:  # insertion: take the origin of the neighbouring character
            anchor = origin[s] if s < len(self.text) else max(0, origin[s] - 1)
            return [anchor] * len(r)
        seg = self.text[s:e]
        out: list[int] = []
        j = 0
        for ch in r:  # deletions only: align the replacement as a subsequence
            k = seg.find(ch, j)
            if k < 0:
                break
            out.append(origin[s + k])
            j = k + 1
        if len(out) == len(r):
            return out
        last = e - s - 1
        return [origin[s + min(i, last)] for i in range(len(r))]

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], "str | tuple[str, Sequence[int]] | None"]) -> int:
        """re.sub through the builder. A callable may return None (no change), a string, or
        (string, local_origins)."""
        edits: list[Edit] = []
        for m in pattern.finditer(self.text):
            if callable(repl):
                out = repl(m)
                if out is None:
                    continue
                if isinstance(out, tuple):
                    edits.append((m.start(), m.end(), out[0], out[1]))
                else:
                    edits.append((m.start(), m.end(), out, None))
            else:
                edits.append((m.start(), m.end(), m.expand(repl), None))
        return self.apply(edits)

    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line of the current text, newline excluded."""
        out = []
        pos = 0
        text = self.text
        n = len(text)
        while pos <= n:
            k = text.find("\n", pos)
            if k < 0:
                out.append((pos, n))
                break
            out.append((pos, k))
            pos = k + 1
        return out

    def offset_map(self) -> OffsetMap:
        assert len(self.origin) == len(self.text) + 1
        return OffsetMap(self.origin)


def source_to_text(offsets: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """Map a half-open span of the source text to the normalised text (the characters whose
    origin lies in [start, end)). The origin array is non-decreasing, so this is a bisection."""
    origin = offsets.origin
    n = len(origin) - 1
    s = bisect_left(origin, start, 0, n)
    e = bisect_left(origin, end, s, n)
    return s, e


# ----------------------------------------------------------------------------- step 1: characters

_TRANSLATE: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_TRANSLATE.update({c: chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_TRANSLATE.update({c: chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_TRANSLATE[ord("％")] = "%"
# a full-width point between digits is a decimal point (１．２万人次 → 1.2万人次)
_FULL_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)")
for _c in "\x0b\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _TRANSLATE[ord(_c)] = " "
for _c in "\r\x0c\x1c\x1d\x1e\x85\u2028\u2029":
    _TRANSLATE[ord(_c)] = "\n"

_CRLF = re.compile(r"\r\n")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]+")
# pictographs of social-media posts (🔥, 👉, ✅): decoration, never part of a name
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2700-\u27BF\uFE0F]+")


# ----------------------------------------------------------------------------- step 2: opencc


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Text in simplified script (opencc t2s), as the normaliser converts it."""
    return _converter().convert(text)


def _to_simplified(tb: TextBuilder) -> None:
    conv = _converter()
    text = tb.text
    out = conv.convert(text)
    if out == text:
        return
    if len(out) == len(text):
        tb.text = out  # one character for one: origins unchanged
        return
    edits: list[Edit] = []
    for s, e in tb.lines():
        line = text[s:e]
        conv_line = conv.convert(line)
        if conv_line == line:
            continue
        if len(conv_line) == len(line):
            edits.append((s, e, conv_line, None))
            continue
        # length changed (a phrase conversion): convert character by character
        chars: list[str] = []
        loc: list[int] = []
        for i, ch in enumerate(line):
            c2 = conv.convert(ch)
            chars.append(c2)
            loc.extend([i] * len(c2))
        edits.append((s, e, "".join(chars), loc))
    tb.apply(edits)


# ----------------------------------------------------------------------------- step 3: markdown, line ends

_MD_LINE = re.compile(r"^(?:#{1,6}[ ]+|>[ ]?)", re.M)
_MD_EMPH = re.compile(r"\*\*|__")
_LINE_SPACES = re.compile(r"^[ \t]+|[ \t]+$", re.M)
_TAB_RUNS = re.compile(r" *\t[ \t]*")  # tabs separate table cells: keep one

# ----------------------------------------------------------------------------- step 4: furniture

_FURNITURE_ANY = re.compile(
    r"统一刊号|刊号|邮发代号|ISSN\s*\d|CN\s*\d{2}\s*[-－]\s*\d{3,4}"
    r"|电子邮箱|邮箱|E-?mail|电子信箱|[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z]"
    r"|网址|https?://|www\.|\b[A-Za-z0-9-]+\.(?:com|cn|net|org|gov)\b"
    r"|微信公众号|官方微信|官方微博|二维码|扫码|扫一扫|客户端下载|视频号|抖音号"
    r"|联系电话|电话[:：]|热线[:：]|传真|邮编|邮政编码|地址[:：]|广告经营许可证|ICP备|版权所有|Copyright|©",
    re.I,
)
_FURNITURE_EDITOR = re.compile(
    r"(?:^|[\s|｜(（【\[■●])(?:(?:版面编辑|责任编辑|本版编辑|本版责编|责编|美术编辑|美编|组版|校对|终审|值班主任|版式设计)"
    r"\s*[:：/]?|(?:编辑|审核|编审|主编)\s*[:：/\s])\s*\S"
)
_WEB_RESIDUE = re.compile(r"<!--|-->|\w\.s?html?\b|\w\.(?:php|aspx?|jsp)\b|</?[a-z]+[ >]|&nbsp;|&[lg]t;")
_NUM = "0-9一二三四五六七八九十百千零〇"
_FURNITURE_WHOLE = re.compile(
    rf"(?:总\s*第\s*[{_NUM}]+\s*期.*|第\s*[{_NUM}]+\s*期(?:\s*总\s*第\s*[{_NUM}]+\s*期)?"
    r"|(?:星期|礼拜|周)[一二三四五六日天]"
    r"|[（(]?\s*农历[^\n]{0,24}"
    rf"|第\s*[A-Za-z]?\s*\d+\s*版(?:\s*[:：]?.{{0,16}})?"
    r"|[-—－\s]*\d{1,3}[-—－\s]*"
    r"|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r")",
)


# a line that reads as a sentence (it ends like one, or holds one) is content, whatever it mentions
_SENTENCE = re.compile(r"[。！？][”’」』）)]*$|[。！？；]\S|[，,][^\n]*[，。；]")
# what is left of a residue line when its URLs, file names, comments and tags are taken out
_RESIDUE_PARTS = re.compile(
    r"<!--.*?(?:-->|$)|-->|https?://\S+|www\.\S+|\S*\w\.(?:s?html?|php|aspx?|jsp)\b\S*|</?[a-z]+[^<>]*>?"
    r"|&(?:nbsp|lt|gt|amp|quot);|[\s|｜/>:：·•\-—_=]+", re.I)


def is_furniture(line: str) -> bool:
    """True for a (stripped) line that is page furniture by its whole shape: masthead and 刊号
    lines, 邮箱/网址/电话 lines, page numbers and labels, editor lines, web residue made only of
    URLs, file names and tags. A sentence that mentions a URL, an e-mail address or a tag is
    content, never furniture."""
    n = len(line)
    if not n:
        return False
    if n <= 40 and _FURNITURE_WHOLE.fullmatch(line):
        return True
    if _SENTENCE.search(line):
        return False
    if n <= 60 and _FURNITURE_ANY.search(line):
        return True
    if n <= 40 and _FURNITURE_EDITOR.search(line):
        return True
    if n <= 200 and _WEB_RESIDUE.search(line) and not _RESIDUE_PARTS.sub("", line):
        return True
    return False


def _strip_furniture(tb: TextBuilder) -> None:
    text = tb.text
    edits: list[Edit] = []
    n = len(text)
    for s, e in tb.lines():
        if e > s and is_furniture(text[s:e]):
            edits.append((s, min(e + 1, n), "", None))
    tb.apply(edits)


# HTML tags and entities inside plain text (a page saved as .txt): the tags go, the words stay
_HTML_TAG_NAMES = (
    "a|abbr|article|b|big|blockquote|body|br|center|code|dd|del|div|dl|dt|em|font|h[1-6]|head|hr|html|i|img"
    "|ins|li|link|meta|nobr|ol|p|pre|s|section|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th"
    "|thead|title|tr|tt|u|ul|wbr"
)
_HTML_TAG = re.compile(rf"<!--[^\n]*?-->|</?(?:{_HTML_TAG_NAMES})(?:\s[^<>\n]{{0,300}})?/?>", re.I)
_HTML_ENTITY = re.compile(r"&(?:nbsp|lt|gt|amp|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
_ENTITIES = {"&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


def _entity(m: re.Match[str]) -> str | None:
    t = m.group()
    if t in _ENTITIES:
        return _ENTITIES[t]
    try:
        cp = int(t[3:-1], 16) if t[2] in "xX" else int(t[2:-1])
        return chr(cp) if 0 < cp < 0x110000 and not 0xD800 <= cp < 0xE000 else None
    except ValueError:
        return None


def _strip_html(tb: TextBuilder) -> None:
    if "<" in tb.text:
        tb.sub(_HTML_TAG, "")
    if "&" in tb.text:
        tb.sub(_HTML_ENTITY, _entity)


# pinyin readings inserted into words by damaged web copies: 產業(chǎn yè), 地區（qū）. Only a
# parenthesised run of Latin syllables right after an ideograph, with at least one tone mark.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PY = f"[a-zA-Zü{_TONED}]"
_PINYIN = re.compile(rf"(?<=[{IDEO}])[(（] ?{_PY}+(?:[ '’-]{_PY}+)* ?[)）]")
_HAS_TONE = re.compile(f"[{_TONED}]")


def without_pinyin(text: str) -> str:
    """Text without the toned pinyin glosses the normaliser drops (產業(yè) → 產業)."""
    return _PINYIN.sub(lambda m: "" if _HAS_TONE.search(m.group()) else m.group(), text)


def _drop_pinyin(tb: TextBuilder) -> None:
    if "(" in tb.text or "（" in tb.text:
        tb.sub(_PINYIN, lambda m: "" if _HAS_TONE.search(m.group()) else None)


# ----------------------------------------------------------------------------- step 5: CJK spaces

_SPACE_NEAR_CJK = re.compile(
    rf"(?<=[{_Z}]) +(?=[{_Z}0-9])|(?<=[0-9]) +(?=[{_Z}])|(?<=[0-9]) +(?=\.[0-9])|(?<=[0-9]\.) +(?=[0-9])"
)
_HAS_CJK_SPACE = re.compile(rf"[{_Z}0-9.] +[{_Z}0-9.]")
BYLINE_MARK = re.compile(
    r"记者|通讯员|实习生|特约|撰稿|作者|摄影|摄像|摄|编辑|校对|文/|图/|文\s*[|｜]|来源[:：]"
)
_NAME_TOKEN = re.compile(rf"[{IDEO}·]{{2,}}")


_BRACKET_BYLINE = re.compile(r"[（(](?:本报|特约)?(?:记者|通讯员|实习生|撰稿|作者)[^）)\n]{0,60}[）)]")
_SHORT_LINE = 40
_PROSE_PUNCT = re.compile(r"[，。；,;]")


def _keep_spaces(line: str) -> bool:
    """Lines where spaces separate names or items: bylines, or short lists of CJK words."""
    if BYLINE_MARK.search(line) and len(line) <= 80:
        return True
    tokens = line.split()
    return 2 <= len(tokens) and len(line) <= _SHORT_LINE and all(_NAME_TOKEN.fullmatch(t) for t in tokens)


def _single_char_side(line: str, s: int, e: int) -> bool:
    """Is the token left or right of the space run line[s:e] a single character (OCR spacing)?"""
    left = s == 1 or (s >= 2 and line[s - 2] == " ")
    right = e == len(line) - 1 or (e + 1 < len(line) and line[e + 1] == " ")
    return left or right


def _drop_cjk_spaces(tb: TextBuilder) -> None:
    text = tb.text
    edits: list[Edit] = []
    for s, e in tb.lines():
        line = text[s:e]
        if " " not in line or not _HAS_CJK_SPACE.search(line):
            continue
        if _keep_spaces(line):
            for m in re.finditer(r" {2,}", line):
                edits.append((s + m.start(), s + m.end(), " ", None))
            continue
        short = len(line) <= _SHORT_LINE and not _PROSE_PUNCT.search(line)
        protected = [(m.start(), m.end()) for m in _BRACKET_BYLINE.finditer(line)] if not short else []
        for m in _SPACE_NEAR_CJK.finditer(line):
            a, b = m.start(), m.end()
            if any(ps <= a < pe for ps, pe in protected):
                if b - a > 1:
                    edits.append((s + a, s + b, " ", None))
                continue
            if short and not _single_char_side(line, a, b) and not line[b].isdigit() and not line[a - 1].isdigit():
                # a title "甲甲甲 乙乙乙": the space separates phrases; keep one
                if b - a > 1:
                    edits.append((s + a, s + b, " ", None))
                continue
            edits.append((s + a, s + b, "", None))
    tb.apply(edits)


# ----------------------------------------------------------------------------- step 6: punctuation

_ASCII_PUNCT_AFTER_CJK = re.compile(rf"(?<=[{IDEO}”’）》」』】])[,;:?!]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAREN_PAIR = re.compile(r"\(([^()\n]{0,80})\)")
_HAS_IDEO = re.compile(f"[{IDEO}]")


def _paren(m: re.Match[str]) -> str | None:
    inner = m.group(1)
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    if _HAS_IDEO.search(inner) or (before and _HAS_IDEO.match(before)):
        return "（" + inner + "）"
    return None


# ----------------------------------------------------------------------------- step 7: broken lines

_FINAL = set("。！？!?；;…：:")
_CLOSING = set("”’」』）)】》")
_MID_END = set("，、,（(“‘《—-")
_INNER_PUNCT = re.compile(r"[，、,。；;：]")
_PROSE_INNER = re.compile(r"[，、。；]")
_HEADERISH = re.compile(r"来源|作者|记者|通讯员|发布|日期|时间|编辑|摄")
_LIST_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．)）](?!\d)"
    r"|第[一二三四五六七八九十\d]+[章节条部分篇]|[●■◆▲★☆○•·\-\*#>【]|——|—|"
    r"本报记者|本报讯|记者|通讯员|来源|编者按|报[:：]|送[:：]|抄[:：])"
)
_DATE_LINE = re.compile(r"^[\d〇零一二三四五六七八九十○O]{2,4}\s*[年.\-/]\s*[\d〇零一二三四五六七八九十]{1,2}\s*[月.\-/]\s*[\d〇零一二三四五六七八九十]{1,3}\s*日?$")
_STARTS_TEXT = re.compile(rf"^[{IDEO}0-9A-Za-z“‘《（(]")


def _line_stats(lengths: list[int], ends_open: list[bool]) -> tuple[bool, int]:
    """Is the text hard-wrapped, and its typical full-line width (90th percentile)."""
    if len(lengths) < 5:
        return False, 0
    srt = sorted(lengths)
    width = srt[int(0.9 * (len(srt) - 1))]
    if width > 120 or width < 8:
        return False, width
    full_open = sum(1 for n, o in zip(lengths, ends_open) if o and n >= 0.85 * width)
    return full_open >= 3 and full_open >= 0.3 * len(lengths), width


_NO_LINE_START = set("，、。；：！？）》」』】…,;:!?")


@dataclass(slots=True)
class LinePair:
    """A line `a`, the next line `b`, the blank lines between them and the document's wrapping
    (is it hard-wrapped, its typical full-line width)."""

    a: str
    b: str
    blanks: int
    wrapped: bool
    width: int

    @property
    def last(self) -> str:
        return self.a[-1]

    @property
    def fills_width(self) -> bool:
        """The line fills the width of a hard-wrapped text."""
        return self.wrapped and len(self.a) >= 0.85 * self.width


# each rule says True (join), False (keep the break) or None (ask the next rule); no verdict: keep

def table_row(p: LinePair) -> bool | None:
    """Either line is a table row (cells separated by tabs): rows are never joined."""
    return False if "\t" in p.a or "\t" in p.b else None


# a list row with a name column set off by spaces (赵甲　某公司高级技师 / 2. 钱乙（女）  某厂): no prose
_SPACED_ROW = re.compile(r"\s*(?:\d{1,3}[.、．]?\s*)?[\u4e00-\u9fff·]{2,6}(?:[（(][男女][）)])?[ \u3000]+"
                         r"[\u4e00-\u9fff（(][^，。；！？,;!?]*")


def spaced_rows(p: LinePair) -> bool | None:
    """Both lines are rows of a list whose first column (a name) is set off by spaces: rows are
    never joined."""
    return False if _SPACED_ROW.fullmatch(p.a) and _SPACED_ROW.fullmatch(p.b) else None


def punctuation_opens_next(p: LinePair) -> bool | None:
    """The next line starts with punctuation that cannot start a line."""
    return True if p.blanks == 0 and p.b[0] in _NO_LINE_START and p.last not in _FINAL else None


def sentence_ended(p: LinePair) -> bool | None:
    """The line ends a sentence (a closing quote or bracket too, unless it fills a wrapped line)."""
    return False if p.last in _FINAL or (p.last in _CLOSING and not p.fills_width) else None


def title_left_open(p: LinePair) -> bool | None:
    """Adjacent lines: the line leaves a book title open (关于印发《某某改革|2023年工作要点》的通知)
    and the next line closes it."""
    if p.blanks or p.a.count("《") <= p.a.count("》"):
        return None
    close, reopen = p.b.find("》"), p.b.find("《")
    return True if close > 0 and (reopen < 0 or close < reopen) else None


def next_is_not_running_text(p: LinePair) -> bool | None:
    """The next line is a list item, a byline, a date line or does not start with text."""
    return False if not _STARTS_TEXT.match(p.b) or _LIST_START.match(p.b) or _DATE_LINE.match(p.b) else None


def short_list_item(p: LinePair) -> bool | None:
    """The line is a short list item without inner punctuation (a heading)."""
    return False if _LIST_START.match(p.a) and len(p.a) < 30 and not _INNER_PUNCT.search(p.a[:-1]) else None


def adjacent_full_line(p: LinePair) -> bool | None:
    """Adjacent lines: the line fills the width of a hard-wrapped text."""
    return True if p.blanks == 0 and p.fills_width else None


def adjacent_prose_line(p: LinePair) -> bool | None:
    """Adjacent lines: a long line of prose (not a header line) cut in two."""
    return True if p.blanks == 0 and len(p.a) >= 30 and _PROSE_INNER.search(p.a) and \
        not _HEADERISH.search(p.a[:12]) else None


def adjacent_open_end(p: LinePair) -> bool | None:
    """Adjacent lines: the line ends mid-clause (，、（“《—)."""
    return True if p.blanks == 0 and p.last in _MID_END and len(p.a) >= 10 else None


def adjacent_otherwise_kept(p: LinePair) -> bool | None:
    """Adjacent lines that no rule joins stay apart."""
    return False if p.blanks == 0 else None


def open_clause_across_blanks(p: LinePair) -> bool | None:
    """Across one or two blank lines: the line ends with ，、（“《 ."""
    return True if p.blanks <= 2 and p.last in "，、,（(“《" and len(p.a) >= 10 else None


def paragraph_across_page_break(p: LinePair) -> bool | None:
    """Across up to three blank lines: a long paragraph line ending mid-sentence, continued by
    Chinese text."""
    if p.blanks > 3:
        return None
    return (len(p.a) >= 40 and bool(_INNER_PUNCT.search(p.a))
            and (bool(_HAS_IDEO.match(p.last)) or p.last in "，、,“《（")
            and bool(_HAS_IDEO.match(p.b[0]) or p.b[0] in "“《"))


JOIN_RULES: tuple[Callable[[LinePair], bool | None], ...] = (
    table_row, spaced_rows, punctuation_opens_next, sentence_ended, title_left_open, next_is_not_running_text, short_list_item,
    adjacent_full_line, adjacent_prose_line, adjacent_open_end, adjacent_otherwise_kept,
    open_clause_across_blanks, paragraph_across_page_break)


def should_join(a: str, b: str, blanks: int, wrapped: bool, width: int) -> bool:
    """Join line a and the next line b (blanks: blank lines between them)? The first verdict of
    JOIN_RULES; none: keep the break."""
    pair = LinePair(a, b, blanks, wrapped, width)
    for rule in JOIN_RULES:
        verdict = rule(pair)
        if verdict is not None:
            return verdict
    return False


def _join_broken_lines(tb: TextBuilder) -> None:
    text = tb.text
    lines = [(s, e) for s, e in tb.lines() if e > s]
    if len(lines) < 2:
        return
    lengths = [e - s for s, e in lines]
    ends_open = [text[e - 1] not in _FINAL and text[e - 1] not in _CLOSING for s, e in lines]
    wrapped, width = _line_stats(lengths, ends_open)
    edits: list[Edit] = []
    for k, ((s1, e1), (s2, e2)) in enumerate(zip(lines, lines[1:])):
        gap = text[e1:s2]
        if gap.strip():
            continue
        blanks = gap.count("\n") - 1
        a, b = text[s1:e1], text[s2:e2]
        if len(b) <= 12 and b[-1] not in _FINAL and b[-1] not in _MID_END and b[0] not in _NO_LINE_START:
            after = text[e2:lines[k + 2][0]] if k + 2 < len(lines) else "\n\n"
            if after.count("\n") >= 2:
                continue  # a short line standing alone (a heading), not the tail of a sentence
        if should_join(a, b, blanks, wrapped, width):
            sep = " " if (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()) else ""
            edits.append((e1, s2, sep, None))
    tb.apply(edits)


_BLANK_RUNS = re.compile(r"\n{3,}")
_EDGE_NEWLINES = re.compile(r"\A\n+|\n+\Z")


# ----------------------------------------------------------------------------- entry points


def normalise_text(source: str) -> tuple[str, OffsetMap]:
    """Run all steps over `source`; returns the normalised text and its offset map."""
    tb = TextBuilder(source)
    if "\r" in source:
        tb.sub(_CRLF, "\n")
    tb.translate(_TRANSLATE)
    if "．" in tb.text:
        tb.sub(_FULL_DECIMAL_POINT, ".")
    if _ZERO_WIDTH.search(tb.text):
        tb.sub(_ZERO_WIDTH, "")
    if _PICTOGRAPHS.search(tb.text):
        tb.sub(_PICTOGRAPHS, "")
    _to_simplified(tb)
    _strip_html(tb)
    _drop_pinyin(tb)
    tb.sub(_MD_LINE, "")
    if "**" in tb.text or "__" in tb.text:
        tb.sub(_MD_EMPH, "")
    tb.sub(_LINE_SPACES, "")
    if "\t" in tb.text:
        tb.sub(_TAB_RUNS, "\t")
    _strip_furniture(tb)
    _drop_cjk_spaces(tb)
    tb.sub(_PAREN_PAIR, _paren)
    tb.sub(_ASCII_PUNCT_AFTER_CJK, lambda m: _FULL[m.group()])
    _join_broken_lines(tb)
    tb.sub(_BLANK_RUNS, "\n\n")
    tb.sub(_EDGE_NEWLINES, "")
    return tb.text, tb.offset_map()


def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def source_key_of(path: str) -> str:
    if path.startswith("<") or "://" in path:
        return path
    return str(Path(path).resolve())


class EmptyDocumentError(LoadError):
    """Nothing is left of a document after normalisation (it held only furniture or tags)."""

    def __init__(self, path: str):
        super().__init__(path, "no text left after normalisation (only page furniture, tags or spaces)")

    def __reduce__(self):
        return (EmptyDocumentError, (self.path,))


def normalise(raw: RawDocument) -> Document:
    """Normalise a loaded document. Raises EmptyDocumentError when no text is left."""
    text, offsets = normalise_text(raw.source_text)
    if not text.strip():
        raise EmptyDocumentError(raw.path)
    return Document(doc_id=doc_id_of(text), source_key=source_key_of(raw.path), path=raw.path,
                    source_text=raw.source_text, text=text, offsets=offsets, media_type=raw.media_type,
                    meta=dict(raw.meta))
