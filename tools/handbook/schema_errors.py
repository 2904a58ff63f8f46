"""pydantic's complaints about a value, said in plain words with how to fix them.

pydantic speaks to programmers ("Input should be a valid integer"); an author needs to hear
what the field takes and what to write instead. Error types not listed here keep pydantic's
wording, made to read as a sentence about the field.
"""

from __future__ import annotations

from typing import Any

WHOLE_NUMBER = {"int_parsing", "int_type", "int_from_float"}


def plain(error: dict[str, Any]) -> str:
    """What is wrong with the value at ``error["loc"]`` and how to fix it."""
    kind, context, got = error["type"], error.get("ctx") or {}, error.get("input")
    key = next((str(step) for step in reversed(error["loc"]) if isinstance(step, str)), "value")
    if kind in WHOLE_NUMBER:
        if isinstance(got, str) and got.strip().isdigit():
            return f"a number in quotes is text; remove the quotes: `{key}: {got.strip()}`"
        example = round(got) if isinstance(got, float) and got >= 1 else 10
        return f"must be a whole number written in digits, e.g. `{key}: {example}`"
    if kind in ("greater_than", "greater_than_equal"):
        bound = context.get("gt", context.get("ge"))
        more, least = ("more than", bound + 1) if kind == "greater_than" else ("at least", bound)
        return f"must be {more} {bound}, e.g. `{key}: {least}`"
    if kind == "too_short":
        return f"needs at least {context.get('min_length')} item(s); add one"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be `true` or `false`, e.g. `{key}: true`"
    if kind in ("string_type",):
        return "must be text; put it in quotes if it looks like a number or a date"
    message = str(error["msg"]).removeprefix("Value error, ")
    return message.replace("Input should be", "must be", 1)
