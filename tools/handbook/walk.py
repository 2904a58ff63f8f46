"""Walking a loaded model to every prose field, with its path in the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .document import Loc
from .models import LocalizedText


def texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, LocalizedText]]:
    if isinstance(value, LocalizedText):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*loc, key))
