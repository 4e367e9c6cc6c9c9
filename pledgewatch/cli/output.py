"""Where the CLI meets the terminal: consoles, error lines and exit codes."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console

from pledgewatch.errors import PledgewatchError

if TYPE_CHECKING:
    from rich.progress import Progress

console = Console()
err_console = Console(stderr=True)


def progress_bar(label: str, *, on: Console, quiet: bool = False) -> Progress:
    """The house progress bar: label, bar, done/total, a ``note`` field, time taken; shown only on
    a terminal and unless ``quiet``, and gone when the work is done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        console=on,
        disable=quiet or not on.is_terminal,
        transient=True,
    )


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
