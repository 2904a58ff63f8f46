"""One style for every command's --help: click's plain layout (rich markup would swallow
`[tool.handbook]`), placeholders in capitals (FILE, KIND, ID, FOLDER) and no Python type
names (typer prints `<str>`, `<list[Path]>` beside every argument)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typer.core import TyperCommand

if TYPE_CHECKING:
    import click


class Command(TyperCommand):
    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)
        arguments = [(_placeholder(p), _argument_help(p)) for p in params
                     if p.param_type_name == "argument"]
        options = [record for p in params if p.param_type_name != "argument"
                   if (record := p.get_help_record(ctx))]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _placeholder(argument: click.Parameter) -> str:
    name = argument.metavar or (argument.name or "").upper()
    return f"{name}..." if argument.nargs != 1 else name


def _argument_help(argument: click.Parameter) -> str:
    text = getattr(argument, "help", None) or ""
    if argument.required:
        return f"{text}  [required]"
    if isinstance(argument.default, str):
        return f"{text}  [default: {argument.default}]"
    return text
