"""Errors as answers: JSON ``{"detail": …}`` under ``/api``, an HTML page elsewhere, with
the status ``errors.py`` gives each kind.  A parameter that fails validation is a 422
naming the parameter (FastAPI's list of errors in JSON, one line per error in HTML)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from lagebild.errors import LagebildError, StoreError
from lagebild.serve.errors import RequestError
from lagebild.serve.templating import error_page
from lagebild.store.browse import NotFoundError


def status_of(error: LagebildError) -> int:
    """The HTTP status of a lagebild error."""
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, RequestError):
        return error.status
    if isinstance(error, StoreError):
        return 400 if _user_query(error) else 503
    return 400


def _user_query(error: StoreError) -> bool:
    """Search-query errors are StoreErrors raised before the database is asked."""
    text = str(error)
    return text.startswith(("nothing to search for", "the query is too long", "too many search"))


def wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith("/api")
        or path == "/openapi.json"
        or (request.query_params.get("format") == "json")
    )


async def lagebild_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, LagebildError)
    status = status_of(error)
    if wants_json(request):
        return JSONResponse({"detail": str(error)}, status_code=status)
    return error_page(request, status, str(error))


async def validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if wants_json(request):
        return await request_validation_exception_handler(request, error)
    lines = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
    return error_page(request, 422, "; ".join(lines))


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if wants_json(request):
        return await http_exception_handler(request, error)
    return error_page(request, error.status_code, str(error.detail))


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LagebildError, lagebild_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
