"""Claims from one sentence: cue + donors + what and how much, with the evidence.

For each cue chain of a sentence (``cues``), the donors are read from its subject
(``donors``) and the object from the text after the cue up to the next cue or the end
of the clause (``objects``). Non-claims (expectations of others, speculation, unknown
details, earlier aid, reports) cancel cues; a denial governs the cues that follow it in
its clause; "X's participation is exclusively humanitarian" answering talk of troops
denies troops.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pledgewatch.extract.components.agents import passive_agent
from pledgewatch.extract.components.categories import CategoryLexicon
from pledgewatch.extract.components.clauses import clause_spans, cut_attribution, phrase_end
from pledgewatch.extract.components.cues import Cue, CueLexicon, NonClaim
from pledgewatch.extract.components.donors import (
    DocContext,
    Donors,
    resolve,
    subject_donors,
    usable,
)
from pledgewatch.extract.components.earlier import dated_earlier, earlier_year, new_before_earlier
from pledgewatch.extract.components.given_from import names_given
from pledgewatch.extract.components.insertions import background, closed, insertion_spans, merged
from pledgewatch.extract.components.objects import (
    Draft,
    ObjectReader,
    Quantity,
    SentenceInput,
    inside,
)
from pledgewatch.extract.components.promises import denies_promise, pledged_money
from pledgewatch.extract.components.questions import refused_question
from pledgewatch.extract.components.revisions import INCREASED
from pledgewatch.extract.components.split import (
    NONE_CHAIN,
    amount_subject,
    another_count,
    follows,
    lead_amount,
    money_relative,
    none_subject,
    promised_it,
    relative_count,
    share_of_it,
)
from pledgewatch.extract.components.subjects import SubjectReader
from pledgewatch.extract.components.twins import without_amountless_twins

__all__ = ["Draft", "Quantity", "SentenceInput", "SentenceReader"]

_FROM_ACTOR = re.compile(r"\s+(?:in\s+\w+\s+)?from\s+(?:the\s+)?")
_FROM_AFTER_COUNT = re.compile(r"(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?\s+from\s+(?:the\s+)?")
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer)\s+$|n['’]t\s+$", re.I)
_MAIN_VERB = re.compile(r"\s+(?:(?:also|then|soon|now|not|further|jointly|\w+ly)\s+)?(\w+)")
# a passive's agent, not "by 37 percent" nor "paid by March"
_PASSIVE = re.compile(
    r"\s+by\b(?!\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?\S*\d|\s+(?:the\s+end|end|then|now|next|this|last|"
    r"early|mid|late|(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Sept|Nov|Dec)ember|October)\b)"
)
# "None of Kuwait's $500 million has been paid": the subject denies
_NONE_OF = re.compile(
    r"\b(?:none|no\s+part|not\s+(?:a\s+)?(?:single\s+)?(?:cent|penny|dollar|euro))\s+of\b|"
    r"\b(?:none|not\s+(?:a\s+single\s+)?one)\s*$|"
    r"\bno\s+(?:new\s+|fresh\s+|further\s+)?(?:money|funds|funding|cash|aid|payments?|contributions?|supplies)\s+from\b",
    re.I,
)
# "would not make a new contribution": making a gift gives it
_GIFT_MADE = re.compile(
    r"\s+(?:a|an|any|its|their)\s+(?:\w+\s+){0,2}?(?:contribution|donation|payment)s?\b", re.I
)
_PART_OF = re.compile(r"\b(?:most|much|part|parts|some|half|bulk|majority)\s+of\b", re.I)
_THAT = re.compile(r"\bthat\b", re.I)
# "Reports that X had pledged $10 million are untrue": the text refutes the report
_REFUTED = re.compile(
    r"\b(?:reports?|claims?|allegations?|rumou?rs?|suggestions?)\s+that\b[^;]*?"
    r"(?P<verdict>\b(?:were|was|are|is)\s+[\"“'‘]?(?:(?:completely|totally|entirely|simply)\s+)?"
    r"(?:baseless|false|untrue|unfounded|groundless|inaccurate|incorrect|fabricated|fake|wrong|not\s+true))",
    re.I,
)
# non-claims that, inside a relative clause or apposition, still say something about its head
_ABOUT_HEAD = frozenset({"nonclaim.other_initiative"})
_HUMANITARIAN_ONLY = re.compile(r"\b(?:exclusively|purely|solely|strictly|only)\s+humanitarian\b", re.I)
_MILITARY = re.compile(r"\b(?:troops|soldiers|military|peacekeep\w*|armed\s+forces|deployment)\b", re.I)


class SentenceReader(SubjectReader, ObjectReader):
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
        asked = refused_question(text)
        if asked is not None:  # "Asked whether Madrid would send troops, Robles said: 'Not on the table'"
            nonclaims = [n for n in nonclaims if n.start >= asked]
            found = [
                Cue(c.start, c.end, "deny", c.stage, "deny.refused_question", c.text, c.nominal)
                if c.start < asked
                else c
                for c in found
            ]
        full = insertion_spans(text, s.start, inp.mentions, found, clause_spans(text), self.ctx)
        spans = background(full, found)
        if spans:  # "Chile, which says it has sent wheat since 2023, pledged $20m": background
            found = [c for c in found if not inside(c.start, spans)]
            # "Taiwan, which is not a partner of the Facility, offered loans": that one is about the head
            nonclaims = [n for n in nonclaims if n.name in _ABOUT_HEAD or not inside(n.start, spans)]
        if any(n.scope == "sentence" for n in nonclaims):
            return []
        refuted = _REFUTED.search(text)
        if refuted is not None:  # "Reports that Oman would send troops were baseless": a denial
            inside_report = [c for c in found if c.start < refuted.start("verdict")]
            if any(c.kind == "deny" for c in inside_report):
                return []  # refuting a cut or a withdrawal affirms the aid, it is no new claim
            found = [
                Cue(c.start, c.end, "deny", c.stage, "deny.refuted_report", c.text, c.nominal)
                if c in inside_report
                else c
                for c in found
            ]
        if humanitarian_only and _MILITARY.search(text):
            return self._exclusively_humanitarian(inp, humanitarian_only.start())
        for n in nonclaims:
            if n.name == "nonclaim.collected_pledges":  # "Gavi secured $9 billion in pledges": a recipient
                lo = next(a for a, b in clause_spans(text) if a <= n.start < b)
                who = subject_donors(text, s.start, inp.mentions, lo, n.start, self.ctx)
                self.ctx.recipients.update(who.names if who else ())
        blocked = [(n.start, phrase_end(text, n.end)) for n in nonclaims if n.scope == "phrase"]
        blocked += dated_earlier(text, self.ctx.year) + spans
        inp.blocked = blocked
        clauses = merged(clause_spans(text), full)
        inp.clauses = clauses
        inp.first_cue = found[0].start if found else 0
        drafts: list[Draft] = []
        cues = [c for c in found if not inside(c.start, blocked)]
        prev: dict[int, tuple[Cue, Donors | None]] = {}
        denied_in: dict[int, int] = {}  # clauses where a denial governs what follows, and where it is
        inp.last_donors = None
        parts = self._delivered_parts(inp, cues)
        for i, cue in enumerate(cues):
            c_lo, c_hi = next((a, b) for a, b in clauses if a <= cue.start < b)
            if self._cancelled(cue, cues, nonclaims, c_lo, c_hi, text):
                continue
            if cue.kind != "deny" and (
                _NEGATED.search(text, max(0, cue.start - 14), cue.start)
                or _NONE_OF.search(text, max([c_lo, *(c.end for c in cues[:i])]), cue.start)
            ):
                # "France did not announce fresh funds", "has never pledged": not a commitment
                cue = Cue(cue.start, cue.end, "deny", cue.stage, "deny.negated", cue.text, cue.nominal)
            if cue.name == "deny.denied":
                denied_in[c_lo] = cue.start
            elif c_lo in denied_in and cue.kind != "deny" and not closed(full, denied_in[c_lo], cue.start):
                # "Azerbaijan denied reports that it had pledged $500 million": the pledge is denied
                cue = Cue(cue.start, cue.end, "deny", cue.stage, "deny.denied", cue.text, cue.nominal)
            nxt = following = next((c.start for c in cues[i + 1 :] if cue.end <= c.start < c_hi), c_hi)
            # ", of which only $45m has been paid": the delivered part ends the object before it
            nxt = min([nxt, *(p for p in parts if cue.end <= p < nxt)])
            donors = self._donors(inp, cue, c_lo, prev.get(c_lo))
            if cue.name == "pledge.raised.received_from":  # "Gavi raised $9 billion from governments"
                who = subject_donors(text, s.start, inp.mentions, c_lo, cue.start, self.ctx)
                self.ctx.recipients.update(who.names if who else ())
            if donors is not None and donors.chain[:1] == (NONE_CHAIN,) and cue.kind != "deny":
                continue  # "none of it has been paid, officials confirmed": the attribution gives nothing
            agent = None if cue.nominal else passive_agent(text, inp, cue, (c_lo, c_hi, following), self.ctx)
            if agent is not None:  # "the 1,000 troops pledged by Indonesia": the agent gives what precedes
                prev[c_lo] = (cue, agent[0])
                inp.last_donors = agent[0]
                drafts.extend(self._object_claims(inp, agent[2], agent[0], agent[1], cue.start))
                self.ctx.set_donors(agent[0].names)
                continue
            if cue.nominal and donors is None:
                continue  # "Japan's pledge of $500 million": the verbal reading of the noun decides
            if cue.name == "pledge.signed_financing" and donors is not None:
                donors = self._signatory(inp, donors, cue.end, c_hi)
            prev[c_lo] = (cue, donors)
            if donors is not None and donors.names:
                inp.last_donors = donors
            if donors is None or not donors.names:
                # "The pledges included $500 million from Saudi Arabia and $300 million from Qatar"
                drafts.extend(self._amounts_from(inp, cue, nxt))
                continue
            if not cue.nominal and _PASSIVE.match(text, cue.end):
                continue  # "an initiative proposed by Trump": the subject is not the giver
            arrival = cue.name.endswith("source_subject") and donors.object_at < 0
            counts = [q.start - s.start for q in inp.quantities if not q.is_money]
            if arrival and not names_given(text, c_lo, cue.start, counts):
                continue  # "arrived/reached" deliver only a subject that was given ("Japan's aid arrived")
            verb = _MAIN_VERB.match(text, cue.end)
            if verb and verb.group(1).lower() == "be" and re.match(r"\s+\w+ing\b", text[verb.end() :]):
                verb = _MAIN_VERB.match(text, verb.end())  # "will not be sending soldiers"
            if (
                cue.kind != "delivered"
                and verb
                and verb.group(1).lower() in self.cues.non_giving
                and not (verb.group(1).lower() == "make" and _GIFT_MADE.match(text, verb.end()))
            ):
                continue  # "will allow aid trucks", "plans to discuss funding" (not "make a donation")
            obj_lo = donors.end if cue.nominal else cue.end
            if INCREASED.search(cue.text):
                obj_lo = cue.start  # "will double its humanitarian support": what is given is in the cue
            if cue.name == "deny.unpaid":
                if _PART_OF.search(text, c_lo, cue.start):
                    continue  # "most of Kuwait's aid remains undelivered": some of it was delivered
                obj_lo = c_lo  # "Kuwait's $500 million pledge remains unpaid": what is unpaid is the subject
            if arrival:
                obj_lo = c_lo  # "Japan's aid arrived in Port Sudan": what arrived is the subject
            if donors.object_at >= 0:  # "The money from Kuwait has not arrived": the subject is given
                obj_lo, nxt = donors.object_at, donors.object_end if donors.object_end >= 0 else nxt
            if cue.name.endswith("source_subject") and obj_lo < cue.start:
                nxt = cue.start  # "Aid from Japan reached Yangon, and ...": only the subject arrived
            if cue.name.endswith("received_from"):
                obj_lo, nxt = cue.end, donors.end  # the object stands between the cue and "from"
            no_promise = cue.kind == "deny" and denies_promise(cue, text)
            if no_promise:
                cue = replace(cue, stage="pledge")
            obj_hi = cut_attribution(text, obj_lo, nxt)
            if cue.name == "pledge.announced":
                # "confirmed that Kazakhstan joined ...": a new clause
                that = _THAT.search(text, obj_lo, obj_hi)
                obj_hi = that.start() if that else obj_hi
            prior = [
                n
                for n in nonclaims
                if n.name == "nonclaim.prior_aid"
                and obj_lo <= n.start < obj_hi
                and "," not in text[obj_lo : n.start]
            ]
            if prior and new_before_earlier(text, prior[0].start, obj_lo, inp):
                # "a further $30 million on top of the $45 million it gave last year": the new amount
                obj_hi, prior = prior[0].start, []
            if prior:
                continue  # "having provided more than €3 billion since 2011": earlier aid
            if cue.stage == "delivered" and earlier_year(text, obj_lo, obj_hi, self.ctx.year):
                continue  # "sent $385 million in 2023" in a 2024 article: earlier aid
            each_own = self._listed_amounts(inp, donors) if cue.nominal else []
            if len(each_own) >= 2:  # "Pledges came from Norway ($50 million), Sweden ($40 million) ..."
                for name, q in each_own:
                    one = Donors((name,), (name,), donors.speaker, donors.end)
                    drafts.append(self._draft(inp, cue, one, "funding", q, False, obj_lo, obj_hi))
                self.ctx.set_donors(donors.names)
                continue
            pre = max(c_lo, cue.start - 30)
            if (
                cue.nominal
                and cue.name != "pledge.followed_by"
                and any(pre <= q.start - s.start < cue.start for q in inp.quantities)
            ):
                # "A $50 million pledge from Norway": the amount stands before the noun
                drafts.extend(self._object_claims(inp, cue, donors, pre, cue.start))
            lead = lead_amount(text, s.start, inp.quantities, c_lo, cue.start, cue.kind == "pledge")
            if lead is not None:  # "Of the €30 million Germany pledged", "Of its $80m pledge, X has paid"
                promise = replace(cue, kind="pledge", stage="pledge") if cue.kind != "pledge" else cue
                drafts.extend(
                    self._object_claims(inp, promise, donors, lead.start - s.start, lead.end - s.start)
                )
            rel = relative_count(text, s.start, inp.quantities, c_lo, cue.start) if lead is None else None
            counted = []
            if rel is not None and cue.kind != "deny":  # "the 300 police officers Morocco will deploy"
                counted = self._object_claims(inp, cue, donors, rel.start - s.start, rel.end - s.start)
                drafts.extend(counted)
            made = self._claims(inp, cue, donors, obj_lo, obj_hi)
            made = [d for d in made if d.amount or all(c.category != d.category for c in counted)]
            if money_relative(text, s.start, inp.quantities, cue.start):
                made = []  # "$30 million, which would cover fuel": what the money pays for
            if (
                not made
                and cue.stage == "delivered"
                and (share_of_it(text, cue.start, obj_hi) or none_subject(text, c_lo, cue.start) is not None)
            ):
                # "pledged $3 million and has disbursed a third of it": delivered, no amount
                own = [d for d in drafts if d.donors == donors.names and d.stage == "pledge"]
                made = (
                    [self._draft(inp, cue, donors, own[-1].category, None, False, obj_lo, obj_hi)]
                    if own
                    else []
                )
            if not made and cue.kind == "pledge" and promised_it(text, cue.end, c_lo, cue.start):
                # "Qatar's money has not arrived, months after Doha promised it": it is that money
                named = [h.category for h in self.cats.find(text, 0, cue.start)]
                what = drafts[-1].category if drafts else (named[0] if named else None)
                made = [self._draft(inp, cue, donors, what, None, False, obj_lo, obj_hi)] if what else []
            own = [d for d in drafts if d.donors == donors.names]
            if not made and cue.kind == "pledge" and own and follows(text, c_lo, cue.start, cue.end):
                # "has donated 566,000 doses and says another 200,000 will follow": more of the same
                part = amount_subject(text, s.start, inp.quantities, c_lo, cue.start)
                more = part[0] if part else another_count(text, s.start, inp.quantities, cue.end)
                made = [self._draft(inp, cue, donors, own[-1].category, more, False, obj_lo, obj_hi)]
            if not made and (no_promise or pledged_money(cue, text)):  # "has not made a pledge to the fund"
                made = [self._draft(inp, cue, donors, "funding", None, False, obj_lo, obj_hi)]
            drafts.extend(made)
            self.ctx.set_donors(donors.names)
        return without_amountless_twins(drafts)

    def _delivered_parts(self, inp: SentenceInput, cues: list[Cue]) -> list[int]:
        """Where the phrases begin whose amount is the subject of a delivery ("..., of which only $45
        million has been disbursed"): the object of a verb before them ends there."""
        out: list[int] = []
        if len(inp.quantities) < 2:
            return out
        for cue in cues:
            if cue.stage == "delivered" and not cue.nominal:
                lo = next(a for a, b in inp.clauses if a <= cue.start < b)
                part = amount_subject(inp.sentence.text, inp.sentence.start, inp.quantities, lo, cue.start)
                if part is not None:
                    out.append(part[1])
        return out

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

    def _amounts_from(self, inp: SentenceInput, cue: Cue, hi: int) -> list[Draft]:
        """Money amounts after a cue without a subject, each followed by "from <actor>"."""
        text, off = inp.sentence.text, inp.sentence.start
        out = []
        for q in inp.quantities:
            if not (cue.end <= q.start - off < hi) or q.conversion:
                continue
            source = (_FROM_ACTOR if q.is_money else _FROM_AFTER_COUNT).match(text, q.end - off)
            actor = next(
                (m for m in inp.mentions if source and m.start - off == source.end() and usable(m)), None
            )
            if actor is None or actor.kind == "person":
                continue
            names, _ = resolve(actor, self.ctx)
            if names:
                one = Donors(tuple(names), (actor.surface,), None, actor.end - off)
                if q.is_money:
                    out.append(self._draft(inp, cue, one, "funding", q, False, q.start - off, q.end - off))
                elif source is not None:  # "5,000 tonnes of wheat from Canada": the count's own object
                    out.extend(self._object_claims(inp, cue, one, q.start - off, source.start()))
        return out

    # -- the object -----------------------------------------------------------------------

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
