"""Every command's --help as a newcomer reads it: one style, nothing swallowed, no Python
type names, every option it mentions real; and the README's list of schema kinds is true."""

from __future__ import annotations

import re

import click
import pytest
import typer.main

from handbook.cli import app
from handbook.models import KINDS
from tests.conftest import ROOT

ROOT_COMMAND = typer.main.get_command(app)


def commands(group: click.Command = ROOT_COMMAND, path: tuple[str, ...] = ()):
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, (*path, name))


COMMANDS = list(commands())


def help_of(handbook, path: tuple[str, ...]) -> str:
    run = handbook(*path, "--help")
    assert run.code == 0, run.output
    return run.output


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda v: " ".join(v) or "handbook"
                         if isinstance(v, tuple) else "")
def test_help_keeps_every_word_and_shows_no_type_names(handbook, path, command):
    output = help_of(handbook, path)
    shown = words(output)
    # Every help text written in the code appears whole (rich markup ate `[tool.handbook]`).
    for text in [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]:
        for paragraph in text.split("\n\n"):
            assert words(paragraph) in shown, (paragraph, shown)
    assert not re.search(r"<\w+(\[[^\]]*\])?>|\(\s*\)|of \)", shown), shown
    # Placeholders in one style: capitals, as in `{KIND} {ID}` or `[FILE]...`.
    usage = next(line for line in output.splitlines() if line.startswith("Usage: "))
    for placeholder in re.findall(r"[\[{]([^\]}]+)[\]}]", usage):
        assert placeholder.isupper(), usage
    # An option named in the text is one the command has.
    own = {opt for p in command.params for opt in [*p.opts, *p.secondary_opts]}
    for option in re.findall(r"`(--[\w-]+)", command.help or ""):
        assert option in own, f"{' '.join(path)} mentions {option}, which it does not have"


def test_version(handbook):
    run = handbook("--version")
    assert run.code == 0 and re.fullmatch(r"handbook \d+\.\d+\.\d+\n", run.output), run.output


def test_readme_names_every_schema_kind():
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = re.search(r"\(kinds: ([^)]+)\)", readme)[1]
    assert [kind.strip() for kind in listed.split(",")] == list(KINDS)


def test_every_export_has_its_command():
    from handbook.build import EXPORTS
    from handbook.cli import EXPORT_HELP

    assert set(EXPORT_HELP) == set(EXPORTS)
