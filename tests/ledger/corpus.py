"""A small corpus written for the ledger tests: texts, their claims (offsets computed), stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import Connection, select

from pledgewatch.records import Amount, Claim, Document, Evidence, Extraction
from pledgewatch.store import ledger_tables
from pledgewatch.store.documents import save_document
from pledgewatch.store.ledger import refresh_for_documents
from pledgewatch.store.ledger_inputs import LINK_COLUMNS
from pledgewatch.store.ledger_queries import list_conflicts, list_pledges

ALPHA = (
    "President Tokayev said Kazakhstan will give 300 study grants to Palestinian students. "
    "Kazakhstan is ready to send a medical unit to the stabilisation force. "
    "Kazakhstan pledged funding for the fund on February 19."
)
BETA = (
    "The UAE promised $1.2 billion to the reconstruction fund on February 19. "
    "Officials in Astana said no money has been transferred by Kazakhstan so far."
)
GAMMA = (
    "Nine countries, among them Kazakhstan, the UAE and Qatar, have pledged $7 billion together, "
    "Trump said on February 20. Emirati officials later put their share at $1.5 billion."
)


def document(doc_id: str, text: str, published: str | None, **kw: Any) -> Document:
    return Document(
        doc_id=doc_id,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date.fromisoformat(published) if published else None,
        initiative=kw.pop("initiative", "Board of Peace"),
        **kw,
    )


def at(text: str, sentence_start: str, **fields: Any) -> Claim:
    """A claim whose evidence is the sentence of ``text`` that begins with ``sentence_start``."""
    start = text.index(sentence_start)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    amount = fields.pop("amount", None)
    date = fields.pop("date", None)
    donors = fields.pop("donors", ("Kazakhstan",))
    return Claim(
        donors=(donors,) if isinstance(donors, str) else tuple(donors),
        stance=fields.pop("stance", "commit"),
        stage=fields.pop("stage", "pledge"),
        category=fields.pop("category", "funding"),
        evidence=Evidence(text[start:end], start, end),
        amount=Amount(*amount) if amount else None,
        date=dt.date.fromisoformat(date) if date else None,
        **fields,
    )


def corpus() -> list[tuple[Document, Extraction]]:
    alpha = document("alpha", ALPHA, "2026-01-10", outlet="Steppe Wire")
    beta = document("beta", BETA, "2026-02-10", outlet="Gulf Courier")
    gamma = document("gamma", GAMMA, "2026-03-10", outlet="Capital Daily")
    return [
        (
            alpha,
            Extraction(
                (
                    at(ALPHA, "President", donors="Tokayev", category="education", amount=(300, "grants")),
                    at(ALPHA, "Kazakhstan is ready", category="medical"),
                    at(ALPHA, "Kazakhstan pledged", date="2026-02-19"),
                ),
                extractor_version="v1",
            ),
        ),
        (
            beta,
            Extraction(
                (
                    at(BETA, "The UAE", donors="the UAE", amount=(1.2e9, "USD"), date="2026-02-19"),
                    at(BETA, "Officials", stance="deny", stage="delivered"),
                ),
                extractor_version="v1",
            ),
        ),
        (
            gamma,
            Extraction(
                (
                    at(
                        GAMMA,
                        "Nine",
                        donors=("Kazakhstan", "UAE", "Qatar"),
                        amount=(7e9, "USD"),
                        collective=True,
                        date="2026-02-20",
                        speaker="Donald Trump",
                    ),
                    at(GAMMA, "Emirati", donors="Emirati", amount=(1.5e9, "USD")),
                ),
                extractor_version="v1",
            ),
        ),
    ]


def ingest(conn: Connection, items: list[tuple[Document, Extraction]]) -> None:
    """Store each document and refresh its ledger rows, as the ingest workflow does."""
    for document_, extraction in items:
        save_document(conn, document_, extraction)
        refresh_for_documents(conn, [document_.doc_id])
        conn.commit()


def snapshot(conn: Connection) -> tuple[list[Any], list[Any], list[Any]]:
    """The stored ledger without database ids (which differ between builds), and what each row's
    links copied of their claims (a stale copy would show as a difference)."""
    pledges = [dataclasses.replace(p, id=None) for p in list_pledges(conn, limit=None)]
    conflicts = [dataclasses.replace(c, id=None) for c in list_conflicts(conn, limit=None)]
    copies = conn.execute(
        select(
            ledger_tables.pledges.c.initiative,
            ledger_tables.pledges.c.donor,
            ledger_tables.pledges.c.category,
            *(ledger_tables.pledge_claims.c[name] for name in LINK_COLUMNS[1:]),
        ).join(ledger_tables.pledges, ledger_tables.pledges.c.id == ledger_tables.pledge_claims.c.pledge_id)
    ).all()
    sides = conn.execute(
        select(
            ledger_tables.conflicts.c.initiative,
            ledger_tables.conflicts.c.donor,
            ledger_tables.conflicts.c.category,
            ledger_tables.conflicts.c.kind,
            ledger_tables.conflicts.c.detail,
            ledger_tables.conflicts.c.sides,
        )
    ).all()
    return pledges, conflicts, sorted(tuple(map(repr, row)) for row in [*copies, *sides])
