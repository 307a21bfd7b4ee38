"""The watch state in the store: one folder's files saved, touched, forgotten and moved."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select

from lagebild.errors import StoreError
from lagebild.store import Store
from lagebild.store.migrate import alembic_config
from lagebild.store.schema import watched_files
from lagebild.store.watched import FAILED, FORGET_BATCH, SKIPPED, WatchedFile

INBOX = "/srv/eingang"
#: A modification time in nanoseconds (2026) and a size past 32 bits: both need BigInteger.
MTIME_NS = 1_796_000_000_123_456_789
BIG = 5 * 2**30
FILE = WatchedFile(MTIME_NS, BIG, "ab" * 32)


def ingested_at(store: Store, folder: str, path: str) -> datetime:
    query = select(watched_files.c.ingested_at).where(
        (watched_files.c.folder == folder) & (watched_files.c.path == path)
    )
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one()  # type: ignore[no-any-return]


def test_saved_files_load_back(store: Store) -> None:
    skipped = WatchedFile(1, 0, "", SKIPPED, "no reader for .png files")
    store.watched(INBOX).save("a/crawl.warc.gz", FILE)
    store.watched(INBOX).save("bild.png", skipped)
    assert store.watched(INBOX).load() == {"a/crawl.warc.gz": FILE, "bild.png": skipped}


def test_saving_again_replaces_the_file(store: Store) -> None:
    state = store.watched(INBOX)
    state.save("a.txt", FILE)
    changed = WatchedFile(MTIME_NS + 1, 3, "cd" * 32, FAILED, "ingest failed: OSError")
    state.save("a.txt", changed)
    assert state.load() == {"a.txt": changed}


def test_touch_changes_time_and_size_only(store: Store) -> None:
    state = store.watched(INBOX)
    state.save("a.txt", FILE)
    first_ingest = ingested_at(store, INBOX, "a.txt")
    state.touch("a.txt", MTIME_NS + 5, BIG + 1)
    assert state.load() == {"a.txt": WatchedFile(MTIME_NS + 5, BIG + 1, FILE.digest)}
    assert ingested_at(store, INBOX, "a.txt") == first_ingest


def test_folders_are_kept_apart(store: Store) -> None:
    store.watched(INBOX).save("a.txt", FILE)
    store.watched("/srv/anderer").save("b.txt", FILE)
    assert list(store.watched(INBOX).load()) == ["a.txt"]
    assert store.watched(INBOX).others() == ["/srv/anderer"]


def test_forget_drops_only_the_named_files_of_the_folder(store: Store) -> None:
    for folder in (INBOX, "/srv/anderer"):
        for path in ("a.txt", "b.txt"):
            store.watched(folder).save(path, FILE)
    store.watched(INBOX).forget({"a.txt"})
    assert list(store.watched(INBOX).load()) == ["b.txt"]
    assert sorted(store.watched("/srv/anderer").load()) == ["a.txt", "b.txt"]


def test_forget_takes_more_files_than_one_statement(store: Store) -> None:
    state = store.watched(INBOX)
    names = [f"{number:05d}.txt" for number in range(FORGET_BATCH * 2 + 1)]
    for name in names:
        state.save(name, FILE)
    state.forget(names[1:])
    assert list(state.load()) == names[:1]


def test_take_over_moves_a_folders_files(store: Store) -> None:
    store.watched("/alt/eingang").save("a.txt", FILE)
    store.watched(INBOX).take_over("/alt/eingang")
    assert store.watched(INBOX).load() == {"a.txt": FILE}
    assert store.watched(INBOX).others() == []


def test_a_database_error_is_a_store_error(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE watched_files")
    with pytest.raises(StoreError, match="cannot read what the watch has seen"):
        store.watched(INBOX).load()


def _migrate(url: str, revision: str, down: bool = False) -> set[str]:
    """The database's tables after an upgrade (or downgrade) to ``revision``."""
    engine = create_engine(url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    return tables


def test_upgrade_from_0004_adds_the_table(url: str) -> None:
    assert "watched_files" not in _migrate(url, "0004")
    with Store(url) as store:
        store.watched(INBOX).save("a.txt", FILE)
        assert "watched_files" in inspect(store.engine).get_table_names()


def test_downgrade_to_0004_drops_the_table(url: str) -> None:
    Store(url).close()
    assert "watched_files" not in _migrate(url, "0004", down=True)
