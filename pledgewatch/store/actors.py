"""Actors (states, organisations, people) by canonical name: looked up or created in one statement."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from pledgewatch.store.tables import actors


@lru_cache(maxsize=4096)
def classify(name: str) -> tuple[str | None, str | None]:
    """(kind, iso3) for a name: a state when ISO 3166 knows it, else unknown (None, None)."""
    import pycountry

    try:
        country = pycountry.countries.lookup(name)
    except LookupError:
        return None, None
    # lookup() also matches two- and three-letter codes; only accept names.
    if name.upper() in (country.alpha_2, country.alpha_3) and not name.istitle():
        return None, None
    return "state", country.alpha_3


def actor_ids(conn: Connection, names: Iterable[str]) -> dict[str, int]:
    """Ids of the actors with these names, creating the missing ones (safe under concurrent writers)."""
    wanted = sorted(set(names))
    if not wanted:
        return {}
    found = dict(conn.execute(select(actors.c.name, actors.c.id).where(actors.c.name.in_(wanted))).all())
    missing = [name for name in wanted if name not in found]
    if missing:
        rows = [{"name": name, "kind": classify(name)[0], "iso3": classify(name)[1]} for name in missing]
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        conn.execute(insert(actors).on_conflict_do_nothing(index_elements=["name"]), rows)
        found.update(conn.execute(select(actors.c.name, actors.c.id).where(actors.c.name.in_(missing))).all())
    return found
