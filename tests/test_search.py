"""Site search as readers type: at once, after a pause, before the index arrives, pasted,
cleared and retyped; in the page's language only; Tajik stems finding inflected forms."""

from __future__ import annotations

import collections
import gzip
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from handbook.render.search import language_of
from tests.test_browser import DEFAULT, MODULE, OTHER, result_links, tajik_word, url
from tests.test_site import CONFIG

# One language's index, gzipped as a server sends it. About 110 KB for the five modules of
# 2025; the budget leaves room for about twice the content before a phone reader on a slow
# line waits noticeably (250 KB is about 2 s at 1 Mbit/s).
INDEX_BUDGET_GZ = 250_000
FIELD = "input.md-search__input"
TAJIK_WORD = re.compile(r"[а-яёҳқғҷӯӣ]+")


def index(site: Path, language: str) -> dict:
    return json.loads((site / "search" / f"search_index.{language}.json").read_text("utf-8"))


def wait_for_results(page, query: str, timeout: float = 20_000) -> list[str]:
    """The result links once they answer the whole ``query`` (Material puts the query it
    answered into each link's ``h`` parameter), or fail after ``timeout`` ms."""
    page.wait_for_function(
        """query => [...document.querySelectorAll('.md-search-result__link')].some(
             a => new URL(a.href).searchParams.get('h') === query)""",
        arg=query, timeout=timeout)
    links = result_links(page)
    return [link for link in links if parse_qs(urlparse(link).query).get("h") == [query]]


def pages_of(links: list[str]) -> set[str]:
    return {urlparse(link).path for link in links}


def module_found(links: list[str]) -> bool:
    return any(f"curriculum/modules/{MODULE.id}/" in path for path in pages_of(links))


def open_search(page, language: str = DEFAULT) -> None:
    page.goto(url(page.server, language, ""))
    page.locator(FIELD).click()


@pytest.fixture
def reader(page, server):
    page.server = server
    return page


def test_typing_at_once(reader):
    open_search(reader)
    word = tajik_word().lower()
    reader.locator(FIELD).press_sequentially(word, delay=30)
    assert module_found(wait_for_results(reader, word))


def test_opening_search_and_waiting_before_typing(reader):
    open_search(reader)
    reader.wait_for_timeout(1500)
    word = tajik_word().lower()
    reader.locator(FIELD).press_sequentially(word, delay=80)
    assert module_found(wait_for_results(reader, word))


def test_pasting_a_word(reader):
    """A paste, like a phone keyboard's suggestion, changes the field without a keyup."""
    open_search(reader)
    reader.wait_for_timeout(1000)
    word = tajik_word().lower()
    reader.locator(FIELD).fill(word)
    assert module_found(wait_for_results(reader, word))


def test_typing_before_the_index_has_arrived(reader):
    held = []
    reader.route("**/search/search_index*", lambda route: held.append(route))
    open_search(reader)
    word = tajik_word().lower()
    reader.locator(FIELD).press_sequentially(word, delay=30)
    reader.wait_for_timeout(1000)
    assert len(held) == 1 and not reader.locator(".md-search-result__link").count()
    held[0].continue_()
    assert module_found(wait_for_results(reader, word))


def test_clearing_and_retyping(reader):
    open_search(reader)
    field = reader.locator(FIELD)
    first = tajik_word().lower()
    field.press_sequentially(first, delay=30)
    wait_for_results(reader, first)
    field.press("Control+a")
    field.press("Backspace")
    second = next(w for w in TAJIK_WORD.findall(MODULE.summary["tg"].lower())
                  if len(w) > 5 and w != first)
    field.press_sequentially(second, delay=30)
    assert wait_for_results(reader, second)


@pytest.mark.parametrize("language", CONFIG.languages)
def test_results_are_in_the_readers_language_only(reader, language):
    open_search(reader, language)
    # A word of the module's title in this language, so that it occurs in both languages'
    # pages where names are shared (Wikimedia, Wikipedia).
    word = max(re.findall(r"\w+", MODULE.title[language]), key=len).lower()
    reader.locator(FIELD).press_sequentially(word, delay=30)
    links = wait_for_results(reader, word)
    assert links
    prefix = f"{reader.server}/{OTHER}/"
    if language == DEFAULT:
        assert not [link for link in links if link.startswith(prefix)]
    else:
        assert all(link.startswith(f"{reader.server}/{language}/") for link in links)


def test_a_stem_finds_its_inflected_forms(reader, site):
    """e.g. мақола → мақолаҳо, мақоларо: a page that has only inflected forms is found."""
    words: dict[str, set[str]] = collections.defaultdict(set)
    for doc in index(site, DEFAULT)["docs"]:
        page = doc["location"].split("#")[0]
        words[page] |= set(TAJIK_WORD.findall(f"{doc['title']} {doc['text']}".lower()))
    everywhere = set().union(*words.values())
    candidates = []
    for page, found in words.items():
        for word in found:
            stem = re.sub("(ҳоро|ҳо|ро)$", "", word)
            if stem != word and len(stem) >= 5 and stem in everywhere and not any(
                    w.startswith(stem) and not re.fullmatch(f"{stem}(ҳо|ро|ҳоро|и|ҳои)", w)
                    for w in found):
                hits = sum(any(w.startswith(stem) for w in ws) for ws in words.values())
                candidates.append((hits, stem, page))
    assert candidates, "no page in the index has only inflected forms of a word"
    _, stem, expected = min(candidates)  # the rarest word, so its page is among the first
    open_search(reader)
    reader.locator(FIELD).press_sequentially(stem, delay=30)
    assert f"/{expected}" in pages_of(wait_for_results(reader, stem))


def test_each_language_has_its_own_index_within_budget(site):
    combined = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    for language in CONFIG.languages:
        docs = index(site, language)["docs"]
        assert docs and all(language_of(d["location"], CONFIG.languages) == language
                            for d in docs)
        size = len(gzip.compress((site / "search" / f"search_index.{language}.json")
                                 .read_bytes(), 9))
        assert size <= INDEX_BUDGET_GZ, f"{language}: {size} bytes gzipped"
    assert sum(len(index(site, lang)["docs"]) for lang in CONFIG.languages) == len(
        combined["docs"])
    # Each language's pages are in its own file, and only there.
    assert any(d["location"].startswith(f"{OTHER}/") for d in index(site, OTHER)["docs"])


def test_offline_copy_searches_in_the_readers_language(browser, site, tmp_path):
    with zipfile.ZipFile(site / "curriculum/downloads/handbook-offline.zip") as archive:
        archive.extractall(tmp_path)
    home = tmp_path / "handbook-offline" / OTHER / "index.html"
    context = browser.new_context()
    page = context.new_page()
    page.goto(home.as_uri())
    page.locator(FIELD).click()
    word = max(re.findall(r"\w+", MODULE.title[OTHER]), key=len).lower()
    page.locator(FIELD).press_sequentially(word, delay=30)
    links = wait_for_results(page, word)
    context.close()
    assert links and all(f"/handbook-offline/{OTHER}/" in link for link in links), links
    assert any(f"modules/{MODULE.id}.html" in link for link in links), links
