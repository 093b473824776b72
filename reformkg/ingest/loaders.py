"""Loaders: a format registry chosen by suffix plus content sniffing. Each loader turns a file
into a RawDocument whose `source_text` is the decoded text as stored (what provenance points
into); a file that cannot be read as a document raises `LoadError(path, reason)`.

Formats:
- .txt / .md (and unknown suffixes named explicitly): encoding detection in this order — BOM
  (UTF-8/UTF-16/UTF-32), strict UTF-8, UTF-16 without BOM (many NUL bytes at even or odd
  positions), strict GB18030 (a superset of GBK/GB2312; plausibility-checked; Big5 is tried
  too and wins only when its characters are the more common ones), then charset-normalizer. Short GBK text is often misdetected by statistical detectors, hence the
  strict decoders first.
- .html / .htm: main text only (nav/header/footer/aside/script/style and menu-like blocks
  dropped), block elements on their own lines; `meta["title"]` from <title>, `meta["h1"]`.
- .pdf: the text layer (pypdf), pages separated by a blank line; no text → "no text layer".
- .docx: paragraphs and tables (python-docx) in body order; table cells separated by a tab.
"""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from reformkg.ingest.document import RawDocument

log = logging.getLogger(__name__)

SUFFIXES: dict[str, str] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

# Magic numbers of formats that are certainly not documents we read.
_BINARY_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file (.doc/.xls); save as .docx"),
]


class LoadError(Exception):
    """A file that cannot be read as a document: names the file and the problem."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # crosses process lines (the API's extraction worker)
        return (LoadError, (self.path, self.reason))


# ----------------------------------------------------------------------------- paths


def _hidden(p: Path, root: Path) -> bool:
    try:
        parts = p.relative_to(root).parts
    except ValueError:
        parts = p.parts
    return any(part.startswith(".") for part in parts)


def iter_paths(paths: list[Path]) -> list[Path]:
    """Files named, and files under folders named (recursive, sorted, known suffixes only,
    hidden files and folders skipped). A named file is kept whatever its suffix (the loader
    decides); a named path that does not exist is kept so that `load` reports it."""
    return list(iter_files(paths))


def _walk(root: Path) -> Iterator[Path]:
    """Files under `root` in sorted-full-path order (as `sorted(root.rglob('*'))`)."""
    try:
        entries = list(os.scandir(root))
    except OSError as exc:
        log.warning("cannot list %s: %s", root, exc)
        return
    # Path order compares part by part, so a folder sorts by its name ("b" < "b.txt")
    for entry in sorted(entries, key=lambda e: e.name):
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):  # as rglob: linked folders are not entered
            yield from _walk(path)
        elif entry.is_file() or (entry.is_symlink() and not path.exists()):
            yield path


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files `iter_paths(paths)` lists, in the same order, one at a time (streamed: the list is never held)."""
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found: Iterable[Path] = (f for f in _walk(p) if f.suffix.lower() in SUFFIXES
                                     and not _hidden(f, p))
        else:
            found = [p]
        for f in found:
            key = f.resolve() if f.exists() else f
            if key not in seen:
                seen.add(key)
                yield f


# ----------------------------------------------------------------------------- decoding

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BAD_CTRL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that a wrong GB18030 decoding tends to produce: four-byte-range code points that
# are neither ASCII, CJK, CJK punctuation, full-width forms nor common symbols.
_GB_PLAUSIBLE = re.compile(
    r"[\x00-\x7f\u00a0-\u00ff\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u0391-\u03c9\u0401-\u0451\u2460-\u24ff\u25a0-\u25ff]"
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII/CJK text has many NULs at the odd (LE) or even (BE) bytes."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    n = len(odd)
    z_even = even.count(0) / max(1, len(even))
    z_odd = odd.count(0) / max(1, n)
    if z_odd > 0.2 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.2 and z_odd < 0.05:
        return "utf-16-be"
    # CJK-only UTF-16 has few NULs: look for the high byte of common CJK code points (0x4e-0x9f)
    # at one parity and not at the other, together with even length.
    if len(data) % 2 == 0 and n >= 8:
        hi_odd = sum(1 for b in odd if 0x4E <= b <= 0x9F) / n
        hi_even = sum(1 for b in even if 0x4E <= b <= 0x9F) / n
        if hi_odd > 0.6 and hi_even < 0.4:
            return "utf-16-le"
        if hi_even > 0.6 and hi_odd < 0.4:
            return "utf-16-be"
    return None


# Frequent characters of Chinese text (simplified and traditional forms) for telling a right
# decoding from a wrong one.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美"
    "再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元"
    "况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委"
    "素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞会职举办竞赛届参余"
    "們個為國時來會對學發動過說種後經現實體當從業開兩關內數義與還應來這進著說區時據處隊導將軍級設計別長門問"
    "員農運戰則東機將變義會發職舉辦競賽屆參餘業")


