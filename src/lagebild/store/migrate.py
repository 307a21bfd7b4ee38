"""Schema migrations with Alembic, run programmatically (no ``alembic.ini`` needed).

A new revision goes in ``migrations/versions/``, written by hand or with
``alembic.command.revision(alembic_config(), message=...)``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from lagebild.errors import StoreError
from lagebild.store.engine import writer

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped in this package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this version of lagebild knows."""
    return str(_scripts().get_current_head())


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def revision_of(connection: Connection) -> str | None:
    """The schema revision of a database; None for one lagebild has never opened."""
    return MigrationContext.configure(connection).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database behind ``engine``."""
    with engine.connect() as connection:
        return revision_of(connection)


def migrate(engine: Engine) -> str:
    """Bring the database to the head revision and return it; refuse a newer database.

    Checked first without a write lock, so opening an up-to-date store (even a
    read-only one) writes nothing; upgraded in one immediate transaction, so two
    processes opening a fresh store do not both create it and a failed upgrade
    leaves the old schema.
    """
    head = head_revision()
    if _checked(current_revision(engine)) == head:
        return head
    with writer(engine).begin() as connection:
        if _checked(revision_of(connection)) != head:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    return head


def _checked(revision: str | None) -> str | None:
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"the store's schema revision {revision!r} is newer than this lagebild knows "
            f"(newest known: {head_revision()!r}); upgrade lagebild to open it"
        )
    return revision
