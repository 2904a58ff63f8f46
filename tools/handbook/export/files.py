"""Writing an export folder: it belongs to the tool (a marker file says so), so it is
replaced whole; a folder without the marker is never touched. The new folder is written
beside it under a temporary name and renamed into place, so an interrupted export leaves the
previous one (or nothing), never half a package."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

MARKER = ".generated-by-handbook"


class NotOurs(Exception):
    """The output folder exists, holds files, and was not written by `handbook export`."""


def replace(folder: Path, fill: Callable[[Path], list[Path]]) -> list[Path]:
    """Let ``fill`` write a new export into an empty folder, then put it where ``folder``
    was; returns what ``fill`` wrote, with its final paths."""
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise NotOurs(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{folder.name}-new-", dir=folder.parent))
    new.chmod(0o755)  # mkdtemp's folders are private; an export is to be shared
    try:
        (new / MARKER).write_text("Written by `handbook export`; edits here are lost.\n")
        written = fill(new)
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
            folder.rename(old / folder.name)
            new.rename(folder)
            shutil.rmtree(old)
        else:
            new.rename(folder)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    return [folder / path.relative_to(new) for path in written]


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, "utf-8")


def zip_folder(folder: Path) -> bytes:
    return zip_files({path.relative_to(folder).as_posix(): path.read_bytes()
                      for path in sorted(folder.rglob("*"))
                      if path.is_file() and path.name != MARKER})


def zip_files(files: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps, so an unchanged export gives an unchanged file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, (2025, 4, 4, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
