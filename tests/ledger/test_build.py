"""Status, amounts, revisions, groups, totals and as-of: the Ledger rules of DESIGN.md."""

import datetime as dt

import pytest

from pledgewatch.ledger import build_ledger, totals
from pledgewatch.records import Amount

from .factory import claim, doc, docs

D = docs(
    doc("a", "2026-01-10", outlet="Wire A"),
    doc("b", "2026-02-10", outlet="Wire B"),
    doc("c", "2026-03-10", outlet="Wire C"),
    doc("n", None, initiative=None),
)


def only(ledger, donor="Kazakhstan", category="funding"):
    rows = [p for p in ledger.pledges if p.donor == donor and p.category == category]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    ("claims", "status"),
    [
        ([claim("a")], "pledged"),
        ([claim("a", stance="deny")], "denied"),
        ([claim("a", stage="delivered")], "delivered"),
        ([claim("a", amount=(100, "USD")), claim("b", stage="delivered", amount=(40, "USD"))], "partial"),
        ([claim("a", amount=(100, "USD")), claim("b", stage="delivered", amount=(100, "USD"))], "delivered"),
        ([claim("a"), claim("b", stance="deny", stage="delivered")], "disputed"),
        # The same source promising and saying it has not paid yet: pledged, not disputed.
        ([claim("a"), claim("a", stance="deny", stage="delivered", start=50)], "pledged"),
        # Delivered, but another claim of the same source denies the delivery: not delivered.
        ([claim("a", stage="delivered"), claim("a", stance="deny", stage="delivered", start=9)], "pledged"),
    ],
)
def test_status_follows_the_ledger_rules(claims, status) -> None:
    assert only(build_ledger(claims, documents=D)).status == status


def test_partial_compares_money_in_usd() -> None:
    # 100 EUR pledged, 100 USD delivered: below in USD at early-2026 rates.
    ledger = build_ledger(
        [claim("a", amount=(100, "EUR")), claim("b", stage="delivered", amount=(100, "USD"))], documents=D
    )
    assert only(ledger).status == "partial"


def test_rejected_claims_are_ignored() -> None:
    ledger = build_ledger([claim("a"), claim("b", stance="deny", review_state="rejected")], documents=D)
    assert only(ledger).status == "pledged" and only(ledger).sources == 1


def test_revised_pledge_counts_once_at_its_latest_figure() -> None:
    ledger = build_ledger(
        [claim("a", amount=(100e6, "USD")), claim("c", amount=(150e6, "USD"), speaker="Minister X")],
        documents=D,
    )
    row = only(ledger)
    assert row.pledged == Amount(150e6, "USD") and row.pledged_usd == 150e6
    assert row.revisions == (Amount(100e6, "USD"),)
    assert totals(ledger.pledges).pledged.usd == 150e6


def test_revision_by_same_speaker_is_not_an_amount_conflict() -> None:
    claims = [
        claim("a", amount=(100e6, "USD"), speaker="Minister X"),
        claim("c", amount=(150e6, "USD"), speaker="Minister X"),
    ]
    assert [c.kind for c in build_ledger(claims, documents=D).conflicts] == []


def test_figures_more_than_ten_percent_apart_from_different_sources_conflict() -> None:
    claims = [claim("a", amount=(1.0e9, "USD"), id=1), claim("b", amount=(1.2e9, "USD"), id=2)]
    conflicts = build_ledger(claims, documents=D).conflicts
    assert [(c.kind, c.claim_ids_a, c.claim_ids_b) for c in conflicts] == [("amount", (1,), (2,))]


def test_figures_within_ten_percent_do_not_conflict() -> None:
    claims = [claim("a", amount=(1.0e9, "USD")), claim("b", amount=(1.05e9, "USD"))]
    assert build_ledger(claims, documents=D).conflicts == ()


def test_stance_and_stage_conflicts_name_both_sides() -> None:
    claims = [
        claim("a", id=1),
        claim("b", stage="delivered", id=2),
        claim("c", stance="deny", stage="delivered", id=3),
    ]
    kinds = {c.kind: (c.claim_ids_a, c.claim_ids_b) for c in build_ledger(claims, documents=D).conflicts}
    assert kinds == {"stance": ((1,), (3,)), "stage": ((2,), (3,))}


def test_same_event_dated_differently_is_a_date_conflict() -> None:
    claims = [claim("a", date="2026-02-19", id=1), claim("b", date="2026-02-20", id=2)]
    conflicts = build_ledger(claims, documents=D).conflicts
    assert [(c.kind, c.detail) for c in conflicts] == [("date", "2026-02-19 vs 2026-02-20")]


