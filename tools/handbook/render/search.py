"""One search index per language, split from the combined index that MkDocs writes.

static-i18n gives every language's pages to one index, so a Tajik reader got English pages
among the results and downloaded both languages. Each page now loads only its language's
file (``docs/assets/lazy-search.js`` picks it by ``<html lang>``).

Tajik word forms: lunr has no Tajik stemmer, and Material matches every query word as a
prefix. Tajik inflects almost only by suffixes (plural -ҳо/-он, object -ро, izofa -и,
personal endings -ам/-ат/-аш), so a stem is a prefix of its inflected forms and prefix
matching finds them (мақола → мақолаҳо, мақоларо) with no code of ours and no risk of a
stemmer cutting two words to one stem. The cost: a query typed in an inflected form
(мақолаҳоро) does not find the bare stem; readers type short, so we accept it.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search", "search_index.json")


def language_of(location: str, languages: list[str]) -> str:
    """The language of an index entry: non-default languages live under ``<code>/``."""
    first = location.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def split_index(site: Path, languages: list[str]) -> dict[str, Path]:
    """Write ``search/search_index.<lang>.json`` for each language; return their paths.

    For the file:// build (Material's offline plugin inlines the index into
    ``search_index.js``), that script picks the reader's language from the page itself.
    """
    combined = site / INDEX
    if not combined.is_file():
        return {}
    index = json.loads(combined.read_text("utf-8"))
    parts = {lang: {**index, "docs": []} for lang in languages}
    docs = _latest(index["docs"])
    for doc in [*docs, *_not_rebuilt(combined, docs, languages)]:
        parts[language_of(doc["location"], languages)]["docs"].append(doc)
    written = {}
    for lang, part in parts.items():
        path = combined.with_name(f"search_index.{lang}.json")
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), "utf-8")
        written[lang] = path
    inline = combined.with_suffix(".js")
    if inline.is_file():
        by_language = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        inline.write_text(
            "var __index = (function (all) {\n"
            f"  return all[document.documentElement.lang] || all[{json.dumps(languages[0])}];\n"
            f"}})({by_language});\n", "utf-8")
    return written


def _page(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


def _latest(docs: list[dict]) -> list[dict]:
    """Each page's entries once. Material's search keeps the previous index across dirty
    rebuilds and appends the rebuilt pages' entries, but removes the old ones of only the
    first rebuilt page: the others stood there twice (eight copies after a few saves). A
    page's entries (the page, then its sections) come in one run, the newest run last."""
    runs: dict[str, list[dict]] = {}
    page = None
    for doc in docs:
        if _page(doc) != page:
            page = _page(doc)
            runs[page] = []  # a later run of a page replaces the earlier one
        runs[page].append(doc)
    return [doc for run in runs.values() for doc in run]


def _not_rebuilt(combined: Path, docs: list[dict], languages: list[str]) -> list[dict]:
    """Pages the combined index lacks come from the previous build's files: after a dirty
    rebuild (`handbook serve`) whose first rebuilt page is the home page (location ""),
    Material drops every earlier entry. (A clean build empties the site folder first, so it
    finds no previous files.)"""
    rebuilt = {_page(doc) for doc in docs}
    kept = []
    for lang in languages:
        previous = combined.with_name(f"search_index.{lang}.json")
        if previous.is_file():
            kept += [doc for doc in json.loads(previous.read_text("utf-8"))["docs"]
                     if _page(doc) not in rebuilt]
    return kept
