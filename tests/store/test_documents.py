from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import Engine, func, select

from pledgewatch.errors import DocumentNotStoredError
from pledgewatch.records import Amount, Claim, Evidence, Extraction, Membership
from pledgewatch.sources.base import make_document
from pledgewatch.store.actors import classify
from pledgewatch.store.documents import (
    count_claims,
    count_documents,
    get_document,
    list_claims,
    list_documents,
    list_memberships,
    save_document,
    stored_doc_id,
)
from pledgewatch.store.tables import actors, claims, documents

TEXT = (
    "Astana, 5 March.\r\nQatar pledged $1 billion to the Board of Peace.\n"
    "Kazakhstan will send a field hospital. Kosovo signed the charter in Davos.\n"
)


def span(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def extraction_for(text: str) -> Extraction:
    return Extraction(
        claims=(
            Claim(
                donors=("Qatar",),
                stance="commit",
                stage="pledge",
                category="funding",
                evidence=span(text, "Qatar pledged $1 billion to the Board of Peace."),
                amount=Amount(1_000_000_000, "USD"),
                date=dt.date(2026, 2, 19),
                rule="pledged-amount",
            ),
            Claim(
                donors=("Kazakhstan", "World Bank"),
                stance="commit",
                stage="pledge",
                category="medical",
                evidence=span(text, "Kazakhstan will send a field hospital."),
                collective=True,
            ),
        ),
        memberships=(
            Membership(
                member="Kosovo",
                action="signed_charter",
                evidence=span(text, "Kosovo signed the charter in Davos."),
            ),
        ),
        extractor_version="test-1",
    )


def test_a_document_round_trips_with_its_exact_text(engine: Engine) -> None:
    doc = make_document(
        TEXT, "astana", url="https://example.org/a", published=dt.date(2026, 3, 5), outlet="Wire"
    )
    with engine.connect() as conn:
        result = save_document(conn, doc, extraction_for(TEXT))
        assert result.stored and result.claims == 2 and result.memberships == 1
        back = get_document(conn, "astana")
    assert back == doc
    assert back is not None and back.text == TEXT  # the CR is kept: the text is stored as given


def test_claims_come_back_with_donors_offsets_and_document(engine: Engine) -> None:
    doc = make_document(TEXT, "astana", published=dt.date(2026, 3, 5))
    with engine.connect() as conn:
        save_document(conn, doc, extraction_for(TEXT))
        got = list_claims(conn, doc_id="astana")
    assert [c.donors for c in got] == [("Qatar",), ("Kazakhstan", "World Bank")]
    first, second = got
    assert first.amount == Amount(1_000_000_000, "USD") and first.date == dt.date(2026, 2, 19)
    assert first.rule == "pledged-amount" and first.extractor_version == "test-1"
    assert first.doc_id == "astana" and first.published == dt.date(2026, 3, 5)
    assert first.review_state == "machine" and first.id is not None
    assert second.collective and second.amount is None
    assert all(c.evidence.check(TEXT) for c in got)
    assert first.to_spec() == extraction_for(TEXT).claims[0].to_spec()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"donor": "Kazakhstan"}, [("Kazakhstan", "World Bank")]),
        ({"donor": "World Bank"}, [("Kazakhstan", "World Bank")]),
        ({"donor": "Qatar", "category": "funding"}, [("Qatar",)]),
        ({"category": "security"}, []),
        ({"review_state": "machine"}, [("Qatar",), ("Kazakhstan", "World Bank")]),
        ({"review_state": "accepted"}, []),
        ({"doc_id": "other"}, []),
    ],
)
def test_list_claims_filters(
    engine: Engine, filters: dict[str, str], expected: list[tuple[str, ...]]
) -> None:
    with engine.connect() as conn:
        save_document(conn, make_document(TEXT, "astana"), extraction_for(TEXT))
        assert [c.donors for c in list_claims(conn, **filters)] == expected  # type: ignore[arg-type]
        assert count_claims(conn, **filters) == len(expected)  # type: ignore[arg-type]


def test_claims_of_one_document_in_text_order_of_many_in_stored_order(engine: Engine) -> None:
    from pledgewatch.store.review import add_claim

    later = TEXT + "Qatar will also send food.\n"
    with engine.connect() as conn:
        save_document(conn, make_document(TEXT, "astana"), extraction_for(TEXT))
        save_document(conn, make_document(later, "doha"), extraction_for(later))
        hospital = span(TEXT, "Kazakhstan will send a field hospital.")
        staff = Claim(("Kazakhstan",), "commit", "pledge", "expertise", hospital)
        added = add_claim(conn, "astana", staff, user="analyst")
        everything = list_claims(conn)
        astana = list_claims(conn, doc_id="astana")
    assert [c.id for c in everything] == sorted(c.id for c in everything)
    assert [(c.doc_id, c.category) for c in everything] == [
        ("astana", "funding"),
        ("astana", "medical"),
        ("doha", "funding"),
        ("doha", "medical"),
        ("astana", "expertise"),
    ]
    assert [c.category for c in astana] == ["funding", "medical", "expertise"] and astana[-1].id == added.id


