"""`handbook serve` as a maintainer uses it: save a change, see it; save a mistake, see the
mistake explained on the page (file:line and code) instead of a dead preview."""

from __future__ import annotations

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

from handbook.config import load_config
from handbook.loader import load
from tests.conftest import ROOT

# Machinery, not content: any module will do, and a second one for "another page".
_CURRICULUM = load(load_config(ROOT))
_FIRST, _OTHER = _CURRICULUM.modules[0], _CURRICULUM.modules[1]
MODULE = Path("curriculum/modules", f"{_FIRST.id}.yml")
PAGE = f"en/curriculum/modules/{_FIRST.id}/"
TITLE = _FIRST.title["en"]
# Where a maintainer may be looking when the mistake is saved: every kind of page.
ELSEWHERE = ["", "en/", "curriculum/glossary/", f"en/curriculum/modules/{_OTHER.id}/",
             f"curriculum/present/{_OTHER.id}/", f"en/curriculum/present/{_FIRST.id}/"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """The real handbook copied to a temporary folder and served from there."""
    root = tmp_path_factory.mktemp("preview")
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("curriculum", "exercises", "tools"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("curriculum"))
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


def test_a_saved_edit_shows_and_a_mistake_is_explained_on_the_page(preview):
    root, base = preview
    wait_for(lambda: TITLE in fetch(base + PAGE))
    path = root / MODULE
    original = path.read_text("utf-8")
    again = f"{TITLE}, again"

    path.write_text(original.replace(f"en: {TITLE}", f"en: {again}", 1))
    wait_for(lambda: again in fetch(base + PAGE))

    # A quoted number is a mistake the validator reports at its line (CUR005).
    line = next(n for n, text in enumerate(original.splitlines(), 1)
                if text.startswith("duration:"))
    broken = "\n".join(f'duration: "{text.split(": ")[1]}"' if n == line else text
                       for n, text in enumerate(original.splitlines(), 1)) + "\n"
    path.write_text(broken, "utf-8")
    wait_for(lambda: f"{MODULE.as_posix()}:{line}:" in fetch(base + PAGE))
    page = fetch(base + PAGE)
    assert "CUR005" in page and again in page  # the last good version
    for other in ELSEWHERE:
        wait_for(lambda other=other: f"{MODULE.as_posix()}:{line}:" in fetch(base + other),
                 seconds=120)

    path.write_text(original, "utf-8")
    wait_for(lambda: "CUR005" not in fetch(base + PAGE))
    assert again not in fetch(base + PAGE)
    for other in ELSEWHERE:
        wait_for(lambda other=other: "CUR005" not in fetch(base + other), seconds=120)
