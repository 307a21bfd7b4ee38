"""What ``lagebild watch`` has seen of a folder's files, kept in the store (decision 0029).

A folder is named by its resolved absolute path, a file by its path relative to the
folder (``/``-separated), so a folder watched through a symlink or a relative path is
one folder, and a folder that moved can take its state along (``take_over``).  Each
file is saved on its own as soon as it is ingested: a watch that is stopped loses at
most the file it was on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from lagebild.errors import StoreError
from lagebild.store.engine import reason, writer
from lagebild.store.schema import watched_files

#: What a file's last ingest gave: documents (or none, but no Skip), a reader's Skip, or
#: a failure nobody foresaw (the next watch tries the file again).
INGESTED, SKIPPED, FAILED = "ingested", "skipped", "failed"

#: Files deleted per statement when forgetting (SQLite allows 32,766 parameters).
FORGET_BATCH = 500


@dataclass(frozen=True)
class WatchedFile:
    """A file as last looked at: modification time, size, content hash, what its ingest gave."""

    mtime_ns: int
    size: int
    digest: str
    outcome: str = INGESTED
    reason: str = ""


class WatchedFolder:
    """One folder's rows of ``watched_files``: read when a watch starts, written file by file."""

    def __init__(self, engine: Engine, folder: str) -> None:
        self.engine = engine
        self.folder = folder
        self._writer = writer(engine)

    def load(self) -> dict[str, WatchedFile]:
        """Every file recorded for this folder, by relative path."""
        columns = [watched_files.c[name] for name in ("path", *WATCHED_FIELDS)]
        query = select(*columns).where(watched_files.c.folder == self.folder)
        with self._database("cannot read what the watch has seen", writing=False) as connection:
            return {row[0]: WatchedFile(*row[1:]) for row in connection.execute(query)}

    def save(self, path: str, seen: WatchedFile) -> None:
        """Record ``path`` as just ingested with ``seen``, replacing what was recorded."""
        values = {**asdict(seen), "ingested_at": datetime.now(UTC)}
        with self._database(f"cannot record {path} as watched") as connection:
            _upsert(connection, {"folder": self.folder, "path": path, **values})

    def touch(self, path: str, mtime_ns: int, size: int) -> None:
        """A file's new time and size, its content (and ingest time) unchanged."""
        where = _in_folder(self.folder, [path])
        statement = update(watched_files).where(where).values(mtime_ns=mtime_ns, size=size)
        with self._database(f"cannot record {path} as watched") as connection:
            connection.execute(statement)

    def forget(self, paths: Iterable[str]) -> None:
        """Drop the rows of files no longer there."""
        gone = sorted(paths)
        with self._database("cannot forget deleted files") as connection:
            for start in range(0, len(gone), FORGET_BATCH):
                batch = gone[start : start + FORGET_BATCH]
                connection.execute(delete(watched_files).where(_in_folder(self.folder, batch)))

    def others(self) -> list[str]:
        """Every other folder something is recorded for."""
        query = (
            select(watched_files.c.folder).distinct().where(watched_files.c.folder != self.folder)
        )
        with self._database("cannot list watched folders", writing=False) as connection:
            return sorted(connection.execute(query).scalars())

    def take_over(self, old_folder: str) -> None:
        """Make ``old_folder``'s rows this folder's (it was moved here)."""
        statement = (
            update(watched_files)
            .where(watched_files.c.folder == old_folder)
            .values(folder=self.folder)
        )
        with self._database(f"cannot move the watch state of {old_folder}") as connection:
            connection.execute(statement)

    @contextmanager
    def _database(self, action: str, writing: bool = True) -> Iterator[Connection]:
        """A transaction (SQLite's write lock taken at once when writing); database errors
        become StoreErrors saying what failed."""
        try:
            with (self._writer if writing else self.engine).begin() as connection:
                yield connection
        except SQLAlchemyError as error:
            url = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"{action} in {url}: {reason(error)}") from error


WATCHED_FIELDS = tuple(WatchedFile.__dataclass_fields__)


def _in_folder(folder: str, paths: list[str]) -> Any:
    return (watched_files.c.folder == folder) & watched_files.c.path.in_(paths)


def _upsert(connection: Connection, row: dict[str, Any]) -> None:
    """Insert ``row`` or replace the one with its folder and path, in one statement where the
    dialect has one (two watchers of a folder then cannot collide)."""
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        statement = (sqlite if dialect == "sqlite" else postgresql).insert(watched_files)
        changed = {name: statement.excluded[name] for name in row if name not in ("folder", "path")}
        connection.execute(
            statement.values(row).on_conflict_do_update(
                index_elements=["folder", "path"], set_=changed
            )
        )
        return
    connection.execute(delete(watched_files).where(_in_folder(row["folder"], [row["path"]])))
    connection.execute(insert(watched_files).values(row))
