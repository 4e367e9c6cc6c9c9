"""Gapped conjuncts: "X pledged €270m and Germany a further €125m" leaves out the verb of the
second conjunct; the amount right after its donor is that donor's own (``objects._gapped`` splits
the object there)."""

from __future__ import annotations

import re

__all__ = ["own_amount"]

# "X pledged €270m and Germany a further €125m": the gapped conjunct's own amount
_MORE = re.compile(
    r".{0,4}|\s+(a\s+further|an\s+additional|an\s+extra|another|a\s+fresh|a\s+new|further|additional)\s+",
    re.I,
)
_GAP_RELATIVE = re.compile(r",\s*(?:which|who|whose)\s[^,;()]{1,80},", re.I)


def own_amount(text: str, at: int, q_start: int, is_money: bool) -> bool:
    """ "and Y $5m", "and Kenya a further 200 troops", "and Germany, which hosted the talks, a further
    €125m": the amount at ``q_start`` is the own amount of the conjunct ending at ``at`` (a count only
    after "a further/another")."""
    rel = _GAP_RELATIVE.match(text, at, q_start)
    at = rel.end() if rel else at
    gap = _MORE.fullmatch(text, at, q_start) if at <= q_start else None
    return gap is not None and (is_money or gap.group(1) is not None)
