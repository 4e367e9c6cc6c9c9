"""The stored ledger: incremental refresh equals rebuild, queries, totals, as-of, schema."""

import dataclasses
import datetime as dt
from dataclasses import replace

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, select, update

import pledgewatch.store.ledger_tables  # noqa: F401  (registers the ledger tables in the metadata)
from pledgewatch.ledger import build_ledger, totals
from pledgewatch.store import ledger_tables, make_engine
from pledgewatch.store.engine import MIGRATIONS
from pledgewatch.store.ledger import rebuild_ledger
from pledgewatch.store.ledger_inputs import INPUT_COLUMNS
from pledgewatch.store.ledger_load import load_claims
from pledgewatch.store.ledger_queries import (
    LedgerFilter,
    count_pledges,
    donor_timeline,
    ledger_summary,
    list_conflicts,
    list_pledges,
)
from pledgewatch.store.review import reextract_document
from pledgewatch.store.tables import metadata

from .corpus import corpus, ingest, snapshot

LEDGER_TABLES = {"pledges", "pledge_claims", "pledge_members", "conflicts", "conflict_claims", "review_log"}


def test_migration_matches_the_ledger_table_definitions(engine: Engine) -> None:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in diffs if any(f"'{name}'" in repr(d) for name in LEDGER_TABLES)] == []


