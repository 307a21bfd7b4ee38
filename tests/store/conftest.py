"""Store fixtures: a fresh store per test on SQLite and on PostgreSQL, a rich sample document.

PostgreSQL runs when ``$LAGEBILD_TEST_POSTGRES`` names a database (``.ci/run`` starts
Debian's server and sets it); each test gets its own schema, dropped afterwards.
Without the variable the PostgreSQL cases skip with that reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lagebild.records import (
    Assessment,
    Claim,
    Document,
    Entity,
    EntityType,
    Event,
    Geo,
    Mention,
    OffsetMap,
    Removal,
    Segment,
    Span,
    TimeExpression,
)
from lagebild.store import Store

SAMPLE = "Lukaschenko traf Putin am 19. Dezember in Minsk."

MakeDocument = Callable[..., Document]


POSTGRES_ENV = "LAGEBILD_TEST_POSTGRES"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store's URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh store's URL on each backend, shared by a module's tests."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.db'}"
    else:
        yield from postgres_schema_url()


def postgres_schema_url() -> Iterator[str]:
    """The test database's URL with a new, empty schema first on the search path."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need ${POSTGRES_ENV} (a database URL; .ci/run sets it)")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    options = {"options": f"-csearch_path={schema}"}
    yield make_url(base).update_query_dict(options).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store(url) as opened:
        yield opened


def rich_document(text: str = SAMPLE, **fields: object) -> Document:
    """A document with one record of every kind, two entities, a removal and an offset map."""
    document = Document(
        source="t.txt",
        title="Treffen in Minsk",
        author="ISW",
        url="https://example.org/treffen",
        language="de",
        published=date(2022, 12, 20),
        raw_text="X\n" + text,
        text=text,
        removed=[Removal(start=0, end=2, reason="test", text="X\n")],
        offsets=OffsetMap(segments=[Segment(clean_start=0, raw_start=2, length=len(text))]),
        sentences=[Span(start=0, end=len(text))],
        entities=[
            Entity(
                id="person/putin",
                name="Vladimir Putin",
                type=EntityType.PERSON,
                aliases=["Putin", "Путин"],
                mentions=[Mention(start=17, end=22, text="Putin")],
            ),
            Entity(
                id="place/minsk",
                name="Minsk",
                type=EntityType.PLACE,
                mentions=[
                    Mention(start=42, end=47, text="Minsk"),
                    Mention(start=0, end=5, text="Minsk", kind="compound"),
                ],
                geo=Geo(lat=53.9, lon=27.57, geonames_id=625144, precision="city"),
            ),
            Entity(id="org/nobody", name="Niemand", type=EntityType.ORGANIZATION),
        ],
        times=[TimeExpression(start=26, end=38, text="19. Dezember", value="2022-12-19")],
        claims=[Claim(start=0, end=10, speaker="person/putin", content="x", date="2022-12-19")],
        assessments=[
            Assessment(start=0, end=5, assessor="org/isw", label="likely", probability=(0.55, 0.8))
        ],
        events=[Event(start=0, end=48, type="CONSULT", actors=["a", "b"], date="2022-12-19")],
        metadata={"feed": "isw", "nested": {"n": [1, 2.5, None]}},
        stages=["clean", "language", "sentences", "entities"],
    )
    return document.model_copy(update=fields).finalise_id()


@pytest.fixture
def make_document() -> MakeDocument:
    return rich_document
