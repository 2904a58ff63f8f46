"""The fast reader (libyaml) gives the same values and positions as ruamel.yaml's round trip,
which reads files the way they are written back."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handbook.document import Document, read
from tests.conftest import GOOD, MODULE, ROOT
from tests.test_rules import problems, replace

FILES = sorted([*ROOT.glob("curriculum/**/*.yml"), *ROOT.glob("exercises/*.yml"),
                *GOOD.rglob("*.yml")])


def ruamel_position(tree: CommentedMap, loc: tuple) -> tuple[int, int]:
    """Where ruamel.yaml places ``loc``: a scalar's value, else its key or list item."""
    line, column = 1, 1
    node = tree
    for step in loc:
        if isinstance(node, CommentedMap) and step in node:
            scalar = not isinstance(node[step], CommentedMap | CommentedSeq)
            line, column = node.lc.value(step) if scalar else node.lc.key(step)
            line, column = line + 1, column + 1
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            line, column = (n + 1 for n in node.lc.item(step))
        else:
            break
        node = node[step]
    return line, column


def every_loc(value, loc=()):
    yield loc
    if isinstance(value, dict):
        for key, item in value.items():
            yield from every_loc(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from every_loc(item, (*loc, index))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_values_and_positions_as_ruamel(path: Path):
    expected = YAML(typ="rt").load(path.read_text("utf-8"))
    document = read(path)
    assert isinstance(document, Document), document
    assert document.tree == expected
    wrong = [(loc, document.position(loc), ruamel_position(expected, loc))
             for loc in every_loc(expected)
             if document.position(loc) != ruamel_position(expected, loc)]
    assert wrong == []


def test_yaml_1_2_values(tmp_path: Path):
    file = tmp_path / "values.yml"
    file.write_text("a: yes\nb: 09:30\nc: 017\nd: 0o17\ne: 2025-04-04\nf: ~\ng: 1_000\n"
                    "h: True\ni: 1.5\n", "utf-8")
    document = read(file)
    assert isinstance(document, Document)
    assert document.tree == YAML(typ="rt").load(file.read_text("utf-8"))
    assert document.tree["a"] == "yes" and document.tree["b"] == "09:30"


def test_duplicate_key_is_a_syntax_problem_at_the_second_key(project):
    line = replace(project / MODULE, "summary:", "duration: 30\nsummary:")
    found = [p for p in problems(project) if p.file.name == MODULE.name]
    assert [(p.code, p.line) for p in found] == [("CUR001", line)]
    assert "twice" in found[0].message


def test_validating_one_file_checks_its_references_against_the_rest(project, handbook):
    line = replace(project / MODULE, "    exercise: sandbox-edit", "    exercise: other-thing")
    run = handbook("validate", str(MODULE))
    assert run.code == 1
    assert f"{MODULE}:{line}:" in run.output and "CUR012" in run.output
