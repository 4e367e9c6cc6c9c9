"""Typed settings, built once at the edge (CLI, API factory) and passed in; never read at import."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///pledgewatch.db"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 0  # 0: one per core
    quiet: bool = False

    @classmethod
    def from_env(cls, db_url: str | None = None, **overrides: object) -> Settings:
        """``--db`` wins over ``PLEDGEWATCH_DB``, which wins over the default."""
        url = db_url or os.environ.get("PLEDGEWATCH_DB") or DEFAULT_DB_URL
        return cls(db_url=url, **overrides)  # type: ignore[arg-type]
