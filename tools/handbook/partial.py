"""Loading what can be read of a file that does not match its model.

A structural error (an unknown key, a missing key, a value of the wrong type) must not hide
the file's other problems. So the broken parts are repaired on a copy of the file's values:
an unknown key is dropped, a wrong value is read leniently ('10' as 10) or replaced by a
neutral stand-in of the right type. The repaired places are remembered on the document, and
problems that checks find there are not reported: the structural error already is.
"""

from __future__ import annotations

import datetime
import types
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .document import Document, Loc

ROUNDS = 6  # repairs can uncover errors below them (a new item's own keys); rarely > 2
# Stand-ins tried in order until one fits the expected type: small and meaningless.
STAND_INS: tuple[Any, ...] = (1, "x", "00:00", "machine-drafted", datetime.date(2000, 1, 1),
                              False, {}, [])
MISSING = object()


def repair(document: Document, kind: type[BaseModel],
           errors: list[dict[str, Any]]) -> BaseModel | None:
    """A model of ``document`` with its broken parts replaced, or None if that fails."""
    tree = _copy(document.tree)
    for _ in range(ROUNDS):
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden":
                _delete(tree, loc)
            else:
                loc = _existing(tree, loc) if error["type"] != "missing" else loc
                document.broken.append(loc)
                _set(tree, loc, _replacement(kind, loc, _get(tree, loc), document))
        try:
            return kind.model_validate(tree)
        except ValidationError as error:
            errors = error.errors()
        except (TypeError, ValueError):
            return None
    return None


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _get(tree: Any, loc: Loc) -> Any:
    for step in loc:
        try:
            tree = tree[step]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return tree


def _existing(tree: Any, loc: Loc) -> Loc:
    """The longest start of ``loc`` that is a real place in the values (pydantic adds steps
    such as `[key]` that are not)."""
    for end in range(len(loc), 0, -1):
        if _get(tree, loc[:end]) is not MISSING:
            return loc[:end]
    return loc[:1]


def _set(tree: Any, loc: Loc, value: Any) -> None:
    parent = _get(tree, loc[:-1])
    in_list = isinstance(parent, list) and isinstance(loc[-1], int) and loc[-1] < len(parent)
    if isinstance(parent, dict) or in_list:
        parent[loc[-1]] = value


def _delete(tree: Any, loc: Loc) -> None:
    parent = _get(tree, loc[:-1])
    if isinstance(parent, dict):
        parent.pop(loc[-1], None)


def _replacement(kind: type[BaseModel], loc: Loc, value: Any, document: Document) -> Any:
    expected = _type_at(kind, loc)
    if expected is None:
        return None
    adapter = _adapter(expected)
    if value is not MISSING and not isinstance(value, dict | list):
        try:  # the author's value, read leniently, keeps the rest of the file meaningful
            if not isinstance(value, bool):
                return adapter.validate_python(value, strict=False)
        except (ValidationError, TypeError, ValueError):
            pass
    if loc == ("id",):
        return document.path.stem  # so the file keeps its name for references to it
    return stand_in(expected)


def stand_in(expected: Any) -> Any:
    """A small value that fits the type ``expected``."""
    adapter = _adapter(expected)
    base = _unwrap(expected)
    if isinstance(base, type) and issubclass(base, BaseModel):
        candidate = {name: stand_in(_field_type(field))
                     for name, field in base.model_fields.items() if field.is_required()}
        candidates: tuple[Any, ...] = (candidate,)
    elif typing.get_origin(base) is list:
        candidates = ([], [stand_in(typing.get_args(base)[0])])
    elif typing.get_origin(base) is typing.Literal:
        candidates = typing.get_args(base)[:1]
    else:
        candidates = STAND_INS
    for candidate in candidates:
        try:
            adapter.validate_python(candidate, strict=True)
            return candidate
        except (ValidationError, TypeError, ValueError):
            continue
    return None


@cache
def _adapter(expected: Any) -> TypeAdapter:
    return TypeAdapter(expected)


def _field_type(field: Any) -> Any:
    """The field's type with its constraints (min length, pattern…) attached."""
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _type_at(kind: Any, loc: Loc) -> Any:
    """The type expected at ``loc`` inside ``kind``, constraints included, or None."""
    expected: Any = kind
    for step in loc:
        base = _unwrap(expected)
        args = typing.get_args(base)
        origin = typing.get_origin(base)
        if isinstance(base, type) and issubclass(base, BaseModel):
            if step not in base.model_fields:
                return None
            expected = _field_type(base.model_fields[step])
        elif origin is list and isinstance(step, int):
            expected = args[0]
        elif origin is dict and isinstance(step, str):
            expected = args[1]
        else:
            return None
    return expected


def _unwrap(kind: Any) -> Any:
    """Strip Annotated[...] and `X | None` down to the type that holds the structure."""
    while True:
        if typing.get_origin(kind) is Annotated:
            kind = typing.get_args(kind)[0]
        elif typing.get_origin(kind) in (typing.Union, types.UnionType):
            kind = next(a for a in typing.get_args(kind) if a is not type(None))
        else:
            return kind
