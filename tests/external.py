"""The programs some tests need beyond Python: Debian's Chromium, npm's Lighthouse (with Node)
and gettext's msgfmt. For each: whether it is installed *and starts*, and the command that
installs it. A test that needs one carries `@pytest.mark.needs("chromium")` (tests that use
the `browser` fixture get it by themselves) and skips, with the reason, where the program is
missing; conftest turns such skips into failures in CI and sums them up in one line."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# CHROME_PATH as Lighthouse reads it (benchmarks/audit.py), for a Chromium elsewhere.
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
NODE = (18, 16)  # package.json's engines
APT = "apt-get install"
INSTALL = re.compile(r"\(install: (.+)\)$")


@dataclass(frozen=True)
class Missing:
    tool: str
    why: str
    install: tuple[str, ...]  # commands, e.g. "apt-get install chromium", "npm ci"

    def reason(self) -> str:
        return f"needs {self.tool}: {self.why} (install: {' && '.join(self.install)})"


def _fails(command: list[str], expect: str = "", timeout: float = 60) -> str | None:
    """None when ``command`` exits 0 (printing ``expect``), else what went wrong, one line."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError) as error:
        return f"{Path(command[0]).name} does not start ({error})"
    if result.returncode == 0 and expect in result.stdout:
        return None
    last = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()[-1]
    return f"{Path(command[0]).name} does not start (exit {result.returncode}: {last[:200]})"


@functools.cache
def chromium() -> Missing | None:
    install = (f"{APT} chromium",)
    if not Path(CHROMIUM).exists():
        return Missing("chromium", "Debian's chromium is not installed", install)
    # Installed is not enough: a broken profile, a missing library or no sandbox stops it.
    problem = _fails([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                      "--dump-dom", "about:blank"], expect="<html")
    return Missing("chromium", problem, install) if problem else None


@functools.cache
def lighthouse() -> Missing | None:
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        return Missing("lighthouse", "Node and npm are not installed",
                       (f"{APT} nodejs npm", "npm ci"))
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if found < NODE:
        return Missing("lighthouse", f"Node {version.strip()} is older than "
                       f"{'.'.join(map(str, NODE))}", (f"{APT} nodejs npm", "npm ci"))
    if not LIGHTHOUSE.exists():
        return Missing("lighthouse", "node_modules has no lighthouse", ("npm ci",))
    problem = _fails([str(LIGHTHOUSE), "--version"])
    if problem:
        return Missing("lighthouse", problem, ("npm ci",))
    browser = chromium()  # Lighthouse drives the same Chromium
    return Missing("lighthouse", browser.why, browser.install) if browser else None


@functools.cache
def msgfmt() -> Missing | None:
    install = (f"{APT} gettext",)
    if shutil.which("msgfmt") is None:
        return Missing("msgfmt", "gettext's msgfmt is not installed", install)
    problem = _fails(["msgfmt", "--version"])
    return Missing("msgfmt", problem, install) if problem else None


PROBES: dict[str, Callable[[], Missing | None]] = {
    "chromium": chromium, "lighthouse": lighthouse, "msgfmt": msgfmt}


def install_command(reasons: Iterable[str]) -> str:
    """One command installing everything the skip reasons ask for: the Debian packages in one
    `apt-get install`, then the rest (`npm ci`) in order."""
    packages: list[str] = []
    others: list[str] = []
    for reason in reasons:
        match = INSTALL.search(reason)
        for command in match.group(1).split(" && ") if match else ():
            if command.startswith(APT):
                packages += [p for p in command.removeprefix(APT).split() if p not in packages]
            elif command not in others:
                others.append(command)
    return " && ".join([f"{APT} {' '.join(packages)}"] * bool(packages) + others)
