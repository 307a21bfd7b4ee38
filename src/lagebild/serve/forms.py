"""HTML forms send every field, empty or not; an empty field means "no filter"."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send


class DropEmptyParams:
    """Removes query parameters with empty values from page requests (not under /api,
    where an empty value is an error the client should hear about)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api"):
            query = scope.get("query_string", b"").decode("latin-1")
            pairs = parse_qsl(query, keep_blank_values=True)
            if any(value == "" for _, value in pairs):
                kept = urlencode([(k, v) for k, v in pairs if v != ""])
                scope = {**scope, "query_string": kept.encode("latin-1")}
        await self.app(scope, receive, send)
