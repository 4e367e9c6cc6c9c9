"""Claims from one sentence: cue + donors + what and how much, with the evidence.

For each cue chain of a sentence (``cues``), the donors are read from its subject
(``donors``), the object is the text after the cue up to the next cue or the end of
the clause, cut where a purpose phrase begins ("to support Gaza's reconstruction").
The object gives the categories (``categories``) and the amounts: every money amount
is a ``funding`` claim of its own; each other category found is one claim; unspecified
humanitarian aid counts only when nothing more specific is named. Coordinated donors
with one amount each ("Qatar committed $1 billion, Saudi Arabia $1 billion, ...")
are split; a joint total over listed donors is one collective claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pledgewatch.extract.components.actors import ActorMention
from pledgewatch.extract.components.categories import CategoryHit, CategoryLexicon
from pledgewatch.extract.components.cues import Cue, CueLexicon, NonClaim
from pledgewatch.extract.components.donors import DocContext, Donors, list_after, subject_donors, usable
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


_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b|\s(?:while|whereas)\s|\s--\s", re.I)
_PHRASE_END = re.compile(r"[,;:()\u2014\u2013]|\s--|\.\s*$")
_ATTRIBUTION = re.compile(
    r"[,\u201d\"]\s*(?:(?:[\w.’'-]+\s+){0,8}?(?:said|says|added|noted|told|according\s+to)\b|said\b)", re.I
)
_EACH = re.compile(r"^\W{0,3}\s*each\b", re.I)
_PRIOR_AMOUNT = re.compile(
    r"(?:up\s+from|down\s+from|compared\s+(?:with|to)|from\s+(?:a|an|the)?\s*previous)\s*$", re.I
)
# "of the $1 billion it pledged", "of its $1 billion pledge": the amount of an earlier pledge.
_REFERENCE = re.compile(r"\b(?:of|from)\s+(?:the|its|their|his|her|a|an)\s+(?:\w+\s+)?$", re.I)
_PRONOUN_ONLY = re.compile(
    r"^\s*(it|they|he|she|the\s+country|the\s+government)\s+(?:\w+ly\s+|also\s+)?$", re.I
)
# "to the reconstruction fund": the channel's name says nothing about what is given.
_CHANNEL = re.compile(
    r"\b(?:to|into|through|via|for|from)\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:fund|facility|trust|appeal|programme|program|mechanism|account|agency|initiative|window|plan|force)\b",
    re.I,
)
_PAID_FOR = re.compile(
    r"[^,;]{0,30}?\b(?:in|for|to|towards?|on)\s+(.*?)"
    r"(?=;|,\s*while\b|\s+while\s|(?:,\s*|\s+)and\s+(?:\w+\s+)?(?:will|would|has|have|is|are|was|were|also|to)\b|$)",
    re.I,
)
_MONEY_VERB = re.compile(
    r"^(?:\S+\s+){0,3}?(?:pa(?:y|id|ying)(?!\s+(?:a\s+)?(?:visit|tribute|attention|respects|homage|heed))"
    r"|fund(?:ed|ing)?|financ\w*|donat\w*)\b|"
    r"\bcontribut\w*\s+(?:financially|money|to\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:fund|budget))\b",
    re.I,
)
_FROM = re.compile(r"\bfrom\b", re.I)
_WHICH = re.compile(r",\s*(?:which|who)\s+(?:(?:has|have|had|also|already|\w+ly)\s+){0,2}$", re.I)
_MAIN_VERB = re.compile(r"\s+(?:(?:also|then|soon|now|not|further|jointly|\w+ly)\s+)?(\w+)")
_PASSIVE = re.compile(r"\s+by\b")
_THAT = re.compile(r"\bthat\b", re.I)
_CONTRIBUTION = re.compile(r"\bcontributions?\b", re.I)
_SUBORDINATE = re.compile(r"\b(?:where|whereby|when|because|although|though|unless|until)\b", re.I)
_CONJUNCT = re.compile(r"(?:,\s*|\s+)and\s+(?:also\s+)?(?:a\s+|an\s+|the\s+|some\s+)?", re.I)
_BOUND_WORDS = re.compile(r"(?:more\s+than|over|at\s+least|up\s+to|about|around|nearly|some)\s+", re.I)
_HUMANITARIAN_ONLY = re.compile(r"\b(?:exclusively|purely|solely|strictly|only)\s+humanitarian\b", re.I)
_MILITARY = re.compile(r"\b(?:troops|soldiers|military|peacekeep\w*|armed\s+forces|deployment)\b", re.I)
_PARTICIPATE = re.compile(
    r"^\s*(?:also\s+)?(?:participated|contributed|took\s+part|joined\s+in|chipped\s+in|did\s+too)\b", re.I
)
_RECIPIENT = re.compile(
    r"\b(?:to|through|for|via|into)\s+(?:the\s+)?(?P<np>(?:[A-Z][\w’'().-]*|of|the|and|for|[a-z]+’s|[a-z]+'s)"
    r"(?:\s+(?:[A-Z][\w’'().-]*|of|the|and|for|Development|Fund))*)"
)
_STUDENTS = re.compile(
    r"\bfor\s+(?P<np>(?:[A-Z]\w+\s+)?(?:students|refugees|children|families|civilians|youth))\b"
)


class SentenceReader:
    """Reads the claims of sentences; one per document (it keeps the document context)."""

    def __init__(self, cues: CueLexicon, categories: CategoryLexicon, ctx: DocContext) -> None:
        self.cues = cues
        self.cats = categories
        self.ctx = ctx

    # -- the sentence ---------------------------------------------------------------------

    def read(self, inp: SentenceInput) -> list[Draft]:
        s = inp.sentence
        text = s.text
        humanitarian_only = _HUMANITARIAN_ONLY.search(text)
        found = self.cues.find(text)
        if not found and not humanitarian_only:
            return []
        nonclaims = self.cues.nonclaims(text)
        if any(n.scope == "sentence" for n in nonclaims):
            return []
        if humanitarian_only and _MILITARY.search(text):
            return self._exclusively_humanitarian(inp, humanitarian_only.start())
        blocked = [(n.start, _phrase_end(text, n.end)) for n in nonclaims if n.scope == "phrase"]
        inp.blocked = blocked
        clauses = _clauses(text)
        drafts: list[Draft] = []
        cues = [c for c in found if not _inside(c.start, blocked)]
        prev: dict[int, tuple[Cue, Donors | None]] = {}
        denied_in: set[int] = set()  # clauses where a denial governs what follows
        for i, cue in enumerate(cues):
            c_lo, c_hi = next((a, b) for a, b in clauses if a <= cue.start < b)
            if self._cancelled(cue, cues, nonclaims, c_lo, c_hi, text):
                continue
            if cue.name == "deny.denied":
                denied_in.add(c_lo)
            elif c_lo in denied_in and cue.kind != "deny":
                # "Azerbaijan denied reports that it had pledged $500 million": the pledge is denied
                cue = Cue(cue.start, cue.end, "deny", cue.stage, "deny.denied", cue.text, cue.nominal)
            nxt = next((c.start for c in cues[i + 1 :] if cue.end <= c.start < c_hi), c_hi)
            donors = self._donors(inp, cue, c_lo, prev.get(c_lo))
            if cue.nominal and donors is None:
                continue  # "Japan's pledge of $500 million": the verbal reading of the noun decides
            prev[c_lo] = (cue, donors)
            if donors is None or not donors.names:
                continue
            if not cue.nominal and _PASSIVE.match(text, cue.end):
                continue  # "an initiative proposed by Trump": the subject is not the giver
            verb = _MAIN_VERB.match(text, cue.end)
            if cue.kind != "delivered" and verb and verb.group(1).lower() in self.cues.non_giving:
                continue  # "will allow aid trucks", "plans to discuss funding"
            obj_lo = donors.end if cue.nominal else cue.end
            if cue.name.endswith("received_from"):
                obj_lo, nxt = cue.end, donors.end  # the object stands between the cue and "from"
            obj_hi = _cut_attribution(text, obj_lo, nxt)
            if cue.name == "pledge.announced":
                # "confirmed that Kazakhstan joined ...": a new clause
                that = _THAT.search(text, obj_lo, obj_hi)
                obj_hi = that.start() if that else obj_hi
            if any(
                n.name == "nonclaim.prior_aid"
                and obj_lo <= n.start < obj_hi
                and "," not in text[obj_lo : n.start]
                for n in nonclaims
            ):
                continue  # "having provided more than €3 billion since 2011": earlier aid
            each_own = self._listed_amounts(inp, donors) if cue.nominal else []
            if len(each_own) >= 2:  # "Pledges came from Norway ($50 million), Sweden ($40 million) ..."
                for name, q in each_own:
                    one = Donors((name,), (name,), donors.speaker, donors.end)
                    drafts.append(self._draft(inp, cue, one, "funding", q, False, obj_lo, obj_hi))
                self.ctx.set_donors(donors.names)
                continue
            pre = max(c_lo, cue.start - 30)
            if cue.nominal and any(pre <= q.start - s.start < cue.start for q in inp.quantities):
                # "A $50 million pledge from Norway": the amount stands before the noun
                drafts.extend(self._object_claims(inp, cue, donors, pre, cue.start))
            drafts.extend(self._claims(inp, cue, donors, obj_lo, obj_hi))
            self.ctx.set_donors(donors.names)
        return drafts

    def _cancelled(
        self, cue: Cue, cues: list[Cue], nonclaims: list[NonClaim], lo: int, hi: int, text: str
    ) -> bool:
        clause_has_deny = any(c.kind == "deny" and lo <= c.start < hi for c in cues)
        for n in nonclaims:
            if n.scope == "clause" and lo <= n.start < hi and not (n.unless_deny and clause_has_deny):
                return True
            if n.scope == "before" and lo <= n.start and n.end <= cue.start:
                gap = text[n.end : cue.start]
                if len(gap.split()) <= 3 and "," not in gap:
                    return True
            if n.scope in ("before", "phrase") and 0 <= n.start - cue.end <= 2:
                return True  # "will likely give", "would possibly send"
        return False

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
        which = _WHICH.search(text, lo, cue.start)
        if which is not None:  # "the United States, which promised $4 billion"
            before = [m for m in inp.mentions if usable(m) and 0 <= which.start() - (m.end - s.start) <= 2]
            if before:
                return subject_donors(
                    text, s.start, before, before[0].start - s.start, which.start(), self.ctx
                )
        start = lo
        if prev is not None:
            start = max(start, prev[0].end)
        for sub in _SUBORDINATE.finditer(text, start, cue.start):
            start = sub.end()  # "Kuwait hosted the conference, where participants pledged"
        speech_at = self._after_speech(text, start, cue.start)
        found = subject_donors(text, s.start, inp.mentions, speech_at, cue.start, self.ctx)
        pronoun = _PRONOUN_ONLY.match(text[speech_at : cue.start])
        if speech_at > start and pronoun and (found is None or found.chain[0].startswith('"')):
            # "Denmark said it would send ...": the pronoun is the sayer's own side.
            sayer = subject_donors(text, s.start, inp.mentions, start, speech_at, self.ctx)
            if sayer is not None and not sayer.chain[0].startswith('"'):
                return Donors(sayer.names, (f'"{pronoun.group(1)}"', *sayer.chain), sayer.speaker, cue.start)
        if found is not None:
            return found
        start = speech_at
        region = text[start : cue.start]
        words = region.split()
        if words and words[0].lower().strip(",") in self.cues.relativizers and len(words) <= 4:
            return subject_donors(text, s.start, inp.mentions, lo, start, self.ctx)
        if prev is not None and prev[1] is not None and len(words) <= 3:
            return prev[1]
        return None

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

    # -- the object -----------------------------------------------------------------------

    def _claims(self, inp: SentenceInput, cue: Cue, donors: Donors, lo: int, hi: int) -> list[Draft]:
        text = inp.sentence.text
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
        del text
        return drafts

    def _object_claims(self, inp: SentenceInput, cue: Cue, donors: Donors, lo: int, hi: int) -> list[Draft]:
        text = inp.sentence.text
        off = inp.sentence.start
        channels = [(m.start(), m.end()) for m in _CHANNEL.finditer(text, lo, hi)]
        hits = [h for h in self.cats.find(text, lo, hi) if not _inside(h.start, inp.blocked + channels)]
        qty = [
            q
            for q in inp.quantities
            if lo <= q.start - off
            and q.end - off <= hi
            and not q.conversion
            and not _inside(q.start - off, inp.blocked)
            and not _PRIOR_AMOUNT.search(text[max(0, q.start - off - 25) : q.start - off])
        ]
        # "1.2 billion euros for energy repairs": what money pays for is not a category of its own
        paid_for = [self._paid_for(text, q.end - off, hi) for q in qty if q.is_money]
        hits = [h for h in hits if not _inside(h.start, paid_for)]
        qty = [q for q in qty if q.is_money or not _inside(q.start - off, paid_for)]
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
        main = [h for h in hits if _inside(h.start, spans)]
        main_q = [q for q in qty if _inside(q.start - off, spans)]
        categories: list[str] = []
        for h in main:
            if h.category not in categories:
                categories.append(h.category)
        money = [q for q in main_q if q.is_money]
        counts = [q for q in main_q if not q.is_money]
        count_cat = {q: self._count_category(q, main, off, text) for q in counts}
        for q in counts:
            cat = count_cat[q]
            if cat and cat not in categories:
                categories.append(cat)
        if money and "funding" not in categories:
            categories.insert(0, "funding")
        if not categories and (
            _MONEY_VERB.search(cue.text + " " + text[lo : min(hi, lo + 60)]) or _CONTRIBUTION.search(cue.text)
        ):
            categories = ["funding"]  # "would not contribute to the fund", "has not paid its dues"
        if categories == ["humanitarian"] and purpose is not None:
            refined = [h.category for h in hits if h.start >= main_hi and h.category in self.cats.refine]
            if refined:
                categories = [refined[0]]
        if len(categories) > 1 and "humanitarian" in categories:
            categories.remove("humanitarian")
        each = any(_EACH.match(text[q.end - off : q.end - off + 8]) for q in money) or bool(
            re.search(r"\beach\b", text[max(0, cue.start - 12) : cue.end])
        )
        # one amount for several donors is their joint total ("Norway and Sweden gave $300 million"),
        # never to be counted once per donor; "each" gives every donor the amount
        collective = len(donors.names) > 1 and not each
        drafts: list[Draft] = []
        for cat in categories:
            if cat == "funding" and money:
                if cue.stage == "delivered" and all(self._reference(text, q, off) for q in money):
                    # "has given only 15 percent of its $1 billion pledge": delivered, no amount
                    drafts.extend(self._split_each(inp, cue, donors, None, each, collective, lo, hi))
                for q in money:
                    reference = self._reference(text, q, off)
                    use = (
                        Cue(cue.start, cue.end, "pledge", "pledge", cue.name, cue.text) if reference else cue
                    )
                    drafts.extend(self._split_each(inp, use, donors, q, each, collective, lo, hi))
                continue
            amount = next((q for q in counts if count_cat[q] == cat), None)
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
    def _paid_for(text: str, start: int, hi: int) -> tuple[int, int]:
        m = _PAID_FOR.match(text, start, hi)
        return (m.start(1), m.end()) if m else (start, start)

    @staticmethod
    def _reference(text: str, q: Quantity, off: int) -> bool:
        return bool(_REFERENCE.search(text[max(0, q.start - off - 16) : q.start - off]))

    def _count_category(self, q: Quantity, hits: list[CategoryHit], off: int, text: str = "") -> str | None:
        """A count's category: a term inside it or right after "of" wins ("50 demining experts",
        "10,000 tonnes of aid"), else its unit's."""
        after = re.match(r"\s+of\s+", text[q.end - off : q.end - off + 6]) if text else None
        limit = q.end - off + (after.end() + 1 if after else 0)
        inner = [h.category for h in hits if q.start - off <= h.start < limit]
        return inner[-1] if inner else self.cats.count_category(q.unit)

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
            seg_end = re.search(r",|\s+and\s+|$", rest)
            seg = rest[: seg_end.start()] if seg_end else rest
            money_next = any(q.is_money and b <= q.start - off <= b + 4 for q in inp.quantities)
            if money_next or _PARTICIPATE.match(rest):
                cuts.append((a, m, bool(_PARTICIPATE.match(rest)) and not money_next))
                del seg
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
            speaker=donors.speaker or self._speaker(inp),
            recipient=_recipient(text, lo, hi),
            period=self.cats.period(text, lo, hi),
            sentence=inp.sentence,
        )

    def _speaker(self, inp: SentenceInput) -> str | None:
        text = inp.sentence.text
        for m in re.finditer(r"[\w’']+", text):
            if m.group(0).lower() not in self.cues.speech_verbs:
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

    def _exclusively_humanitarian(self, inp: SentenceInput, at: int) -> list[Draft]:
        """ "X's participation is exclusively humanitarian" answering talk of troops: deny security."""
        text = inp.sentence.text
        lo = 0
        for m in re.finditer(r"\b(?:that|,)\s", text[:at]):
            lo = m.end()
        donors = subject_donors(text, inp.sentence.start, inp.mentions, lo, at, self.ctx)
        if donors is None:
            return []
        phrase = _HUMANITARIAN_ONLY.match(text, at)
        said = phrase.group(0) if phrase else "humanitarian"
        cue = Cue(
            at, at, "deny", "pledge", "deny.exclusively_humanitarian", f"{said} (answering talk of troops)"
        )
        speaker = None
        people = [p for p in inp.mentions if p.kind == "person" and p.start - inp.sentence.start < lo]
        if people:
            speaker = people[0].name
        draft = self._draft(inp, cue, donors, "security", None, False, at, at)
        self.ctx.set_donors(donors.names)
        return [replace(draft, speaker=speaker or draft.speaker)]


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        bounds.append(m.start())
    bounds.append(len(text) + 1)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _phrase_end(text: str, start: int) -> int:
    m = _PHRASE_END.search(text, start)
    return m.start() if m else len(text)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _cut_attribution(text: str, lo: int, hi: int) -> int:
    m = _ATTRIBUTION.search(text, lo, hi)
    return m.start() if m else hi


def _recipient(text: str, lo: int, hi: int) -> str | None:
    m = _STUDENTS.search(text, lo, hi)
    if m:
        return m.group("np")
    for m in _RECIPIENT.finditer(text, lo, hi):
        words = m.group("np").strip().rstrip(",. ").split()
        while words and words[-1].lower() in ("of", "the", "and", "for", "to", "in"):
            words.pop()
        np = " ".join(words)
        if np and np[0].isupper() and len(np) > 3:
            return np
    return None
