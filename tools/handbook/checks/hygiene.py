"""Leftovers and slips: scaffold placeholders, made-up language codes, Markdown that turns
a wrapped line into a heading or list, table columns without a header, clashing module
order, exercises nobody runs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from urllib.parse import urlparse

from babel import Locale

from ..common.markup import empty_headers
from ..document import Document
from ..loader import Curriculum
from ..models import Module, Resource, Source
from ..problems import Problem, Severity
from ..suggest import closest
from ..walk import texts
from . import check


def _references(model) -> Iterator[tuple[str, int, Resource | Source]]:
    for name in ("resources", "sources"):
        for index, item in enumerate(getattr(model, name, [])):
            yield name, index, item


@check("CUR070", "No scaffold placeholder is left in: an empty title, or a bare `https://` "
       "with no address.")
def placeholder_left_in(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for name, index, item in _references(model):
            if not item.title.strip():
                yield model.document.problem(
                    "CUR070", (name, index, "title"),
                    f"{name}.{index}.title is empty (a placeholder); write the title of the "
                    "page you link")
            if not urlparse(item.url.strip()).netloc:
                yield model.document.problem(
                    "CUR070", (name, index, "url"),
                    f"{name}.{index}.url `{item.url}` has no address (a placeholder); give the "
                    "full https:// address")


@cache
def _language_codes() -> frozenset[str]:
    """Every language code that CLDR (through babel) names."""
    return frozenset(code.replace("_", "-").casefold() for code in Locale("en").languages)


@check("CUR071", "A resource's `language:` is a real language code, such as `tg`, `en` or `ru`.")
def known_language_code(curriculum: Curriculum) -> Iterator[Problem]:
    codes = _language_codes()
    for model in curriculum.files():
        for name, index, item in _references(model):
            code = getattr(item, "language", None)
            if code is not None and code.strip().casefold() not in codes:
                yield model.document.problem("CUR071", (name, index, "language"),
                                             _unknown_language(code, codes, curriculum))


def _unknown_language(code: str, codes: frozenset[str], curriculum: Curriculum) -> str:
    """What `language:` takes, with the closest codes (CLDR knows hundreds: never all)."""
    examples = " or ".join(f"`language: {c}`" for c in curriculum.config.languages)
    expected = "write the code of the language the resource itself is written in"
    if not code.strip():
        return f"`language` is empty; {expected}, e.g. {examples}"
    close = closest(code.strip().casefold(), [*curriculum.config.languages, *codes], 3)
    hint = f"e.g. {examples}"
    if close:
        others = f" (or {', '.join(f'`{c}`' for c in close[1:])})" if close[1:] else ""
        hint = f"did you mean `{close[0]}`?{others}"
    return f"language code `{code}` is not a known language; {expected}; {hint}"


# Python-Markdown (the site) reads any line starting with `#` as a heading, space or not;
# a line of only `=` or `-` under text makes that text a heading; a list marker at the
# start of a wrapped line starts a list in CommonMark (the PDF) but not on the site.
HEADING = re.compile(r"#+")
UNDERLINE = re.compile(r"(=+|-+)\s*")
LIST_MARKER = re.compile(r"([-*+]|1[.)])\s+\S")
FENCE = re.compile(r"(```|~~~)")


def _accidents(text: str) -> Iterator[tuple[int, str]]:
    """(line number within the text, what it turns into) for each surprising line."""
    previous = ""  # the line before, "" after a blank line or a fence
    in_list = False  # inside a list, a marker at the start of a line is meant
    fenced = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if FENCE.match(line):
            fenced = not fenced
            previous = ""
            continue
        if fenced or not line:
            previous = ""
            continue
        marker = LIST_MARKER.match(line)
        wrapped = bool(previous) and not in_list
        if HEADING.match(line):
            yield number, "a heading"
        elif wrapped and UNDERLINE.fullmatch(line):
            yield number, "a heading (the line above it)"
        elif wrapped and marker:
            yield number, "a list"
        if marker and not previous:
            in_list = True
        elif not previous and not raw.startswith((" ", "\t")):
            in_list = False
        previous = line


@check("CUR072", "No prose line turns into a heading or a list by accident (a wrapped line "
       "starting with `#`, `- ` or `1.`).")
def accidental_markdown_block(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for number, becomes in _accidents(value):
                    line = value.splitlines()[number - 1].strip()
                    problem = model.document.problem(
                        "CUR072", (*loc, language),
                        f"line {number} of the `{language}` text (`{line[:30]}`) becomes "
                        f"{becomes}; rewrap it so the line does not start with "
                        f"`{line.split()[0][:3]}`, or escape it with `\\`")
                    yield _at_line(problem, model.document, number)


def _at_line(problem: Problem, document: Document, number: int) -> Problem:
    """Point at line ``number`` of a literal block (`|`), whose lines map 1:1 to the file."""
    if document.style(problem.loc) != "|":
        return problem
    return replace(problem, line=problem.line + number)


@check("CUR150", "Every column of a table has a header, so that a screen reader and a phone's "
       "table cards can name each cell.")
def table_column_without_header(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for number, cells in Counter(empty_headers(value)).items():
                    problem = model.document.problem(
                        "CUR150", (*loc, language),
                        f"line {number} of the `{language}` text is a table header with "
                        f"{cells} empty cell(s); write what each column holds (e.g. `No.`, "
                        "`Your notes`)")
                    yield _at_line(problem, model.document, number)


@check("CUR073", "No two modules have the same `order`.")
def duplicate_module_order(curriculum: Curriculum) -> Iterator[Problem]:
    first: dict[int, str] = {}
    for module in curriculum.modules:
        if module.order in first:
            used = sorted(m.order for m in curriculum.modules)
            free = next(n for n in range(1, len(used) + 2) if n not in used)
            yield module.document.problem(
                "CUR073", ("order",),
                f"`order: {module.order}` is also used by module `{first[module.order]}`; "
                f"give one of them another number (e.g. {free})")
        else:
            first[module.order] = module.id


@check("CUR074", "Every exercise is referenced by some module.")
def unused_exercise(curriculum: Curriculum) -> Iterator[Problem]:
    used = {ref.id for module in curriculum.modules for ref in module.exercises}
    modules = curriculum.config.curriculum / "modules"
    if any((modules / f"{stem}.yml").exists() for stem in curriculum.unloaded):
        return  # a module that failed to load may be the one that uses it
    for exercise in curriculum.exercises:
        if exercise.id not in used:
            yield exercise.document.problem(
                "CUR074", ("id",),
                f"no module uses exercise `{exercise.id}`; list it under a module's "
                f"`exercises:` (`- id: {exercise.id}`), or delete the file")


@check("CUR075", "A module is not a copy of another one: its title is its own in every "
       "language.", Severity.WARNING)
def copied_module(curriculum: Curriculum) -> Iterator[Problem]:
    first: dict[tuple[str, str], Module] = {}
    for module in curriculum.modules:
        for language, title in module.title.items():
            key = (language, " ".join(title.split()).casefold())
            if not key[1]:
                continue  # an empty title is CUR010's
            original = first.setdefault(key, module)
            if original is not module:
                yield module.document.problem("CUR075", ("title", language),
                                              _copied(module, original, language, curriculum))
                break  # one warning per copy


def _copied(module: Module, original: Module, language: str, curriculum: Curriculum) -> str:
    theirs = dict(texts(original))
    ours = [(loc, text) for loc, text in texts(module) if loc != ("title",)]
    same = sum(theirs.get(loc) == text for loc, text in ours)
    where = original.document.path.resolve().relative_to(curriculum.config.root).as_posix()
    return (f"module `{module.id}` has the same `{language}` title as module `{original.id}` "
            f"({where}), and {same} of its other {len(ours)} texts are the same; if it is a "
            "copy, give it its own title and texts (or delete one of the two)")
