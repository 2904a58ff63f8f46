"""The site build: one module above the renderers and the exporters that composes them.

`generate` writes the generated folder (pages, the files beside them, the downloads list);
`build` makes the whole site (PDFs, the offline copy, the exports' zips, then MkDocs).
Adding an output is a renderer or an exporter plus one line in OUTPUTS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .address import generated_source, page_url
from .config import Config
from .event import view as event_view
from .export import dashboard, moodle, olx, scorm, trainers, wikitext
from .export.files import replace, write
from .export.publish import Publication
from .loader import Curriculum
from .references import for_readers
from .render.calendar import event_calendar, programme_calendar, slot_text
from .render.event_chart import chart_svg
from .render.kit import kit_files
from .render.offline import NAME as OFFLINE_ZIP
from .render.offline import zip_site
from .render.pdf import build_pdfs
from .render.site import download_list, render
from .ruledocs import rule_docs

MARKER = ".generated-by-handbook"
GENERATED_SUFFIXES = (".md", ".ics", ".snippet", ".html", ".svg")  # `generate` writes only these


def calendars(curriculum: Curriculum, language: str) -> dict[Path, bytes]:
    """The programmes' calendars, to download."""
    return {Path("downloads", f"{p.id}-{language}.ics"):
            programme_calendar(p, language, slot_text(curriculum, p, language),
                               curriculum.config.site_url)
            for p in curriculum.programmes}


def event_files(curriculum: Curriculum, language: str) -> dict[Path, bytes]:
    """Each event's plan-against-delivery chart (when it has times) and its calendar with
    the reminders to import the Dashboard's figures again."""
    files: dict[Path, bytes] = {}
    t = event_view.words(curriculum, language)
    for event in curriculum.events:
        title = t["chart_title"].format(event=event.title[language].strip())
        svg = chart_svg(event_view.rows(curriculum, event, language), title, t)
        if svg is not None:
            files[Path("event-files", f"{event.id}-{language}.svg")] = svg
        url = page_url(curriculum.config, language,
                       generated_source(curriculum.config, f"events/{event.id}.md"))
        files[Path("event-files", f"{event.id}-{language}.ics")] = event_calendar(
            event, language, t, url, curriculum.config.site_url)
    return files


@dataclass(frozen=True)
class Files:
    """Files of one language written with the pages: path in the generated folder → bytes."""

    make: Callable[[Curriculum, str], dict[Path, bytes]]


@dataclass(frozen=True)
class Book:
    """Downloads made from the generated pages (before the offline copy, which lists them);
    returns the files it rebuilt."""

    make: Callable[[Curriculum], list[Path]]


@dataclass(frozen=True)
class Export:
    """An exporter: its files in their own folder (``make``), and the files the site offers
    to download, by name, made from that folder (``downloads``); ``shared`` when that is one
    file for every language rather than one per language."""

    kind: str
    make: Callable[[Curriculum, Path, Publication, Callable[[Path, str | bytes], None]],
                   list[Path]]
    downloads: Callable[[Curriculum, Path], dict[str, bytes]]
    shared: bool = False


# Everything the build makes besides the pages, in the order it makes them.
OUTPUTS: tuple[Files | Book | Export, ...] = (
    Files(calendars),
    Files(kit_files),
    Files(event_files),
    Book(build_pdfs),
    Export("wikitext", wikitext.export, wikitext.downloads),
    Export("dashboard", dashboard.export, dashboard.downloads, shared=True),
    Export("olx", olx.export, olx.downloads),
    Export("scorm", scorm.export, scorm.downloads),
    Export("moodle", moodle.export, moodle.downloads),
    Export("trainers", trainers.export, trainers.downloads, shared=True),
)
EXPORTS = {output.kind: output for output in OUTPUTS if isinstance(output, Export)}


def _extra(curriculum: Curriculum, language: str) -> dict:
    """What the page templates show from the floors beside and above the renderers."""
    site = Publication(curriculum.config)
    return {
        "rules": rule_docs(language),
        "module_wikitext": lambda module: wikitext.module_page(module, language, site),
        "event_wikitext": lambda programme: wikitext.event_page(programme, curriculum,
                                                                language, site),
    }


def generate(curriculum: Curriculum) -> list[Path]:
    """Render every page in every language; return the files that changed."""
    curriculum = for_readers(curriculum)
    return _write_generated(curriculum, _rendered(curriculum))


def _rendered(curriculum: Curriculum) -> dict[str, dict[Path, bytes]]:
    """Language → the generated folder's files (pages and the files beside them)."""
    rendered = {}
    for language in curriculum.config.languages:
        files = {page.path.with_suffix(f".{language}.md"): text.encode("utf-8")
                 for page, text in render(curriculum, language, _extra(curriculum, language))}
        for output in OUTPUTS:
            if isinstance(output, Files):
                files.update(output.make(curriculum, language))
        rendered[language] = files
    return rendered


