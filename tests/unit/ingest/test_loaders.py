"""Loaders: format registry, encoding detection, main-text HTML, PDF/DOCX, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reformkg.ingest.loaders import LoadError, decode_text, iter_paths, load

DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "docs"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"


@pytest.mark.parametrize(
    "name, encoding, needle",
    [
        ("gbk.txt", "gb18030", "湖州市总工会联合湖州市人社局"),
        ("utf16_bom.txt", "utf-16 (BOM)", "芜湖职业技术学院"),
        ("utf16_nobom.txt", "utf-16-le", "芜湖职业技术学院"),
        ("traditional.txt", "utf-8", "臺州市總工會"),
        ("ocr_damaged.txt", "utf-8", "绍 兴 职 工 报"),
    ],
)
def test_text_encodings(name: str, encoding: str, needle: str) -> None:
    raw = load(DOCS / name)
    assert raw.encoding == encoding
    assert needle in raw.source_text
    assert raw.media_type == "text/plain"


def test_short_gbk_is_not_misdetected() -> None:
    for text in ["产改", "工会主席", "劳动模范表彰大会召开"]:
        assert decode_text(text.encode("gbk")) == (text, "gb18030")


def test_big5_not_taken_for_gb18030() -> None:
    text = "臺州市總工會舉辦職工技能競賽，來自86家企業的600餘名職工參加。"
    assert decode_text(text.encode("big5")) == (text, "big5")


def test_utf8_bom_and_utf16_be() -> None:
    assert decode_text("\ufeff工会".encode("utf-8")) == ("工会", "utf-8-sig")
    text, enc = decode_text("江苏省总工会召开会议".encode("utf-16-be"))
    assert text == "江苏省总工会召开会议" and enc == "utf-16-be"


def test_html_main_text_without_navigation() -> None:
    raw = load(DOCS / "page.html")
    assert raw.media_type == "text/html"
    assert raw.meta["title"].startswith("嘉兴举办职工职业技能大赛")
    assert raw.meta["h1"] == "嘉兴举办职工职业技能大赛"
    text = raw.source_text
    assert "1500余名职工参赛" in text  # inline <b> does not break the sentence
    for junk in ("首页", "联系我们", "不应出现", "color:red"):
        assert junk not in text
    lines = [ln for ln in text.splitlines() if ln]
    assert lines[0] == "嘉兴举办职工职业技能大赛"
    assert lines[2] == "嘉兴市总工会党组书记、主席朱晓明出席开幕式。"


def test_pdf_text_layer() -> None:
    raw = load(DOCS / "bulletin.pdf")
    assert raw.media_type == "application/pdf"
    assert "泰安市总工会与泰安市人社局联合举办" in raw.source_text
    assert "untitled" not in str(raw.meta.get("title", ""))


def test_docx_paragraphs_and_tables() -> None:
    raw = load(DOCS / "bulletin.docx")
    assert raw.meta["title"] == "洛阳市产业工人队伍建设改革工作通报"
    lines = raw.source_text.splitlines()
    assert "洛阳市总工会召开产改推进会，市总工会主席王建国出席会议。" in lines
    assert "洛阳轴承示范有限公司\t1200余人次" in lines
    assert lines[-1] == "以上数据截至2022年底。"  # body order kept


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("scanned.pdf", "no text layer (scanned PDF?)"),
        ("corrupt.pdf", "corrupt PDF"),
    ],
)
def test_bad_input_raises_load_error(name: str, reason: str) -> None:
    with pytest.raises(LoadError) as info:
        load(DOCS / name)
    assert info.value.reason.startswith(reason)
    assert info.value.path.endswith(name)
    assert name in str(info.value)


def test_bad_input_other_cases(tmp_path: Path) -> None:
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / "fake.pdf").write_bytes("不是PDF".encode())
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "latin.txt").write_bytes(bytes([0x80, 0xFF, 0xFE, 0x81, 0x30]) * 3)
    with pytest.raises(LoadError, match="PNG image"):
        load(tmp_path / "pic.txt")
    with pytest.raises(LoadError, match="corrupt PDF"):
        load(tmp_path / "fake.pdf")
    with pytest.raises(LoadError, match="corrupt DOCX"):
        load(tmp_path / "fake.docx")
    with pytest.raises(LoadError, match="cannot decode"):
        load(tmp_path / "latin.txt")
    with pytest.raises(LoadError, match="cannot read file"):
        load(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="folder"):
        load(tmp_path)


def test_encrypted_pdf_is_named_as_such(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    locked = PdfWriter(clone_from=DOCS / "bulletin.pdf")
    locked.encrypt(user_password="secret", owner_password="owner")
    locked.write(tmp_path / "locked.pdf")
    with pytest.raises(LoadError, match="encrypted PDF"):
        load(tmp_path / "locked.pdf")
    restricted = PdfWriter(clone_from=DOCS / "bulletin.pdf")
    restricted.encrypt(user_password="", owner_password="owner")  # opens without a password
    restricted.write(tmp_path / "restricted.pdf")
    assert load(tmp_path / "restricted.pdf").source_text == load(DOCS / "bulletin.pdf").source_text


def test_sniffing_overrides_suffix(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes((DOCS / "bulletin.pdf").read_bytes())
    assert load(pdf).media_type == "application/pdf"
    html = tmp_path / "page.txt"
    html.write_text("<!DOCTYPE html><html><body><nav>菜单</nav><p>正文内容在这里。</p></body></html>", encoding="utf-8")
    raw = load(html)
    assert raw.media_type == "text/html" and "菜单" not in raw.source_text


def test_iter_paths(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("a.txt", "b/c.md", "b/d.html", "b/e.jpg", ".x.txt", ".hidden/f.txt", "b/g.PDF"):
        (tmp_path / rel).write_text("正文", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a.txt", "b/c.md", "b/d.html", "b/g.PDF"]
    # a file named explicitly is kept whatever its suffix; duplicates are dropped
    explicit = iter_paths([tmp_path / "b" / "e.jpg", tmp_path / "a.txt", tmp_path])
    assert explicit[0].name == "e.jpg" and len(explicit) == 5


def test_dangling_link_in_a_folder_is_listed_and_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "dir.txt").symlink_to(tmp_path / "sub")  # a link to a folder is not a document
    assert [p.name for p in iter_paths([tmp_path])] == ["gone.txt", "ok.txt"]
    with pytest.raises(LoadError, match="broken symbolic link"):
        load(tmp_path / "gone.txt")


def test_samples_all_load() -> None:
    paths = iter_paths([SAMPLES])
    assert len(paths) >= 4
    kinds = {load(p).media_type for p in paths}
    assert {"text/plain", "text/html", "text/markdown"} <= kinds


def test_html_without_article_uses_densest_block_and_declared_gb2312(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="gb2312"><title>某市总工会召开推进会_某市新闻网</title></head><body>'
        '<div class="top"><a href="/">首页</a> <a>要闻</a></div>'
        '<div class="links"><p>友情链接</p></div>'
        '<div class="wrap"><div class="hd"><h2>某市总工会召开推进会</h2><span>2023-05-06 来源：某市日报</span></div>'
        '<div class="TRS_Editor"><p>5月5日，某市总工会召开产改推进会，部署全年重点工作任务。</p>'
        '<p>会议要求，各级工会要聚焦产业工人技能提升，持续深化改革。</p></div></div>'
        '<div class="bottom">主办：某市新闻网 备案号</div></body></html>'
    )
    path = tmp_path / "news.htm"
    path.write_bytes(html.encode("gbk"))
    raw = load(path)
    assert raw.encoding == "gb18030"
    lines = [ln for ln in raw.source_text.splitlines() if ln]
    assert lines[0] == "某市总工会召开推进会"
    assert lines[1] == "2023-05-06 来源：某市日报"
    assert "首页" not in raw.source_text and "友情链接" not in raw.source_text and "备案号" not in raw.source_text
