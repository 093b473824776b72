"""Exceptions → JSON error bodies `{"status", "message", "details"}`.

404 unknown ids, 422 bad parameters, 413 oversized uploads, 400 bad Cypher (engine message),
403 write attempts through the read-only Cypher endpoint or write routes without a key,
408 server-side query timeout, 429 too many anonymous Cypher requests, 503 store unavailable
or busy. Anything else is logged and answered 500 with a generic message.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from reformkg.graph.records import CypherError, QueryTimeout, ReadOnlyViolation, StoreError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with an HTTP status and a message for the client."""

    status = 400

    def __init__(self, message: str, status: int | None = None, details: list[Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers
        if status is not None:
            self.status = status
        self.details = details


class NotFound(ApiError):
    status = 404


class BadRequest(ApiError):
    status = 400


class Forbidden(ApiError):
    status = 403


class PayloadTooLarge(ApiError):
    status = 413


class Unprocessable(ApiError):
    status = 422


def error_response(status: int, message: str, details: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "message": message}
    if details is not None:
        body["details"] = jsonable_encoder(details)
    return JSONResponse(status_code=status, content=body, headers=headers)


def store_error_status(exc: StoreError) -> tuple[int, str]:
    """Map a store exception to (status, message)."""
    if isinstance(exc, ReadOnlyViolation):
        return 403, f"read-only: this endpoint does not run queries that write ({exc})"
    if isinstance(exc, QueryTimeout):
        return 408, f"query timed out on the server ({exc})"
    if isinstance(exc, CypherError):
        return 400, f"bad Cypher: {exc}"
    return 503, f"graph store error: {exc}"


def install(app: FastAPI) -> None:
    """Register the exception handlers on the app."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.details, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        msg = f"invalid request: {where}: {first.get('msg', 'bad value')}" if first else "invalid request"
        clean = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]
        return error_response(422, msg, clean)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return error_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    async def _store(_: Request, exc: Exception) -> JSONResponse:
        status, message = store_error_status(exc)
        return error_response(status, message)

    app.add_exception_handler(StoreError, _store)  # subclasses included

    @app.exception_handler(Exception)
    async def _other(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error: %s", exc)
        return error_response(500, "internal error")
