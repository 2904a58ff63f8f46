"""Reading one YAML file so that every value keeps its line and column.

Validation reads with libyaml's C composer (through PyYAML): some thirty times faster than
ruamel.yaml's round trip, and its nodes carry line and column too. Values are resolved as
YAML 1.2 (``yes`` and ``09:30`` stay text), as ruamel.yaml, which writes files back, reads
them. Plain dicts and lists come out; positions are looked up in the nodes when a problem is
reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import limits
from .problems import Problem, register
from .yaml_errors import explain

SYNTAX = register("CUR001", "The file is not valid YAML.")
NOT_A_MAPPING = register("CUR002", "The file is empty, not text, or not a YAML mapping.")

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"


class _Loader(yaml.CSafeLoader):
    """libyaml's parser with the YAML 1.2 core schema's implicit types (as ruamel.yaml)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
):
    _Loader.add_implicit_resolver(_TAG + _tag, re.compile(_pattern, re.X), list(_first))


class ConstructError(ValueError):
    """A well-formed YAML file whose values cannot be built (duplicate key, bad number…)."""

    def __init__(self, node: Node, message: str, code: str = SYNTAX.code) -> None:
        super().__init__(message)
        self.node = node
        self.code = code


def _int(text: str) -> int:
    text = text.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if text.startswith(prefix):
            return sign * int(text[2:], base)
    return sign * int(text)


def _float(text: str) -> float:
    text = text.replace("_", "").lower()
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if text == ".inf":
        return sign * float("inf")
    return float("nan") if text == ".nan" else sign * float(text)


_SAFE = yaml.constructor.SafeConstructor()  # for timestamps and binary only


