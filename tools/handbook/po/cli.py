"""`handbook po export` and `handbook po import`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..cli_help import Command
from ..config import Config, load_config
from ..loader import Curriculum, load
from ..report import Format, render
from . import importer
from .export import export

po_app = typer.Typer(help="Gettext PO files for translators (Poedit, Weblate).",
                     no_args_is_help=True)
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def _load() -> Curriculum:
    try:
        config = load_config()
    except (FileNotFoundError, KeyError) as error:
        err.print(f"handbook: {error}; run it inside the handbook repository", markup=False)
        raise typer.Exit(2) from None
    _check_config(config)
    curriculum = load(config)
    if curriculum.problems:  # a file that does not load has no texts to export or import into
        render(curriculum.problems, Format.TEXT, config.root, err)
        err.print("handbook: fix these first; nothing was written", markup=False)
        raise typer.Exit(1)
    return curriculum


def _check_config(config: Config) -> None:
    if config.source_language not in config.languages:
        err.print(f"handbook: source_language `{config.source_language}` in [tool.handbook] is "
                  f"not one of the languages ({', '.join(config.languages)})", markup=False)
        raise typer.Exit(2)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


@po_app.command("export", cls=Command)
def export_command(
    language: Annotated[list[str] | None, typer.Option(
        "--language", "-l", metavar="LANGUAGE", show_default=False,
        help="Only this language (repeatable); default: all but the source.")]
    = None,
) -> None:
    """Write a POT template and a PO file per language for every curriculum file."""
    curriculum = _load()
    config = curriculum.config
    targets = [lang for lang in config.languages if lang != config.source_language]
    for wanted in language or []:
        if wanted not in targets:
            err.print(f"handbook: cannot export `{wanted}`; choose from {', '.join(targets)} "
                      f"(`{config.source_language}` is the source language)", markup=False)
            raise typer.Exit(2)
    result = export(curriculum, language or targets)
    if result.errors:
        for error in result.errors:
            err.print(error, markup=False)
        err.print("handbook: nothing was written", markup=False)
        raise typer.Exit(1)
    folder = _shown(config.translations, config.root)
    out.print(f"wrote {len(result.written)} file(s) in {folder}/ ({result.unchanged} unchanged); "
              f"{result.fuzzy} fuzzy entr{'y' if result.fuzzy == 1 else 'ies'}", markup=False)


@po_app.command("import", cls=Command)
def import_command(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="PO files to import.",
                                                exists=True, dir_okay=False)],
) -> None:
    """Write translations from PO files into the YAML, and confirm them in the record."""
    curriculum = _load()
    root = curriculum.config.root
    plan = importer.plan(curriculum, [Path(_shown(f, root)) if f.is_absolute() else f
                                      for f in files])
    for warning in plan.warnings:
        err.print(f"warning: {warning}", markup=False)
    if plan.errors:
        for error in plan.errors:
            err.print(error, markup=False)
        err.print("handbook: nothing was written", markup=False)
        raise typer.Exit(1)
    importer.apply(plan, curriculum)
    out.print(f"imported {plan.changed} changed text(s) into {len(plan.files)} file(s); "
              f"newly confirmed {plan.confirmed} translation(s); "
              f"kept {plan.skipped_fuzzy} fuzzy entr{'y' if plan.skipped_fuzzy == 1 else 'ies'} "
              "out", markup=False)
