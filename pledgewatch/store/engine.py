"""Open a database by URL and bring its schema up to date.

``make_engine("sqlite:///pledgewatch.db")`` or ``make_engine("postgresql://user@host/db")``
returns a SQLAlchemy engine whose schema has every Alembic revision in
``migrations/versions`` applied. SQLite runs in WAL mode with foreign keys on;
PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import StaticPool

from pledgewatch.errors import DatabaseUnavailableError, StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` go through psycopg 3; other URLs pass unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Turn off pysqlite's own transaction handling (it skips BEGIN before DDL and
    # SELECT); SQLAlchemy emits BEGIN itself, so a document's writes are one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str, *, migrate_schema: bool = True) -> Engine:
    """An engine for ``url`` with the schema migrated to the newest revision."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError as error:
        raise StoreError(f"not a database URL: {url!r}") from error
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = StaticPool
            kwargs["connect_args"] = {"check_same_thread": False}
        else:
            kwargs["connect_args"] = {"timeout": 30}
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"cannot use database URL {url!r}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # IMMEDIATE: take the write lock at BEGIN (waiting up to busy_timeout), so a
        # transaction that reads then writes never fails with "database is locked" when
        # another process wrote in between (two ingests into one file lose nothing).
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    if migrate_schema:
        migrate(engine)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply the Alembic revisions up to ``revision`` (all of them by default)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    except OperationalError as error:
        raise DatabaseUnavailableError(
            f"cannot open {engine.url.render_as_string(hide_password=True)}: {error.orig}"
        ) from error


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def reset_database(url: str) -> None:
    """Empty the database at ``url``: an SQLite file is deleted; PostgreSQL's public schema is recreated."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        if parsed.database not in (None, "", ":memory:"):
            for suffix in ("", "-wal", "-shm"):
                Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    engine = make_engine(url, migrate_schema=False)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Migrations may add functions and triggers too: start from an empty schema.
                conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
                conn.exec_driver_sql("CREATE SCHEMA public")
            else:
                existing = MetaData()
                existing.reflect(conn)
                existing.drop_all(conn)
    except OperationalError as error:
        raise DatabaseUnavailableError(
            f"cannot open {parsed.render_as_string(hide_password=True)}"
        ) from error
    finally:
        engine.dispose()