def test_dates_far_apart_are_different_events() -> None:
    claims = [claim("a", date="2026-01-05"), claim("b", date="2026-02-20")]
    assert build_ledger(claims, documents=D).conflicts == ()


def test_joint_amount_is_one_group_pledge_linked_to_each_member_never_divided() -> None:
    members = ("Kazakhstan", "UAE", "Qatar")
    ledger = build_ledger([claim("a", members, amount=(7e9, "USD"), collective=True)], documents=D)
    assert len(ledger.pledges) == 1
    group = ledger.pledges[0]
    assert group.group == ("Kazakhstan", "Qatar", "United Arab Emirates") and group.pledged_usd == 7e9
    for member in ("Kazakhstan", "Emirati", "Qatar"):
        assert ledger.for_donor(member).pledges == (group,)
    sums = totals(ledger.pledges)
    assert sums.joint_pledged.usd == 7e9 and sums.pledged.usd == 0


def test_several_donors_without_a_joint_amount_get_a_row_each() -> None:
    ledger = build_ledger([claim("a", ("Kazakhstan", "Uzbekistan"))], documents=D)
    assert [p.donor for p in ledger.pledges] == ["Kazakhstan", "Uzbekistan"]


def test_spellings_across_documents_make_one_row() -> None:
    ledger = build_ledger(
        [claim("a", "Tokayev"), claim("b", "Kazakhstan"), claim("c", "Toqaev")], documents=D
    )
    assert len(ledger.pledges) == 1 and only(ledger).sources == 3


def test_grants_and_scholarships_are_one_figure_shown_together() -> None:
    claims = [
        claim("a", category="education", amount=(500, "scholarships")),
        claim("b", category="education", amount=(500, "grants")),
    ]
    ledger = build_ledger(claims, documents=D)
    row = only(ledger, category="education")
    assert row.pledged is not None and row.pledged.value == 500
    assert row.units == ("grants", "scholarships") and row.revisions == ()
    assert ledger.conflicts == ()


def test_totals_keep_stages_apart_and_unknown_is_not_zero() -> None:
    claims = [
        claim("a", "Qatar", amount=(1e9, "USD")),
        claim("b", "Qatar", stage="delivered", amount=(2e8, "USD")),
        claim("a", "Kuwait"),
        claim("a", "Bahrain", stance="deny", amount=(5e8, "USD")),
        claim("a", "Oman", amount=(1e9, "KZT")),
    ]
    sums = totals(build_ledger(claims, documents=D).pledges)
    assert sums.pledged.usd == 1e9 and sums.delivered.usd == 2e8 and sums.denied.usd == 5e8
    assert sums.pledged.unknown == 1  # Kuwait: pledged, figure unknown
    assert sums.pledged.unconverted == (Amount(1e9, "KZT"),)


def test_unassigned_initiative_is_named() -> None:
    assert only(build_ledger([claim("n")], documents=D)).initiative == "(unassigned)"


def test_as_of_shows_a_pledge_appear_get_denied_then_delivered() -> None:
    claims = [
        claim("a", amount=(1e9, "USD")),
        claim("b", stance="deny", stage="delivered"),
        claim("c", stage="delivered", amount=(1e9, "USD")),
    ]

    def status(day: str) -> list[str]:
        ledger = build_ledger(claims, documents=D, as_of=dt.date.fromisoformat(day))
        return [p.status for p in ledger.pledges]

    assert status("2026-01-01") == []
    assert status("2026-01-15") == ["pledged"]
    assert status("2026-02-15") == ["disputed"]
    assert status("2026-03-15") == ["disputed"]
    assert status("2026-02-15") != status("2026-01-15")


def test_joint_claim_naming_some_members_of_a_larger_joint_pledge_folds_into_it() -> None:
    nine = ("Kazakhstan", "Qatar", "Kuwait", "Bahrain")
    claims = [
        claim("a", nine, amount=(7e9, "USD"), collective=True, id=1),
        claim("b", ("Bahrain", "Kuwait"), amount=(7e9, "USD"), collective=True, id=2),
        claim("c", ("Bahrain", "Kuwait"), amount=(2e9, "USD"), collective=True, id=3),
    ]
    ledger = build_ledger(claims, documents=D)
    assert [(p.group, p.claim_ids) for p in ledger.pledges] == [
        (("Bahrain", "Kazakhstan", "Kuwait", "Qatar"), (1, 2)),
        (("Bahrain", "Kuwait"), (3,)),
    ]


def test_a_series_of_dates_is_several_events_not_one_dated_differently() -> None:
    claims = [claim("a", date="2026-02-17"), claim("b", date="2026-02-19"), claim("c", date="2026-02-22")]
    assert build_ledger(claims, documents=D).conflicts == ()
