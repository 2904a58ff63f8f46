"""Shared fixtures: a small valid handbook to break, and the real site built once."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handbook.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOOD = Path(__file__).parent / "fixtures" / "good"
MODULE = Path("curriculum/modules/first-steps.yml")
EXERCISE = Path("exercises/sandbox-edit.yml")
PROGRAMME = Path("curriculum/programmes/one-day.yml")
GUIDE = Path("curriculum/guides/mentoring.yml")
GLOSSARY = Path("curriculum/glossary.yml")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the valid fixture handbook, as the working directory."""
    target = tmp_path / "handbook"
    shutil.copytree(GOOD, target, ignore=shutil.ignore_patterns("docs"))
    monkeypatch.chdir(target)
    return target


class Run:
    def __init__(self, result) -> None:
        self.code = result.exit_code
        self.output = result.output
        self.exception = result.exception


@pytest.fixture
def handbook():
    """Run the `handbook` CLI in-process and return exit code and output."""
    runner = CliRunner()

    def run(*args: str) -> Run:
        result = runner.invoke(app, list(args))
        # A traceback is never an acceptable answer to bad input.
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"handbook {' '.join(args)} raised {result.exception!r}")
        return Run(result)

    return run


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook, generated and built with `handbook build` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "handbook.cli", "build", "--site-dir", str(out)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run",
                  # Any host but the test server fails at once instead of hanging.
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A desktop-sized browser window; `page` records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    return page
