"""Donors after "from" in a subject that names what was given.

"The money from Kuwait has not arrived", "Funds from Norway have yet to arrive", "Aid from
Japan, including tents and blankets, reached Port Sudan": the subject is the contribution and
the actor after "from" gives it. The head nouns are data (``data/grammar.json``:
``given_nouns``); the claim's object is the subject itself (what arrived or did not).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pledgewatch.errors import ExtractDataError
from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.donors import DocContext, Donors, coordinated_right, resolve, usable

# what may stand between the donor and the cue: "(Tokyo)", ", by contrast,", "for the fund", "so far"
_TAIL = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:,[^,;()]{0,100},\s*)?"
    # "a flight from Qatar carrying tents is due"
    r"(?:(?:carrying|containing|loaded\s+with|with|bearing)\s+[^,;()]{1,80}?\s+)?"
    r"(?:(?:(?:for|to|in|into|of|under)\s+(?:the\s+|its\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+)?"
    r"|\w+ly|also|still|so\s+far|by\s+contrast|now|already|finally|itself)\s+){0,3}"
    r"(?:(?:has|have|had|was|were|is|are)\s+(?:(?:already|now|so\s+far|finally|not|yet|still|never|also)\s+){0,2}(?:been\s+)?)?"
)
_CLAUSE_SEP = re.compile(r";\s*|,\s*(?:and|but|while|whereas)\s+|\s(?:while|whereas)\s+", re.I)
# "Only $20 million of Qatar's $75 million pledge has been disbursed": a part of the donor's pledge
_OF_POSSESSOR = re.compile(r"(?:\d\S*|\b(?:million|billion|bn|m|[a-z]+s))\s+of\s+$", re.I)
_POSSESSED_PLEDGE = re.compile(
    r"['’]s?\s+(?:\S*\d\S*\s+(?:(?:million|billion|bn)\s+)?(?:[a-z]+\s+)?)?(?:\w+\s+)?"
    r"(?:pledges?|contributions?|commitments?|promises?|donations?|grants?|aid|money|funds)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _given_noun() -> re.Pattern[str]:
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    return re.compile(rf"\b(?:{'|'.join(json.loads(raw)['given_nouns'])})\b", re.I)


def names_given(text: str, lo: int, hi: int, counts: list[int] | None = None) -> bool:
    """Does the subject ``text[lo:hi]`` name something given ("Japan's aid", "Qatari troops"), or hold a
    count (``counts``: where counts start, "Lithuania's 40 electricians")?"""
    return _given_noun().search(text, lo, hi) is not None or any(lo <= c < hi for c in counts or ())


@lru_cache(maxsize=1)
def _before_donor() -> re.Pattern[str]:
    """ "<noun> from (the)" ending right before the donor's mention."""
    path = "extract/data/grammar.json"
    raw = resources.files("pledgewatch.extract.data").joinpath("grammar.json").read_text(encoding="utf-8")
    try:
        nouns = json.loads(raw)["given_nouns"]
        amount = (
            r"\S*\d[\d.,]*\S*(?:\s+(?:million|billion|trillion|bn|m))?(?:\s+[a-z]+)?"  # "$50 million from"
        )
        # "Shipments of fuel from", "a shipment of roofing sheets and cement from"
        of = r"(?:\s+of\s+[\w-]+(?:\s+(?!(?:for|to|in|on|at|by|into|with)\b)[\w-]+){0,3})?"
        # "medical supplies donated by Kuwait": the passive's agent gives too
        given_by = r"(?:(?:donated|sent|provided|supplied|pledged|promised|funded|financed|paid\s+for)\s+by)"
        heads = rf"(?:\b(?:{'|'.join(nouns)}){of}|{amount})"
        return re.compile(rf"{heads}\s+(?:from|{given_by})\s+(?:the\s+)?$", re.I)
    except (KeyError, TypeError) as error:
        raise ExtractDataError(f"grammar.json is invalid: {error}", path=path) from error
    except re.error as error:
        raise ExtractDataError(f"grammar.json has a bad given_nouns pattern: {error}", path=path) from error


def given_from(
    text: str, offset: int, mentions: list[ActorMention], lo: int, hi: int, ctx: DocContext
) -> Donors | None:
    """The donors of a subject "<what was given> from <actor>" filling ``text[lo:hi]`` (sentence
    offsets; mentions absolute); ``object_at`` is where the subject begins."""
    local = [m for m in mentions if lo <= m.start - offset and m.end - offset <= hi and usable(m)]
    pattern = _before_donor()
    for i, m in enumerate(local):
        if m.kind == "person":
            continue
        shifted = [n.shifted(offset) for n in local[i:]]
        group = coordinated_right(text, shifted, 0, hi)
        after = group[-1].end
        hit = pattern.search(text, lo, m.start - offset)
        if not hit:
            owned = _POSSESSED_PLEDGE.match(text, after, hi)
            if owned is None or not _OF_POSSESSOR.search(text, lo, m.start - offset):
                continue
            after = owned.end()
        if _TAIL.fullmatch(text, after, hi) is None:
            continue  # "Tents from Turkey arrived, and supplies donated by Kuwait are due": the next one
        names: list[str] = []
        for g in group:
            names.extend(n for n in resolve(g, ctx)[0] if n not in names)
        if not names:
            return None
        begin = lo  # "Tents arrived, and supplies donated by Kuwait are due": the subject's own clause
        for sep in _CLAUSE_SEP.finditer(text, lo, hit.start() if hit else lo):
            begin = sep.end()
        chain = (f"{text[begin : group[-1].end].strip()} (given from)", *names)
        return Donors(tuple(names), chain, None, hi, object_at=begin)
    return None
