"""Initial schema: documents, record tables, mentions, full-text index (SQLite FTS5,
PostgreSQL ``tsvector`` with the German and English configurations).

Written out table by table, names included, instead of ``metadata.create_all``:
this revision must keep creating exactly the 0001 schema however ``schema.py``
grows later.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: PostgreSQL stores records as JSONB: plain ``json`` has no equality (DISTINCT, UNION).
JSON = sa.JSON().with_variant(JSONB(), "postgresql")
RECORDS = ("entities", "times", "claims", "assessments", "events")


def _filter_columns(name: str) -> list[sa.Column[Any]]:
    """The columns copied from a record for queries (new objects: a Column joins one table)."""
    return {
        "entities": [
            sa.Column("entity_id", sa.Text, nullable=False),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("type", sa.String(16), nullable=False),
        ],
        "times": [sa.Column("value", sa.Text)],
        "claims": [sa.Column("speaker", sa.Text), sa.Column("date", sa.Text)],
        "assessments": [sa.Column("assessor", sa.Text), sa.Column("label", sa.Text)],
        "events": [sa.Column("type", sa.Text), sa.Column("date", sa.Text)],
    }[name]


INDEXES = {
    "documents": ("language", "published"),
    "entities": ("entity_id", "type"),
    "mentions": ("entity_id",),
    "times": ("value",),
    "claims": ("speaker", "date"),
    "assessments": ("assessor",),
    "events": ("type", "date"),
}

# External content: the index holds no copy of the text; triggers keep it in step.
FTS5 = (
    """CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
       content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
       INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
       END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
       INSERT INTO documents_fts(documents_fts, rowid, title, text)
       VALUES ('delete', old.rowid, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
       INSERT INTO documents_fts(documents_fts, rowid, title, text)
       VALUES ('delete', old.rowid, old.title, old.text);
       INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
       END""",
)

#: The text-search configuration of a document's language (``simple`` for others).
POSTGRES_CONFIG = """CASE language WHEN 'de' THEN 'pg_catalog.german'::regconfig
    WHEN 'en' THEN 'pg_catalog.english'::regconfig ELSE 'pg_catalog.simple'::regconfig END"""
# lagebild_fold: lower case, diacritics folded, hyphens and underscores as spaces, as
# FTS5's unicode61 tokenizer does on SQLite ("fahrt" finds "fährt", "S-400" is "s 400";
# PostgreSQL's parser would read "-400" as a signed number).  A SQL function, immutable,
# so the generated column and every query fold the same way without an extension.
FOLD_FROM = (
    "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž-_"
)
FOLD_TO = (
    "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzz  "
)
POSTGRES_SEARCH = (
    f"""CREATE FUNCTION lagebild_fold(value text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
       RETURN translate(lower(value), '{FOLD_FROM}', '{FOLD_TO}')""",
    f"""ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector({POSTGRES_CONFIG}, lagebild_fold(coalesce(title, ''))), 'A')
       || setweight(to_tsvector({POSTGRES_CONFIG}, lagebild_fold(text)), 'B')) STORED""",
    "CREATE INDEX search_documents ON documents USING gin (search_vector)",
)


def upgrade() -> None:
    _documents()
    for name in RECORDS:
        _record_table(name, _filter_columns(name), span_required=name != "entities")
    _mentions()
    for table, columns in INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": FTS5, "postgresql": POSTGRES_SEARCH}.get(dialect, ()):
        op.execute(statement)


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), nullable=False, comment="sha256 of the raw text"),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("published", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("removed", JSON, nullable=False),
        sa.Column("offsets", JSON, nullable=False),
        sa.Column("sentences", JSON, nullable=False),
        sa.Column("metadata", JSON, nullable=False),
        sa.Column("stages", JSON, nullable=False),
        sa.Column("extra", JSON, nullable=False, comment="Document fields without a column yet"),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )


def _record_table(name: str, columns: list[sa.Column[Any]], span_required: bool) -> None:
    op.create_table(
        name,
        sa.Column("pk", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=not span_required),
        sa.Column("end", sa.Integer, nullable=not span_required),
        *columns,
        sa.Column("data", JSON, nullable=False),
        sa.PrimaryKeyConstraint("pk", name=f"pk_{name}"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=f"fk_{name}_document_id",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", "seq", name=f"uq_{name}_document_id_seq"),
    )


def _mentions() -> None:
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("entity_seq", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_mentions"),
        sa.ForeignKeyConstraint(
            ["document_id", "entity_seq"],
            ["entities.document_id", "entities.seq"],
            name="fk_mentions_document_id_entity_seq",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "document_id", "entity_seq", "seq", name="uq_mentions_document_id_entity_seq_seq"
        ),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS search_documents")
        op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS lagebild_fold(text)")
    for name in ("mentions", *RECORDS, "documents"):
        op.drop_table(name)