def test_memberships_come_back(engine: Engine) -> None:
    with engine.connect() as conn:
        save_document(conn, make_document(TEXT, "astana"), extraction_for(TEXT))
        (got,) = list_memberships(conn, member="Kosovo")
        assert list_memberships(conn, action="declined") == []
    assert got.action == "signed_charter" and got.doc_id == "astana" and got.evidence.check(TEXT)


def test_the_same_text_is_stored_once(engine: Engine) -> None:
    with engine.connect() as conn:
        first = save_document(conn, make_document(TEXT, "a"), extraction_for(TEXT))
        again = save_document(conn, make_document(TEXT, "b", title="other"), extraction_for(TEXT))
        assert first.stored and not again.stored and again.doc_id == "a"
        assert count_documents(conn) == 1 and count_claims(conn) == 2
        assert stored_doc_id(conn, make_document(TEXT, "x").content_hash) == "a"
        assert stored_doc_id(conn, "0" * 64) is None


def test_a_different_text_under_a_taken_id_gets_a_suffix(engine: Engine) -> None:
    other = make_document("Another text entirely.", "astana")
    with engine.connect() as conn:
        save_document(conn, make_document(TEXT, "astana"), Extraction())
        result = save_document(conn, other, Extraction())
        assert result.stored and result.doc_id == f"astana-{other.content_hash[:8]}"
        assert [d.doc_id for d in list_documents(conn)] == ["astana", result.doc_id]


def test_a_failing_claim_leaves_no_half_document(engine: Engine) -> None:
    good = extraction_for(TEXT)
    bad_claim = Claim(
        donors=("Qatar",),
        stance="commit",
        stage="pledge",
        category="weapons",  # type: ignore[arg-type]  # violates the category check
        evidence=span(TEXT, "Qatar pledged $1 billion to the Board of Peace."),
    )
    bad = Extraction(claims=(good.claims[0], bad_claim), memberships=good.memberships)
    with engine.connect() as conn:
        with pytest.raises(DocumentNotStoredError, match="(?i)PW202.*check"):
            save_document(conn, make_document(TEXT, "astana"), bad)
        assert conn.execute(select(func.count()).select_from(documents)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(claims)).scalar_one() == 0
        conn.rollback()
        assert save_document(conn, make_document(TEXT, "astana"), good).stored


def test_inside_a_caller_transaction_the_caller_decides(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.begin()
        save_document(conn, make_document(TEXT, "astana"), extraction_for(TEXT))
        conn.rollback()
        assert count_documents(conn) == 0


def test_donors_become_actors_with_kind_and_iso3(engine: Engine) -> None:
    with engine.connect() as conn:
        save_document(conn, make_document(TEXT, "astana"), extraction_for(TEXT))
        rows = {r.name: (r.kind, r.iso3) for r in conn.execute(select(actors))}
    assert rows["Qatar"] == ("state", "QAT")
    assert rows["Kazakhstan"] == ("state", "KAZ")
    assert rows["World Bank"] == (None, None)
    assert "Kosovo" in rows


@pytest.mark.parametrize(
    ("name", "expected"),
    [("United Arab Emirates", ("state", "ARE")), ("United States", ("state", "USA")), ("FIFA", (None, None))],
)
def test_classify_names_states_by_iso(name: str, expected: tuple[str | None, str | None]) -> None:
    assert classify(name) == expected


def test_list_documents_filters_by_initiative_and_date(engine: Engine) -> None:
    with engine.connect() as conn:
        for i, (initiative, day) in enumerate(
            [("Board of Peace", 19), ("Other", 20), ("Board of Peace", 21)]
        ):
            doc = make_document(f"text {i}", f"d{i}", initiative=initiative, published=dt.date(2026, 2, day))
            save_document(conn, doc, Extraction())
        assert [d.doc_id for d in list_documents(conn, initiative="Board of Peace")] == ["d0", "d2"]
        assert [d.doc_id for d in list_documents(conn, published_from=dt.date(2026, 2, 20))] == ["d1", "d2"]
        assert [d.doc_id for d in list_documents(conn, limit=1, offset=1)] == ["d1"]


def test_evidence_that_does_not_fit_the_text_is_refused(engine: Engine) -> None:
    good = extraction_for(TEXT)
    moved = replace(good.claims[0], evidence=replace(good.claims[0].evidence, start=1))
    with engine.connect() as conn:
        with pytest.raises(DocumentNotStoredError, match="PW202.*evidence"):
            save_document(conn, make_document(TEXT, "astana"), replace(good, claims=(moved,)))
        assert count_documents(conn) == 0
