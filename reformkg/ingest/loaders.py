"""Loaders: one per format, chosen by suffix. Output a RawDocument; a bad file raises LoadError.

(Minimal first version: UTF-8 text only; the full format registry replaces it.)
"""

from __future__ import annotations

from pathlib import Path

from reformkg.ingest.document import RawDocument

SUFFIXES = {".txt": "text/plain", ".md": "text/markdown"}


class LoadError(Exception):
    """A file that cannot be read as a document: names the file and the problem."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def iter_paths(paths: list[Path]) -> list[Path]:
    """Files named, and files under folders named (recursive, sorted, known suffixes only)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def load(path: Path) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror})") from exc
    if not data.strip():
        raise LoadError(path, "empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(path, "not decodable as text") from exc
    return RawDocument(path=str(path), media_type=SUFFIXES.get(path.suffix.lower(), "text/plain"),
                       encoding="utf-8", source_text=text)
