"""Query parameters shared by the API and the pages, validated before any route runs:
a bad value is a 422 naming the parameter and what it should look like."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AfterValidator

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_TEXT = 200


def _date_prefix(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if value is None:
        return None
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)):
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    full = [int(p) for p in parts] + [1, 1][: 3 - len(parts)]
    date(*full)  # raises ValueError for year 0, month 13 or 30 February
    return value


DatePrefix = Annotated[str | None, AfterValidator(_date_prefix)]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Since = Annotated[DatePrefix, Query(description="From this date on: YYYY[-MM[-DD]].")]
Until = Annotated[DatePrefix, Query(description="Up to this date: YYYY[-MM[-DD]].")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT)]
EntityRef = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="An entity id (person/vladimir-putin), a name the knowledge base knows, or text.",
    ),
]
Language = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$|^unknown$", description="ISO 639-1.")]
Stance = Annotated[Literal["supported", "neutral", "disputed", "refuted"] | None, Query()]
Modality = Annotated[
    Literal[
        "happened",
        "claimed",
        "denied",
        "demanded",
        "announced",
        "planned",
        "considered",
        "hypothetical",
        "negated",
    ]
    | None,
    Query(),
]
EntityType = Annotated[
    Literal["PERSON", "ORGANIZATION", "PLACE", "WEAPON", "OTHER"] | None, Query()
]
EventType = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z]{3,12}$", description="PLOVER event type, e.g. ASSAULT."),
]
Format = Annotated[Literal["html", "json"], Query(description="json: the page's data.")]
