"""Entity components of the extractor: actors and people, amounts, dates.

Each finder works on plain text and returns mentions with character offsets into
it; heavy objects (the name automaton, compiled grammars) are built on first use by
a cached ``load()`` factory, never at import. See each module's docstring.
"""

from pledgewatch.extract.components.actors import ActorMention, DocumentActors, find_actors
from pledgewatch.extract.components.amounts import AmountMention, find_amounts
from pledgewatch.extract.components.dates import DateMention, find_dates, find_published_in_text
from pledgewatch.extract.components.people import find_people

__all__ = [
    "ActorMention",
    "AmountMention",
    "DateMention",
    "DocumentActors",
    "find_actors",
    "find_amounts",
    "find_dates",
    "find_people",
    "find_published_in_text",
]
