"""Writing an export folder: it belongs to the tool (a marker file says so), so it is
emptied and rewritten; a folder without the marker is never touched."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

MARKER = ".generated-by-handbook"


class NotOurs(Exception):
    """The output folder exists, holds files, and was not written by `handbook export`."""


def fresh(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise NotOurs(folder)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("Written by `handbook export`; edits here are lost.\n")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def zip_folder(folder: Path, target: Path) -> None:
    """A zip with fixed timestamps, so an unchanged export gives an unchanged file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != MARKER:
                info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), (2025, 4, 4, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
