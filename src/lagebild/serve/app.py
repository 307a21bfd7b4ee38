"""The app factory: ``create_app(store_url, token)`` builds the FastAPI app around one
``Service``: the JSON API (``api.py``), the pages (``pages.py``), the vendored static
files, the security middleware and the error handlers.  Docs pages that load scripts
from a CDN are off; ``/openapi.json`` is served and ``/api`` lists the routes."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from lagebild.config import Config, load_config
from lagebild.serve import api, pages
from lagebild.serve.forms import DropEmptyParams
from lagebild.serve.handlers import install_handlers
from lagebild.serve.response_cache import ResponseCache
from lagebild.serve.security import BodyLimit, SecurityHeaders
from lagebild.serve.service import Service

STATIC = Path(str(files("lagebild.serve") / "static"))
#: Requests handled at once by one process (its threads for sync routes; anyio's default
#: is 40).  The work is CPU under one GIL, so more threads add no throughput: they stretch
#: every request in flight, and forty overflowed the store's pool (five connections) into
#: connections opened and closed per request.  The others wait in order.
THREADS = 4


def app_from_environment() -> FastAPI:
    """A read-only app over ``$LAGEBILD_DB`` with ``$LAGEBILD_CONFIG``: what each worker
    process of ``lagebild serve --workers N`` builds."""
    return create_app(None, token=None, config=load_config())


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    config: Config | None = None,
    max_upload: int = 20 * 1024 * 1024,
    threads: int = THREADS,
) -> FastAPI:
    """The app over the store at ``store_url`` (default: ``$LAGEBILD_DB`` or ./lagebild.db).

    Read-only unless ``token`` is given; uploads then need it.  ``max_upload`` caps an
    upload request's body in bytes; ``threads`` requests run at once, the rest queue."""
    service = Service(store_url, token, config, max_upload)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = threads
        await to_thread.run_sync(service.warm)
        _freeze_startup_objects()
        yield
        service.close()

    app = FastAPI(
        title="lagebild",
        summary="A source-attributed, time-resolved knowledge base from conflict reporting.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_handlers(app)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(BodyLimit, max_upload=max_upload)
    app.add_middleware(
        ResponseCache,
        generation=service.generation,
        responses=service.responses,
        # A SQLite file answers in microseconds on the loop; a server takes a round trip.
        offload=service.store.engine.dialect.name != "sqlite",
    )
    app.add_middleware(SecurityHeaders)
    return app


def _freeze_startup_objects() -> None:
    """Keeps what the server loaded at start (the knowledge base: some 180,000 objects)
    out of the garbage collector's full passes, which paused a process for 0.2 s each
    under load while every request in flight waited."""
    gc.collect()
    gc.freeze()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lagebild")
    except PackageNotFoundError:
        return "0"
