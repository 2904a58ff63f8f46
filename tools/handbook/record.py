"""The translation record: a hash of every text in every language, taken when a maintainer
confirms (with `handbook translated`) that the languages say the same thing. A text whose
hash changed in one language but not in another marks the other as possibly stale."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .config import Config
from .models import FileModel
from .walk import texts

NAME = "translation-record.yml"
HEADER = ("# Written by `handbook translated`: hashes of each text per language at the time the\n"
          "# translations were last confirmed to match. Do not edit by hand.\n")

Record = dict[str, dict[str, dict[str, str]]]  # file → field path → language → hash


def path(config: Config) -> Path:
    return config.curriculum / NAME


def digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:12]


def key(loc: tuple) -> str:
    return ".".join(map(str, loc))


def hashes(model: FileModel) -> dict[str, dict[str, str]]:
    return {key(loc): {lang: digest(value) for lang, value in text.items()}
            for loc, text in texts(model)}


def relative(model: FileModel, config: Config) -> str:
    return model.document.path.resolve().relative_to(config.root).as_posix()


def save(record: Record, config: Config) -> None:
    from ruamel.yaml import YAML  # only for writing: validation does not pay for it

    yaml = YAML()
    yaml.width = 200
    with path(config).open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        yaml.dump({name: record[name] for name in sorted(record)}, handle)


def stale_languages(recorded: dict[str, str], text: dict[str, str]) -> set[str]:
    """Languages whose text may be stale: unchanged since confirmed while another language's
    text changed. A language the record does not know (e.g. one added later) counts as neither
    changed nor stale. Used by the staleness rule and by `handbook po export` (fuzzy)."""
    known = {lang for lang in text if lang in recorded}
    changed = {lang for lang in known if recorded[lang] != digest(text[lang])}
    return known - changed if changed else set()


def outdated(recorded: dict[str, str], text: dict[str, str], language: str, source: str) -> bool:
    """The ``language`` text was confirmed against a ``source`` text that has changed since
    (and has not changed itself): a fuzzy PO entry, "source changed" on a review sheet."""
    return (language in stale_languages(recorded, text) and source in recorded
            and recorded[source] != digest(text.get(source, "")))
