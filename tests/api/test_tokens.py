"""Tokens: shown once, stored as a hash, compared in constant time, revoked by name; the CLI."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from pledgewatch.cli import _register_all, app
from pledgewatch.errors import NotFoundError, TokenError
from pledgewatch.store.tokens import create_token, hash_token, list_tokens, revoke_token, verify_token


def test_a_token_is_stored_only_as_its_hash(engine: Engine) -> None:
    with engine.begin() as conn:
        raw = create_token(conn, "alice")
        stored = conn.execute(text("SELECT token_hash FROM api_tokens WHERE name = 'alice'")).scalar_one()
    assert raw.startswith("pw_") and len(raw) > 40
    assert stored == hash_token(raw) and raw not in stored


def test_verify_finds_the_token_and_refuses_others(engine: Engine) -> None:
    with engine.begin() as conn:
        alice = create_token(conn, "alice")
        bob = create_token(conn, "bob")
        assert verify_token(conn, alice).name == "alice"  # type: ignore[union-attr]
        assert verify_token(conn, bob).name == "bob"  # type: ignore[union-attr]
        assert verify_token(conn, alice[:-1]) is None
        assert verify_token(conn, "") is None


def test_revoked_tokens_fail_and_the_name_can_be_reused(engine: Engine) -> None:
    with engine.begin() as conn:
        old = create_token(conn, "alice")
        with pytest.raises(TokenError):
            create_token(conn, "alice")
        revoke_token(conn, "alice")
        assert verify_token(conn, old) is None
        new = create_token(conn, "alice")
        assert verify_token(conn, new) is not None and verify_token(conn, old) is None
        assert [t.name for t in list_tokens(conn)] == ["alice"]
        with pytest.raises(NotFoundError):
            revoke_token(conn, "nobody")


@pytest.mark.parametrize("name", ["", "has space", "-dash-first", "x" * 65, "semi;colon"])
def test_token_names_are_checked(engine: Engine, name: str) -> None:
    with engine.begin() as conn, pytest.raises(TokenError):
        create_token(conn, name)


def test_token_commands_create_list_and_revoke(sqlite_url: str) -> None:
    _register_all()
    runner = CliRunner()
    made = runner.invoke(app, ["--db", sqlite_url, "token", "create", "carol"])
    assert made.exit_code == 0, made.output
    raw = made.output.strip().splitlines()[-1]
    assert raw.startswith("pw_")
    listed = runner.invoke(app, ["--db", sqlite_url, "token", "list"])
    assert "carol" in listed.output and "active" in listed.output and raw not in listed.output
    assert runner.invoke(app, ["--db", sqlite_url, "token", "revoke", "carol"]).exit_code == 0
    assert "revoked" in runner.invoke(app, ["--db", sqlite_url, "token", "list"]).output
    again = runner.invoke(app, ["--db", sqlite_url, "token", "revoke", "carol"])
    assert again.exit_code != 0


def test_serve_help_teaches_with_examples() -> None:
    _register_all()
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--private" in result.output and "--port" in result.output and "Examples" in result.output


def test_migration_0003_matches_the_tokens_table(engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from pledgewatch.store.tables import metadata

    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in diffs if "api_tokens" in repr(d)] == []
