"""Where the CLI meets the terminal: consoles, error lines and exit codes."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console

from pledgewatch.errors import PledgewatchError

console = Console()
err_console = Console(stderr=True)


def print_error(error: PledgewatchError | str) -> None:
    """One red line on stderr; markup in the message is shown literally."""
    err_console.print(str(error), style="bold red", markup=False, highlight=False, soft_wrap=True)


def run_guarded(app: Any) -> None:
    """Run the Typer app; a PledgewatchError becomes a red line and its exit code."""
    try:
        app(standalone_mode=True)
    except PledgewatchError as error:
        print_error(error)
        sys.exit(error.exit_code)
