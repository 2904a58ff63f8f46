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
from ruamel.yaml import YAML

from tests.conftest import GOOD, MODULE, add_site_config

PAGE = f"en/curriculum/modules/{MODULE.stem}/"


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


def test_a_saved_edit_shows_and_a_mistake_is_explained_on_the_page(preview):
    root, base = preview
    path = root / MODULE
    original = path.read_text("utf-8")
    title = YAML(typ="safe").load(original)["title"]["en"]
    wait_for(lambda: title in fetch(base + PAGE))

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

    path.write_text(original, "utf-8")
    wait_for(lambda: "CUR005" not in fetch(base + PAGE))
    assert f"{title}, again" not in fetch(base + PAGE)
