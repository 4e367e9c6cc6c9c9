"""Alembic environment: run by ``pledgewatch.store.engine.migrate`` with an open connection.

To write a new revision by hand, copy the newest file in ``versions/`` and set
``down_revision`` to its ``revision``.
"""

from __future__ import annotations

from alembic import context

from pledgewatch.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
