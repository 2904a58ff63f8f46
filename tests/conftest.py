"""Shared fixtures: a small valid handbook to break, the real site built once per run (shared
by every xdist worker), a server and a Chromium per worker. Also the suite's rules for tools
beyond Python (tests/external.py): skip with a reason where one is missing, one line at the
end saying how to install what was missing, and in CI any skip fails."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdfium2
import pytest
from playwright.sync_api import Error as PlaywrightError
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handbook.cli import app
from handbook.config import load_config
from tests import external
from tests.external import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
GOOD = Path(__file__).parent / "fixtures" / "good"
MODULE = Path("curriculum/modules/first-steps.yml")
EXERCISE = Path("exercises/sandbox-edit.yml")
PROGRAMME = Path("curriculum/programmes/one-day.yml")
GUIDE = Path("curriculum/guides/mentoring.yml")
GLOSSARY = Path("curriculum/glossary.yml")
__all__ = ["CHROMIUM"]  # imported from here by the browser tests

# .ci/run installs every tool: there a skipped test is a failure (GitHub sets CI=true too).
STRICT = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs(tool, ...): skip unless the tool (chromium, lighthouse, msgfmt) "
        "is installed and starts; tests/external.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.needs("chromium"))
    # Tests without the built site first: the site builds in the background meanwhile.
    items.sort(key=uses_site)


def uses_site(item: pytest.Item) -> bool:
    return "site" in getattr(item, "fixturenames", ())


def missing_tool(item: pytest.Item) -> external.Missing | None:
    """The first tool the test needs that is missing or does not start."""
    for marker in item.iter_markers("needs"):
        for tool in marker.args:
            missing = external.PROBES[tool]()
            if missing:
                return missing
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    missing = missing_tool(item)
    if missing:
        pytest.skip(missing.reason())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped, but in CI nothing may skip: {_reason(report)}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    report = yield
    if STRICT and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped, but in CI nothing may skip: {_reason(report)}"
    return report


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return text.removeprefix("Skipped: ")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """The last line before pytest's counts: how many tests skipped, and the command that
    installs what they missed."""
    yield
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if not hasattr(r, "wasxfail")]
    if not skipped:
        return
    command = external.install_command(_reason(report) for report in skipped)
    terminalreporter.write_line(
        f"{len(skipped)} skipped"
        + (f": to run them, `{command}` (then `make test`)" if command else "")
        + "; .ci/run installs everything and fails on any skip.",
        yellow=True, bold=True)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the valid fixture handbook, as the working directory."""
    target = tmp_path / "handbook"
    shutil.copytree(GOOD, target, ignore=shutil.ignore_patterns("docs"))
    monkeypatch.chdir(target)
    return target


@functools.cache
def pdf_texts(path: Path) -> tuple[str, ...]:
    """Each page's text of a built PDF, extracted once per run (several tests on several
    workers read the handbook's) by PDFium: a tenth of pypdf's time on these 250 pages. Its
    line ends become "\n" and the hyphen it marks at a line break (U+FFFE) a hyphen. Kept in
    the run's shared folder, named by the PDF's place, time and size, so a changed PDF is read
    again."""
    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()} {stat.st_mtime_ns} {stat.st_size}".encode())
    cache = Path(os.environ[SHARED]) / f"pdf-texts-{key.hexdigest()[:16]}.json"
    with cache.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not cache.exists():
            texts = [page.get_textpage().get_text_range().replace("\r\n", "\n")
                     .replace("\ufffe", "-") for page in pypdfium2.PdfDocument(path)]
            cache.write_text(json.dumps(texts), "utf-8")
    return tuple(json.loads(cache.read_text("utf-8")))


def printed_pages(pdf: bytes) -> list[str]:
    """Each page's text of a PDF that Chromium printed, as printed, by PDFium (pypdf took ten
    times as long, a second and a half for a module page). PDFium joins a line that ends in a
    hyphen to the next and marks the place with U+FFFE: the hyphen and the line end are put
    back, so a test sees the lines a reader sees."""
    return [page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\ufffe", "-\n")
            for page in pypdfium2.PdfDocument(pdf)]


