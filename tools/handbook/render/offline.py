"""The downloadable offline handbook: the site built for file:// (Material's offline plugin),
zipped with fixed timestamps so the same site always gives the same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

NAME = "handbook-offline.zip"
EPOCH = (2025, 4, 4, 0, 0, 0)  # the first day of the Dushanbe programme


def zip_site(site: Path, target: Path) -> None:
    """Zip ``site`` into ``target``, inside one top folder named like the zip."""
    folder = target.stem
    # zlib's default level: level 9 took three times as long for a zip 0.5 % smaller.
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
