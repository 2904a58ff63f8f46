"""The `handbook` command: validate, generate, build and serve the trainer handbook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from . import record
from .checks import run_checks
from .cli_help import Command
from .config import Config, ConfigError, load_config
from .event.cli import event_app
from .limits import real
from .loader import Curriculum, load, sources
from .models import ID_PATTERN, KINDS
from .po.cli import po_app
from .problems import Severity
from .report import Format, render
from .scaffold import SCAFFOLDS, skeleton

# Plain click help (cli_help.py): rich markup would swallow `[tool.handbook]`.
app = typer.Typer(help=__doc__, no_args_is_help=True, pretty_exceptions_enable=False,
                  add_completion=False, rich_markup_mode=None)
app.add_typer(po_app, name="po")
app.add_typer(event_app, name="event")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        out.print(f"handbook {version('tajik-trainer-handbook')}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    _: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                    help="Print the version and exit.")] = False,
) -> None:
    """The `handbook` command: validate, generate, build and serve the trainer handbook."""


def _config() -> Config:
    try:
        return load_config()
    except ConfigError as error:  # bad input: file:line CUR092, exit 1
        render([error.problem], Format.TEXT, error.problem.file.parent, err)
        raise typer.Exit(1) from None
    except FileNotFoundError as error:
        err.print(f"handbook: {error}; run it inside the handbook repository", markup=False)
        raise typer.Exit(2) from None


def _validate(config: Config, paths: list[Path], fmt: Format, strict: bool) -> Curriculum:
    """Load and check, print the problems, and exit 1 if the curriculum cannot be built."""
    curriculum = load(config)
    problems = run_checks(curriculum)
    if paths:
        # Problems in the rule tuning (pyproject.toml, CUR091) concern every file.
        wanted = {real(path) for path in paths} | {real(config.root / "pyproject.toml")}
        problems = [p for p in problems if real(p.file) in wanted]
    render(problems, fmt, config.root, out if fmt is not Format.TEXT or problems else err)
    if any(strict or p.severity is Severity.ERROR for p in problems):
        raise typer.Exit(1)
    return curriculum


@app.command(cls=Command)
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="FILE", help="Only report these files.", show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", metavar="FORMAT",
                                        help="text, json or github.")] = Format.TEXT,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
) -> None:
    """Check every curriculum file and report all problems (exit 1 if any error)."""
    config = _config()
    for path in paths or []:
        if not path.is_file():
            err.print(f"handbook: no such file: {path}", markup=False)
            raise typer.Exit(2)
    _validate(config, paths or [], fmt, strict)


@app.command(cls=Command)
def generate() -> Curriculum:
    """Validate, then write the generated pages into the `generated` folder named in
    [tool.handbook]."""
    from .build import generate as generate_pages  # not needed to validate: load late

    curriculum = _validate(_config(), [], Format.TEXT, False)
    changed = generate_pages(curriculum)
    err.print(f"generated pages: {len(changed)} changed", highlight=False)
    return curriculum


@app.command(cls=Command)
def build(
    site_dir: Annotated[Path, typer.Option(metavar="FOLDER", help="Where to write the site.")]
    = Path("site"),
) -> None:
    """Validate and generate; make the PDFs, the offline zip, the exports' zips and the
    site (MkDocs in strict mode: any warning stops the build)."""
    from .build import build as build_site
    from .export.files import NotOurs

    curriculum = _validate(_config(), [], Format.TEXT, False)
    try:
        code = build_site(curriculum, site_dir, lambda line: err.print(
            line, markup=False, highlight=False))
    except NotOurs as error:
        _not_ours(error.args[0])
    raise typer.Exit(code)


export_app = typer.Typer(help="Write the curriculum in other tools' formats: Meta-Wiki, the "
                         "Dashboard, learning platforms (Open edX, SCORM, Moodle).",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


def _export(curriculum: Curriculum, kind: str, folder: Path) -> None:
    from .build import export  # not needed to validate: load late
    from .export.files import NotOurs

    try:
        files = export(curriculum, kind, folder)
    except NotOurs:
        _not_ours(folder)
    err.print(f"wrote {len(files)} {kind} file(s) in {folder}", markup=False, highlight=False)


def _not_ours(folder: Path) -> NoReturn:
    err.print(f"handbook: {folder} holds files that `handbook export` did not write; "
              "choose an empty or new folder with --out", markup=False)
    raise typer.Exit(2) from None


OutOption = Annotated[Path | None, typer.Option(
    "--out", metavar="FOLDER", show_default=False,
    help="Folder to write (default: the `exports` setting of [tool.handbook]).")]


# One command per export (build.EXPORTS, which this must name alike: tests/test_help.py).
EXPORT_HELP = {
    "wikitext": "Meta-Wiki pages: an event page per programme (with its CampaignEvents "
                "registration fields), a page per module, and the Dashboard's training slides, "
                "modules and library.",
    "dashboard": "The Programs & Events Dashboard's YAML training layout (its `training_path`).",
    "olx": "WikiLearn (Open edX): a course archive per language, `COURSE-LANGUAGE.tar.gz`, to "
           "import in Studio (Tools → Import).",
    "scorm": "SCORM 1.2: a package per module and language, `MODULE-LANGUAGE.zip`, for any LMS.",
    "moodle": "Moodle XML question banks, one per language, a category per module.",
    "trainers": "The Trainers list (consenting people only) as Meta-Wiki wikitext, per language.",
}


def _export_command(kind: str) -> None:
    def command(out: OutOption = None) -> None:
        curriculum = _validate(_config(), [], Format.TEXT, False)
        _export(curriculum, kind, out or curriculum.config.exports / kind)

    export_app.command(kind, cls=Command, help=EXPORT_HELP[kind])(command)


for _kind in EXPORT_HELP:
    _export_command(_kind)


@app.command(cls=Command)
def serve(
    address: Annotated[str, typer.Option(metavar="HOST:PORT", help="Where to serve.")]
    = "127.0.0.1:8000",
) -> None:
    """Preview the site with live reload: a saved curriculum file shows in a second or two.

    Only pages whose Markdown changed are rebuilt (MkDocs' dirty build), and no PDFs or
    offline zip are made; errors are shown on the pages instead of stopping the preview."""
    from . import preview
    from .build import mkdocs

    config = _config()
    render(run_checks(load(config)), Format.TEXT, config.root, err)
    # Not strict: a dirty build always warns that navigation may be stale.
    raise typer.Exit(mkdocs(config, "serve", "--dirty", "--no-strict", "--dev-addr", address,
                             **{preview.ENVIRONMENT: "1"}))


@app.command(cls=Command)
def schema(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")]
    = "module",
) -> None:
    """Print the JSON Schema of a curriculum file kind (for editor completion)."""
    if kind not in KINDS:
        err.print(f"handbook: unknown kind {kind!r}; choose one of {', '.join(KINDS)}",
                  markup=False)
        raise typer.Exit(2)
    out.print_json(json.dumps(KINDS[kind].model_json_schema(), ensure_ascii=False))


@app.command(cls=Command)
def rules() -> None:
    """List every rule with its code, default severity, name and summary."""
    from .ruledocs import rule_docs  # also registers the check rules

    for doc in rule_docs("en"):
        out.print(f"{doc.code} {doc.severity:<7} {doc.name:<36} {doc.summary}", markup=False,
                  highlight=False)


@app.command(cls=Command)
def translated(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="FILE", help="Files whose languages now say the same (from here or from the "
        "repository root).",
        show_default=False)] = None,
    every: Annotated[bool, typer.Option("--all", help="Confirm every curriculum file.")] = False,
) -> None:
    """Record that the languages of these files match now (clears stale-translation warnings)."""
    config = _config()
    if bool(paths) == every:
        err.print("handbook: name the files whose translations you have checked, e.g. "
                  "`handbook translated curriculum/modules/my-topic.yml`, or confirm every file "
                  "with `handbook translated --all`", markup=False)
        raise typer.Exit(2)
    files = [path.resolve() for path, _ in sources(config)]
    wanted = {path: _curriculum_file(path, files, config) for path in paths or []}
    unknown = [str(path) for path, found in wanted.items() if found is None]
    if unknown:
        err.print(f"handbook: not a curriculum file: {', '.join(unknown)} (give its path from "
                  "this folder or from the repository root, e.g. curriculum/modules/x.yml)",
                  markup=False)
        raise typer.Exit(2)
    chosen_files = set(files) if every else set(wanted.values())
    curriculum = load(config)
    chosen = [m for m in curriculum.files() if m.document.path.resolve() in chosen_files]
    broken = [p for p in curriculum.problems if p.file.resolve() in chosen_files]
    if broken:
        render(broken, Format.TEXT, config.root, err)
        err.print("handbook: fix these first; nothing was recorded", markup=False)
        raise typer.Exit(1)
    book = dict(curriculum.record)
    if every:  # entries of renamed or deleted files (CUR042) go
        book = {name: fields for name, fields in book.items() if (config.root / name).is_file()}
    for model in chosen:
        book[record.relative(model, config)] = record.hashes(model)
    record.save(book, config)
    out.print(f"recorded {len(chosen)} file(s) in {record.path(config).relative_to(config.root)}",
              markup=False, highlight=False)


def _curriculum_file(path: Path, files: list[Path], config: Config) -> Path | None:
    """The curriculum file ``path`` names: from the working folder, from the repository root,
    or by its bare file name when only one file has it."""
    for candidate in (path, config.root / path):
        if candidate.resolve() in files:
            return candidate.resolve()
    named = [file for file in files if file.name == path.name]
    return named[0] if len(path.parts) == 1 and len(named) == 1 else None


@app.command(cls=Command)
def new(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {', '.join(SCAFFOLDS)}.")],
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The new file's id, e.g. "
                                            "wikidata-basics.")],
) -> None:
    """Create a skeleton module, exercise or event file; never overwrites an existing file."""
    config = _config()
    if kind not in SCAFFOLDS:
        err.print(f"handbook: unknown kind {kind!r}; choose one of {', '.join(SCAFFOLDS)}",
                  markup=False)
        raise typer.Exit(2)
    if not ID_PATTERN.fullmatch(item_id):
        err.print(f"handbook: {item_id!r} is not a valid id (lower-case letters, digits and "
                  "single hyphens, e.g. wikidata-basics)", markup=False)
        raise typer.Exit(2)
    order = len(load(config).modules) + 1
    path, text = skeleton(kind, item_id, config, order)
    if path.exists():
        err.print(f"handbook: {path.relative_to(config.root)} already exists; not touching it",
                  markup=False)
        raise typer.Exit(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    out.print(f"created {path.relative_to(config.root)}; fill it in, then run `handbook validate`",
              markup=False, highlight=False)


@app.command(cls=Command)
def certificate(
    user: Annotated[str, typer.Argument(metavar="USERNAME", help="As in the trainers record.")],
) -> None:
    """Write one A4 PDF per pathway step USERNAME reached, per language, into the
    `certificates` folder (build/certificates/; personal: never part of the site)."""
    from .render.certificates import write_certificates

    curriculum = _validate(_config(), [], Format.TEXT, False)
    config, record = curriculum.config, curriculum.trainers
    if record is None or config.certificates is None:
        err.print(f"handbook: no trainers record ({config.trainers}); see README, "
                  "\"After the training\"", markup=False)
        raise typer.Exit(1)
    if config.certificates.resolve().is_relative_to(config.docs.resolve()):
        err.print(f"handbook: certificates = {config.certificates} is inside the docs; "
                  "certificates are personal, choose a folder outside it", markup=False)
        raise typer.Exit(2)
    users = sorted({line.user for line in record.lines})
    if user not in users:
        where = record.document.path.relative_to(config.root)
        err.print(f"handbook: {where}: no line for `{user}`; the record has: "
                  f"{', '.join(users)}", markup=False)
        raise typer.Exit(1)
    for path in write_certificates(curriculum, user):
        out.print(f"wrote {path.relative_to(config.root)}", markup=False, highlight=False)


if __name__ == "__main__":
    app()
