"""The document reader's data: a stored document's text, its mentions located by entity, and
the facts read from it with their offsets (`reformkg.graph.reader_view`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.errors import NotFound
from reformkg.api.routes.common import reader
from reformkg.api.schemas import ErrorBody, OntologyEnums
from reformkg.graph import reader_view


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/reader", tags=["documents"])

    @router.get("/{doc_id}", responses={404: {"model": ErrorBody}},
                summary="A document's text with its mentions and facts located (for the reader)")
    def read_document(store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                      doc_id: str = Path(min_length=1, max_length=200)) -> dict[str, Any]:
        out = reader_view.document_view(reader(store, onto, settings), doc_id.removeprefix("doc_"))
        if out is None:
            raise NotFound(f"no document {doc_id!r}")
        return out

    return router