def _common_score(text: str) -> float:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def _plausible(text: str) -> bool:
    if not text:
        return False
    if len(_BAD_CTRL.findall(text)) > max(2, len(text) // 200):
        return False
    implausible = len(text) - len(_GB_PLAUSIBLE.findall(text))
    return implausible <= max(1, len(text) // 100)


MAX_REPORTED_OFFSETS = 10


def _few(n: int) -> int:
    """How many damaged characters a text of n characters may hold and still be kept."""
    return max(3, n // 200)


def _offsets_note(offsets: list[int]) -> str:
    shown = ", ".join(map(str, offsets[:MAX_REPORTED_OFFSETS]))
    more = f" and {len(offsets) - MAX_REPORTED_OFFSETS} more" if len(offsets) > MAX_REPORTED_OFFSETS else ""
    return shown + more


def _replaced_nuls(text: str, data: bytes, path: Path | str) -> str:
    """UTF-8 text with a few NUL bytes: each becomes U+FFFD (one character for one byte)."""
    offsets = [m.start() for m in re.finditer(b"\x00", data)]
    log.warning("%s: %d NUL byte(s) replaced by U+FFFD at byte offset(s) %s", path, len(offsets), _offsets_note(offsets))
    return text.replace("\x00", "\ufffd")


def _lossy_utf8(data: bytes, path: Path | str) -> tuple[str, str] | None:
    """UTF-8 with a few invalid bytes (a damaged copy): keep the text with U+FFFD in their
    place and warn with the byte offsets. None when the bytes are not mostly UTF-8 (GBK text
    has an invalid sequence at nearly every Chinese character, so it never passes)."""
    limit = _few(len(data))
    bad: list[int] = []
    parts: list[str] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:  # decoding stops at the error: linear overall
            parts.append(data[pos:pos + exc.start].decode("utf-8"))
            parts.append("\ufffd")
            bad.append(pos + exc.start)
            pos += exc.end
            if len(bad) > limit:
                return None
    text = "".join(parts)
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - len(bad)
    if not bad or multibyte < 10 * len(bad) or "\x00" in text:
        return None
    log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD at byte offset(s) %s",
                path, len(bad), _offsets_note(bad))
    return text, "utf-8 (invalid bytes replaced)"


def decode_text(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of a text file; returns (text, encoding). Raises LoadError."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise LoadError(path, f"invalid UTF-8 after a UTF-8 BOM at byte {exc.start + 3}") from exc
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc.replace("-le", "").replace("-be", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"invalid {enc.upper()} after a BOM") from exc
    try:
        text = data.decode("utf-8")
        if "\x00" not in text:
            return text, "utf-8"
        if not _looks_utf16(data) and text.count("\x00") <= _few(len(text)):
            return _replaced_nuls(text, data, path), "utf-8 (NUL bytes replaced)"
    except UnicodeDecodeError:
        lossy = _lossy_utf8(data, path)
        if lossy is not None:
            return lossy
    enc16 = _looks_utf16(data)
    if enc16:
        try:
            text = data.decode(enc16)
            if _plausible(text):
                return text, enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise LoadError(path, "binary file (NUL bytes)")
    cands: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            cands.append((_common_score(text), enc, text))
    if cands:
        # GB18030 accepts most Big5 byte strings (as nonsense): the decoding whose characters
        # are common Chinese characters wins; GB18030 on a tie
        score, enc, text = max(cands, key=lambda c: (c[0], c[1] == "gb18030"))
        return text, enc
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - detector failure is just "no answer"
        best = None
    if best is not None and best.chaos < 0.2:
        text = str(best)
        if _plausible(text) or not _BAD_CTRL.search(text):
            return text, str(best.encoding)
    raise LoadError(path, "cannot decode as UTF-8/GB18030/UTF-16 (unknown encoding or binary)")


# ----------------------------------------------------------------------------- formats


def _load_text(path: Path, data: bytes, media_type: str) -> RawDocument:
    text, enc = decode_text(data, path)
    if _BAD_CTRL.search(text) and len(_BAD_CTRL.findall(text)) > max(2, len(text) // 200):
        raise LoadError(path, "binary file (control characters)")
    if not text.strip():
        raise LoadError(path, "empty file (whitespace only)")
    return RawDocument(path=str(path), media_type=media_type, encoding=enc, source_text=text)


_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "iframe", "svg", "button", "select", "textarea", "object", "embed", "head")
_DROP_HINT = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|related|"
    r"copyright|toolbar|pager|pagination|comment|comments|advert|ads?)(?:$|[\s_-])",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table thead tbody tfoot section article main "
    "blockquote pre figure figcaption caption address hr center body html".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_WS = re.compile(r"[ \t\r\n\f\v]+")


def _html_text(root: Any) -> str:
    """Text of an element with block elements on their own lines (inline tags do not break)."""
    out: list[str] = []

    def walk(node: Any, pre: bool) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                t = child.text_content or ""
                out.append(t if pre else _WS.sub(" ", t))
            elif tag == "br":
                out.append("\n")
            elif tag in _CELL_TAGS:
                walk(child, pre)
                out.append("\t")
            elif tag in _BLOCK_TAGS:
                out.append("\n")
                walk(child, pre or tag == "pre")
                out.append("\n")
            elif tag and not tag.startswith("-"):
                walk(child, pre)
            child = child.next

    walk(root, False)
    text = "".join(out)
    lines = [ln.strip(" \t") for ln in text.split("\n")]
    # one line per block, paragraphs separated by a blank line, no runs of blank lines
    return "\n\n".join(ln for ln in lines if ln) + "\n"


def _densest_block(tree: Any) -> Any:
    """The element holding most paragraph text (pages without <article>/<main>), widened to
    ancestors that add little else (so that the headline and dateline above it stay)."""
    weight: dict[int, int] = {}
    nodes: dict[int, Any] = {}
    total = 0
    for p in tree.css("p"):
        n = len(p.text(strip=True))
        total += n
        parent = p.parent
        if parent is None:
            continue
        key = parent.mem_id
        nodes[key] = parent
        weight[key] = weight.get(key, 0) + n
    if not weight or total < 50:
        return None
    best = nodes[max(weight, key=weight.__getitem__)]
    size = len(best.text(strip=True))
    node = best
    while node.parent is not None and node.parent.tag not in ("body", "html"):
        up = node.parent
        if len(up.text(strip=True)) > 1.5 * size:
            break
        node = up
    return node


_GB_LABELS = ("gb2312", "gbk", "x-gbk", "gb_2312-80", "euc-cn")
_META_NAMES = ("description", "keywords", "author", "publishdate", "pubdate")
_NOT_CONTENT_ROLES = ("navigation", "banner", "contentinfo")
_MAIN_SELECTORS = ("article", "main", "[role=main]", "#content", ".content", "#main", ".article")


def _decode_html(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): the charset the page declares in a <meta> (GB2312 and kin read as
    GB18030), else the plain-text decoder's guess."""
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        if declared in _GB_LABELS:
            declared = "gb18030"  # superset: pages labelled GB2312 often hold GBK characters
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)


def _html_meta(tree: Any) -> dict[str, Any]:
    """The page's <title> and its description/keywords/author/date <meta> tags."""
    meta: dict[str, Any] = {}
    title_node = tree.css_first("title")
    if title_node is not None and title_node.text(strip=True):
        meta["title"] = _WS.sub(" ", title_node.text(strip=True))
    for name in _META_NAMES:
        node = tree.css_first(f'meta[name="{name}"]')
        if node is not None and node.attributes.get("content"):
            meta[name] = node.attributes["content"]
    return meta


def _drop_boilerplate(tree: Any) -> None:
    """Remove scripts, styles and the like, and elements whose class/id/role marks navigation,
    banners, footers and other page furniture."""
    tree.strip_tags(list(_DROP_TAGS))
    for node in tree.css("[class], [id], [role]"):
        attrs = node.attributes
        hint = " ".join(str(attrs.get(k) or "") for k in ("class", "id", "role"))
        if _DROP_HINT.search(hint) or attrs.get("role") in _NOT_CONTENT_ROLES:
            node.decompose()


def _main_block(tree: Any) -> Any:
    """The element holding the article: the first main-content selector with text, else the
    densest block of paragraphs, else the body (or the root)."""
    for sel in _MAIN_SELECTORS:
        main = tree.css_first(sel)
        if main is not None and len(main.text(strip=True)) > 50:
            return main
    return _densest_block(tree) or tree.body or tree.root


def _load_html(path: Path, data: bytes, media_type: str = "text/html") -> RawDocument:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    text, enc = _decode_html(data, path)
    tree = HTMLParser(text)
    meta = _html_meta(tree)
    _drop_boilerplate(tree)
    main = _main_block(tree)
    h1 = main.css_first("h1") if main is not None else None
    if h1 is not None and h1.text(strip=True):
        meta["h1"] = _WS.sub(" ", h1.text(strip=True))
    body = _html_text(main) if main is not None else ""
    if not body.strip():
        raise LoadError(path, "no text in HTML body")
    return RawDocument(path=str(path), media_type=media_type, encoding=enc, source_text=body, meta=meta)


def _load_pdf(path: Path, data: bytes, media_type: str = "application/pdf") -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # restriction-only PDFs open with the empty password
            except Exception as exc:
                raise LoadError(path, "encrypted PDF (password required)") from exc
            if not opened:  # PasswordType.NOT_DECRYPTED
                raise LoadError(path, "encrypted PDF (password required)")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on damaged files
        raise LoadError(path, f"corrupt PDF: {exc}") from exc
    if not pages:
        raise LoadError(path, "corrupt PDF: no pages")
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise LoadError(path, "no text layer (scanned PDF?)")
    meta: dict[str, Any] = {"pages": len(pages)}
    try:
        info = reader.metadata
        title = str(info.title or "").strip() if info is not None else ""
        title = re.sub(r"^Microsoft Word - ", "", title)
        if title and title.lower() not in ("untitled", "无标题", "unknown") and not title.lower().endswith((".doc", ".docx")):
            meta["title"] = title
    except Exception:
        pass
    return RawDocument(path=str(path), media_type=media_type, encoding="pdf-text", source_text=text, meta=meta)


MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # all members of a .docx, as declared in the zip directory
MAX_ZIP_RATIO = 200  # declared uncompressed size / compressed size of one member


def check_zip(path: Path | str, data: bytes, max_bytes: int = MAX_UNZIPPED_BYTES, max_ratio: int = MAX_ZIP_RATIO) -> None:
    """Refuse a zip bomb before anything is extracted: by the uncompressed sizes the zip
    directory declares (total and per-member ratio). The zip reader stops at the declared
    size, so a member that lies about it cannot grow past it either."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(path, f"corrupt DOCX: {exc}") from exc
    total = sum(i.file_size for i in infos)
    if total > max_bytes:
        raise LoadError(path, f"refused: the DOCX would unpack to {total} bytes (limit {max_bytes}); a zip bomb?")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > max_ratio * max(1, i.compress_size):
            raise LoadError(path, f"refused: DOCX member {i.filename} is compressed {i.file_size // max(1, i.compress_size)}:1 "
                                  f"(limit {max_ratio}:1); a zip bomb?")


def _load_docx(path: Path, data: bytes, media_type: str = SUFFIXES[".docx"]) -> RawDocument:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(path, data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(path, f"corrupt DOCX: {exc}") from exc
    lines: list[str] = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if not cells or cells[-1] != t:  # merged cells repeat their text
                        cells.append(t)
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(path, "empty document (no text in DOCX)")
    meta: dict[str, Any] = {}
    try:
        if d.core_properties.title:
            meta["title"] = d.core_properties.title
    except Exception:
        pass
    return RawDocument(path=str(path), media_type=media_type, encoding="docx", source_text=text, meta=meta)


Loader = Callable[[Path, bytes, str], RawDocument]

LOADERS: dict[str, Loader] = {
    "text/plain": _load_text,
    "text/markdown": _load_text,
    "text/html": _load_html,
    "application/pdf": _load_pdf,
    SUFFIXES[".docx"]: _load_docx,
}


def sniff(path: Path, data: bytes) -> str:
    """Media type from content first (magic numbers), then from the suffix. Raises LoadError
    for known binary formats."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or path.suffix.lower() == ".docx":
            return SUFFIXES[".docx"]
        raise LoadError(path, "binary file (zip archive)")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise LoadError(path, f"binary file ({what})")
    suffix_type = SUFFIXES.get(path.suffix.lower())
    if suffix_type in ("application/pdf", SUFFIXES[".docx"]):
        kind = "PDF" if suffix_type == "application/pdf" else "DOCX"
        raise LoadError(path, f"corrupt {kind}: not a {kind} file (bad signature)")
    if suffix_type is None or suffix_type == "text/plain":
        head = data[:1024].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "text/html"
    return suffix_type or "text/plain"


def load(path: Path, max_bytes: int | None = None) -> RawDocument:
    """Load one file as a RawDocument. Raises LoadError with a one-line reason. Files larger
    than `max_bytes` (default: REFORMKG_MAX_FILE_BYTES) are refused before they are read."""
    path = Path(path)
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    if path.is_symlink() and not path.exists():
        raise LoadError(path, "broken symbolic link (its target does not exist)")
    if max_bytes is None:
        from reformkg.config import get_settings

        max_bytes = get_settings().max_file_bytes
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(path, f"file too large: {size} bytes (limit {max_bytes}, REFORMKG_MAX_FILE_BYTES)")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not data:
        raise LoadError(path, "empty file")
    media_type = sniff(path, data)
    loader = LOADERS[media_type]
    raw = loader(path, data, media_type)
    log.debug("loaded %s as %s (%s), %d chars", path, media_type, raw.encoding, len(raw.source_text))
    return raw
