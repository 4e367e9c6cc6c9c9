"""A document's text as HTML with every claim's evidence marked and linked.

The text is cut at each evidence start and end; each piece that some claim covers
becomes ``<mark>`` with a numbered link per claim (``#c-ID`` in the side list) and an
anchor ``claim-ID`` that links from elsewhere land on. All text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from pledgewatch.records import Claim


def evidence_span(claim: Claim, text: str) -> tuple[int, int] | None:
    """Where the claim's evidence is in ``text``: its offsets, or a search when they are stale."""
    ev = claim.evidence
    if 0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.text:
        return ev.start, ev.end
    found = text.find(ev.text) if ev.text else -1
    return (found, found + len(ev.text)) if found >= 0 else None


def highlight(text: str, claims: Sequence[Claim], numbers: dict[int, int]) -> Markup:
    spans = [(span, claim) for claim in claims if (span := evidence_span(claim, text)) is not None]
    cuts = sorted({0, len(text), *(s for (s, _), _ in spans), *(e for (_, e), _ in spans)})
    out: list[str] = []
    anchored: set[int] = set()
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[start:end], quote=False)
        covering = [c for (s, e), c in spans if s <= start and end <= e and s < e]
        if not covering:
            out.append(piece)
            continue
        first = covering[0].id
        tags = []
        for claim in covering:
            if claim.id is None or claim.id in anchored:
                continue
            anchored.add(claim.id)
            tags.append(
                f'<a class="tag" id="claim-{claim.id}" href="#c-{claim.id}" '
                f'title="claim {numbers.get(claim.id, "")}">{numbers.get(claim.id, "")}</a>'
            )
        out.append(f'<mark id="ev-{first}-{start}">{piece}{"".join(tags)}</mark>')
    return Markup("".join(out))
