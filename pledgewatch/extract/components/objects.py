"""What and how much: the categories, amounts, recipients and periods of a cue's object.

``ObjectReader`` turns the object of a cue (the text after it, up to the next cue or the
end of the clause) into claims: every money amount is a ``funding`` claim of its own;
each other category found is one claim; unspecified humanitarian aid counts only when
nothing more specific is named; what money pays for ("$500 million to restore the
grid") and the purpose of a contribution ("to support reconstruction") are not
categories of their own. Coordinated donors with one amount each ("Qatar committed $1
billion, Saudi Arabia $1 billion, ...") are split; one amount for several donors is
their joint total; "each" gives every donor the amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.categories import CategoryHit, CategoryLexicon
from pledgewatch.extract.components.cues import Cue, CueLexicon
from pledgewatch.extract.components.donors import DocContext, Donors, usable
from pledgewatch.extract.components.gapping import own_amount
from pledgewatch.extract.components.paying import money_verb, paid_for_spans, pays_for, valued
from pledgewatch.extract.components.recipients import recipient
from pledgewatch.extract.components.revisions import INCREASED, current_figures, prior_amount
from pledgewatch.extract.segment import Sentence


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount found in the text (absolute offsets): money (ISO code) or a count (plural noun)."""

    start: int
    end: int
    value: float
    unit: str
    bound: str | None = None
    conversion: bool = False  # a conversion in parentheses: never the claim's amount
    text: str = ""

    @property
    def is_money(self) -> bool:
        return len(self.unit) == 3 and self.unit.isupper()


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim before it becomes a record (sentence offsets kept for --explain)."""

    donors: tuple[str, ...]
    stance: str
    stage: str
    category: str
    amount: Quantity | None
    collective: bool
    rule: str
    cue: str
    chain: tuple[str, ...]
    speaker: str | None
    recipient: str | None
    period: str | None
    sentence: Sentence


@dataclass(slots=True)
class SentenceInput:
    sentence: Sentence
    mentions: list[ActorMention]
    quantities: list[Quantity]
    blocked: list[tuple[int, int]] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    first_cue: int = 0  # a speech verb before it frames the whole sentence ("X said A, while B")
    last_donors: Donors | None = None  # of the sentence's previous cue ("X pledged $5m but has paid $1m")


_EACH = re.compile(r"^\W{0,3}\s*each\b", re.I)
# "of the $1 billion it pledged", "of its $1 billion pledge": the amount of an earlier pledge.
_REFERENCE = re.compile(
    r"\b(?:of|from)\s+(?:the|its|their|his|her|a|an|(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?)\s+(?:\w+\s+)?$"
)
_CHANNEL = re.compile(
    r"\b(?:to|into|through|via|for|from)\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:fund|facility|trust|appeal|programme|program|mechanism|account|agency|initiative|window|plan|force)\b",
    re.I,
)
# "150 trucks of food and medicine into Gaza": what the counted things hold, up to a preposition
_TO_VERB = re.compile(r"\s+(?:[\w-]+\s+){0,2}?to\s+(?:help\s+)?", re.I)
_OF_PHRASE = re.compile(
    r"\s+of\s+((?:(?!\b(?:to|into|for|through|via|in|at|from|by|on|with)\b|\d)[^,;()])*)", re.I
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_CONTRIBUTION = re.compile(r"\bcontributions?\b", re.I)
_CONJUNCT = re.compile(r"(?:,\s*|\s+)and\s+(?:also\s+)?(?:a\s+|an\s+|the\s+|some\s+)?", re.I)
_BOUND_WORDS = re.compile(r"(?:more\s+than|over|at\s+least|up\s+to|about|around|nearly|some)\s+", re.I)
_PARTICIPATE = re.compile(
    r"^\s*(?:also\s+)?(?:participated|contributed|took\s+part|joined\s+in|chipped\s+in|did\s+too)\b", re.I
)


class ObjectReader:
    """The object half of sentence reading (mixed into ``claims.SentenceReader``)."""

    cues: CueLexicon
    cats: CategoryLexicon
    ctx: DocContext

    def _claims(self, inp: SentenceInput, cue: Cue, donors: Donors, lo: int, hi: int) -> list[Draft]:
        """Claims of an object, split where coordinated donors each take their own amount."""
        segments = self._gapped(inp, lo, hi, donors)
        drafts: list[Draft] = []
        inherited: str | None = None
        for seg_donors, seg_lo, seg_hi, participates in segments:
            if participates:
                if inherited:
                    drafts.append(self._draft(inp, cue, seg_donors, inherited, None, False, seg_lo, seg_hi))
                continue
            made = self._object_claims(inp, cue, seg_donors, seg_lo, seg_hi)
            if made:
                inherited = made[0].category
            drafts.extend(made)
        return drafts

    def _object_claims(self, inp: SentenceInput, cue: Cue, donors: Donors, lo: int, hi: int) -> list[Draft]:
        text = inp.sentence.text
        off = inp.sentence.start
        channels = [(m.start(), m.end()) for m in _CHANNEL.finditer(text, lo, hi)]
        hits = [h for h in self.cats.find(text, lo, hi) if not inside(h.start, inp.blocked + channels)]
        qty = [
            q
            for q in inp.quantities
            if lo <= q.start - off
            and q.end - off <= hi
            and not q.conversion
            and not (q.is_money and q.value < 1000)  # "$1 for every $2": a ratio, not a contribution
            and not inside(q.start - off, inp.blocked)
            and not prior_amount(text, q.start - off)
        ]
        qty = current_figures(cue.text, text, lo, off, qty)  # a raised pledge: its new figure only
        # "1.2 billion euros for energy repairs": what money pays for is not a category of its own
        money_ends = [
            q.end - off for q in inp.quantities if q.is_money and lo <= q.start - off < q.end - off <= hi
        ]
        paid_for = paid_for_spans(text, hi, money_ends)  # also after "up from $60m", ", to pay for"
        hits = [h for h in hits if not inside(h.start, paid_for)]
        qty = [q for q in qty if q.is_money or not inside(q.start - off, paid_for)]
        purpose = self.cats.purpose_start(text, lo, hi)
        if purpose is not None and not text[lo:purpose].strip():
            purpose = self.cats.purpose_start(
                text, purpose + 1, hi
            )  # "plans [to redevelop] ...": the complement
        main_hi = hi if purpose is None else purpose
        spans = [(lo, main_hi)]
        while spans[-1][1] < hi:
            resume = self._resume(text, spans[-1][1], hi, [q.start - off for q in qty])
            if resume >= hi:
                break
            again = self.cats.purpose_start(text, resume + 1, hi)
            spans.append((resume, again if again is not None else hi))
        main = [h for h in hits if inside(h.start, spans)]
        main_q = [q for q in qty if inside(q.start - off, spans)]
        categories: list[str] = []
        for h in main:
            if h.category not in categories:
                categories.append(h.category)
        money = [q for q in main_q if q.is_money]
        counts = [q for q in main_q if not q.is_money]
        count_cats = {q: self._count_categories(q, main, off, text) for q in counts}
        for q in counts:
            for cat in count_cats[q]:
                if cat not in categories:
                    categories.append(cat)
        if not money and not counts and cue.kind != "deny" and pays_for(cue.text, text, lo):
            categories = ["funding"]  # "pledged to fund a field hospital" (not "will not pay for weapons")
        kinds = {q: valued(text, lo, q.start - off) for q in money}
        worth = [q for q in money if kinds[q]]
        if not categories and "goods" in kinds.values():
            categories = ["humanitarian"]  # "vehicles worth $4 million": a gift in kind no category names
        if worth and any(c != "funding" for c in categories):
            money = [q for q in money if q not in worth]  # "vehicles worth $15 million": what they are worth
        if money and "funding" not in categories:
            categories.insert(0, "funding")
        if not categories and (
            money_verb(cue.text, text, lo, hi, cue.stage == "delivered" and not cue.nominal)
            or (INCREASED.search(cue.text) and _CONTRIBUTION.search(cue.text))
        ):
            categories = ["funding"]  # "would not contribute to the fund", "has not paid its dues"
        if categories == ["humanitarian"] and purpose is not None:
            refined = [h.category for h in hits if h.start >= main_hi and h.category in self.cats.refine]
            if refined:
                categories = [refined[0]]
        humanitarian = [h for h in main if h.category == "humanitarian"]
        if (
            len(categories) > 1
            and "humanitarian" in categories
            and all(map(self.cats.is_generic, humanitarian))
        ):
            categories.remove("humanitarian")  # "aid and medicines": medical; "tents and medicines": both
        each = any(_EACH.match(text[q.end - off : q.end - off + 8]) for q in money) or bool(
            re.search(r"\beach\b", text[max(0, cue.start - 12) : cue.end])
        )
        # one amount for several donors is their joint total ("Norway and Sweden gave $300 million"),
        # never to be counted once per donor; "each" gives every donor the amount
        collective = len(donors.names) > 1 and not each
        drafts: list[Draft] = []
        if len(money) == len(donors.names) > 1 and _RESPECTIVELY.search(text, lo, hi):
            # "Germany and France pledged €200 million and €150 million respectively"
            for name, q in zip(donors.names, money, strict=True):
                one = Donors((name,), donors.chain, donors.speaker, donors.end)
                drafts.append(self._draft(inp, cue, one, "funding", q, False, lo, hi))
            categories = [c for c in categories if c != "funding"]
        for cat in categories:
            if cat == "funding" and money:
                if cue.stage == "delivered" and all(self._reference(text, q, off, cue) for q in money):
                    # "has given only 15 percent of its $1 billion pledge": delivered, no amount
                    drafts.extend(self._split_each(inp, cue, donors, None, each, collective, lo, hi))
                for q in money:
                    reference = self._reference(text, q, off, cue)
                    announced = cue.name == "delivered.progressive" and cue.kind != "deny"
                    use = (
                        Cue(cue.start, cue.end, "pledge", "pledge", cue.name, cue.text)
                        if reference or announced  # "is providing a further €1.1 billion": announced
                        else cue
                    )
                    drafts.extend(self._split_each(inp, use, donors, q, each, collective, lo, hi))
                continue
            amount = next((q for q in counts if cat in count_cats[q]), worth.pop(0) if worth else None)
            drafts.extend(self._split_each(inp, cue, donors, amount, each, collective, lo, hi, cat))
        return drafts

    @staticmethod
    def _listed_amounts(inp: SentenceInput, donors: Donors) -> list[tuple[str, Quantity]]:
        """Donors of a list each followed by their own amount in parentheses."""
        off = inp.sentence.start
        text = inp.sentence.text
        out = []
        for name, end in donors.listed:
            own = [
                q
                for q in inp.quantities
                if q.is_money
                and re.fullmatch(r"\s*\(\s*", text[end : q.start - off] if q.start - off >= end else "x")
            ]
            if own:
                out.append((name, own[0]))
        return out

    @staticmethod
    def _reference(text: str, q: Quantity, off: int, cue: Cue | None = None) -> bool:
        if cue is not None and cue.name == "delivered.begun":
            return True  # "has begun disbursing its $500 million pledge": the amount is the whole pledge's
        return bool(_REFERENCE.search(text[max(0, q.start - off - 40) : q.start - off]))

    def _count_categories(self, q: Quantity, hits: list[CategoryHit], off: int, text: str) -> list[str]:
        """A count's categories: a term inside it wins ("50 demining experts"), else the terms of
        its "of" phrase, each of them ("150 trucks of food and medicine": food and medical),
        else its unit's."""
        end = q.end - off
        of = _OF_PHRASE.match(text, end)
        inner = [h.category for h in hits if q.start - off <= h.start < end]
        if of:
            inner += [h.category for h in hits if of.start(1) <= h.start < of.end(1)]
        if inner:
            return list(dict.fromkeys(inner if of else inner[-1:]))
        trains = _TO_VERB.match(text, end)  # "200 instructors to train recruits": what they do
        near = [h.category for h in hits if trains and trains.start() <= h.start <= trains.end()]
        own = near[0] if near else self.cats.count_category(q.unit)
        return [own] if own else []

    @staticmethod
    def _resume(text: str, lo: int, hi: int, qty_starts: list[int]) -> int:
        """Where a purpose phrase gives way to a new conjunct ("to stabilize food security
        in Gaza and 500 university scholarships"): right after "and", a new amount."""
        starts = set(qty_starts)
        for m in _CONJUNCT.finditer(text, lo, hi):
            nxt = _BOUND_WORDS.match(text, m.end())
            if m.end() in starts or (nxt and nxt.end() in starts):
                return m.end()
        return hi

    def _split_each(
        self,
        inp: SentenceInput,
        cue: Cue,
        donors: Donors,
        amount: Quantity | None,
        each: bool,
        collective: bool,
        lo: int,
        hi: int,
        category: str = "funding",
    ) -> list[Draft]:
        if each and len(donors.names) > 1:
            return [
                self._draft(
                    inp,
                    cue,
                    Donors((n,), donors.chain, donors.speaker, donors.end),
                    category,
                    amount,
                    False,
                    lo,
                    hi,
                )
                for n in donors.names
            ]
        return [self._draft(inp, cue, donors, category, amount, collective and amount is not None, lo, hi)]

    def _gapped(
        self, inp: SentenceInput, lo: int, hi: int, donors: Donors
    ) -> list[tuple[Donors, int, int, bool]]:
        """Split "X committed $1 billion, Y $1 billion, and Z also participated" into segments."""
        text = inp.sentence.text
        off = inp.sentence.start
        cuts: list[tuple[int, ActorMention, bool]] = []
        for m in inp.mentions:
            a, b = m.start - off, m.end - off
            if not (lo < a and b <= hi) or not usable(m) or m.kind == "person":
                continue
            if not re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$", text[lo:a]):
                continue
            rest = text[b:hi]
            money_next = any(own_amount(text, b, q.start - off, q.is_money) for q in inp.quantities)
            if money_next or _PARTICIPATE.match(rest):
                cuts.append((a, m, bool(_PARTICIPATE.match(rest)) and not money_next))
        if not cuts:
            return [(donors, lo, hi, False)]
        out = [(donors, lo, cuts[0][0], False)]
        for i, (a, m, participates) in enumerate(cuts):
            end = cuts[i + 1][0] if i + 1 < len(cuts) else hi
            out.append(
                (Donors((m.name,), (m.surface,), donors.speaker, a), a + len(m.surface), end, participates)
            )
        return out

    def _draft(
        self,
        inp: SentenceInput,
        cue: Cue,
        donors: Donors,
        category: str,
        amount: Quantity | None,
        collective: bool,
        lo: int,
        hi: int,
    ) -> Draft:
        text = inp.sentence.text
        return Draft(
            donors=donors.names,
            stance="deny" if cue.kind == "deny" else "commit",
            stage=cue.stage,
            category=category,
            amount=amount,
            collective=collective,
            rule=cue.name,
            cue=cue.text,
            chain=donors.chain,
            speaker=donors.speaker or self._speaker(inp, cue.start),
            recipient=recipient(text, lo, hi),
            period=self.cats.period(text, lo, hi),
            sentence=inp.sentence,
        )

    def _speaker(self, inp: SentenceInput, at: int) -> str | None:
        """The person whose speech verb frames the sentence, or stands in the cue's own clause
        ("Germany will give X, Minister Y said, while Britain promised Z": Z is not Y's)."""
        text = inp.sentence.text
        lo, hi = next(((a, b) for a, b in inp.clauses if a <= at < b), (0, len(text)))
        for m in re.finditer(r"[\w’']+", text):
            if m.group(0).lower() not in self.cues.speech_verbs:
                continue
            if not (lo <= m.start() < hi or m.start() < inp.first_cue):
                continue
            before = text[max(0, m.start() - 25) : m.start()]
            if re.search(r"\b(?:he|she)\s+(?:also\s+)?$", before, re.I) and self.ctx.last_person:
                return self.ctx.last_person.name
            for p in inp.mentions:
                if p.kind != "person":
                    continue
                a, b = p.start - inp.sentence.start, p.end - inp.sentence.start
                if 0 <= m.start() - b <= 8 or 0 <= a - m.end() <= 2:
                    return p.name
        return None


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
