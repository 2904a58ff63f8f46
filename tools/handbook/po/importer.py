"""`handbook po import`: bring translations from PO files back into the YAML.

Everything is checked before anything is written: one bad entry in one file means no file
changes. A non-fuzzy translation of the current source text confirms that text in the
translation record (the same record the staleness rule CUR040 reads)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .. import record
from ..loader import Curriculum
from .entries import Entry, by_context
from .export import po_text
from .markup import differences
from .yamlwrite import Unfaithful, rewrite


@dataclass
class Plan:
    """What an import would do; ``errors`` non-empty means it must do nothing."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: dict[Path, bytes] = field(default_factory=dict)  # YAML files whose bytes change
    record: dict | None = None  # the new record, if it changes
    changed: int = 0
    confirmed: int = 0
    skipped_fuzzy: int = 0


def plan(curriculum: Curriculum, paths: list[Path]) -> Plan:
    config = curriculum.config
    result = Plan()
    known = by_context(curriculum)
    source = config.source_language
    changes: dict[Path, dict[tuple, tuple[Entry, str, str]]] = {}
    confirms: list[tuple[Entry, str, str]] = []
    for path in paths:
        catalogue = _read(path, config.languages, source, result.errors)
        if catalogue is None:
            continue
        language = catalogue.metadata["Language"]
        for item in catalogue:
            where = f"{path}:{item.linenum}"
            entry = known.get(item.msgctxt or "")
            if entry is None:
                result.errors.append(
                    f"{where}: unknown msgctxt \"{item.msgctxt}\": no such text in the "
                    "curriculum; export again (`handbook po export`) and translate that file")
                continue
            if item.fuzzy or not item.msgstr:
                result.skipped_fuzzy += bool(item.fuzzy and item.msgstr)
                continue
            original = po_text(entry.text.get(source, ""))
            problems = differences(original, item.msgstr)
            result.errors.extend(f"{where}: `{item.msgctxt}`: {p}; keep them as in the source"
                                 for p in problems)
            if problems:
                continue
            current = po_text(entry.text.get(language, ""))
            if item.msgstr != current:
                changes.setdefault(entry.path, {})[(entry.loc, language)] = (
                    entry, language, item.msgstr)
            if item.msgid == original:
                confirms.append((entry, language, item.msgstr))
            elif item.msgstr != current:
                result.warnings.append(
                    f"{where}: the source text changed since this file was exported; the "
                    "translation was imported but not confirmed (export again and review it)")
    if result.errors:
        return result
    for path, edits in changes.items():
        original = path.read_text("utf-8")
        try:
            model = next(iter(edits.values()))[0].model
            unreviewed = sorted({lang for _, lang, _ in edits.values()} - set(model.review))
            text = rewrite(original, [(e.loc, lang, new, source)
                                      for e, lang, new in edits.values()], unreviewed)
        except Unfaithful:
            result.errors.append(f"{path}:1: cannot rewrite this file without reformatting it "
                                 "(unusual indentation); change the texts by hand")
            continue
        result.files[path] = text.encode("utf-8")
        result.changed += len(edits)
    result.record, result.confirmed = _confirmed(curriculum, confirms)
    return result


def apply(result: Plan, curriculum: Curriculum) -> None:
    for path, data in result.files.items():
        path.write_bytes(data)
    if result.record is not None:
        record.save(result.record, curriculum.config)


def _read(path: Path, languages: tuple[str, ...], source: str,
          errors: list[str]) -> polib.POFile | None:
    try:
        catalogue = polib.pofile(str(path))
    except (OSError, ValueError, UnicodeDecodeError) as error:
        line = re.search(r"line (\d+)", str(error))
        errors.append(f"{path}:{line.group(1) if line else 1}: not a valid PO file: {error}")
        return None
    errors.extend(_msgfmt(path))
    language = catalogue.metadata.get("Language", "")
    targets = [lang for lang in languages if lang != source]
    if language not in targets:
        errors.append(f"{path}:1: the header names language \"{language}\"; a PO file to "
                      f"import must be in one of: {', '.join(targets)} (set `Language:`)")
        return None
    return catalogue


def _msgfmt(path: Path) -> list[str]:
    """gettext's own check (`msgfmt -c`), when gettext is installed, catches what the
    parser forgives, such as a msgstr that ends with a newline when its msgid does not."""
    if not shutil.which("msgfmt"):
        return []
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return []
    return [f"{line} (msgfmt -c)" for line in result.stderr.splitlines()
            if line.strip() and "warning:" not in line and "found " not in line]


def _confirmed(curriculum: Curriculum,
               confirms: list[tuple[Entry, str, str]]) -> tuple[dict | None, int]:
    """The record with each confirmed text's source and translation hashes set (None if
    nothing in it changes), and how many texts were newly confirmed."""
    source = curriculum.config.source_language
    before = {name: {key: dict(hashes) for key, hashes in fields.items()}
              for name, fields in (curriculum.record or {}).items()}
    after = {name: {key: dict(hashes) for key, hashes in fields.items()}
             for name, fields in before.items()}
    # Per text, every language confirmed in this import (tg.po and ru.po may come together).
    fields: dict[tuple[str, str], tuple[Entry, dict[str, str]]] = {}
    for entry, language, translation in confirms:
        key = (record.relative(entry.model, curriculum.config), record.key(entry.loc))
        fields.setdefault(key, (entry, {}))[1][language] = translation
    newly = 0
    for (name, key), (entry, translations) in fields.items():
        hashes = after.setdefault(name, {}).setdefault(key, {})
        was = dict(hashes)
        # The hash ignores spacing and newlines, so the PO text hashes like the YAML text.
        record.confirm(hashes, {**entry.text, **translations}, source, set(translations))
        moved = was.get(source) != hashes.get(source)
        newly += sum(moved or was.get(lang) != hashes[lang] for lang in translations)
    return (after if after != before else None), newly
