"""`handbook event import` and `handbook event report`."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..cli_help import Command
from ..config import ConfigError, load_config
from ..loader import Curriculum, load
from ..models import Event
from ..report import Format, render

event_app = typer.Typer(help="An event after the fact: import the Dashboard's outcomes, write "
                        "its Meta-Wiki report.", no_args_is_help=True, rich_markup_mode=None)
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

EventArgument = Annotated[str, typer.Argument(
    metavar="EVENT", help="The event's id (its file name in the events folder without .yml).")]


def _event(event_id: str) -> tuple[Curriculum, Event]:
    try:
        config = load_config()
    except ConfigError as error:  # bad input: file:line CUR092, exit 1, as every command
        render([error.problem], Format.TEXT, error.problem.file.parent, err)
        raise typer.Exit(1) from None
    except (FileNotFoundError, KeyError) as error:
        err.print(f"handbook: {error}; run it inside the handbook repository", markup=False)
        raise typer.Exit(2) from None
    curriculum = load(config)
    wanted = Path(event_id).stem
    event = curriculum.event(wanted)
    # The event's file, read or not (a file that does not load has no event to find).
    broken = [p for p in curriculum.problems if p.file.stem == wanted
              and p.file.parent.resolve() == config.events.resolve()]
    if event is None and not broken:
        known = ", ".join(e.id for e in curriculum.events) or "none yet"
        err.print(f"handbook: no event `{wanted}` in {config.events.name}/ (events: {known}); "
                  f"create one with `handbook new event {wanted}`", markup=False)
        raise typer.Exit(2)
    if broken:
        render(broken, Format.TEXT, config.root, err)
        err.print("handbook: fix these first; nothing was written", markup=False)
        raise typer.Exit(1)
    return curriculum, event


def _refuse(errors: list[str], event: Event) -> None:
    """Print every error and stop (exit 1): nothing was written."""
    if errors:
        for error in errors:
            err.print(error, markup=False)
        err.print(f"handbook: nothing was written to {event.document.path.name}", markup=False)
        raise typer.Exit(1)


@event_app.command("import", cls=Command)
def import_command(
    event_id: EventArgument,
    files: Annotated[list[Path], typer.Argument(
        metavar="CSV", help="The Dashboard's overview, editors, articles or uploads "
        "download(s) of the event's course.", dir_okay=False)],
) -> None:
    """Write the Dashboard's aggregates into the event's outcomes (never usernames)."""
    from . import importer

    curriculum, event = _event(event_id)
    result = importer.run(curriculum, event, files, datetime.date.today())
    _refuse(result.errors, event)
    for metric, value, date in result.written:
        out.print(f"{metric}: {value} (taken {date})", markup=False)
    out.print(f"wrote {len(result.written)} outcome(s) to "
              f"{event.document.path.relative_to(curriculum.config.root)}; review the diff and "
              "commit it (not the CSV files)", markup=False)


@event_app.command("assess", cls=Command)
def assess_command(
    event_id: EventArgument,
    files: Annotated[list[Path], typer.Argument(
        metavar="CSV", help="Self-assessment lines (columns module, objective, before, "
        "after; optional form), from the offline page or typed from the printed forms.",
        dir_okay=False)],
) -> None:
    """Write per objective the number of answers and mean confidence before and after into
    the event (never an answer; nothing from fewer than 5 answers)."""
    from . import assess

    curriculum, event = _event(event_id)
    result = assess.run(curriculum, event, files, datetime.date.today())
    _refuse(result.errors, event)
    for (module, objective), count, before, after in result.written:
        out.print(f"{module} {objective}: {count} answers, before {before}, after {after}",
                  markup=False)
    for module, objective in result.withheld:
        out.print(f"{module} {objective}: fewer than {assess.MINIMUM} answers, not written",
                  markup=False)
    out.print(f"wrote {len(result.written)} objective(s) to "
              f"{event.document.path.relative_to(curriculum.config.root)}; review the diff and "
              "commit it (never the answers)", markup=False)


@event_app.command("report", cls=Command)
def report_command(
    event_id: EventArgument,
    out_folder: Annotated[Path | None, typer.Option(
        "--out", metavar="FOLDER",
        help="Folder to write (default: events/EVENT in the `exports` folder of "
        "[tool.handbook]).")] = None,
) -> None:
    """Write the event's report as Meta-Wiki wikitext, one file per language."""
    from ..export.event_report import export
    from ..export.files import NotOurs, replace, write
    from ..export.publish import Publication

    curriculum, event = _event(event_id)
    folder = out_folder or curriculum.config.exports / "events" / event.id
    publication = Publication(curriculum.config)
    try:
        files = replace(folder, lambda new: export(curriculum, event, new, publication, write))
    except NotOurs:
        err.print(f"handbook: {folder} holds files that handbook did not write; choose an "
                  "empty or new folder with --out", markup=False)
        raise typer.Exit(2) from None
    for path in files:
        out.print(f"wrote {path}", markup=False)
