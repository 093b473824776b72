"""Documents: list, detail (what was read from it), upload (same pipeline as the CLI), delete."""


import logging
import os
import re
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep, require_api_key
from reformkg.api.errors import ApiError, NotFound, PayloadTooLarge, Unprocessable
from reformkg.api.routes.common import reader
from reformkg.api.schemas import (
    MAX_PAGE, DeleteResult, DocumentDetail, DocumentSummary, ErrorBody, OntologyEnums, Page, UploadItem, UploadResult,
)
from reformkg.graph.ontology import Ontology

log = logging.getLogger(__name__)

WRITE = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
         413: {"model": ErrorBody}, 422: {"model": ErrorBody}}
UPLOAD = {**WRITE, 422: {"model": ErrorBody, "description": "no file could be ingested (details: one item per file "
                                                            "with its reason), or a bad request"}}
_SAFE = re.compile(r"[^\w.\-\u3400-\u9fff]+")
CHUNK = 1 << 16


MAX_NAME_BYTES = 200  # file systems allow 255 bytes; room left for the partial-file prefix


def safe_filename(name: str | None) -> str:
    """A file name safe to keep under the data dir: no directories, no odd characters, at most
    MAX_NAME_BYTES bytes of UTF-8 (cut by bytes, not characters, keeping the suffix)."""
    base = Path((name or "").replace("\\", "/")).name
    base = _SAFE.sub("_", base).strip("._") or "upload.txt"
    if len(base.encode("utf-8")) <= MAX_NAME_BYTES:
        return base
    suffix = Path(base).suffix if len(Path(base).suffix) <= 10 else ""
    stem = base[: len(base) - len(suffix)] if suffix else base
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", "ignore")
    return (cut or "upload") + suffix


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

    @router.post("", response_model=UploadResult, status_code=201, responses=UPLOAD,
                 dependencies=[Depends(require_api_key)], summary="Upload and ingest documents")
    def upload(request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
               files: Annotated[list[UploadFile], File(description="one or more documents")]) -> UploadResult:
        if not files:
            raise ApiError("no files", status=422)
        upload_dir = Path(settings.data_dir) / "uploads"
        upload_dir.mkdir(parents=True, exist_ok=True)
        received: list[tuple[str, bytes]] = []
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
            received.append((f.filename or "upload.txt", bytes(data)))
        runner = _runner(request, settings)
        items = [_ingest(store, onto, runner, name, data, upload_dir) for name, data in received]
        if not any(i.ok for i in items):
            raise Unprocessable("no file of the upload could be ingested: " +
                                "; ".join(f"{i.filename}: {i.message}" for i in items),
                                details=[i.model_dump() for i in items])
        return UploadResult(items=items)

    @router.delete("/{doc_id}", response_model=DeleteResult, responses=WRITE,
                   dependencies=[Depends(require_api_key)], summary="Delete a document and what only it supported")
    def delete(doc_id: str, store: StoreDep) -> DeleteResult:
        if doc_id.startswith("doc_"):
            doc_id = doc_id[4:]
        if len(doc_id) > 200 or not store.delete_document(doc_id):
            raise NotFound(f"no document {doc_id[:200]!r}")
        return DeleteResult(doc_id=doc_id, deleted=True)

    return router


def _runner(request: Request, settings: Any) -> Any:
    from reformkg.api.extraction import ExtractionRunner

    runner = getattr(request.app.state, "extraction", None)
    if runner is None:
        runner = request.app.state.extraction = ExtractionRunner(settings.extract_timeout_s)
    return runner


def _ingest(store: Any, onto: Ontology, runner: Any, filename: str, data: bytes, upload_dir: Path) -> UploadItem:
    """Save one upload beside its final name, extract it in the time-limited worker, resolve
    and write it; only then does it take the final name. A failed upload leaves the file saved
    earlier under that name (and its document) as they were."""
    from reformkg.api.extraction import ExtractionTimeout
    from reformkg.graph.curation import Curation
    from reformkg.graph.writer import build_batch
    from reformkg.ingest.loaders import LoadError
    from reformkg.ingest.resolve import resolve

    name = safe_filename(filename)
    target = upload_dir / name
    partial = upload_dir / f".partial-{uuid.uuid4().hex[:12]}{Path(name).suffix}"
    try:
        partial.write_bytes(data)
        doc = runner.extract(partial)
        doc.path = str(target)
        doc.source_key = str(target.resolve())
        result = resolve(doc, onto, store, Curation.load(store, onto))
        store.write_document(build_batch(result, onto))
        os.replace(partial, target)
    except LoadError as exc:
        return UploadItem(filename=filename, ok=False, message=exc.reason)
    except ExtractionTimeout as exc:
        return UploadItem(filename=filename, ok=False, message=str(exc))
    except Exception as exc:  # one bad file must not hide the others
        log.exception("upload of %s failed", filename)
        return UploadItem(filename=filename, ok=False, message=f"ingest failed: {exc}")
    finally:
        partial.unlink(missing_ok=True)
    return UploadItem(filename=filename, ok=True, doc_id=result.doc_id, title=result.title,
                      entities=len(result.entities), facts=len(result.facts), outcomes=len(result.outcomes))
