"""Changing texts inside a YAML file without disturbing anything else: comments, key order,
quoting and block style stay, and only the changed scalars are written anew."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from ..document import Loc

# Indentation styles to try; the one that reproduces the file byte for byte is used.
STYLES = ((2, 4, 2), (2, 2, 0))
FOLD = 86  # characters per line of a new folded (>) text, like the authored files


class Unfaithful(Exception):
    """No YAML writer setting reproduces the file unchanged; rewriting would reformat it."""


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap: keep every line as authored
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def dump(yaml: YAML, tree: object) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def faithful(original: str) -> tuple[YAML, object]:
    """A round-trip reader and writer for ``original`` that writes it back byte for byte,
    and its tree; Unfaithful if there is none."""
    for style in STYLES:
        yaml = _yaml(style)
        tree = yaml.load(original)
        if dump(yaml, tree) == original:
            return yaml, tree
    raise Unfaithful


def rewrite(original: str, changes: Iterable[tuple[Loc, str, str, str]],
            new_reviews: Iterable[str] = ()) -> str:
    """Apply (text loc, language, new text, source language) changes to ``original``, and
    give each language in ``new_reviews`` the review status `machine-drafted` (a language
    new to the file: nobody has reviewed it yet, and the tool cannot know who wrote it)."""
    yaml, tree = faithful(original)
    for loc, language, text, source in changes:
        mapping = _at(tree, loc)
        like = mapping.get(language, mapping.get(source))
        mapping[language] = styled(text, like)
    for language in new_reviews:
        tree["review"][language] = CommentedMap(status="machine-drafted")
    return dump(yaml, tree)


def _at(tree: object, loc: Loc) -> CommentedMap:
    for step in loc:
        tree = tree[step]  # type: ignore[index]
    assert isinstance(tree, CommentedMap)
    return tree


def styled(text: str, like: object) -> str:
    """``text`` in the block style of ``like`` (the old text, or the source's): a literal
    block keeps its final newline, a folded block is folded again at ``FOLD`` characters;
    a text of several lines becomes a literal block."""
    if isinstance(like, LiteralScalarString) or ("\n" in text and not
                                                 isinstance(like, FoldedScalarString)):
        return LiteralScalarString(text + _ending(like, "\n"))
    if isinstance(like, FoldedScalarString):
        if "\n" in text:
            return LiteralScalarString(text + _ending(like, "\n"))
        folded = FoldedScalarString(text + _ending(like, ""))
        folded.fold_pos = _fold_positions(text)
        return folded
    return type(like)(text) if isinstance(like, str) and type(like) is not str else text


def _ending(like: object, default: str) -> str:
    if not isinstance(like, str):
        return default
    return like[len(like.rstrip("\n")):]


def _fold_positions(text: str) -> list[int]:
    positions, at = [], 0
    for line in textwrap.wrap(text, FOLD, break_long_words=False, break_on_hyphens=False)[:-1]:
        at = text.index(line, at) + len(line)
        if text[at:at + 1] == " ":
            positions.append(at)  # the space after this line becomes the fold
        at += 1
    return positions
