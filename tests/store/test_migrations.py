"""Opening a store: migrations to head, no re-migration, newer schemas refused, atomic DDL."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import alembic.command
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from lagebild.errors import StoreError
from lagebild.records import Document
from lagebild.store import Store, current_revision, head_revision
from lagebild.store.migrate import MIGRATIONS, alembic_config
from lagebild.store.schema import metadata

TABLES = {"documents", "entities", "mentions", "times", "claims", "assessments", "events"}


@pytest.mark.parametrize("table", sorted(TABLES | {"documents_fts", "alembic_version"}))
def test_fresh_store_has_every_table(store: Store, table: str) -> None:
    assert table in inspect(store.engine).get_table_names()


def test_fresh_store_is_at_head(store: Store) -> None:
    assert store.schema_version() == store.revision == head_revision()


def test_migrated_schema_matches_schema_module(store: Store) -> None:
    def ours(name: str | None, kind: str, _: object) -> bool:
        return not (kind == "table" and str(name).startswith(("documents_fts", "alembic")))

    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": ours}
        )
        assert compare_metadata(context, metadata) == []


def test_reopening_does_not_migrate_again(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(url).close()

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("upgrade ran on a store already at head")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    with Store(url) as reopened:
        assert reopened.schema_version() == head_revision()


def test_reopening_keeps_documents(url: str, make_document: Callable[..., Document]) -> None:
    with Store(url) as first:
        first.add(make_document())
    with Store(url) as second:
        assert second.stats().documents == 1


def test_newer_schema_is_refused(url: str) -> None:
    with Store(url) as store, store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match=r"newer than this lagebild knows.*upgrade lagebild"):
        Store(url)


def test_failed_migration_leaves_no_half_schema(tmp_path: Path) -> None:
    path = tmp_path / "clash.db"
    # A table in the way of the last step of revision 0001 (the FTS index).
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE documents_fts (x)")
    with pytest.raises(StoreError, match="documents_fts already exists"):
        Store(str(path))
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert names == {"documents_fts"}


def test_in_memory_store_migrates() -> None:
    with Store("sqlite://") as store:
        assert set(inspect(store.engine).get_table_names()) >= TABLES


def test_current_revision_of_an_unopened_database(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert current_revision(engine) is None


def test_a_new_revision_can_be_generated(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    config = alembic_config()
    config.set_main_option("script_location", str(folder))
    command.revision(config, message="add a column", rev_id="0002")
    (path,) = (folder / "versions").glob("0002_*.py")
    source = path.read_text()
    compile(source, str(path), "exec")
    assert 'down_revision = "0001"' in source or "down_revision = '0001'" in source
