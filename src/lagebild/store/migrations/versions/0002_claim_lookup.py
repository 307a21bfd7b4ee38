"""Claims filtered in SQL: speaker id and stance columns, casefolded speaker and content
keys, and on SQLite a trigram FTS5 index over the keys for substring matches.

"Claims by X" and "claims about X" used to read every claim row into Python.  The
speaker id is now an indexed column; "the speaker's name contains …" and "the content
names one of these forms …" are substring tests on casefolded copies, answered on
SQLite by a trigram index (external content, kept in step by triggers like
``documents_fts``).  Existing rows are filled from their JSON.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("speaker_id", sa.Text),
    ("stance", sa.String(16)),
    ("speaker_key", sa.Text),
    ("content_key", sa.Text),
)
COMMENTS = {
    "speaker_key": "speaker casefolded, for substring matches",
    "content_key": "content casefolded, for substring matches",
}
#: Rows filled per UPDATE batch.
BATCH = 5_000

FTS5 = (
    """CREATE VIRTUAL TABLE claims_fts USING fts5(speaker_key, content_key, content='claims',
       content_rowid='pk', tokenize='trigram case_sensitive 1')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
       INSERT INTO claims_fts(rowid, speaker_key, content_key)
       VALUES (new.pk, new.speaker_key, new.content_key); END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
       INSERT INTO claims_fts(claims_fts, rowid, speaker_key, content_key)
       VALUES ('delete', old.pk, old.speaker_key, old.content_key); END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
       INSERT INTO claims_fts(claims_fts, rowid, speaker_key, content_key)
       VALUES ('delete', old.pk, old.speaker_key, old.content_key);
       INSERT INTO claims_fts(rowid, speaker_key, content_key)
       VALUES (new.pk, new.speaker_key, new.content_key); END""",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("claims", sa.Column(name, kind, comment=COMMENTS.get(name)))
    op.create_index("ix_claims_speaker_id", "claims", ["speaker_id"])
    _fill()
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS5:
            op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        _postgres_trigram_indexes()


def _postgres_trigram_indexes() -> None:
    """GIN trigram indexes for the substring filters, where pg_trgm may be created.

    The extension ships with PostgreSQL (contrib) but creating it needs the right to;
    without it ``LIKE`` still answers, by a scan.  A savepoint keeps a refusal from
    aborting the migration's transaction."""
    connection = op.get_bind()
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return
    # The extension may live in a schema outside the search path: name its operator class.
    schema = connection.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm'"
    ).scalar_one()
    for name in ("speaker_key", "content_key"):
        opclass = f'"{schema}".gin_trgm_ops'
        op.execute(f"CREATE INDEX search_claims_{name} ON claims USING gin ({name} {opclass})")


def _fill() -> None:
    """The new columns of every stored claim, from its JSON, a batch of rows at a time."""
    connection = op.get_bind()
    claims = sa.table("claims", sa.column("pk"), sa.column("data", sa.JSON))
    target = sa.table("claims", sa.column("pk"), *(sa.column(name) for name, _ in COLUMNS))
    update = (
        sa.update(target)
        .where(target.c.pk == sa.bindparam("key"))
        .values({name: sa.bindparam(f"new_{name}") for name, _ in COLUMNS})
    )
    last = 0
    while True:
        query = sa.select(claims.c.pk, claims.c.data).where(claims.c.pk > last)
        rows = connection.execute(query.order_by(claims.c.pk).limit(BATCH)).all()
        if not rows:
            return
        connection.execute(update, [_values(pk, data) for pk, data in rows])
        last = rows[-1][0]


def _values(pk: int, data: dict[str, Any]) -> dict[str, Any]:
    speaker, content = data.get("speaker"), data.get("content")
    return {
        "key": pk,
        "new_speaker_id": data.get("speaker_id"),
        "new_stance": data.get("stance"),
        "new_speaker_key": None if speaker is None else str(speaker).casefold(),
        "new_content_key": None if content is None else str(content).casefold(),
    }


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS claims_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    for name in ("speaker_key", "content_key"):
        op.execute(f"DROP INDEX IF EXISTS search_claims_{name}")
    op.drop_index("ix_claims_speaker_id", "claims")
    with op.batch_alter_table("claims") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