def add_site_config(project: Path, change: Callable[[dict], None] | None = None) -> None:
    """Make a copy of a fixture handbook buildable and servable by MkDocs: the real mkdocs.yml
    (theme and hooks found in the repository, ``change`` applied), docs/assets and the home
    pages."""
    yaml = YAML()
    config = yaml.load((ROOT / "mkdocs.yml").read_text())
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    if change:
        change(config)
    with (project / "mkdocs.yml").open("w") as handle:
        yaml.dump(config, handle)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for page in (ROOT / "docs").glob("index.*.md"):
        shutil.copy(page, project / "docs")


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


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder, which every xdist worker shares (a worker's own is inside
    it: basetemp / worker id)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder that ``make`` fills once per run, for every worker (the others wait for it)."""
    folder = shared_folder(factory) / name
    with (folder.parent / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.parent / f"{name}.done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


class SiteBuild:
    """`handbook build` of the real handbook, once per test run: in a folder every xdist worker
    shares, started by whichever worker comes first (under a file lock), in the background, so
    the tests that need no site run meanwhile."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.shared = shared_folder(factory)
        self.out = self.shared / "site"
        self.log = self.shared / "site-build.log"
        self.code = self.shared / "site-build.code"
        self.process: subprocess.Popen | None = None  # when this worker started the build

    def start(self) -> None:
        with (self.shared / "site-build.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.log.exists():
                return
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LOG": str(self.log),
                   "CODE": str(self.code)}
            # sh records the exit code, so a worker that did not start the build can wait.
            script = '"$@" >"$LOG" 2>&1; echo $? >"$CODE.part" && mv "$CODE.part" "$CODE"'
            self.process = subprocess.Popen(
                ["/bin/sh", "-c", script, "sh", sys.executable, "-m", "handbook.cli", "build",
                 "--site-dir", str(self.out)],
                cwd=ROOT, env=env, stdin=subprocess.DEVNULL, start_new_session=True)
            self.log.touch()
            (self.shared / "site-build.pid").write_text(str(self.process.pid))

    def reap(self, stop: bool) -> None:
        """Wait for the build this worker started (its CPU time then counts in the run's), or
        end it when the run stopped early."""
        if self.process:
            if stop:
                self.stop()
            self.process.wait()

    def stop(self) -> None:
        """End a build that no test waits for any more (the run stopped early)."""
        pid = self.shared / "site-build.pid"
        if pid.exists() and not self.code.exists():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(int(pid.read_text()), signal.SIGTERM)

    def wait(self) -> Path:
        self.start()
        while not self.code.exists():
            time.sleep(0.2)
        code = int(self.code.read_text())
        assert code == 0, self.log.read_text("utf-8", "replace")
        return self.out


def pytest_sessionfinish(session: pytest.Session) -> None:
    # The controller (or a run without workers) ends last: no test needs the build after it.
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        SiteBuild(session.config._tmp_path_factory).stop()


# Names the folder every worker of this run shares (set first thing, by `site_build`; the
# test modules import this file as another module than pytest's, so not a global).
SHARED = "HANDBOOK_TESTS_SHARED"


