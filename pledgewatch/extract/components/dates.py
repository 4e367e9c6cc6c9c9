"""Dates written in a text, found with one compiled regex and resolved against the publication date.

    >>> import datetime as dt
    >>> from pledgewatch.extract.components.dates import find_dates
    >>> [(d.surface, d.date.isoformat()) for d in find_dates("signed on Feb. 20", dt.date(2026, 3, 5))]
    [('Feb. 20', '2026-02-20')]

``find_dates(text, published)`` returns ``DateMention``s in text order with
character offsets into ``text``; only dates that resolve to a calendar date are
returned (``precision`` says whether it is a day or only a month):

- written in full: "2026-02-20", "19 February 2026", "Nov 18, 2024", "October 12, 2014".
- month and day without a year ("February 19", "Feb. 20", "(Nov 19)"): the year of
  ``published``; when that would put the date more than 60 days after ``published``,
  the year before. Without ``published`` they are skipped.
- weekdays ("on Thursday", "Tuesday (Nov 19)", "Tuesday, Feb. 17"): the date written
  with it when given,
  else the last such weekday on or before ``published`` (the same day when
  ``published`` is that weekday; "last Thursday" never is).
- "last November", "this March", "in March", "since January" (``precision="month"``,
  first day of the month; a bare month takes the year that puts it no more than 60
  days after ``published``), "November 2024", "yesterday", "today".

``find_published_in_text(text, url=None)`` reads a publication date from the top of
a text (a " date 2026-03-05 " marker, a line that is only a date, "19 Nov 2024
04:39PM", "DAVOS, Switzerland, January 22, 2026 —"); a dateline without a year
("WASHINGTON, February 19.") counts only when ``url`` carries the year (spec:
otherwise published is null).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_LOOKAHEAD_DAYS = 60
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|until|from|during)\s$", re.IGNORECASE)

_PATTERN = re.compile(
    r"(?=[0-9JFMASONDTWYLEltnye])(?:"  # a cheap first-character guard: the engine skips other positions
    rf"(?P<wd_full>(?P<wd_last>last\s+)?\b(?P<wd>{_WEEKDAY})\b"
    rf"(?:,?\s*\(\s*(?P<wd_m>{_MONTH})\s*(?P<wd_d>{_DAY})\s*\)"
    rf"|,?\s+(?P<wd_m2>{_MONTH})\s*(?P<wd_d2>{_DAY})\b(?:,?\s+(?P<wd_y2>{_YEAR})\b)?"
    rf"|,?\s+(?P<wd_d3>{_DAY})\s+(?P<wd_m3>{_MONTH})(?:,?\s+(?P<wd_y3>{_YEAR})\b)?)?)"
    rf"|\b(?P<iy>{_YEAR})(?P<sep>[-/])(?P<im>0[1-9]|1[0-2])(?P=sep)(?P<id>[0-3]\d)\b"
    rf"|\b(?P<ed>[0-3]?\d)\.(?P<em>0?[1-9]|1[0-2])\.(?P<ey>{_YEAR})\b"
    rf"|\b(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|\b(?P<m3>{_MONTH})\s+(?:of\s+)?(?P<y3>{_YEAR})\b"
    rf"|\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ate|[Ee]arly)\s+(?P<m4>{_FULL_MONTH})\b"
    rf"|\b(?P<rd>[Yy]esterday|[Tt]oday)\b"
    rf"|(?<=\s)(?P<m5>{_FULL_MONTH})\b(?![\s,]+\d))"  # a bare month: kept after a preposition
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    surface: str
    date: dt.date
    precision: Precision = "day"


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(
    month: int, day: int, year: str | None, published: dt.date | None, year_hint: int | None = None
) -> dt.date | None:
    if year:
        return _safe(int(year), month, day)
    if published is None:
        return _safe(year_hint, month, day) if year_hint else None
    date = _safe(published.year, month, day)
    if date is not None and (date - published).days > _LOOKAHEAD_DAYS:
        date = _safe(published.year - 1, month, day)
    return date


def _resolve(
    m: re.Match[str], published: dt.date | None, year_hint: int | None = None
) -> tuple[dt.date | None, Precision]:
    if m.group("wd"):
        written_with = (("wd_m", "wd_d", ""), ("wd_m2", "wd_d2", "wd_y2"), ("wd_m3", "wd_d3", "wd_y3"))
        for mg, dg, yg in written_with:
            if m.group(mg):
                written = m.group(yg) if yg else None
                return _month_day(
                    _month(m.group(mg)), _day(m.group(dg)), written, published, year_hint
                ), "day"
        if published is None:
            return None, "day"
        delta = (published.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7
        if delta == 0 and m.group("wd_last"):
            delta = 7
        return published - dt.timedelta(days=delta), "day"
    if m.group("iy"):
        return _safe(int(m.group("iy")), int(m.group("im")), int(m.group("id"))), "day"
    if m.group("ed"):
        return _safe(int(m.group("ey")), int(m.group("em")), int(m.group("ed"))), "day"
    if m.group("m1"):
        return _month_day(
            _month(m.group("m1")), _day(m.group("d1")), m.group("y1"), published, year_hint
        ), "day"
    if m.group("d2"):
        return _month_day(
            _month(m.group("m2")), _day(m.group("d2")), m.group("y2"), published, year_hint
        ), "day"
    if m.group("m3"):
        return dt.date(int(m.group("y3")), _month(m.group("m3")), 1), "month"
    if published is None:
        return None, "day"
    if m.group("m4"):
        month, rel = _month(m.group("m4")), m.group("rel").lower().split()[-1]
        year = published.year
        if rel == "last" and month >= published.month:
            year -= 1
        elif rel == "next" and month <= published.month:
            year += 1
        elif rel in ("late", "early") and month > published.month + 2:
            year -= 1
        return dt.date(year, month, 1), "month"
    if m.group("m5"):
        if not _PREPOSITION_BEFORE.search(m.string, max(0, m.start() - 7), m.start()):
            return None, "month"
        date = dt.date(published.year, _month(m.group("m5")), 1)
        if (date - published).days > _LOOKAHEAD_DAYS:
            date = dt.date(published.year - 1, date.month, 1)
        return date, "month"
    if m.group("rd").lower() == "yesterday":
        return published - dt.timedelta(days=1), "day"
    return published, "day"


def find_dates(
    text: str, published: dt.date | None = None, *, year_hint: int | None = None
) -> list[DateMention]:
    """Every resolvable date in ``text`` (see module doc).

    ``year_hint``: when ``published`` is unknown, the year for a month and day written
    without one (e.g. the year the caller knows the initiative ran); weekdays and
    relative dates still need ``published``.
    """
    out = []
    for m in _PATTERN.finditer(text):
        date, precision = _resolve(m, published, year_hint)
        if date is None:
            continue
        start, end = m.span("wd_full") if m.group("wd") else m.span()
        out.append(DateMention(start, end, text[start:end], date, precision))
    return out


_HEAD_CHARS = 700
_MARKER = re.compile(rf"^\s*date\s+(?P<d>{_YEAR}-\d{{2}}-\d{{2}})\b")
_DATE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:(?:Published|Posted|Updated|Last updated|First published|Date)\s*(?:on\s*)?:?\s*)?"
    rf"(?:(?:{_WEEKDAY}|Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?"
    rf"(?P<date>(?:{_MONTH})\s*{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:{_MONTH}),?\s+{_YEAR}|{_YEAR}[-/]\d{{2}}[-/]\d{{2}})"
    rf"(?:\s*[,|-]?\s*\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{{2,4}})?)?"
    r"(?:\s*\((?:Updated|Last updated)[^)\n]*\))?(?:\s*[|·•].{0,40})?[ \t]*$"
)
_WITH_TIME = re.compile(
    rf"(?P<date>(?:{_MONTH})\s*{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:{_MONTH}),?\s+{_YEAR})"
    r"\s*[,|-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}"
)
_DATED_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-Z][A-Z .'’\-]{{1,30}},(?:[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){{0,3}},)?[ \t]*"
    rf"(?P<date>(?:{_MONTH})\s*{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:{_MONTH}),?\s+{_YEAR})"
)
_UNDATED_DATELINE = re.compile(
    rf"(?m)^[ \t]*[A-Z][A-Z .'’\-]{{1,30}},\s+(?P<m>{_MONTH})\s*(?P<d>{_DAY})\b(?![,\s]*{_YEAR})"
)
_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[/\-_]\d{1,2}[/\-_]\d{1,2})?(?=[/\-_.])")


def find_published_in_text(text: str, url: str | None = None) -> dt.date | None:
    """The publication date the top of a text states, or None (see module doc)."""
    head = text[:_HEAD_CHARS]
    marker = _MARKER.match(head)
    if marker:
        date = dt.date.fromisoformat(marker.group("d")) if _valid_iso(marker.group("d")) else None
        if date:
            return date
    for finder in (_DATE_LINE, _DATED_DATELINE, _WITH_TIME):
        found = finder.search(head)
        if found:
            dates = find_dates(found.group("date"))
            if dates:
                return dates[0].date
    dateline = _UNDATED_DATELINE.search(head)
    if dateline and url:
        years = _URL_YEAR.findall(url)
        if years:
            return _safe(int(years[0]), _month(dateline.group("m")), _day(dateline.group("d")))
    return None


def _valid_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
