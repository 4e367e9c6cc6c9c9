"""Alembic migrations of the pledgewatch schema; run by ``store.engine.migrate``, no alembic.ini needed."""
