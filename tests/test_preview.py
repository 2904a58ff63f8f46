"""`handbook serve` as a maintainer uses it: save a change, see it; save a mistake, see the
mistake explained on the page (file:line and code) instead of a dead preview."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from handbook.render.search import split_index
from tests.conftest import GOOD, GUIDE, MODULE, PROGRAMME, add_site_config

PAGE = f"en/curriculum/modules/{MODULE.stem}/"
# Where a maintainer may be looking when the mistake is saved: every kind of page.
ELSEWHERE = ["", "en/", "curriculum/glossary/", f"en/curriculum/programmes/{PROGRAMME.stem}/",
             f"curriculum/guides/{GUIDE.stem}/", f"curriculum/present/{MODULE.stem}/",
             f"en/curriculum/present/{MODULE.stem}/"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """The fixture handbook with the real site configuration, served from a temporary folder."""
    root = tmp_path_factory.mktemp("preview")
    shutil.copytree(GOOD, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("docs"))
    add_site_config(root)
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "handbook.cli", "serve", "--address",
                               address], cwd=root, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield root, f"http://{address}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the preview did not show it in time"
        time.sleep(0.2)


def settle(read: Callable[[], object], quiet: float = 4, seconds: float = 120) -> None:
    """Wait until what ``read`` returns has not changed for ``quiet`` seconds."""
    deadline = time.monotonic() + seconds
    last, since = read(), time.monotonic()
    while time.monotonic() - since < quiet:
        assert time.monotonic() < deadline, "the preview kept rebuilding"
        time.sleep(0.5)
        now = read()
        if now != last:
            last, since = now, time.monotonic()


def served_module(preview: tuple[Path, str]) -> tuple[str, Path, str, str]:
    """The served address, the module file, its text and English title, once it is served."""
    root, base = preview
    path = root / MODULE
    original = path.read_text("utf-8")
    title = YAML(typ="safe").load(original)["title"]["en"]
    wait_for(lambda: title in fetch(base + PAGE))
    return base, path, original, title


def test_a_saved_edit_shows_and_a_mistake_is_explained_on_the_page(preview):
    base, path, original, title = served_module(preview)

    path.write_text(original.replace(f"en: {title}", f"en: {title}, again", 1))
    wait_for(lambda: f"{title}, again" in fetch(base + PAGE))

    # A quoted number is a mistake the validator reports at its line (CUR005).
    line = next(n for n, text in enumerate(original.splitlines(), 1)
                if text.startswith("duration:"))
    broken = "\n".join(f'duration: "{text.split(": ")[1]}"' if n == line else text
                       for n, text in enumerate(original.splitlines(), 1)) + "\n"
    path.write_text(broken, "utf-8")
    wait_for(lambda: f"{MODULE.as_posix()}:{line}:" in fetch(base + PAGE))
    page = fetch(base + PAGE)
    assert "CUR005" in page and f"{title}, again" in page  # the last good version
    for other in ELSEWHERE:
        wait_for(lambda other=other: f"{MODULE.as_posix()}:{line}:" in fetch(base + other),
                 seconds=120)

    path.write_text(original, "utf-8")
    wait_for(lambda: "CUR005" not in fetch(base + PAGE))
    assert f"{title}, again" not in fetch(base + PAGE)
    for other in ELSEWHERE:
        wait_for(lambda other=other: "CUR005" not in fetch(base + other), seconds=120)


def search_entries(base: str, language: str) -> list[str]:
    """The locations of the entries (pages and sections) in the served index of a language."""
    text = fetch(f"{base}search/search_index.{language}.json")
    return [doc["location"] for doc in json.loads(text)["docs"]] if text else []


def test_search_after_a_saved_edit_still_finds_every_page(preview):
    """After a dirty rebuild the index holds every page once: the rebuilt ones new, the
    others as they were."""
    base, path, original, title = served_module(preview)
    before = {language: search_entries(base, language) for language in ("tg", "en")}
    # The module, programme, guide, glossary and index pages of the fixture at least.
    assert all(len({e.split("#")[0] for e in entries}) > 5 for entries in before.values())
    word = "Zebrafinch"  # in the module's title: the dirty build rebuilds the pages showing it
    path.write_text(original.replace(f"en: {title}", f"en: {title} {word}", 1), "utf-8")
    try:
        wait_for(lambda: word in fetch(f"{base}search/search_index.en.json"))
        # MkDocs rebuilds once more when it sees the regenerated Markdown: let it settle.
        settle(lambda: [fetch(f"{base}search/search_index.{lang}.json") for lang in before])
        after = {language: search_entries(base, language) for language in before}
        # Every page still there, each once (no old copies of the rebuilt pages beside them).
        for language, entries in before.items():
            pages = {entry.split("#")[0] for entry in entries}
            assert {entry.split("#")[0] for entry in after[language]} == pages, language
            assert len(after[language]) == len(entries), language
    finally:
        path.write_text(original, "utf-8")


def test_the_split_index_keeps_the_pages_a_dirty_build_did_not_rebuild(tmp_path):
    search = tmp_path / "search"
    search.mkdir()
    entry = lambda location, text: {"location": location, "title": text, "text": text}  # noqa: E731
    previous = {"tg": [entry("a/", "old a"), entry("a/#part", "old part"), entry("b/", "old b")],
                "en": [entry("en/a/", "old en a")]}
    for language, docs in previous.items():
        (search / f"search_index.{language}.json").write_text(
            json.dumps({"config": {}, "docs": docs}), "utf-8")
    rebuilt = [entry("a/", "new a"), entry("en/c/", "new en c")]  # a's section is gone
    (search / "search_index.json").write_text(json.dumps({"config": {}, "docs": rebuilt}))
    split_index(tmp_path, ["tg", "en"])
    assert texts(search) == {"tg": ["new a", "old b"], "en": ["new en c", "old en a"]}
    # Material's own merge leaves earlier copies of rebuilt pages; the newest run counts.
    merged = [entry("b/", "old b"), entry("a/", "new a"), entry("b/", "new b"),
              entry("b/#part", "new part")]
    (search / "search_index.json").write_text(json.dumps({"config": {}, "docs": merged}))
    split_index(tmp_path, ["tg", "en"])
    assert texts(search)["tg"] == ["new a", "new b", "new part"]


def texts(search: Path) -> dict[str, list[str]]:
    return {language: sorted(doc["text"] for doc in json.loads(
        (search / f"search_index.{language}.json").read_text("utf-8"))["docs"])
        for language in ("tg", "en")}
