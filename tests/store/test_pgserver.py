from __future__ import annotations

import os
from pathlib import Path

import pytest

from pledgewatch.errors import ConfigError
from pledgewatch.store.pgserver import PostgresServer


def test_missing_binaries_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"PW900: PostgreSQL server binaries \(initdb, pg_ctl\) not found"):
        PostgresServer(bin_dir=tmp_path).start()


@pytest.mark.postgres
def test_the_server_runs_as_an_unprivileged_user_on_loopback(pg_server: PostgresServer) -> None:
    assert pg_server.root is not None
    pid = int((pg_server.root / "data" / "postmaster.pid").read_text().split()[0])
    assert os.stat(f"/proc/{pid}").st_uid != 0
    assert pg_server.url().startswith(f"postgresql://postgres@127.0.0.1:{pg_server.port}/")
