"""``lagebild serve``: the REST API (FastAPI) and the offline web UI over a store.

app = create_app("sqlite:///./lagebild.db", token=None)   # read-only without a token
run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from fastapi import FastAPI

from lagebild.serve.app import create_app

__all__ = ["create_app", "run"]


def run(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