def _write_generated(curriculum: Curriculum, rendered: dict[str, dict[Path, bytes]]) -> list[Path]:
    """Write the rendered files and each language's downloads list; remove what is not
    generated any more. Return the files that changed."""
    config = curriculum.config
    out = config.generated
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Generated by `handbook generate`; edits here are lost.\n")
    written: set[Path] = set()
    changed: list[Path] = []
    for language, files in rendered.items():
        # The downloads list last: it names the files that exist once the others are written.
        changed += _write(out, files, written)
        snippet = download_list(curriculum, language, _downloads(out, config.docs, language))
        changed += _write(out, {Path(f"downloads.{language}.snippet"): snippet.encode()}, written)
    _remove_stale(out, written)
    return changed


def _downloads(out: Path, docs: Path, language: str) -> list[tuple[str, str, int]]:
    """(kind, path from the docs root, size in bytes) of this language's existing downloads."""
    shared = {output.kind for output in EXPORTS.values() if output.shared}
    found = []
    for path in sorted((out / "downloads").glob("*")):
        stem, _, suffix = path.name.removesuffix(".gz").rpartition(".")  # .tar.gz: one suffix
        # Exports are named by kind (wikitext-tg.zip, dashboard-training.zip); other
        # files by their format (handbook-tg.pdf, the offline site's zip).
        kind = next((k for k in EXPORTS if stem.startswith(k)), suffix)
        if stem.endswith(f"-{language}") or (suffix == "zip" and kind in (suffix, *shared)):
            found.append((kind, path.relative_to(docs).as_posix(), path.stat().st_size))
    return found


def export(curriculum: Curriculum, kind: str, folder: Path) -> list[Path]:
    """Write one export as ``folder``, replacing it whole (export/files.py); raises
    export.files.NotOurs if the folder holds files that no export wrote."""
    site = Publication(curriculum.config)
    readers = for_readers(curriculum)
    return replace(folder, lambda new: EXPORTS[kind].make(readers, new, site, write))


# Set for the MkDocs runs of `build`: the curriculum was checked and the generated folder
# written just before, so the hooks (mkdocs_hooks.py) do neither again.
CURRENT = "HANDBOOK_GENERATED_IS_CURRENT"


def mkdocs(config: Config, *args: str, **env: str) -> int:
    # NO_MKDOCS_2_WARNING: upstream's banner, not ours.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", CURRENT: "1", **env}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=config.root,
                          env=env).returncode


def build(curriculum: Curriculum, site_dir: Path, say: Callable[[str], None]) -> int:
    """Generate, make the downloads (the books, the offline copy, the exports' zips) and
    build the site strictly into ``site_dir``; MkDocs' exit code. The pages are rendered
    once: what changes between the steps is only the downloads list."""
    curriculum = for_readers(curriculum)  # once for every output (generate finds none left)
    config = curriculum.config
    rendered = _rendered(curriculum)
    say(f"generated pages: {len(_write_generated(curriculum, rendered))} changed")
    for output in OUTPUTS:
        if isinstance(output, Book):
            for path in output.make(curriculum):
                say(f"wrote {path.relative_to(config.root)}")
    downloads = config.generated / "downloads"
    # The offline copy must not contain the previous exports (nor list them on its home page).
    for previous in downloads.glob("*"):
        if previous.name == OFFLINE_ZIP or previous.name.startswith(tuple(EXPORTS)):
            previous.unlink()
    _write_generated(curriculum, rendered)
    with tempfile.TemporaryDirectory() as offline:
        code = mkdocs(config, "build", "--strict", "--quiet", "--site-dir", offline,
                      HANDBOOK_OFFLINE="true")
        if code:
            return code
        zip_site(Path(offline), downloads / OFFLINE_ZIP)
    # Exports are for publishing, not for reading offline: zipped after the offline copy.
    for kind, output in EXPORTS.items():
        folder = config.exports / kind
        files = export(curriculum, kind, folder)
        say(f"wrote {len(files)} {kind} file(s) in {folder}")
        for name, data in output.downloads(curriculum, folder).items():
            (downloads / name).write_bytes(data)
    _write_generated(curriculum, rendered)  # the home pages' download list names the exports
    return mkdocs(config, "build", "--strict", "--site-dir", str(site_dir.resolve()))


def _write(out: Path, files: dict[Path, bytes], written: set[Path]) -> list[Path]:
    """Write the files whose bytes changed; return those, and add every one to ``written``."""
    written.update(out / path for path in files)
    return [out / path for path, data in files.items() if _write_if_changed(out / path, data)]


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _remove_stale(out: Path, keep: set[Path]) -> None:
    """Drop pages of deleted modules; only ever inside the generated folder, and only the
    kinds of file that `generate` writes (PDFs and zips come from later build steps)."""
    if not (out / MARKER).exists():
        return
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in GENERATED_SUFFIXES and path not in keep:
            path.unlink()
