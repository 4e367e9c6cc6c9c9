"""``pledgewatch serve`` (the JSON API and the dashboard) and ``pledgewatch token`` (API tokens)."""

from __future__ import annotations

import os

import typer
from rich.table import Table

from pledgewatch.cli.output import console
from pledgewatch.config import Settings
from pledgewatch.errors import ConfigError

token_app = typer.Typer(
    name="token",
    help=(
        "Make and revoke the tokens that writes need (adding documents, reviewing claims).\n\n"
        "Examples:\n\n"
        "  pledgewatch token create alice     # prints the token once; only its hash is stored\n\n"
        "  pledgewatch token list\n\n"
        "  pledgewatch token revoke alice"
    ),
    no_args_is_help=True,
)


def _secret() -> bytes | None:
    value = os.environ.get("PLEDGEWATCH_SECRET")
    if value is not None and len(value) < 32:
        raise ConfigError("PLEDGEWATCH_SECRET must be at least 32 characters")
    return value.encode() if value else None


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    private: bool = typer.Option(False, "--private", help="Reads need a token too, not only writes."),
    log_level: str = typer.Option("info", help="uvicorn log level: critical, error, warning, info, debug."),
) -> None:
    """Serve the dashboard and the JSON API (/api, schema at /openapi.json).

    Reads are public unless --private; writes need a token (see `pledgewatch token`).
    Sessions are signed with PLEDGEWATCH_SECRET when set, else with a random key per start.

    Examples:

      pledgewatch serve                                  # http://127.0.0.1:8000

      pledgewatch --db sqlite:///demo.db serve --port 8080 --private
    """
    import uvicorn

    from pledgewatch.api import create_app

    settings: Settings = ctx.obj
    app = create_app(settings, private=private, secret=_secret())
    mode = "private: reads need a token" if private else "reads are public, writes need a token"
    console.print(f"Serving the dashboard at [bold]http://{host}:{port}[/] ({mode}). Ctrl+C stops it.")
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)


@token_app.command("create")
def token_create(
    ctx: typer.Context, name: str = typer.Argument(..., help="Who or what the token is for.")
) -> None:
    """Make a token and print it, once. Only its SHA-256 hash is stored.

    Example: pledgewatch token create alice
    Then: curl -H "Authorization: Bearer TOKEN" -X POST http://127.0.0.1:8000/api/documents ...
    """
    from pledgewatch.store import make_engine
    from pledgewatch.store.tokens import create_token

    engine = make_engine(ctx.obj.db_url)
    with engine.begin() as conn:
        raw = create_token(conn, name)
    engine.dispose()
    console.print(f"Token for [bold]{name}[/] (shown only now; keep it secret):", highlight=False)
    print(raw)


@token_app.command("revoke")
def token_revoke(ctx: typer.Context, name: str = typer.Argument(..., help="The token's name.")) -> None:
    """Revoke a token: requests and sessions using it are refused from now on.

    Example: pledgewatch token revoke alice
    """
    from pledgewatch.store import make_engine
    from pledgewatch.store.tokens import revoke_token

    engine = make_engine(ctx.obj.db_url)
    with engine.begin() as conn:
        revoke_token(conn, name)
    engine.dispose()
    console.print(f"Revoked the token [bold]{name}[/].", highlight=False)


@token_app.command("list")
def token_list(ctx: typer.Context) -> None:
    """List tokens by name, with when they were made and revoked (never the tokens themselves).

    Example: pledgewatch token list
    """
    from pledgewatch.store import make_engine
    from pledgewatch.store.tokens import list_tokens

    engine = make_engine(ctx.obj.db_url)
    with engine.connect() as conn:
        tokens = list_tokens(conn)
    engine.dispose()
    if not tokens:
        console.print("No tokens. Make one with: pledgewatch token create NAME")
        return
    table = Table("name", "created", "state")
    for info in tokens:
        state = "active" if info.active else f"revoked {info.revoked_at:%Y-%m-%d %H:%M}"
        table.add_row(info.name, f"{info.created_at:%Y-%m-%d %H:%M}", state)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(token_app, name="token")