def _scalar(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if not tag.startswith(_TAG) or tag.endswith(":str"):
        return value  # text, or a local tag such as `!note`: its text
    kind = tag[len(_TAG):]
    try:
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        if kind == "int":
            return _int(value)
        if kind == "float":
            return _float(value)
        if kind == "timestamp":
            return _SAFE.construct_yaml_timestamp(node)
        if kind == "binary":
            return _SAFE.construct_yaml_binary(node)
    except (ValueError, TypeError, yaml.YAMLError):
        raise ConstructError(node, f"`{value}` is not a valid {kind}") from None
    return value


# The tags the reader resolves by itself; any other (`!!python/object`, `!note`,
# `!!binary`) is reported, never acted on and never dropped silently.
_PLAIN_TAGS = {_TAG + kind for kind in ("str", "int", "float", "bool", "null", "timestamp",
                                        "merge", "seq", "map")}


@dataclass
class _Budget:
    """Values built so far (aliases count each time they are used) and the mapping key or
    list where the outermost alias being expanded is used, for the report."""

    values: int = 0
    built: set[int] = field(default_factory=set)
    alias_at: Node | None = None


def build(node: Node, active: set[int] | None = None, depth: int = 1,
          budget: _Budget | None = None) -> Any:
    """Plain Python values from a composed node (dict, list, str, int, date…), within the
    input limits (limits.py): the nesting depth and the number of values built."""
    budget = _Budget() if budget is None else budget
    budget.values += 1
    if budget.values > limits.MAX_VALUES:
        raise ConstructError(budget.alias_at or node, f"the file builds more than "
                             f"{limits.MAX_VALUES:,} values (aliases `*name` and merge keys "
                             "`<<` count each time they are used); write the values out, or "
                             "split the file", limits.TOO_MANY_VALUES.code)
    if depth > limits.MAX_DEPTH:
        raise ConstructError(node, limits.too_deep(), limits.TOO_DEEP.code)
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace(_TAG, "!!")
        raise ConstructError(node, f"the YAML tag `{shown}` is not read (the handbook never "
                             "runs code from its files); remove the tag and write the plain "
                             "value", limits.TAG.code)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    active = set() if active is None else active
    if id(node) in active:
        raise ConstructError(node, "an alias refers to the mapping or list that contains it")
    budget.built.add(id(node))
    active.add(id(node))
    try:
        if isinstance(node, SequenceNode):
            return [_child(item, node, active, depth, budget) for item in node.value]
        return _mapping(node, active, depth, budget)
    finally:
        active.discard(id(node))


def _child(node: Node, where: Node, active: set[int], depth: int, budget: _Budget) -> Any:
    """Build ``node``, found in ``where`` (a key or a list); an alias to a node built
    before is reported at ``where`` if it expands too far."""
    outermost = budget.alias_at is None and id(node) in budget.built
    if outermost:
        budget.alias_at = where
    try:
        return build(node, active, depth + 1, budget)
    finally:
        if outermost:
            budget.alias_at = None


def _mapping(node: MappingNode, active: set[int], depth: int, budget: _Budget) -> dict:
    result: dict = {}
    merged: dict = {}
    seen: dict[Any, Node] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                value = _child(source, key_node, active, depth, budget)
                if not isinstance(value, dict):
                    raise ConstructError(value_node, "`<<` must merge a mapping")
                merged = {**value, **merged}
            continue
        key = build(key_node, active, depth + 1, budget)
        try:
            hash(key)
        except TypeError:
            raise ConstructError(key_node, "a key must be a single value, not a list or "
                                 "mapping") from None
        if key in seen:
            raise ConstructError(key_node, f"the key `{key}` appears twice here (first on "
                                 f"line {seen[key].start_mark.line + 1}); keep only one")
        seen[key] = key_node
        result[key] = _child(value_node, key_node, active, depth, budget)
    return {**merged, **result} if merged else result


def _key(node: Node) -> Any:
    try:
        return _scalar(node) if isinstance(node, ScalarNode) else None
    except ConstructError:
        return None


@dataclass
class Document:
    path: Path
    tree: dict
    node: MappingNode | None = field(default=None, repr=False)
    # Places whose value was replaced so the rest of the file could be checked (see
    # loader.py): their problems are already reported, so checks stay quiet about them.
    broken: list[Loc] = field(default_factory=list, repr=False)

    def position(self, loc: Loc) -> tuple[int, int]:
        """1-based line and column of the deepest part of ``loc`` found in the file:
        a scalar value's own position, else its key's (or list item's)."""
        line, column = 1, 1
        node: Node | None = self.node
        for step in loc:
            if isinstance(node, MappingNode):
                pair = next(((k, v) for k, v in node.value if _key(k) == step), None)
                if pair is None:
                    break
                key, node = pair
                mark = node.start_mark if isinstance(node, ScalarNode) else key.start_mark
            elif (isinstance(node, SequenceNode) and isinstance(step, int)
                  and 0 <= step < len(node.value)):
                node = node.value[step]
                mark = node.start_mark
            else:
                break
            line, column = mark.line + 1, mark.column + 1
        return line, column

    def style(self, loc: Loc) -> str | None:
        """The YAML style of the scalar at ``loc`` (``|`` for a literal block), if any."""
        node: Node | None = self.node
        for step in loc:
            if isinstance(node, MappingNode):
                node = next((v for k, v in node.value if _key(k) == step), None)
            elif (isinstance(node, SequenceNode) and isinstance(step, int)
                  and 0 <= step < len(node.value)):
                node = node.value[step]
            else:
                return None
        return node.style if isinstance(node, ScalarNode) else None

    def problem(self, code: str, loc: Loc, message: str) -> Problem:
        line, column = self.position(loc)
        return Problem(self.path, line, column, code, message, loc)

    def hides(self, loc: Loc) -> bool:
        """Whether ``loc`` lies in (or holds) a part replaced after a structural error."""
        return bool(loc) and any(loc[: len(b)] == b or b[: len(loc)] == loc
                                 for b in self.broken)


def compose(text: str) -> Node | None:
    return yaml.compose(text, Loader=_Loader)


def read(path: Path) -> Document | Problem:
    """Parse ``path``; any failure becomes a Problem, never an exception."""
    try:
        found = limits.size_problem(path, path.stat().st_size)  # before reading it
        data = b"" if found else path.read_bytes()
    except OSError as error:
        return Problem(path, 1, 1, NOT_A_MAPPING.code, f"cannot read the file: {error.strerror}")
    found = found or limits.text_problem(path, data)
    if found is not None:
        return found
    text = data.decode("utf-8")
    try:
        node = compose(text)
        tree = None if node is None else build(node)
    except yaml.MarkedYAMLError as error:
        line, column, message = explain(text, error)
        if "maximum nesting depth" in str(error.problem):  # libyaml's own limit, 1,000
            return Problem(path, line, column, limits.TOO_DEEP.code, limits.too_deep())
        return Problem(path, line, column, SYNTAX.code, message)
    except ConstructError as error:
        mark = error.node.start_mark
        return Problem(path, mark.line + 1, mark.column + 1, error.code, f"{error}")
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return Problem(path, 1, 1, SYNTAX.code, f"YAML syntax: {error}")
    if not isinstance(tree, dict):
        found = "nothing" if tree is None else f"a {_kind_name(tree)}"
        return Problem(path, 1, 1, NOT_A_MAPPING.code,
                       f"expected a mapping of keys such as `id:` at the top, found {found}")
    return Document(path, tree, node)  # type: ignore[arg-type]


def _kind_name(value: Any) -> str:
    return {list: "list", str: "single text"}.get(type(value), type(value).__name__)
