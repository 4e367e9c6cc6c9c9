"""Who gives: the subject of a cue in its sentence (the donor half of sentence reading).

``SubjectReader._donors`` finds the donors of one cue: a relative clause's antecedent ("the
United States, which promised"), the subject after a speech verb ("Blinken said the US
would"), a pronoun standing for the sayer, a subject given from a donor ("The money from
Kuwait"), the same subject as the previous verb of the clause ("built a bridge and also sent
doctors"), or none when an unnamed group gives ("Britain and its partners pledged").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.cues import Cue, CueLexicon
from pledgewatch.extract.components.donors import DocContext, Donors, list_after, subject_donors, usable
from pledgewatch.extract.components.given_from import given_from
from pledgewatch.extract.components.groups import named_after, named_before, named_next, unnamed_subject
from pledgewatch.extract.components.insertions import insertion_before
from pledgewatch.extract.components.objects import SentenceInput
from pledgewatch.extract.components.split import IMPLICIT_SUBJECT, NONE_CHAIN, amount_subject, none_subject

__all__ = ["SubjectReader"]

# "Denmark said it would", "Saudi Arabia said its aid agency had delivered": the sayer's own side
_PRONOUN_ONLY = re.compile(
    r"^\s*(it|they|he|she|the\s+country|the\s+government|the\s+bloc|(?:his|her|their)\s+(?:country|government|nation)"
    r"|its\s+(?:[\w-]+\s+){0,2}(?:agency|government|ministry|army|forces|military|navy|fund|troops|police|"
    r"embassy|delegation|development\s+bank))"
    r"\s+(?:\w+ly\s+|also\s+|(?:has|have|had)\s+(?:already\s+|also\s+)?|(?:is|are|was|were)\s+(?:now\s+|also\s+)?)?$",
    re.I,
)
_FROM = re.compile(r"\bfrom\b", re.I)
_AND_OTHERS = re.compile(
    r"\b(?:and|with)\s+(?:its|their|his|her|other|several|many|some)\s+(?:\w+\s+)?"
    r"(?:partners|allies|donors|countries|nations|states|governments|organi[sz]ations)\b|\band\s+others\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:that|which|who)\b", re.I)
_WHICH = re.compile(r",\s*(?:which|who)\s+(?:(?:has|have|had|also|already|\w+ly)\s+){0,2}$", re.I)
_VP_AND = re.compile(
    r"(?:,\s*|\s)(?:and|but|yet)\s+(?:(?:also|then|later|so\s+far|(?-i:[a-z]\w*ly))\s+)?$", re.I
)
_SHARE_OF_WHICH = re.compile(
    r",\s*(?:(?:only|just|about|some)\s+)?(?:half|part|most|some|all|much|a\s+(?:third|quarter|fifth|fraction|portion)|"
    r"\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%))\s+of\s+which\s+(?:(?:has|have|had)\s+)?(?:(?:so\s+far|already|now)\s+)?"
    r"(?:been\s+)?$",
    re.I,
)
_OWNED_SPEAKER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:minister|vice-minister|ambassador|envoy|representative|spokes\w+|"
    r"president|delegate|official|secretary|chancellor)(?:\s+(?:for|of)\s+[\w\s]{1,40}?)?",
    re.I,
)
_RELATIVE_COMMA = re.compile(r",\s*(?:which|who)\b", re.I)
_WITH = re.compile(r"\bwith\b", re.I)
# "while Cuba's 45 doctors reached ...": the count has its own possessor, the giver
_POSSESSOR = re.compile(r"\b[A-Z][\w.-]*['’]s?\s+(?:(?:about|some|nearly|around)\s+)?$")
_SUBORDINATE = re.compile(r"\b(?:where|whereby|when|because|although|though|unless|until)\b", re.I)


# "France, which trains Chadian police units, has provided": the aside's actors are not the subject
_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;()]*,", re.I)


def _outside_asides(
    text: str, off: int, mentions: list[ActorMention], lo: int, hi: int
) -> list[ActorMention]:
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]
    if not asides:
        return mentions
    kept = [m for m in mentions if not any(a <= m.start - off < b for a, b in asides)]
    return kept if any(lo <= m.start - off < asides[0][0] for m in kept) else mentions


class SubjectReader:
    """The subject half of sentence reading (mixed into ``claims.SentenceReader``)."""

    cues: CueLexicon
    ctx: DocContext

    def _donors(
        self, inp: SentenceInput, cue: Cue, lo: int, prev: tuple[Cue, Donors | None] | None
    ) -> Donors | None:
        s = inp.sentence
        text = s.text
        if cue.nominal:
            return list_after(text, s.start, inp.mentions, cue.end, len(text), self.ctx)
        if cue.name.endswith("received_from"):  # "Ukraine had received $10 billion from the EU"
            source = _FROM.search(text, cue.end)
            if source is None:
                return None
            found = list_after(text, s.start, inp.mentions, source.end(), len(text), self.ctx)
            return replace(found, end=source.start()) if found else None
        last = inp.last_donors
        denied = cue.kind == "deny" and cue.stage == "delivered"
        nothing = none_subject(text, lo, cue.start) if denied else None
        recent = self.ctx.recent_donors()
        if nothing is not None and (last is not None or recent):
            # "pledged 200,000 doses; not one has landed", "none of the money has been disbursed"
            names = last.names if last is not None else recent
            chain = (NONE_CHAIN, *names)
            return Donors(names, chain, None, cue.start, object_at=nothing, object_end=cue.start)
        if last is not None and cue.stage == "delivered":
            part = amount_subject(text, s.start, inp.quantities, lo, cue.start)
            if part is not None and not _POSSESSOR.search(
                text, lo, part[0].start - s.start
            ):  # "Of the $500m Kuwait pledged, only $100m has arrived"
                q = part[0]
                if q not in inp.quantities:  # a bare number standing for a count ("only 150 have arrived")
                    inp.quantities.append(q)
                chain = (f"{q.text or 'amount'} (part of the previous verb's object)", *last.names)
                return replace(
                    last, chain=chain, end=cue.start, object_at=q.start - s.start, object_end=cue.start
                )
            share = _SHARE_OF_WHICH.search(text, lo, cue.start)
            if share is not None:  # "pledged $50m, half of which has been paid"
                return replace(last, end=cue.start, object_at=share.start())
        insertion = insertion_before(text, s.start, inp.mentions, lo, cue.start, self.ctx)
        if insertion is not None:  # "Norway, which chaired the talks with the EU, will provide": Norway
            outside = [m for m in inp.mentions if m.end - s.start <= insertion.open]
            head = self._after_speech(text, lo, insertion.open)
            found = subject_donors(text, s.start, outside, head, insertion.open, self.ctx)
            return replace(found, end=cue.start) if found is not None else None
        which = _WHICH.search(text, lo, cue.start)
        if which is not None:  # "the United States, which promised $4 billion"
            before = [m for m in inp.mentions if usable(m) and 0 <= which.start() - (m.end - s.start) <= 2]
            if before:
                return subject_donors(
                    text, s.start, before, before[0].start - s.start, which.start(), self.ctx
                )
            owner = [
                m for m in inp.mentions if usable(m) and m.kind == "state" and m.end - s.start < which.start()
            ]
            if owner and _OWNED_SPEAKER.fullmatch(text, owner[-1].end - s.start, which.start()):
                # "said Japan's parliamentary vice-minister for foreign affairs, who announced": Japan
                return Donors(
                    (owner[-1].name,), (text[owner[-1].start - s.start : which.start()],), None, cue.start
                )
        start = lo
        if prev is not None:
            start = max(start, prev[0].end)
        for sub in _SUBORDINATE.finditer(text, start, cue.start):
            start = sub.end()  # "Kuwait hosted the conference, where participants pledged"
        speech_at = self._after_speech(text, start, cue.start)
        others = _AND_OTHERS.search(text, speech_at, cue.start)
        if self._unnamed_antecedent(inp, speech_at, cue.start) or (others and cue.name != "pledge.raising"):
            return None  # "Britain and its partners pledged ...": the amount is not Britain's alone
        if others:  # money raised at a conference is the raiser's (spec: "raising money ... is a pledge")
            return subject_donors(text, s.start, inp.mentions, speech_at, others.start(), self.ctx)
        unnamed = unnamed_subject(text, speech_at, cue.start, s.start, inp.mentions)
        if unnamed is not None:  # "with governments and companies announcing": no named donor
            return (
                named_after(self.ctx, text, s.start, inp.mentions, cue.end, unnamed)
                or named_next(self.ctx, s.end, unnamed)
                or named_before(self.ctx, s.start, unnamed)
            )
        mentions = _outside_asides(text, s.start, inp.mentions, speech_at, cue.start)
        found = subject_donors(text, s.start, mentions, speech_at, cue.start, self.ctx)
        pronoun = _PRONOUN_ONLY.match(text[speech_at : cue.start])
        if speech_at > start and pronoun and (found is None or found.chain[0].startswith('"')):
            # "Denmark said it would send ...": the pronoun is the sayer's own side.
            sayer = subject_donors(text, s.start, inp.mentions, start, speech_at, self.ctx)
            rel = _RELATIVE_COMMA.search(text, lo, speech_at) if sayer is None else None
            if rel is not None:  # "The United Kingdom, which has built towers since 2012, said it would"
                sayer = subject_donors(text, s.start, inp.mentions, lo, rel.start(), self.ctx)
            if sayer is not None and not sayer.chain[0].startswith('"'):
                return Donors(sayer.names, (f'"{pronoun.group(1)}"', *sayer.chain), sayer.speaker, cue.start)
        if found is not None and prev is not None and prev[1] is not None and speech_at == start:
            region = text[start : cue.start]
            if _VP_AND.search(region):
                return prev[1]  # "Japan has provided Ukraine with ... and will train": Ukraine is an object
        if found is not None:
            return found
        given = given_from(text, s.start, inp.mentions, speech_at, cue.start, self.ctx)
        if given is None and prev is not None:  # "Only $20m of Qatar's $75m pledge has been paid"
            given = given_from(text, s.start, inp.mentions, lo, cue.start, self.ctx)
        if given is not None:  # "The money from Kuwait has not arrived"
            return given
        start = speech_at
        region = text[start : cue.start]
        words = region.split()
        if words and words[0].lower().strip(",") in self.cues.relativizers and len(words) <= 4:
            return subject_donors(text, s.start, inp.mentions, lo, start, self.ctx)
        if prev is not None and prev[1] is not None and (len(words) <= 3 or _VP_AND.search(region)):
            return prev[1]  # "Bahrain built a bridge in Mosul and also sent doctors": the same subject
        if prev is None and last is not None and IMPLICIT_SUBJECT.match(region):
            return last  # "Germany pledged €300m, but has disbursed only €100m": the same subject
        return None

    def _signatory(self, inp: SentenceInput, donors: Donors, lo: int, hi: int) -> Donors | None:
        """ "The EIB and Moldova signed a loan agreement", "Moldova signed a grant agreement with
        Sweden": the state the document shows receiving aid signs as the recipient, not a donor."""
        helped = self.ctx.aid_recipients()
        names = tuple(n for n in donors.names if n not in helped)
        if names == donors.names:
            return donors
        if names:
            return replace(donors, names=names)
        partner = _WITH.search(inp.sentence.text, lo, hi)
        if partner is None:
            return None
        found = list_after(inp.sentence.text, inp.sentence.start, inp.mentions, partner.end(), hi, self.ctx)
        if found is None or set(found.names) & helped:
            return None
        return replace(found, end=donors.end)

    def _unnamed_antecedent(self, inp: SentenceInput, lo: int, hi: int) -> bool:
        """ "Kuwait and Bahrain were among the nine countries that together pledged ...": the
        relative clause has no subject of its own and its antecedent is not a named actor."""
        text, off = inp.sentence.text, inp.sentence.start
        rel = None
        for found in _RELATIVE.finditer(text, lo, hi):
            rel = found
        if rel is None or subject_donors(text, off, inp.mentions, rel.end(), hi, self.ctx) is not None:
            return False
        before = [m for m in inp.mentions if usable(m) and lo <= m.start - off and m.end - off <= rel.start()]
        return bool(before) and bool(text[before[-1].end - off : rel.start()].strip(" ,"))

    def _after_speech(self, text: str, lo: int, hi: int) -> int:
        """Where the clause of a cue begins after a speech verb ("Blinken said [the US would]")."""
        start = lo
        for m in re.finditer(r"[\w’']+", text[lo:hi]):
            word = m.group(0)
            if word[0].islower() and word in self.cues.speech_verbs:
                start = lo + m.end()
                tail = re.match(r"\s*(?:on\s+\w+\s+)?(?:\([^)]*\)\s*)?(?:that\b)?", text[start:hi])
                if tail:
                    start += tail.end()
        return start
