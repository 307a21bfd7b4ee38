"""Alembic environment: runs on the connection lagebild hands over (never reads alembic.ini).

``lagebild.store.migrate.migrate`` opens the transaction and passes its
connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from lagebild.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through lagebild.store.migrate.migrate(engine)")

# Batch mode: SQLite alters tables by copying them, so later revisions stay portable.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
