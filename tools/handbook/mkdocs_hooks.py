"""MkDocs hooks: keep the generated pages current and list them in the navigation.

Generation runs before each build (write-if-changed, so `mkdocs serve` does not loop), and
the module pages are added to the nav in curriculum order, titled by each page's heading.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import load
from handbook.problems import Severity
from handbook.render.site import generate


def _curriculum(config: MkDocsConfig):
    return load(load_config(Path(config.config_file_path).parent))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    curriculum = _curriculum(config)
    errors = [p for p in run_checks(curriculum) if p.severity is Severity.ERROR]
    if errors:
        raise Abort(f"curriculum has {len(errors)} error(s); run `handbook validate`")
    generate(curriculum)
    folder = curriculum.config.generated.relative_to(config.docs_dir).as_posix()
    for section in config.nav or []:
        if isinstance(section, dict):
            for entries in section.values():
                if isinstance(entries, list) and f"{folder}/index.md" in entries:
                    entries[:] = [f"{folder}/index.md"] + [
                        f"{folder}/{module.id}.md" for module in curriculum.modules]
    return config


def on_serve(server, config: MkDocsConfig, builder):
    root = load_config(Path(config.config_file_path).parent)
    server.watch(str(root.curriculum))
    server.watch(str(root.exercises))
    return server
