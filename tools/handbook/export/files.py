"""Writing an export folder: it belongs to the tool (a marker file says so), so it is
emptied and rewritten; a folder without the marker is never touched."""

from __future__ import annotations

import io
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


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, "utf-8")


def zip_folder(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(zip_files({
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.name != MARKER}))


def zip_files(files: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps, so an unchanged export gives an unchanged file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, (2025, 4, 4, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
