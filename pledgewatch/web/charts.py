"""Charts drawn on the server as inline SVG: no chart library, no script, no network.

Each function takes plain rows and returns ``Markup`` ready to drop into a template.
Every piece of text is escaped here; the SVG scales with its container (``viewBox``)
and carries a ``<title>`` per mark, so hovering shows the figures and screen readers
read them. Colours come from CSS classes, so print and dark styles can restyle them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class DonorBar:
    donor: str
    pledged_usd: float | None  # None: no figure known in USD (not zero)
    delivered_usd: float | None
    href: str = ""


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    day: dt.date
    lane: str  # the category
    kind: str  # "pledge", "delivered" or "deny"
    label: str
    href: str = ""


def format_usd(value: float | None) -> str:
    """$7.0B, $500M, $75K, $900; an unknown amount is a dash, never zero."""
    if value is None:
        return "—"
    for threshold, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= threshold:
            scaled = value / threshold
            return f"${scaled:,.1f}{suffix}" if scaled < 100 else f"${scaled:,.0f}{suffix}"
    return f"${value:,.0f}"


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _link(href: str, inner: str) -> str:
    return f'<a href="{_esc(href)}">{inner}</a>' if href else inner


def pledged_vs_delivered(rows: Sequence[DonorBar], *, limit: int = 12) -> Markup:
    """Paired bars per donor, pledged (light) over delivered (dark), in USD, on one scale.

    Each row is a label, a small SVG stretched to the width left, and the figures, so
    the chart reflows on a phone instead of shrinking its text.
    """
    bars = sorted(rows, key=lambda r: (-(r.pledged_usd or 0), -(r.delivered_usd or 0), r.donor))[:limit]
    top = max((max(b.pledged_usd or 0, b.delivered_usd or 0) for b in bars), default=0)
    if top <= 0:
        return Markup('<p class="chart-empty">No amounts in US dollars yet.</p>')
    parts = [
        '<figure class="chart chart-bars" role="group" '
        'aria-label="Pledged and delivered, US dollars, by donor">',
        '<figcaption class="legend"><span class="key key-pledged"></span>pledged '
        '<span class="key key-delivered"></span>delivered</figcaption>',
    ]
    for bar in bars:
        pw = 100 * max(bar.pledged_usd or 0, 0) / top
        dw = 100 * max(bar.delivered_usd or 0, 0) / top
        pledged, delivered = format_usd(bar.pledged_usd), format_usd(bar.delivered_usd)
        parts.append(
            '<div class="bar-row">'
            f'<span class="bar-label">{_link(bar.href, _esc(bar.donor))}</span>'
            '<svg class="bar-svg" viewBox="0 0 100 22" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect class="bar-pledged" x="0" y="1" width="{pw:.2f}" height="9">'
            f"<title>{_esc(bar.donor)}: pledged {_esc(pledged)}</title></rect>"
            f'<rect class="bar-delivered" x="0" y="12" width="{dw:.2f}" height="9">'
            f"<title>{_esc(bar.donor)}: delivered {_esc(delivered)}</title></rect></svg>"
            f'<span class="bar-value">{_esc(pledged)} <span class="muted">/ {_esc(delivered)}</span></span>'
            "</div>"
        )
    parts.append("</figure>")
    return Markup("".join(parts))


def _ticks(start: dt.date, end: dt.date, most: int = 7) -> list[tuple[dt.date, str]]:
    """Axis ticks: weekly for short spans, else the first of every n-th month."""
    days = (end - start).days
    if days <= 120:
        step = max(7, -(-days // most // 7) * 7)
        first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        return [
            (first + dt.timedelta(days=n), (first + dt.timedelta(days=n)).strftime("%-d %b"))
            for n in range(0, (end - first).days + 1, step)
        ] or [(start, start.strftime("%-d %b"))]
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = max(1, -(-months // most))
    ticks, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        ticks.append(dt.date(year, month, 1))
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return [(t, t.strftime("%b %Y")) for t in ticks if start <= t <= end] or [
        (start, start.strftime("%b %Y"))
    ]


def claims_timeline(points: Sequence[TimelinePoint]) -> Markup:
    """One lane per category, one mark per dated claim: ○ pledge, ● delivered, ✕ denial."""
    dated = [p for p in points if p.day is not None]
    if not dated:
        return Markup('<p class="chart-empty">No dated claims to draw.</p>')
    lanes = sorted({p.lane for p in dated})
    first, last = min(p.day for p in dated), max(p.day for p in dated)
    start, end = first - dt.timedelta(days=7), last + dt.timedelta(days=7)
    span = max((end - start).days, 1)
    label_w, plot_w, lane_h, top = 120, 500, 34, 28
    width, height = label_w + plot_w + 20, top + lane_h * len(lanes) + 30

    def x_of(day: dt.date) -> float:
        return label_w + plot_w * (day - start).days / span

    parts = [
        f'<div class="chart-scroll"><svg class="chart chart-timeline" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="tl-title" preserveAspectRatio="xMinYMin meet">',
        '<title id="tl-title">Claims over time, by category</title>',
        '<g class="legend" transform="translate(120,12)">'
        '<circle class="mark-pledge" cx="5" cy="-4" r="5"/><text x="14">pledge</text>'
        '<circle class="mark-delivered" cx="75" cy="-4" r="5"/><text x="84">delivered</text>'
        '<path class="mark-deny" d="M150,-9 l8,8 m0,-8 l-8,8"/><text x="164">denial</text></g>',
    ]
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        parts.append(f'<line class="lane" x1="{label_w}" x2="{label_w + plot_w}" y1="{y}" y2="{y}"/>')
        parts.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 4}" text-anchor="end">{_esc(lane)}</text>'
        )
    axis_y = top + lane_h * len(lanes) + 4
    for tick, text in _ticks(start, end):
        x = x_of(tick)
        parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{axis_y}"/>')
        parts.append(
            f'<text class="axis" x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle">{_esc(text)}</text>'
        )
    lane_index = {lane: i for i, lane in enumerate(lanes)}
    seen: dict[tuple[str, dt.date], int] = {}
    for point in sorted(dated, key=lambda p: (p.day, p.lane)):
        stack = seen.get((point.lane, point.day), 0)
        seen[(point.lane, point.day)] = stack + 1
        x = x_of(point.day) + 7 * stack
        y = top + lane_index[point.lane] * lane_h + lane_h / 2
        tip = f"<title>{_esc(point.day.isoformat())}: {_esc(point.label)}</title>"
        if point.kind == "deny":
            mark = (
                f'<path class="mark-deny" d="M{x - 5:.1f},{y - 5:.1f} l10,10 m0,-10 l-10,10"/>'
                f'<rect class="hit" x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14">{tip}</rect>'
            )
        else:
            mark = f'<circle class="mark-{_esc(point.kind)}" cx="{x:.1f}" cy="{y:.1f}" r="6">{tip}</circle>'
        parts.append(_link(point.href, mark))
    parts.append("</svg></div>")
    return Markup("".join(parts))


def status_strip(counts: dict[str, int]) -> Markup:
    """One stacked bar of pledges by status, with a label per segment."""
    total = sum(counts.values())
    if total == 0:
        return Markup('<p class="chart-empty">No pledges yet.</p>')
    width, x, parts = 600.0, 0.0, []
    parts.append(
        '<svg class="chart chart-strip" viewBox="0 0 600 28" role="img" aria-label="Pledges by status" '
        'preserveAspectRatio="none">'
    )
    for status, count in counts.items():
        if count <= 0:
            continue
        w = width * count / total
        parts.append(
            f'<rect class="status-{_esc(status)}" x="{x:.1f}" y="0" width="{w:.1f}" height="28">'
            f"<title>{_esc(status)}: {count}</title></rect>"
        )
        x += w
    parts.append("</svg>")
    return Markup("".join(parts))
