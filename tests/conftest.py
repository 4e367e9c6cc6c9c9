"""Shared fixtures: a fresh SQLite file, a fresh database on a real PostgreSQL server, an engine.

``db_url`` runs a test once against each (ids ``sqlite`` and ``postgres``). The PostgreSQL
server (Debian's initdb/pg_ctl, run as the unprivileged ``postgres`` user) starts once per
session, on first use, and stops at the end. Without the binaries the postgres tests FAIL:
``make test`` installs them (scripts/install-sysdeps.sh).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from pledgewatch.errors import PledgewatchError
from pledgewatch.store import make_engine
from pledgewatch.store.pgserver import PostgresServer

_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer(fsync=False)
    try:
        server.start()
    except PledgewatchError as error:
        server.stop()
        pytest.fail(f"cannot start the test PostgreSQL server: {error}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file (created on first use)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    return pg_server.create_database(f"test_{next(_database_numbers)}")


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test that uses it runs twice: on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """``make_engine(db_url)``: the schema migrated to the newest revision."""
    made = make_engine(db_url)
    yield made
    made.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests that ask for pg_url directly are postgres tests too.
    for item in items:
        if "pg_url" in getattr(item, "fixturenames", ()) and "db_url" not in item.fixturenames:
            item.add_marker(pytest.mark.postgres)
