"""``ledger --rebuild`` on a terminal shows a progress bar over the categories it recomputes."""

from __future__ import annotations

from pathlib import Path

from pledgewatch.records import CATEGORIES
from pledgewatch.store import make_engine
from pledgewatch.store.ledger import RefreshResult, rebuild_ledger
from pledgewatch.workflows import build_demo

from .test_ingest import run_in_terminal


def test_rebuild_reports_each_category_and_the_sum_is_the_result(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    build_demo(url)
    seen: list[tuple[str, RefreshResult]] = []
    engine = make_engine(url)
    with engine.connect() as conn:
        result = rebuild_ledger(conn, lambda category, written: seen.append((category, written)))
        conn.commit()
    engine.dispose()
    assert [category for category, _ in seen] == list(CATEGORIES)
    assert sum(w.pledges for _, w in seen) == result.pledges > 0
    assert sum(w.conflicts for _, w in seen) == result.conflicts > 0


def test_a_terminal_sees_the_rebuild_progress_bar(script: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    build_demo(url)
    output = run_in_terminal([str(script), "--db", url, "ledger", "--rebuild", "--format", "csv"], tmp_path)
    assert "rebuild" in output and "━" in output, output[-500:]
    assert "Rebuilt the ledger:" in output
