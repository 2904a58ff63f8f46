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
# Before a language's hash: its text was not confirmed with the others' (see `confirm`).
UNCONFIRMED = "unconfirmed "


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
    text changed, or unchanged since a confirmation that left it out (`unconfirmed`). A
    language the record does not know (e.g. one added later) counts as neither changed nor
    stale. Used by the staleness rule and by `handbook po export` (fuzzy)."""
    known = {lang for lang in text if lang in recorded}
    changed = {lang for lang in known
               if recorded[lang].removeprefix(UNCONFIRMED) != digest(text[lang])}
    left_out = {lang for lang in known - changed if unconfirmed(recorded[lang])}
    return (known - changed if changed else set()) | left_out


def unconfirmed(value: str) -> bool:
    return value.startswith(UNCONFIRMED)


def outdated(recorded: dict[str, str], text: dict[str, str], language: str, source: str) -> bool:
    """The ``language`` text was confirmed against a ``source`` text that has changed since
    (and has not changed itself), or was left out when the source's was last confirmed: a
    fuzzy PO entry, "source changed" on a review sheet."""
    return (language in stale_languages(recorded, text) and source in recorded
            and (unconfirmed(recorded[language])
                 or recorded[source] != digest(text.get(source, ""))))


def confirm(hashes: dict[str, str], text: dict[str, str], source: str,
            confirmed: set[str]) -> None:
    """Record that the ``confirmed`` languages now say what the ``source`` text says. Every
    other language keeps its place in the record: confirmed still if it was confirmed against
    this same source text and has not changed, else `unconfirmed` (it may be stale), so a
    third language cannot drop out of sight when a second one is confirmed."""
    now = {lang: digest(value) for lang, value in text.items() if value.strip()}
    source_unchanged = hashes.get(source) == now.get(source)
    for lang, hashed in now.items():
        if lang == source or lang in confirmed or (source_unchanged and hashes.get(lang) == hashed):
            hashes[lang] = hashed
        elif lang in hashes:  # a language the record never knew stays unknown, not stale
            hashes[lang] = UNCONFIRMED + hashed
