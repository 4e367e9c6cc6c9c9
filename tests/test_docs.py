"""The public surface is documented: every command has help with an example and a line in the
README, and ``pledgewatch.__all__`` names every public record and imports."""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

import pledgewatch
import pledgewatch.records
from pledgewatch.cli import _register_all, app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _root() -> Any:
    _register_all()
    return typer.main.get_command(app)


def _leaves(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        yield " ".join(path), command
        return
    for name, sub in subcommands.items():
        yield from _leaves(sub, (*path, name))


COMMANDS = sorted(_root().commands)
LEAVES = sorted(_leaves(_root()), key=lambda item: item[0])


def test_the_cli_has_the_commands_of_the_design() -> None:
    wanted = {"ingest", "demo", "extract", "evaluate", "ledger", "show", "conflicts", "review", "serve"}
    assert wanted <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_a_line_in_the_readme_commands_table(name: str) -> None:
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([a-z-]+)(?=[ `])", table))
    assert name in documented


@pytest.mark.parametrize(("name", "command"), LEAVES, ids=[name for name, _ in LEAVES])
def test_every_command_has_help_with_an_example(name: str, command: Any) -> None:
    help_text = command.help or ""
    assert help_text.strip(), f"{name} has no help"
    assert "Example" in help_text and f"pledgewatch {name.split()[0]}" in help_text


def test_all_names_every_public_record_and_the_error_base() -> None:
    records = {
        name
        for name, value in vars(pledgewatch.records).items()
        if inspect.isclass(value)
        and dataclasses.is_dataclass(value)
        and value.__module__ == "pledgewatch.records"
    }
    assert records, "records.py defines no dataclasses?"
    assert records | {"PledgewatchError", "extract", "__version__"} <= set(pledgewatch.__all__)


@pytest.mark.parametrize("name", pledgewatch.__all__)
def test_every_name_in_all_imports(name: str) -> None:
    assert getattr(pledgewatch, name) is not None


def test_extract_in_all_is_the_extractor() -> None:
    from pledgewatch.extract import extract

    assert pledgewatch.extract is extract
    assert callable(pledgewatch.extract)


def test_the_top_level_help_has_examples() -> None:
    help_text = _root().help or ""
    assert "Examples" in help_text and "pledgewatch demo" in help_text


def test_every_error_has_its_own_code_and_every_concrete_one_a_hint() -> None:
    import pledgewatch.errors

    classes = [
        value
        for value in vars(pledgewatch.errors).values()
        if inspect.isclass(value) and issubclass(value, pledgewatch.PledgewatchError)
    ]
    codes = [c.code for c in classes]
    assert all(re.fullmatch(r"PW\d{3}", code) for code in codes)
    assert len(codes) == len(set(codes))
    assert [c.__name__ for c in classes if not c.__subclasses__() and not c.hint] == []
