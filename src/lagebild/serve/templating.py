"""The Jinja2 environment: templates from the package, autoescaping on for every file
(document text is untrusted), undefined names an error, a few filters for links."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

NAV = (
    ("/", "Overview"),
    ("/search", "Search"),
    ("/documents", "Documents"),
    ("/entities", "Entities"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/assessments", "Assessments"),
    ("/upload", "Upload"),
)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lagebild.serve", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Templates ship with the package: no need to stat each file on every render.
        auto_reload=False,
    )
    env.filters["path"] = lambda value: quote(str(value), safe="/")
    env.filters["query"] = lambda pairs: urlencode({k: v for k, v in pairs.items() if v})
    env.filters["short"] = lambda value, n=12: str(value)[:n]
    env.globals["nav"] = NAV
    return env


templates = Jinja2Templates(env=_environment())


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered template."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The error page: what went wrong and where to go next."""
    return page(request, "error.html", status, status_code=status, message=message)
