"""Options and fixtures of the extractor tests: ``--update-golden`` rewrites tests/golden/*.jsonl."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected claims in tests/golden/ from the current extractor",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    try:
        return bool(request.config.getoption("--update-golden"))
    except ValueError:  # the option is registered only when this directory is on the command line
        return os.environ.get("PLEDGEWATCH_UPDATE_GOLDEN") == "1"


def shared_dir() -> Path | None:
    """The shared evaluation data: $PLEDGEWATCH_SHARED, else <repo>/../shared; None when absent."""
    env = os.environ.get("PLEDGEWATCH_SHARED")
    path = Path(env) if env else REPO.parent / "shared"
    return path if (path / "eval" / "dev" / "gold.jsonl").is_file() else None