@pytest.fixture(scope="session", autouse=True)
def site_build(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[SiteBuild]:
    """Start building the site with the first test of the run, if any test will need it."""
    os.environ[SHARED] = str(shared_folder(tmp_path_factory))
    build = SiteBuild(tmp_path_factory)
    if any(uses_site(item) and not missing_tool(item) for item in request.session.items):
        build.start()
    yield build
    build.reap(stop=bool(request.session.shouldfail or request.session.shouldstop))


@pytest.fixture(scope="session")
def site(site_build: SiteBuild) -> Path:
    """The real handbook, generated and built with `handbook build` (once per run)."""
    return site_build.wait()


@pytest.fixture(scope="session")
def exports(site: Path) -> Path:
    """The real curriculum in every export format, a folder per kind: `handbook build` wrote
    them with the site (the same function as `handbook export`, whose command the tests run
    on the fixture handbook), so no test exports them again."""
    return load_config(ROOT).exports


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One Chromium per worker (tests open their own contexts in it)."""
    from playwright.sync_api import Error, sync_playwright

    missing = external.chromium()
    if missing:
        pytest.skip(missing.reason())
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run",
                      # Any host but the test server fails at once instead of hanging.
                      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        except Error as error:
            why = str(error).strip().splitlines()[0]
            pytest.skip(external.Missing("chromium", f"Playwright cannot start it ({why})",
                                         (f"{external.APT} chromium",)).reason())
        yield browser
        browser.close()


# What a test may leave behind in a shared context, emptied after each test: the next one
# sees the site as a first visitor does. Not the HTTP cache: keeping it is the point.
STORAGE = ("cookies,local_storage,indexeddb,service_workers,cache_storage,file_systems,"
           "websql,shared_storage,storage_buckets")


class Window:
    """A browser context shared by a worker's tests, with the tabs they left, ready again."""

    def __init__(self, browser, options: dict) -> None:
        self.context = browser.new_context(**options)
        self.viewport = options.get("viewport")
        # A blank tab of its own empties the context's storage after each test.
        self.janitor = self.context.new_cdp_session(self.context.new_page())
        self.idle: list = []

    def tab(self):
        page = self.idle.pop() if self.idle else self.context.new_page()
        page.requests = []
        page.listeners = []  # the test's, removed when it gives the tab back
        for name in ("on", "once"):
            register = getattr(type(page), name)
            setattr(page, name, functools.partial(self._listen, page, register))
        page.on("request", lambda request: page.requests.append(request.url))
        return page

    @staticmethod
    def _listen(page, register, event: str, handler) -> None:
        page.listeners.append((event, handler))
        register(page, event, handler)

    def give_back(self, page) -> None:
        """Undo what a test may have changed in the tab and keep it for the next test; empty
        the storage of every origin it asked for (after it has left them: a page may still
        write on its way out)."""
        if page not in self.idle and not page.is_closed():
            self._reset(page)
        for origin in {"/".join(url.split("/")[:3]) for url in page.requests
                       if url.startswith("http")}:
            self.janitor.send("Storage.clearDataForOrigin",
                              {"origin": origin, "storageTypes": STORAGE})

    def _reset(self, page) -> None:
        try:
            for event, handler in page.listeners:
                with contextlib.suppress(KeyError):  # a `once` listener that has run
                    type(page).remove_listener(page, event, handler)
            page.unroute_all()
            page.goto("about:blank")
            page.emulate_media(media="null")
            if self.viewport:
                page.set_viewport_size(self.viewport)
        except PlaywrightError:  # a tab that cannot be reset is not reused
            page.close()
        else:
            self.idle.append(page)


@pytest.fixture(scope="session")
def windows(browser) -> Iterator[dict[str, Window]]:
    """The worker's browser contexts, one per set of options (viewport, JavaScript, touch),
    shared by its tests, and their tabs reused. A fresh context per test cost twice
    the CPU of a page load: nothing cached, so every test parsed and compiled the theme's CSS,
    scripts and fonts again; a new tab in a warm context still cost half as much again as
    the same tab going on to the next page (its renderer keeps the compiled scripts)."""
    shared: dict[str, Window] = {}
    yield shared
    for window in shared.values():
        window.context.close()


@pytest.fixture
def tab(browser, windows: dict[str, Window]) -> Iterator[Callable[..., object]]:
    """``tab(viewport=..., **options)``: a tab of the shared window for those options,
    recording every request it makes in ``page.requests``. After the test its listeners,
    routes, media and viewport are reset, it goes to about:blank and the storage of every
    origin it asked for is emptied (cookies, local and session storage, ...), so tests do
    not see each other's state. A test that needs a browser of its own (other permissions,
    a file:// origin's storage, a fake clock) makes its own context."""
    opened: list = []

    def open_(**options):
        key = repr(sorted(options.items()))
        if key not in windows:
            windows[key] = Window(browser, options)
        page = windows[key].tab()
        opened.append((windows[key], page))
        return page

    yield open_
    for window, page in opened:
        window.give_back(page)


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def serious(page) -> list:
    """Axe's serious and critical violations on the page, with a few of their elements."""
    from axe_playwright_python.sync_playwright import Axe

    # Only violations come back with every node: the passes of a long page came back whole
    # too, and building and moving them cost about a fifth of the browser's time per run.
    violations = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
            if v["impact"] in ("serious", "critical")]


@pytest.fixture
def page(tab):
    """A desktop-sized page; ``page.requests`` lists every request it made."""
    return tab(viewport=DESKTOP)
