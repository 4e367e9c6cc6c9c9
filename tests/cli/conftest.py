from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from pledgewatch.cli import _register_all, app
from pledgewatch.store import make_engine
from pledgewatch.store.documents import count_documents

Run = Callable[..., Result]


@pytest.fixture(scope="session")
def cli_app() -> object:
    if not app.registered_commands:
        _register_all()
    return app


@pytest.fixture
def run(cli_app: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """Run ``pledgewatch ARGS...`` in process through Typer's runner, in a temp working dir."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLEDGEWATCH_DB", raising=False)

    def invoke(*args: str, input: bytes | str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def script() -> Path:
    """The installed ``pledgewatch`` console script next to this Python."""
    path = Path(sys.executable).parent / "pledgewatch"
    if not path.exists():
        pytest.fail(f"the pledgewatch script is not installed at {path}: run `make install`", pytrace=False)
    return path


@pytest.fixture(scope="session")
def stored_count() -> Callable[[str], int]:
    """How many documents the database at a URL holds, read through a fresh engine each time."""

    def count(url: str) -> int:
        engine = make_engine(url)
        with engine.connect() as conn:
            n = count_documents(conn)
        engine.dispose()
        return n

    return count