def test_incremental_refresh_equals_rebuild_and_the_pure_ledger(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        incremental = snapshot(conn)
        found, sources = load_claims(conn)
        pure = build_ledger(found, documents=sources)
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental
    assert [dataclasses.replace(p, id=None) for p in pure.pledges] == incremental[0]
    assert list(pure.conflicts) == incremental[1]


def test_links_without_a_copy_are_read_from_the_claims_and_copied_again(engine: Engine) -> None:
    """A database from before revision 0005 has links with no copy of their claims and conflicts
    with no copy of their sides: a refresh reads those the old way, gives the rows a rebuild
    gives, and copies them."""
    items = corpus()
    with engine.connect() as conn:
        ingest(conn, items[:2])
        blank = dict.fromkeys(INPUT_COLUMNS)
        conn.execute(update(ledger_tables.pledge_claims).values(blank))
        conn.execute(update(ledger_tables.conflicts).values(sides=None))
        conn.commit()
        ingest(conn, items[2:])  # touches Kazakhstan's and the UAE's funding rows
        uncopied = conn.execute(
            select(func.count())
            .select_from(ledger_tables.pledge_claims)
            .where(ledger_tables.pledge_claims.c.stance.is_(None))
        ).scalar_one()
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        rebuilt = snapshot(conn)
    assert incremental[:2] == rebuilt[:2]
    assert 0 < uncopied < len(rebuilt[2]), "rows the refresh touched were copied, the others not yet"
    assert not any(_uncopied(row) for row in rebuilt[2]), "a rebuild copies every link and conflict"


def test_a_ledger_from_revision_0004_upgrades_and_refreshes_like_a_rebuild(db_url: str) -> None:
    """Down to 0004 (the copies' columns dropped, every other row kept), up again (copies
    empty), then an ingest: the refreshed rows equal a rebuild's and nothing stored was lost."""
    items = corpus()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        ingest(conn, items[:2])
        before = snapshot(conn)
    _alembic(engine, "downgrade", "0004_ledger_groups")
    engine.dispose()
    engine = make_engine(db_url)  # upgrades to the newest revision again
    with engine.connect() as conn:
        restored = snapshot(conn)
        ingest(conn, items[2:])
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        rebuilt = snapshot(conn)
    engine.dispose()
    assert restored[:2] == before[:2], "the ledger rows and conflict sides survive the round trip"
    assert restored[2] and all(_uncopied(row) for row in restored[2]), "copies are empty after the upgrade"
    assert incremental[:2] == rebuilt[:2]


def _uncopied(row: tuple[str, ...]) -> bool:
    """A row of ``snapshot()[2]`` without its copy: a link's stance or a conflict's sides NULL."""
    return row[4] == "None" if len(row) > 6 else row[5] == "None"


def _alembic(engine: Engine, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


def test_reextraction_that_reuses_claim_ids_keeps_the_conflict_sides(engine: Engine) -> None:
    """Re-extracting the last document deletes its claims (their conflict sides go with them)
    and stores the same claims again; SQLite gives them the freed ids. The conflicts' copies of
    their sides still name those ids, but the sides must be stored again, as a rebuild does."""
    items = corpus()
    with engine.connect() as conn:
        ingest(conn, items)
        before = {c.id for c in load_claims(conn)[0] if c.doc_id == "gamma"}
        document, extraction = items[-1]
        reextract_document(conn, document.doc_id, replace(extraction, extractor_version="v2"), user="t")
        conn.commit()
        after = {c.id for c in load_claims(conn)[0] if c.doc_id == "gamma"}
        incremental = snapshot(conn)
        rebuild_ledger(conn)
        conn.commit()
        rebuilt = snapshot(conn)
    if engine.dialect.name == "sqlite":
        assert after == before, "SQLite reused the freed ids (the case this test is about)"
    assert any(c.claim_ids_a and c.claim_ids_b for c in rebuilt[1])
    assert incremental == rebuilt


def test_ingest_order_does_not_change_the_stored_ledger(sqlite_url: str, tmp_path) -> None:
    from pledgewatch.store import make_engine

    first = make_engine(sqlite_url)
    second = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with first.connect() as a, second.connect() as b:
        ingest(a, corpus())
        ingest(b, corpus()[::-1])
        pa, ca, _ = snapshot(a)
        pb, cb, _ = snapshot(b)
    strip = lambda rows: [dataclasses.replace(r, claim_ids=()) for r in rows]  # noqa: E731
    conflict_key = lambda rows: [(c.kind, c.donor, c.category, c.detail) for c in rows]  # noqa: E731
    assert strip(pa) == strip(pb) and conflict_key(ca) == conflict_key(cb)
    first.dispose()
    second.dispose()


def test_queries_filter_and_link_group_pledges_to_members(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        kazakh = list_pledges(conn, LedgerFilter(donor="Toqaev"))
        assert [(p.donor, p.category, p.status) for p in kazakh] == [
            ("Kazakhstan", "education", "pledged"),
            ("Kazakhstan", "funding", "disputed"),
            ("Kazakhstan", "medical", "pledged"),
            ("Kazakhstan + Qatar + United Arab Emirates", "funding", "pledged"),
        ]
        assert kazakh[3].group == ("Kazakhstan", "Qatar", "United Arab Emirates")
        assert [p.donor for p in list_pledges(conn, LedgerFilter(donor="Qatar"))] == [kazakh[3].donor]
        assert count_pledges(conn, LedgerFilter(status="disputed")) == 1
        assert len(list_pledges(conn, limit=2, offset=1)) == 2
        education = kazakh[0]
        assert education.pledged is not None and education.pledged.value == 300
        assert education.units == ("grants",) and education.recipient is None
        kinds = {(c.donor, c.kind) for c in list_conflicts(conn, LedgerFilter(donor="Kazakhstan"))}
        assert kinds == {("Kazakhstan", "stance"), ("Kazakhstan", "date")}


def test_revised_figure_counts_once_and_conflicts_across_outlets(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        joint, uae = list_pledges(conn, LedgerFilter(donor="United Arab Emirates", category="funding"))
        assert joint.group and joint.pledged_usd == 7e9
        assert uae.donor == "United Arab Emirates" and uae.pledged_usd == 1.5e9
        assert [r.value for r in uae.revisions] == [1.2e9]
        amount = list_conflicts(conn, LedgerFilter(donor="UAE"), kind="amount")
        assert len(amount) == 1 and amount[0].detail.startswith("pledge: 1,200,000,000 USD vs 1,500,000,000")


def test_sql_summary_equals_the_pure_totals(engine: Engine) -> None:
    with engine.connect() as conn:
        ingest(conn, corpus())
        stored = ledger_summary(conn)
        assert stored == totals(list_pledges(conn, limit=None))
        assert stored.pledged.usd == 1.5e9 and stored.joint_pledged.usd == 7e9
        assert stored.pledged.counts == (("grants", 300.0),)
        assert stored.pledged.unknown == 2  # Kazakhstan funding and medical: no figure, not zero


def test_as_of_shows_what_was_published_by_then(sqlite_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())

        def rows(day: str) -> list[tuple[str, str, str]]:
            found = list_pledges(conn, LedgerFilter(donor="Kazakhstan", as_of=dt.date.fromisoformat(day)))
            return [(p.donor, p.category, p.status) for p in found]

        assert rows("2026-01-01") == []
        assert ("Kazakhstan", "funding", "disputed") not in rows("2026-01-31")
        assert ("Kazakhstan", "funding", "disputed") in rows("2026-02-28")
        now = [(p.donor, p.category, p.status) for p in list_pledges(conn, LedgerFilter(donor="Kazakhstan"))]
        assert rows("2026-12-31") == now
    engine.dispose()


def test_donor_timeline_lists_claims_with_sources_oldest_first(sqlite_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, corpus())
        timeline = donor_timeline(conn, "Kazakhstan")
        assert [v.source.doc_id for v in timeline] == ["alpha", "alpha", "alpha", "beta", "gamma"]
        assert timeline[3].claim.stance == "deny" and timeline[3].source.outlet == "Gulf Courier"
        assert timeline[3].claim.evidence.text.startswith("Officials in Astana said no money")
    engine.dispose()


def test_a_later_larger_joint_pledge_absorbs_an_earlier_partial_one(sqlite_url: str) -> None:
    from pledgewatch.records import Extraction
    from pledgewatch.store import make_engine

    from .corpus import at, document

    partial = "Qatar and the UAE were among the nations that pledged $7 billion together."
    items = [
        (
            document("early", partial, "2026-02-01"),
            Extraction(
                (at(partial, "Qatar", donors=("Qatar", "UAE"), amount=(7e9, "USD"), collective=True),)
            ),
        ),
        *corpus(),
    ]
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        ingest(conn, items)
        incremental = snapshot(conn)
        groups = [p for p in incremental[0] if p.group]
        assert [p.group for p in groups] == [("Kazakhstan", "Qatar", "United Arab Emirates")]
        assert len(groups[0].claim_ids) == 2 and groups[0].sources == 2
        rebuild_ledger(conn)
        conn.commit()
        assert snapshot(conn) == incremental
    engine.dispose()


def test_rebuild_leaves_fresh_planner_statistics_on_postgres(pg_url: str) -> None:
    from pledgewatch.store import make_engine

    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            ingest(conn, corpus())
            rebuild_ledger(conn)
            conn.commit()
            for table in ("pledges", "pledge_claims", "conflicts", "conflict_claims"):
                rows = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                estimate = conn.exec_driver_sql(
                    "SELECT reltuples FROM pg_class WHERE relname = %(name)s", {"name": table}
                ).scalar_one()
                assert rows > 0
                assert estimate == rows, table
    finally:
        engine.dispose()
