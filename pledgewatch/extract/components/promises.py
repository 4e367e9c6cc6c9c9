"""Denials of a promise: "has not made a pledge", "made no commitment", "did not pledge", "has yet
to make a pledge", "is not in a position to pledge". What is denied is a promise (stage pledge,
spec/claims.md reads the verb literally); with no object named, a pledge to a fund is money (the
caller makes it ``funding``). Denied payments ("has not made any payment") stay deliveries, and a
pledge not honoured ("has yet to make good on its pledge") is money not delivered (``pledged_money``).
"""

from __future__ import annotations

import re

from pledgewatch.extract.components.cues import Cue

__all__ = ["denies_promise", "pledged_money"]

_PROMISE_NOUN = re.compile(
    r"\b(?:a|an|any|no)\s+(?:[\w-]+\s+){0,2}?(?:pledges?|commitments?|promises?)(?:\s+(?:to|of))?\s*$", re.I
)
_PROMISE_VERB = re.compile(
    r"(?:^|\b(?:not|never|to)\s+(?:yet\s+)?)(?:pledge|pledged|commit|committed|promise|promised)\s*$"
    r"|\b(?:pledged|promised|offered|committed)\s+(?:nothing|none)\s*$",  # "has pledged nothing"
    re.I,
)
_MAKE = re.compile(
    r"\b(?:ma(?:de|ke|kes|king)|announc\w*|offer\w*|present\w*|submit\w*|tabl\w*|unveil\w*)\b", re.I
)
_PROMISE_OBJECT = re.compile(
    r"\s+(?:(?:a|an|any|no)\s+)?(?:(?:new|firm|formal|fresh|further|single|specific|financial)\s+)?"
    r"(?:pledges?|commitments?|promises?)\b",
    re.I,
)


def denies_promise(cue: Cue, text: str) -> bool:
    """Does a denial deny a promise ("has not made a pledge", "made no commitment", "did not pledge")?"""
    if _PROMISE_VERB.search(cue.text):
        return True
    made = _MAKE.search(cue.text) is not None
    return made and (
        _PROMISE_NOUN.search(cue.text) is not None or _PROMISE_OBJECT.match(text, cue.end) is not None
    )


# "has not honoured its pledge", "has yet to make good on its commitment": what was pledged
_UNMET = re.compile(
    r"\b(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:pledges?|commitments?|promises?)\s*$", re.I
)
_OWN_PLEDGE = re.compile(
    r"\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:pledges?|commitments?|promises?)\s*(?:[.,;]|$)", re.I
)
_PAYMENT_OBJECT = re.compile(r"\s+(?:(?:a|any|no)\s+)?(?:payments?|disbursements?|transfers?)\b", re.I)


def pledged_money(cue: Cue, text: str) -> bool:
    """Does a cue name only the donor's pledge or a payment ("has (not) honoured its pledge", "has made
    no payment")? With no other object, what was (not) delivered is money."""
    return (
        _UNMET.search(cue.text) is not None
        or _OWN_PLEDGE.match(text, cue.end) is not None
        or (_MAKE.search(cue.text) is not None and _PAYMENT_OBJECT.match(text, cue.end) is not None)
    )
