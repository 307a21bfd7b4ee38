"""``lagebild serve``: the REST API (FastAPI) and the offline web UI over a store.

app = create_app("sqlite:///./lagebild.db", token=None)   # read-only without a token
run(app, host="127.0.0.1", port=8000)
run_processes(4, host="127.0.0.1", port=8000)           # read-only, one app per process
"""

from __future__ import annotations

from fastapi import FastAPI

from lagebild.serve.app import app_from_environment, create_app

__all__ = ["app_from_environment", "create_app", "run", "run_processes"]


def run(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


def run_processes(processes: int, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve read-only with ``processes`` worker processes, each its own app.

    Each request is CPU-bound Python under one interpreter lock, so a process per core
    multiplies what the cores answer.  The store URL and config come from
    ``$LAGEBILD_DB`` and ``$LAGEBILD_CONFIG`` (the workers are fresh interpreters).
    Uploads need one process: an upload's progress lives in the process that took it."""
    import uvicorn

    factory = "lagebild.serve.app:app_from_environment"
    uvicorn.run(factory, factory=True, workers=processes, host=host, port=port, access_log=False)
