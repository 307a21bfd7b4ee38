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
from sqlalchemy import create_engine, inspect, text

from lagebild.errors import StoreError
from lagebild.records import Document
from lagebild.store import Store, current_revision, head_revision
from lagebild.store.claims import ClaimFilter
from lagebild.store.migrate import MIGRATIONS, alembic_config
from lagebild.store.rows import document_row
from lagebild.store.schema import documents, metadata

TABLES = {
    "documents",
    "entities",
    "mentions",
    "times",
    "claims",
    "assessments",
    "events",
    "event_entities",
}


#: Tables the migrations make that ``schema.py`` does not describe: SQLite's FTS5 indexes.
FTS = ("documents_fts", "claims_fts")
#: What the migrations make for search on PostgreSQL that ``schema.py`` does not describe.
POSTGRES_SEARCH_COLUMN = "search_vector"
POSTGRES_SEARCH_INDEXES = (
    "search_documents",
    "search_claims_speaker_key",
    "search_claims_content_key",
)


@pytest.mark.parametrize("table", sorted(TABLES | {*FTS, "alembic_version"}))
def test_fresh_store_has_every_table(store: Store, table: str) -> None:
    if table in FTS and store.engine.dialect.name != "sqlite":
        pytest.skip("FTS5 tables are SQLite's search index")
    assert table in inspect(store.engine).get_table_names()


def test_postgres_store_has_its_search_vector_and_indexes(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's search index")
    columns = {column["name"] for column in inspect(store.engine).get_columns("documents")}
    indexes = {
        index["name"]
        for table in ("documents", "claims")
        for index in inspect(store.engine).get_indexes(table)
    }
    assert POSTGRES_SEARCH_COLUMN in columns and indexes >= set(POSTGRES_SEARCH_INDEXES)


def test_fresh_store_is_at_head(store: Store) -> None:
    assert store.schema_version() == store.revision == head_revision()


def test_migrated_schema_matches_schema_module(store: Store) -> None:
    def ours(name: str | None, kind: str, _: object) -> bool:
        searching = (kind == "table" and str(name).startswith((*FTS, "alembic"))) or (
            name == POSTGRES_SEARCH_COLUMN or name in POSTGRES_SEARCH_INDEXES
        )
        return not searching

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
    head = head_revision()
    following = f"{int(head) + 1:04d}"
    command.revision(config, message="add a column", rev_id=following)
    (path,) = (folder / "versions").glob(f"{following}_*.py")
    source = path.read_text()
    compile(source, str(path), "exec")
    assert f'down_revision = "{head}"' in source or f"down_revision = '{head}'" in source


def _at_revision(url: str, revision: str) -> None:
    """A store brought to ``revision`` only (an older lagebild's database)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _document_row() -> dict[str, object]:
    document = Document(id="d", raw_text="x", text="x", source="d.txt")
    return document_row(document, document.model_dump(mode="json"))


def test_upgrade_fills_claim_columns_from_stored_claims(url: str) -> None:
    _at_revision(url, "0001")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(documents.insert(), _document_row())
        connection.execute(
            text(
                'INSERT INTO claims (document_id, seq, start, "end", data)'
                " VALUES ('d', 0, 0, 1, :data)"
            ),
            {
                "data": '{"start": 0, "end": 1, "speaker": "Herr ÖZ", "speaker_id": "person/oz",'
                ' "content": "In DER Straße"}'
            },
        )
    engine.dispose()
    with Store(url) as store:
        hits = store.claims(ClaimFilter(speaker="person/oz", about="der straße"))
    assert [hit.claim.speaker for hit in hits] == ["Herr ÖZ"]


def test_downgrade_to_the_first_revision_drops_the_claim_index(url: str) -> None:
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    names = set(inspect(engine).get_table_names())
    columns = {column["name"] for column in inspect(engine).get_columns("claims")}
    engine.dispose()
    assert "claims_fts" not in names and "speaker_key" not in columns


def test_upgrade_links_stored_events_to_their_entities(url: str) -> None:
    _at_revision(url, "0002")
    event = (
        '{"start": 0, "end": 1, "type": "CONSULT", "targets": [{"start": 0, "end": 1, '
        '"text": "P", "name": "P", "entity_id": "person/p"}]}'
    )
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(documents.insert(), _document_row())
        connection.execute(
            text(
                'INSERT INTO events (document_id, seq, start, "end", data)'
                " VALUES ('d', 0, 0, 1, :data)"
            ),
            {"data": event},
        )
    engine.dispose()
    with Store(url) as store, store.engine.connect() as connection:
        links = connection.exec_driver_sql(
            "SELECT document_id, event_seq, entity_id FROM event_entities"
        )
        assert links.all() == [("d", 0, "person/p")]
