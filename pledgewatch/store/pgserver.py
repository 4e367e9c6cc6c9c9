"""A throwaway PostgreSQL server for tests and benchmarks: Debian's initdb/pg_ctl in a temp dir.

The server listens on a free loopback port and runs as an unprivileged user (``postgres``
when we are root, since PostgreSQL refuses to run as root). Nothing here is used by the
application itself; ``tests/conftest.py`` and ``benchmarks/ingest.py`` share it.

    with PostgresServer() as server:
        url = server.create_database("scratch")   # postgresql://postgres@127.0.0.1:PORT/scratch
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

from pledgewatch.errors import ConfigError


def find_pg_bin() -> Path | None:
    """The directory of Debian's PostgreSQL server binaries (newest version), or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]), reverse=True
    )
    if candidates:
        return Path(candidates[0]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """Start with ``start()`` (or ``with``), stop with ``stop()``; the data dir is removed."""

    def __init__(self, *, fsync: bool = True, user: str = "postgres", bin_dir: Path | None = None) -> None:
        self.fsync = fsync
        self.user = user
        self.port = 0
        self.root: Path | None = None
        self._bin = bin_dir or find_pg_bin()

    # -- running commands as the unprivileged user -------------------------------------
    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd="/")
        if proc.returncode != 0:
            output = proc.stderr.strip() or proc.stdout.strip()
            raise ConfigError(
                f"{Path(args[0]).name} failed ({proc.returncode}): {output}",
                hint="see the PostgreSQL message above",
            )
        return proc

    def start(self) -> PostgresServer:
        if self._bin is None or not (self._bin / "initdb").exists() or not (self._bin / "pg_ctl").exists():
            where = self._bin or "/usr/lib/postgresql/*/bin or PATH"
            raise ConfigError(
                f"PostgreSQL server binaries (initdb, pg_ctl) not found in {where}",
                hint="install Debian's postgresql: bash scripts/install-sysdeps.sh (make test does it)",
            )
        self.root = Path(tempfile.mkdtemp(prefix="pledgewatch-pg-"))
        data = self.root / "data"
        data.mkdir()
        if os.geteuid() == 0:
            entry = pwd.getpwnam(self.user)
            for path in (self.root, data):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            str(self._bin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--no-locale", "--no-sync",
        )  # fmt: skip
        self.port = free_port()
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        if not self.fsync:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            str(self._bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.root / "server.log"),
            "-w", "-t", "60", "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        if self.root is None:
            return
        try:
            if self._bin is not None and (self.root / "data" / "postmaster.pid").exists():
                self._run(str(self._bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')  # type: ignore[arg-type]
        return self.url(name)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
