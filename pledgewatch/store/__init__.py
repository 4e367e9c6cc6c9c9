"""The only package that speaks SQL: tables, engine (SQLite or PostgreSQL), writes, queries, migrations."""

from __future__ import annotations

from pledgewatch.store.engine import make_engine

__all__ = ["make_engine"]
