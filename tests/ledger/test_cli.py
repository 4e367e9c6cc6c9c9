"""The ledger and review commands through Typer's runner, on a database filled from the test corpus."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from pledgewatch.cli import _register_all, app
from pledgewatch.store import make_engine

from .corpus import corpus, ingest

runner = CliRunner()
_register_all()


@pytest.fixture
def filled(sqlite_url: str) -> str:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
    engine.dispose()
    return sqlite_url


def run(url: str, *args: str, input: str | None = None):
    result = runner.invoke(app, ["--db", url, *args], input=input, env={"USER": "tester"})
    assert result.exit_code == 0, result.output
    return result


def test_ledger_json_has_pledges_totals_and_conflicts(filled: str) -> None:
    out = json.loads(run(filled, "ledger", "--donor", "Tokayev", "--format", "json").stdout)
    rows = {(p["donor"], p["category"]): p for p in out["pledges"]}
    assert rows[("Kazakhstan", "funding")]["status"] == "disputed"
    assert rows[("Kazakhstan", "education")]["pledged"] == {"value": 300, "unit": "grants"}
    joint = rows[("Kazakhstan + Qatar + United Arab Emirates", "funding")]
    assert joint["group"] == ["Kazakhstan", "Qatar", "United Arab Emirates"] and joint["pledged_usd"] == 7e9
    assert out["totals"]["joint_pledged"]["usd"] == 7e9 and out["totals"]["pledged"]["unknown"] == 2
    assert {"date", "stance"} <= {c["kind"] for c in out["conflicts"]}


def test_ledger_filters_table_and_csv(filled: str) -> None:
    table = run(filled, "ledger", "--status", "disputed").stdout
    assert "Kazakhstan" in table and "disputed" in table and "Qatar" not in table
    rows = list(csv.DictReader(io.StringIO(run(filled, "ledger", "--format", "csv").stdout)))
    assert {r["donor"] for r in rows} >= {"Kazakhstan", "United Arab Emirates"}
    uae = next(r for r in rows if r["donor"] == "United Arab Emirates")
    assert uae["pledged_value"] == "1500000000" and uae["revisions"] == "1200000000 USD"


def test_ledger_as_of_and_rebuild(filled: str) -> None:
    early = json.loads(run(filled, "ledger", "--as-of", "2026-01-31", "--format", "json").stdout)
    assert {p["donor"] for p in early["pledges"]} == {"Kazakhstan"}
    before = json.loads(run(filled, "ledger", "--format", "json").stdout)
    after = json.loads(run(filled, "ledger", "--rebuild", "--format", "json").stdout)
    strip = lambda out: [{**p, "id": None} for p in out["pledges"]]  # noqa: E731
    assert strip(before) == strip(after)


def test_bad_as_of_is_a_clear_error(filled: str) -> None:
    result = runner.invoke(app, ["--db", filled, "ledger", "--as-of", "last week"])
    assert result.exit_code != 0


def test_show_gives_pledges_timeline_and_evidence(filled: str) -> None:
    out = run(filled, "show", "Toqaev").stdout
    assert "Kazakhstan" in out and "Officials in Astana said no money" in out and "Gulf Courier" in out
    data = json.loads(run(filled, "show", "the UAE", "--format", "json").stdout)
    assert data["donor"] == "United Arab Emirates" and len(data["timeline"]) == 3


def test_conflicts_name_both_sides_with_evidence_and_source(filled: str) -> None:
    data = json.loads(run(filled, "conflicts", "--format", "json").stdout)["conflicts"]
    stance = next(c for c in data if c["kind"] == "stance")
    assert stance["side_a"][0]["source"]["doc_id"] == "alpha"
    assert stance["side_b"][0]["evidence"].startswith("Officials in Astana")
    assert "side A" in run(filled, "conflicts").stdout


def test_review_commands_change_claims_and_log_the_user(filled: str) -> None:
    queue = json.loads(run(filled, "review", "list", "--format", "json").stdout)
    deny = next(c for c in queue if c["stance"] == "deny")
    run(filled, "review", "reject", str(deny["id"]), "--why", "other fund")
    medical = next(c for c in queue if c["category"] == "medical")
    run(filled, "review", "edit", str(medical["id"]), "--amount", "2 field hospitals", "--user", "ana")
    run(filled, "review", "accept", str(queue[0]["id"]))
    log = json.loads(run(filled, "review", "log", "--format", "json").stdout)
    assert [(e["action"], e["user"]) for e in log] == [
        ("accept", "tester"),
        ("edit", "ana"),
        ("reject", "tester"),
    ]
    assert log[2]["reason"] == "other fund"
    out = json.loads(run(filled, "ledger", "--donor", "Kazakhstan", "--format", "json").stdout)
    funding = next(p for p in out["pledges"] if p["category"] == "funding" and not p["group"])
    assert funding["status"] == "pledged"


def test_review_add_requires_evidence_in_the_document(filled: str) -> None:
    ok = run(
        filled,
        "review",
        "add",
        "beta",
        "--donors",
        "Uzbekistan",
        "--category",
        "reconstruction",
        "--evidence",
        "Officials in Astana said no money has been transferred by Kazakhstan so far.",
    )
    assert "accepted" in ok.stdout
    bad = runner.invoke(
        app,
        [
            "--db",
            filled,
            "review",
            "add",
            "beta",
            "--donors",
            "Uzbekistan",
            "--category",
            "food",
            "--evidence",
            "Uzbekistan sent wheat.",
        ],
    )
    assert bad.exit_code != 0


def test_interactive_review_queue(filled: str) -> None:
    # accept the first claim, reject the second with a reason, edit the third, skip, then quit
    result = run(filled, "review", "--user", "cy", input="a\nr\nnot a pledge\ne\nstage\ndelivered\ns\nq\n")
    assert "claim #" in result.stdout and "Reviewed 4 claims" in result.stdout
    log = json.loads(run(filled, "review", "log", "--format", "json").stdout)
    assert [e["action"] for e in log] == ["skip", "edit", "reject", "accept"]
    assert all(e["user"] == "cy" for e in log)


def test_overview_for_the_demo_prints_ledger_totals_and_conflicts(filled: str, capsys) -> None:
    from pledgewatch.cli.ledger import print_ledger_overview

    print_ledger_overview(filled)
    out = capsys.readouterr().out
    assert "Ledger" in out and "disputed" in out and "Pledged:" in out
    assert "stance conflict" in out and "Officials in Astana" in out


def test_reextract_command_keeps_reviewed_claims(filled: str) -> None:
    queue = json.loads(run(filled, "review", "list", "--format", "json").stdout)
    deny = next(c for c in queue if c["stance"] == "deny")
    run(filled, "review", "reject", str(deny["id"]), "--why", "misread")
    out = run(filled, "review", "reextract", "beta", "--workers", "1").stdout
    assert "beta:" in out and "1 reviewed kept" in out
    log = json.loads(run(filled, "review", "log", "--format", "json").stdout)
    assert log[0]["action"] == "reextract" and log[0]["doc_id"] == "beta"
    from pledgewatch.store.claims import get_claim

    engine = make_engine(filled)
    with engine.connect() as conn:
        kept = get_claim(conn, deny["id"])
    engine.dispose()
    assert kept is not None
    assert kept.review_state == "rejected" and kept.evidence.text == deny["evidence"]
