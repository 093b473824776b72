"""Documents: list, detail (what was read from it), upload (same pipeline as the CLI), delete."""


import logging
import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, UploadFile

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep, require_api_key
from reformkg.api.errors import ApiError, NotFound, PayloadTooLarge
from reformkg.api.routes.common import reader
from reformkg.api.schemas import (
    MAX_PAGE, DeleteResult, DocumentDetail, DocumentSummary, ErrorBody, OntologyEnums, Page, UploadItem, UploadResult,
)
from reformkg.graph.ontology import Ontology

log = logging.getLogger(__name__)

WRITE = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
         413: {"model": ErrorBody}, 422: {"model": ErrorBody}}
_SAFE = re.compile(r"[^\w.\-\u3400-\u9fff]+")
CHUNK = 1 << 16


def safe_filename(name: str | None) -> str:
    """A file name safe to keep under the data dir (no directories, no odd characters)."""
    base = Path((name or "").replace("\\", "/")).name
    base = _SAFE.sub("_", base).strip("._") or "upload.txt"
    return base[:120]


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/documents", tags=["documents"])

    @router.get("", response_model=Page[DocumentSummary])
    def list_documents(store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                       offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> dict[str, Any]:
        return reader(store, onto, settings).documents(limit, offset)

    @router.get("/{doc_id}", response_model=DocumentDetail, responses={404: {"model": ErrorBody}})
    def get_document(doc_id: str, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                     limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> dict[str, Any]:
        if len(doc_id) > 200:
            raise NotFound(f"no document {doc_id[:50]!r}…")
        if doc_id.startswith("doc_"):
            doc_id = doc_id[4:]
        out = reader(store, onto, settings).document(doc_id, limit)
        if out is None:
            raise NotFound(f"no document {doc_id!r}")
        return out

    @router.post("", response_model=UploadResult, status_code=201, responses=WRITE,
                 dependencies=[Depends(require_api_key)], summary="Upload and ingest documents")
    def upload(store: StoreDep, settings: SettingsDep, onto: OntologyDep,
               files: Annotated[list[UploadFile], File(description="one or more documents")]) -> UploadResult:
        if not files:
            raise ApiError("no files", status=422)
        upload_dir = Path(settings.data_dir) / "uploads"
        upload_dir.mkdir(parents=True, exist_ok=True)
        saved: list[tuple[str, Path]] = []
        total = 0
        for f in files:
            if f.size is not None and f.size > settings.max_upload_bytes:
                raise PayloadTooLarge(f"{f.filename}: larger than {settings.max_upload_bytes} bytes")
            data = bytearray()
            while chunk := f.file.read(CHUNK):
                data.extend(chunk)
                total += len(chunk)
                if total > settings.max_upload_bytes:
                    raise PayloadTooLarge(f"upload larger than {settings.max_upload_bytes} bytes")
            name = safe_filename(f.filename)
            target = upload_dir / name
            target.write_bytes(bytes(data))
            saved.append((f.filename or name, target))
        return UploadResult(items=[_ingest(store, onto, name, path) for name, path in saved])

    @router.delete("/{doc_id}", response_model=DeleteResult, responses=WRITE,
                   dependencies=[Depends(require_api_key)], summary="Delete a document and what only it supported")
    def delete(doc_id: str, store: StoreDep) -> DeleteResult:
        if doc_id.startswith("doc_"):
            doc_id = doc_id[4:]
        if len(doc_id) > 200 or not store.delete_document(doc_id):
            raise NotFound(f"no document {doc_id[:200]!r}")
        return DeleteResult(doc_id=doc_id, deleted=True)

    return router


def _ingest(store: Any, onto: Ontology, filename: str, path: Path) -> UploadItem:
    """Run the ingest pipeline on one saved upload and write it (curation decisions applied)."""
    from reformkg.graph.curation import Curation
    from reformkg.graph.writer import build_batch
    from reformkg.ingest.loaders import LoadError
    from reformkg.ingest.pipeline import Pipeline

    try:
        pipeline = Pipeline(ontology=onto, identity=store, curation=Curation.load(store, onto))
        result = pipeline.run_file(path)
        store.write_document(build_batch(result, onto))
    except LoadError as exc:
        return UploadItem(filename=filename, ok=False, message=exc.reason)
    except Exception as exc:  # one bad file must not hide the others
        log.exception("upload of %s failed", filename)
        return UploadItem(filename=filename, ok=False, message=f"ingest failed: {exc}")
    return UploadItem(filename=filename, ok=True, doc_id=result.doc_id, title=result.title,
                      entities=len(result.entities), facts=len(result.facts), outcomes=len(result.outcomes))
