from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from pledgewatch.store import make_engine
from pledgewatch.store.documents import get_document

Run = Callable[..., Result]
Count = Callable[[str], int]

ARTICLES = {
    "doha": "Qatar pledged $1 billion to the Board of Peace on Thursday.\n",
    "astana": "Kazakhstan will send a field hospital to the International Stabilization Force.\r\n",
    "riyadh": "Saudi Arabia said it would provide $1 billion over the coming years.\n",
}


def write_batch(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_bytes(text.encode())


def test_ingest_stores_a_batch_and_says_so(run: Run, tmp_path: Path, db_url: str) -> None:
    write_batch(tmp_path / "news")
    result = run(
        "--db", db_url, "ingest", "news", "--initiative", "Board of Peace", "--published", "2026-02-20"
    )
    assert result.exit_code == 0, result.output
    assert "stored 3, duplicates 0, failed 0" in result.stdout
    engine = make_engine(db_url)
    with engine.connect() as conn:
        doc = get_document(conn, "astana")
    engine.dispose()
    assert doc is not None and doc.initiative == "Board of Peace" and str(doc.published) == "2026-02-20"
    assert doc.text == ARTICLES["astana"].replace("\r\n", "\n")


def test_ingest_brings_the_ledger_up_to_date(run: Run, tmp_path: Path, db_url: str) -> None:
    write_batch(tmp_path / "news")
    assert run("--db", db_url, "ingest", "news", "--initiative", "Board of Peace").exit_code == 0
    ledger = run("--db", db_url, "ledger", "--format", "json")
    assert ledger.exit_code == 0, ledger.output
    rows = {(p["donor"], p["category"], p["status"]) for p in json.loads(ledger.stdout)["pledges"]}
    assert {("Qatar", "funding", "pledged"), ("Kazakhstan", "medical", "pledged")} <= rows


def test_reingesting_stores_nothing_and_says_so(
    run: Run, tmp_path: Path, db_url: str, stored_count: Count
) -> None:
    write_batch(tmp_path / "news")
    assert run("--db", db_url, "ingest", "news").exit_code == 0
    again = run("--db", db_url, "ingest", "news", "--quiet")
    assert again.exit_code == 0
    assert "stored 0, duplicates 3, failed 0" in again.stdout
    assert "Nothing new" in again.stdout
    assert stored_count(db_url) == 3


def test_every_bad_input_is_one_line_and_the_rest_is_stored(
    run: Run, tmp_path: Path, stored_count: Count
) -> None:
    write_batch(tmp_path / "batch")
    batch = tmp_path / "batch"
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (batch / "broken.txt").write_bytes("Caf\u00e9 ".encode() + b"\xff\xfe")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "huge.txt").write_text("word " * 1000)
    (batch / "lines.jsonl").write_text(
        '{"text": "UN will provide $2 billion."}\n{oops\n{"title": "no text"}\n'
    )
    (batch / "menu.html").write_text("<html><body><nav>Home</nav></body></html>")
    os.mkfifo(batch / "pipe.txt")
    result = run(
        "--db", f"sqlite:///{tmp_path / 'pw.db'}", "ingest", "batch", "missing.txt", "--max-bytes", "2000"
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    expected = {
        "PW101": "missing.txt",
        "PW102": "pipe.txt",
        "PW103": "image.txt",
        "PW104": "broken.txt",
        "PW105": "empty.txt",
        "PW106": "huge.txt",
        "PW107": "lines.jsonl:2",
        "PW108": "lines.jsonl:3",
        "PW109": "menu.html",
    }
    assert sorted(line.split(":")[0] for line in lines) == sorted(expected)
    for line in lines:
        code = line.split(":")[0]
        assert expected[code] in line and "hint:" in line
    assert "stored 4, duplicates 0, failed 9" in result.stdout
    assert stored_count(f"sqlite:///{tmp_path / 'pw.db'}") == 4


def test_the_db_comes_from_the_environment_when_not_given(
    run: Run, tmp_path: Path, stored_count: Count
) -> None:
    write_batch(tmp_path / "news")
    url = f"sqlite:///{tmp_path / 'env.db'}"
    assert run("ingest", "news", env={"PLEDGEWATCH_DB": url}).exit_code == 0
    assert stored_count(url) == 3


def test_the_default_db_is_pledgewatch_db_in_the_working_dir(
    run: Run, tmp_path: Path, stored_count: Count
) -> None:
    write_batch(tmp_path / "news")
    assert run("ingest", "news").exit_code == 0
    assert stored_count(f"sqlite:///{tmp_path / 'pledgewatch.db'}") == 3


def test_stdin_is_read_with_dash(run: Run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    result = run("--db", url, "ingest", "-", "--title", "From a pipe", input="Kuwait pledged $200 million.\n")
    assert result.exit_code == 0 and "stored 1," in result.stdout


def test_a_bad_published_option_is_a_config_error(script: Path, tmp_path: Path) -> None:
    write_batch(tmp_path / "news")
    proc = subprocess.run(
        [
            str(script),
            "--db",
            f"sqlite:///{tmp_path / 'pw.db'}",
            "ingest",
            "news",
            "--published",
            "last week",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("PW900: --published 'last week' is not a date (YYYY-MM-DD)")


def test_ingest_help_teaches_with_examples(run: Run) -> None:
    result = run("ingest", "--help")
    assert result.exit_code == 0
    for option in ("--initiative", "--published", "--url", "--title", "--outlet", "--max-bytes", "--quiet"):
        assert option in result.stdout
    assert "Examples" in result.stdout and "meta.json" in result.stdout


def test_the_installed_script_ingests_without_a_progress_bar_when_piped(script: Path, tmp_path: Path) -> None:
    write_batch(tmp_path / "news")
    (tmp_path / "news" / "empty.txt").write_bytes(b"")
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    proc = subprocess.run(
        [str(script), "--db", url, "ingest", "news"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines()[0].startswith("stored 3, duplicates 0, failed 1")
    assert proc.stderr.strip() == (
        "PW105: news/empty.txt: the file is empty (hint: remove the empty file from the batch)"
    )
    assert "━" not in proc.stdout + proc.stderr  # no progress bar when not a terminal
    again = subprocess.run(
        [str(script), "--db", url, "ingest", "news/doha.txt"], cwd=tmp_path, capture_output=True, text=True
    )
    assert again.returncode == 0 and "stored 0, duplicates 1, failed 0" in again.stdout


@pytest.mark.postgres
def test_the_installed_script_ingests_into_postgresql(
    script: Path, tmp_path: Path, pg_url: str, stored_count: Count
) -> None:
    write_batch(tmp_path / "news")
    lines = [json.dumps({"id": f"j{i}", "text": f"Document number {i}."}) for i in range(5)]
    (tmp_path / "news" / "more.jsonl").write_text("\n".join(lines) + "\n")
    proc = subprocess.run(
        [str(script), "--db", pg_url, "ingest", "news"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "stored 8, duplicates 0, failed 0" in proc.stdout
    assert stored_count(pg_url) == 8


def run_in_terminal(args: list[str], cwd: Path) -> str:
    """Run the script with a pseudo-terminal as its stdout and stderr; return what it wrote."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen(args, cwd=cwd, stdout=slave, stderr=slave, stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize(("quiet", "bar"), [(False, True), (True, False)], ids=["terminal", "quiet"])
def test_a_terminal_gets_a_progress_bar_unless_quiet(
    script: Path, tmp_path: Path, quiet: bool, bar: bool
) -> None:
    write_batch(tmp_path / "news")
    args = [str(script), "--db", f"sqlite:///{tmp_path / 'pw.db'}", "ingest", "news"] + (
        ["--quiet"] if quiet else []
    )
    output = run_in_terminal(args, tmp_path)
    assert "stored 3, duplicates 0, failed 0" in output
    assert ("━" in output) is bar
