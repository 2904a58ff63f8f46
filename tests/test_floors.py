"""The modules stand in floors: each imports only from the floors below it, and the rooms of
one floor (the renderers, the exporters, the PO tools) not from each other; what combines
them is the build, one floor up. Every import counts, also one inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "handbook"

# Lowest first. Each floor is a list of rooms; a room lists modules or packages (a package
# holds every module under it unless a longer name is placed elsewhere).
FLOORS: list[list[list[str]]] = [
    [["handbook", "handbook.config", "handbook.problems", "handbook.document",
      "handbook.yaml_errors", "handbook.schema_errors", "handbook.models", "handbook.strings",
      "handbook.collation", "handbook.terms", "handbook.walk", "handbook.suggest",
      "handbook.common", "handbook.address", "handbook.report", "handbook.scaffold",
      "handbook.event", "handbook.pathway", "handbook.assessment"]],
    [["handbook.loader", "handbook.partial", "handbook.record", "handbook.delivery",
      "handbook.event.view", "handbook.references",
      "handbook.trainers_view"]],
    [["handbook.checks", "handbook.tuning", "handbook.ruledocs"]],
    # `event import` writes authored files through the PO tools' round trip: their room.
    [["handbook.render"], ["handbook.export"],
     ["handbook.po", "handbook.event.importer", "handbook.event.assess"]],
    [["handbook.build"]],
    [["handbook.cli", "handbook.cli_help", "handbook.mkdocs_hooks", "handbook.preview",
      "handbook.po.cli", "handbook.event.cli"]],
]
PLACES = {name: (level, room) for level, floor in enumerate(FLOORS)
          for room, names in enumerate(floor) for name in names}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def place(name: str) -> tuple[int, int] | None:
    """(floor, room) of a module: its own entry or its nearest package's."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in PLACES:
            return PLACES[".".join(parts[:end])]
    return None


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) of every handbook module that ``source``, a module of ``package``,
    imports anywhere in it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            anchor = parts[:len(parts) - node.level + 1] if node.level else []
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            # `from . import record` imports the module handbook.record.
            found += [(node.lineno, f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}")
                       else base) for alias in node.names]
    return [(line, module) for line, module in found
            if module == "handbook" or module.startswith("handbook.")]


def _imports_of(path: Path) -> list[tuple[int, str]]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports(path.read_text("utf-8"), package)


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_floor():
    homeless = [module_name(path) for path in MODULES if place(module_name(path)) is None]
    assert not homeless, f"place these modules in FLOORS of {__file__}: {homeless}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_no_import_runs_up_or_sideways(path: Path):
    here = place(module_name(path))
    assert here is not None
    wrong = []
    for line, target in _imports_of(path):
        there = place(target)
        assert there is not None, f"{target} has no floor"
        if there[0] > here[0] or (there[0] == here[0] and there[1] != here[1]):
            wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not wrong, "imports against the floors:\n" + "\n".join(wrong)


def test_the_rule_sees_every_kind_of_import():
    """Inside functions, relative at any depth, absolute, and a module named by `from`."""
    source = ("from ..build import generate\n"
              "def late():\n    from ..checks import run_checks\n    import handbook.cli\n"
              "    from .. import record\n    from .site import pages\n")
    assert imports(source, "handbook.render") == [
        (1, "handbook.build"), (3, "handbook.checks"), (4, "handbook.cli"),
        (5, "handbook.record"), (6, "handbook.render.site")]
    placed = {module: place(module) for _, module in imports(source, "handbook.render")}
    here = place("handbook.render.example")
    assert [m for m, there in placed.items() if there > here] == [
        "handbook.build", "handbook.cli"]
