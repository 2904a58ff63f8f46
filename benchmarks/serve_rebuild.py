"""One `handbook serve` rebuild, measured: run as a program by bench.py.

    python benchmarks/serve_rebuild.py HANDBOOK_FOLDER SITE_FOLDER

Builds the handbook as the live preview does (its first build), saves an edit to one module's
title, rebuilds as the preview does on a save (a dirty build of the changed pages), and prints
the CPU seconds of that rebuild alone.
"""

from __future__ import annotations

import logging
import os
import resource
import sys
from pathlib import Path


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def main(root: Path, site: Path) -> None:
    from handbook import preview

    os.environ[preview.ENVIRONMENT] = "1"
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    sys.argv = ["mkdocs", "serve", "--dirty"]  # static-i18n reads the dirty flag from here
    logging.disable(logging.WARNING)
    os.chdir(root)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def rebuild(dirty: bool) -> None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False)
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, dirty=dirty)

    rebuild(dirty=False)
    module = sorted((root / "curriculum" / "modules").glob("*.yml"))[0]
    text = module.read_text("utf-8")
    module.write_text(text.replace("\ntitle:\n", "\ntitle: # saved edit\n", 1).replace(
        "  en: ", "  en: Edited ", 1), "utf-8")
    start = cpu_seconds()
    rebuild(dirty=True)
    print(f"{cpu_seconds() - start:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
