"""Route dependencies: the app's Service, links to other pages of a list, the upload gate."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from lagebild.serve.errors import ForbiddenError, UnauthorizedError
from lagebild.serve.params import Offset
from lagebild.serve.service import Service
from lagebild.serve.views import EntityOffsets


def get_service(request: Request) -> Service:
    """The Service ``create_app`` put on the app."""
    service: Service = request.app.state.service
    return service


def link_for(request: Request) -> Callable[[int], str]:
    """Makes the URL of this request at another offset."""
    return lambda offset: str(request.url.include_query_params(offset=offset))


def section_link_for(request: Request) -> Callable[[str, int], str]:
    """Makes the URL of this request with one section (``<section>_offset``) at another offset."""
    return lambda section, offset: str(
        request.url.include_query_params(**{f"{section}_offset": offset})
    )


def entity_offsets(
    documents_offset: Offset = 0,
    claims_by_offset: Offset = 0,
    claims_about_offset: Offset = 0,
    events_offset: Offset = 0,
) -> EntityOffsets:
    """Where each section of an entity's page starts (``<section>_offset``)."""
    return EntityOffsets(documents_offset, claims_by_offset, claims_about_offset, events_offset)


def upload_allowed(service: Service, token: str | None) -> None:
    """Raises unless uploads are enabled and ``token`` is the server's token."""
    if service.token is None:
        raise ForbiddenError(
            "uploads are disabled: start the server with LAGEBILD_TOKEN (or --token) set"
        )
    if not service.token_matches(token):
        raise UnauthorizedError("uploads need the server's token (Authorization: Bearer …)")
