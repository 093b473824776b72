"""Normalisation: clean the stored text for analysis while recording where each character came from.

(Minimal first version: newline unification only; furniture stripping, line joining, CJK space
removal and opencc conversion replace it.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reformkg.ingest.document import Document, OffsetMap, RawDocument


def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def source_key_of(path: str) -> str:
    return str(Path(path).resolve())


def normalise(raw: RawDocument) -> Document:
    src = raw.source_text
    text = src.replace("\r", "\n")
    offsets = OffsetMap.identity(len(text))
    return Document(doc_id=doc_id_of(text), source_key=source_key_of(raw.path), path=raw.path,
                    source_text=src, text=text, offsets=offsets, media_type=raw.media_type)
