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
