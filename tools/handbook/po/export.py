"""`handbook po export`: one POT template and one PO file per language for each curriculum
file. Exporting again with nothing changed writes nothing (write-if-changed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from .. import record
from ..loader import Curriculum
from ..models import FileModel
from . import previous
from .entries import Entry, entries, file_id, folder
from .markup import PLACEHOLDER

TEMPLATE = "template.pot"
WRAP = 78  # gettext's own line width, so msgmerge and Poedit do not rewrap every line


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    fuzzy: int = 0


def po_text(text: str) -> str:
    """Texts in PO files have no leading or trailing newlines (YAML block scalars end with
    one), so that `msgfmt -c` finds msgid and msgstr alike."""
    return text.strip("\n")


def export(curriculum: Curriculum, languages: list[str]) -> Result:
    """Export ``languages``; refuse (errors, nothing written) where an existing PO file holds
    translations that were never imported."""
    result = Result()
    outputs: dict[Path, bytes] = {}
    for model in curriculum.files():
        for path, catalogue in _catalogues(curriculum, model, languages, result).items():
            outputs[path] = str(catalogue).encode("utf-8")
    if result.errors:
        return result
    for path, data in outputs.items():
        if path.is_file() and path.read_bytes() == data:
            result.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        result.written.append(path)
    return result


def _catalogues(curriculum: Curriculum, model: FileModel, languages: list[str],
                result: Result) -> dict[Path, polib.POFile]:
    config = curriculum.config
    source = config.source_language
    where = folder(model, config)
    files = {lang: where / f"{lang}.po" for lang in languages}
    old = previous.from_po([where / TEMPLATE, *files.values()])
    recorded = curriculum.record.get(record.relative(model, config)) or {}
    rows = [e for e in entries(model, source) if po_text(e.text.get(source, ""))]
    relative = model.document.path.resolve().relative_to(config.root).as_posix()

    template = _catalogue(model, config.source_language, None)
    for entry in rows:
        template.append(_entry(entry, relative, source, ""))
    made = {where / TEMPLATE: template}
    for lang in languages:
        result.errors.extend(_unimported(files[lang], rows, lang, config.root))
        catalogue = _catalogue(model, source, lang)
        for entry in rows:
            item = _entry(entry, relative, source, po_text(entry.text.get(lang, "")))
            then = recorded.get(record.key(entry.loc)) or {}
            if item.msgstr and record.outdated(then, entry.text, lang, source):
                item.flags.append("fuzzy")
                result.fuzzy += 1
                before = previous.find(then[source], old.get(entry.context, [])) or (
                    previous.from_git(entry.path, (*entry.loc, source), then[source]))
                if before is not None and po_text(before) != item.msgid:
                    item.previous_msgid = po_text(before)
            catalogue.append(item)
        made[files[lang]] = catalogue
    return made


def _catalogue(model: FileModel, source: str, language: str | None) -> polib.POFile:
    catalogue = polib.POFile(wrapwidth=WRAP)
    path = model.document.path.name
    catalogue.header = (f"Texts of {path} ({file_id(model)}) for translation"
                        f"{f' into {language}' if language else ''}.\n"
                        "Written by `handbook po export`; bring translations back with "
                        "`handbook po import`.")
    catalogue.metadata = {
        "Project-Id-Version": file_id(model),
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": language or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source,
    }
    return catalogue


def _entry(entry: Entry, relative: str, source: str, translation: str) -> polib.POEntry:
    text = po_text(entry.text[source])
    notes = [entry.note] if entry.note else []
    if "](" in text or "**" in text or PLACEHOLDER.search(text):
        notes.append("Keep the Markdown links, **bold** and {placeholders} as in the source.")
    return polib.POEntry(msgctxt=entry.context, msgid=text, msgstr=translation,
                         comment="\n".join(notes), occurrences=[(relative, str(entry.line))])


def _unimported(path: Path, rows: list[Entry], lang: str, root: Path) -> list[str]:
    """Translations in an existing PO file that differ from the YAML: a translator's work
    that `po import` has not brought in yet. Exporting over it would lose it."""
    if not path.is_file():
        return []
    try:
        catalogue = polib.pofile(str(path))
    except (OSError, ValueError):
        return [f"{path.relative_to(root)}:1: not a valid PO file; fix or delete it, then export"]
    current = {e.context: po_text(e.text.get(lang, "")) for e in rows}
    return [f"{path.relative_to(root)}:{item.linenum}: the translation of `{item.msgctxt}` "
            "differs from the YAML and was not imported; run `handbook po import "
            f"{path.relative_to(root)}` first (or delete the file to discard it)"
            for item in catalogue
            if item.msgstr and not item.fuzzy and item.msgctxt in current
            and item.msgstr != current[item.msgctxt]]
