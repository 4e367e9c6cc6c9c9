"""API tokens: made once, shown once, stored only as a SHA-256 hash, revoked by name.

A token is ``pw_`` + 43 url-safe random characters (256 bits), so a plain SHA-256 is
enough to store it: there is nothing to brute-force. ``verify_token`` compares the hash
of the presented token with every active hash in constant time, without an early exit.
The table comes with Alembic revision ``0003_tokens``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pledgewatch.errors import NotFoundError, TokenError
from pledgewatch.store.tables import metadata

TOKEN_PREFIX = "pw_"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
)


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _info(row: sa.Row) -> TokenInfo:
    return TokenInfo(id=row.id, name=row.name, created_at=row.created_at, revoked_at=row.revoked_at)


def create_token(conn: Connection, name: str) -> str:
    """Store a new token under ``name`` and return it; this is the only time it is seen."""
    if not NAME_PATTERN.match(name):
        raise TokenError(
            f"token name {name!r} is not valid",
            hint="use 1-64 letters, digits, '_', '.', '@' or '-', starting with a letter or digit",
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    existing = conn.execute(sa.select(api_tokens).where(api_tokens.c.name == name)).first()
    values = {"token_hash": hash_token(raw), "created_at": _now(), "revoked_at": None}
    if existing is None:
        conn.execute(api_tokens.insert().values(name=name, **values))
    elif existing.revoked_at is not None:
        conn.execute(api_tokens.update().where(api_tokens.c.id == existing.id).values(**values))
    else:
        raise TokenError(
            f"a token named {name!r} already exists",
            hint=f"revoke it first (`pledgewatch token revoke {name}`) or choose another name",
        )
    return raw


def revoke_token(conn: Connection, name: str) -> TokenInfo:
    """Revoke the active token ``name``; requests carrying it are refused from now on."""
    row = conn.execute(
        sa.select(api_tokens).where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
    ).first()
    if row is None:
        raise NotFoundError(f"no active token named {name!r}", hint="see `pledgewatch token list`")
    when = _now()
    conn.execute(api_tokens.update().where(api_tokens.c.id == row.id).values(revoked_at=when))
    return TokenInfo(id=row.id, name=row.name, created_at=row.created_at, revoked_at=when)


def list_tokens(conn: Connection) -> list[TokenInfo]:
    rows = conn.execute(sa.select(api_tokens).order_by(api_tokens.c.name)).all()
    return [_info(row) for row in rows]


def verify_token(conn: Connection, raw: str) -> TokenInfo | None:
    """The active token matching ``raw``, compared in constant time; None when none does."""
    presented = hash_token(raw)
    rows = conn.execute(sa.select(api_tokens).where(api_tokens.c.revoked_at.is_(None))).all()
    found: sa.Row | None = None
    for row in rows:  # no early exit: every active hash is compared
        if hmac.compare_digest(presented, row.token_hash):
            found = row
    return _info(found) if found is not None else None


def get_active_token(conn: Connection, token_id: int) -> TokenInfo | None:
    row = conn.execute(
        sa.select(api_tokens).where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
    ).first()
    return _info(row) if row is not None else None
