from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, Table, inspect, text

from pledgewatch.errors import DatabaseUnavailableError, StoreError
from pledgewatch.store import make_engine
from pledgewatch.store.engine import MIGRATIONS, current_revision, normalise_url, reset_database
from pledgewatch.store.pgserver import free_port
from pledgewatch.store.tables import metadata

MY_TABLES = {"documents", "actors", "claims", "claim_donors", "memberships"}


def test_engine_migrates_to_the_newest_revision(engine: Engine) -> None:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert current_revision(engine) == head
    assert set(inspect(engine).get_table_names()) >= MY_TABLES


def test_migrated_schema_matches_the_table_definitions(engine: Engine) -> None:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    mine = [d for d in diffs if table_of(d) in MY_TABLES]
    assert mine == []


def table_of(diff: Any) -> str | None:
    """The table an Alembic autogenerate diff is about."""
    if isinstance(diff, list):  # modify_* ops: (op, schema, table, column, ...)
        return str(diff[0][2])
    op, obj = diff[0], diff[1]
    if op in ("add_column", "remove_column"):
        return str(diff[2])
    if isinstance(obj, Table):
        return str(obj.name)
    table = getattr(obj, "table", None)
    return None if table is None else str(table.name)


def test_make_engine_twice_keeps_the_data(db_url: str) -> None:
    first = make_engine(db_url)
    with first.begin() as conn:
        conn.execute(text("INSERT INTO actors (name) VALUES ('Qatar')"))
    first.dispose()
    second = make_engine(db_url)
    with second.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM actors")).scalar_one() == 1
    second.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    engine.dispose()


def test_postgresql_urls_go_through_psycopg(pg_url: str) -> None:
    assert pg_url.startswith("postgresql://")
    assert normalise_url(pg_url).startswith("postgresql+psycopg://")
    engine = make_engine(pg_url)
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(Exception, match="(?i)foreign key"), engine.begin() as conn:
        conn.execute(text("INSERT INTO claim_donors (claim_id, position, actor_id) VALUES (999, 0, 999)"))


def test_a_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="PW200"):
        make_engine("no-such-scheme://x")


def test_an_unreachable_server_is_named() -> None:
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/none?connect_timeout=2"
    with pytest.raises(DatabaseUnavailableError, match="PW201.*127.0.0.1"):
        make_engine(url)


def test_reset_database_leaves_an_empty_database(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO actors (name) VALUES ('Qatar')"))
    engine.dispose()
    reset_database(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM actors")).scalar_one() == 0
    engine.dispose()
