"""An app on a seeded database (SQLite and PostgreSQL), driven over HTTP by Starlette's test client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from pledgewatch.api import create_app
from pledgewatch.config import Settings
from pledgewatch.store import make_engine

from .seed import Seeded, seed

SECRET = b"test-secret-test-secret-test-secret!"
MAX_BYTES = 20_000


@dataclass
class Site:
    app: FastAPI
    client: TestClient
    engine: Engine
    seeded: Seeded

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.seeded.token}"}


def make_site(db_url: str, *, private: bool = False) -> Iterator[Site]:
    engine = make_engine(db_url)
    seeded = seed(engine)
    app = create_app(
        Settings(db_url=db_url, max_bytes=MAX_BYTES), private=private, secret=SECRET, engine=engine
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Site(app, client, engine, seeded)
    engine.dispose()


@pytest.fixture
def site(db_url: str) -> Iterator[Site]:
    """The app on a seeded database, once on SQLite and once on PostgreSQL."""
    yield from make_site(db_url)


@pytest.fixture
def sqlite_site(sqlite_url: str) -> Iterator[Site]:
    yield from make_site(sqlite_url)


@pytest.fixture
def private_site(sqlite_url: str) -> Iterator[Site]:
    yield from make_site(sqlite_url, private=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Run ``app`` in a real uvicorn server on a free 127.0.0.1 port (in a thread); yields its URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
