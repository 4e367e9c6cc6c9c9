"""The ``pledgewatch`` command: a Typer app whose command groups live one per module.

Each module in ``COMMAND_MODULES`` has ``register(app)``; a command parses its
arguments, calls one library function and renders the result.
"""

from __future__ import annotations

import importlib

import typer

from pledgewatch.cli.output import run_guarded
from pledgewatch.config import Settings

COMMAND_MODULES: tuple[str, ...] = ("ingest", "demo", "serve", "extract", "ledger", "review")

app = typer.Typer(
    name="pledgewatch",
    help=(
        "Track what states and organisations pledge to multi-donor initiatives, and whether they deliver.\n\n"
        "Read news and statements (ingest), see the claims they make (extract), reconcile them into a "
        "ledger of pledges (ledger, show, conflicts), review what the machine read (review), and serve it "
        "(serve).\n\n"
        "Examples:\n\n"
        "  pledgewatch demo                                  # demo.db: documents, claims, ledger\n\n"
        "  pledgewatch --db sqlite:///demo.db ledger --donor Kazakhstan\n\n"
        "  pledgewatch ingest news/ --initiative 'Board of Peace'\n\n"
        "  pledgewatch COMMAND --help                        # every command has examples"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        envvar="PLEDGEWATCH_DB",
        help="Database URL: sqlite:///FILE.db (default sqlite:///pledgewatch.db) or postgresql://...",
        show_default=False,
    ),
) -> None:
    """Global options go before the command: pledgewatch --db URL ingest FILES..."""
    ctx.obj = Settings.from_env(db)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"pledgewatch.cli.{name}").register(app)


def main() -> None:
    _register_all()
    run_guarded(app)
