"""Lighthouse on the built handbook, served with gzip from 127.0.0.1, as readers' phones get it.

    python benchmarks/audit.py SITE_DIR      (or `make audit`, which builds site/ first)

Audits the home page, a module with its run sheet, slides and presenter view, the agenda, the
glossary, the rules and an event in every language (mobile; npm `lighthouse` pinned in
package.json, run by lighthouse.mjs in one Debian chromium). Prints one line per page and
category, `name value budget ok|over`, where a score is ok when it reaches its budget.
Accessibility, best practices and SEO must be 100 and do not depend on machine load: any
below exits 1. Performance depends on the load of the (shared) machine, so it is only
reported against its budget, never fails; `--categories` leaves it out (the CI test does).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from bench import GzipHandler
from handbook.config import load_config
from handbook.loader import load
from handbook.render.kit import PRESENT, SLIDES

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REQUIRED = {"accessibility": 100, "best-practices": 100, "seo": 100}
BUDGETS = {"performance": 95, **REQUIRED}


def pages() -> dict[str, str]:
    """Name → path under a language's root, for one page of each audited kind."""
    config = load_config(ROOT)
    curriculum = load(config)
    generated = config.generated.relative_to(config.docs).as_posix()  # where pages are made
    first = curriculum.modules[0].id
    kinds = {"home": "",
             "module": f"{generated}/modules/{first}/",
             "run-sheet": f"{generated}/run-sheets/{first}/",
             "slides": f"{generated}/{SLIDES}/{first}/",
             "presenter": f"{generated}/{PRESENT}/{first}/",
             "agenda": f"{generated}/programmes/{curriculum.programmes[0].id}/",
             "glossary": f"{generated}/glossary/", "rules": f"{generated}/rules/"}
    if curriculum.events:
        kinds["event"] = f"{generated}/events/{curriculum.events[0].id}/"
    return kinds


def lighthouse(addresses: list[str], categories: list[str]) -> dict[str, dict[str, int]]:
    """Address → scores 0–100, from one headless Chromium (benchmarks/lighthouse.mjs)."""
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    command = ["node", str(ROOT / "benchmarks" / "lighthouse.mjs"), ",".join(categories),
               *addresses]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT,
                            env={**os.environ, "CHROME_PATH": chrome})
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    failures = [f"{report['url']}: {report['failure']}" for report in reports
                if "failure" in report]
    if result.returncode or failures or len(reports) != len(addresses):
        raise RuntimeError("lighthouse failed: " + "; ".join(failures) + result.stderr[-2000:])
    return {report["url"]: report["scores"] for report in reports}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder (e.g. site)")
    parser.add_argument("--categories", default=",".join(BUDGETS),
                        help="comma-separated Lighthouse categories (default: all four)")
    parser.add_argument("--languages", default="",
                        help="comma-separated languages (default: every configured one)")
    parser.add_argument("--kinds", default="",
                        help="comma-separated page kinds (default: all of them: "
                             "home, module, run-sheet, ...)")
    args = parser.parse_args(argv)
    categories = args.categories.split(",")
    if not LIGHTHOUSE.exists():
        print(f"audit: {LIGHTHOUSE.relative_to(ROOT)} is missing; run `npm ci`", file=sys.stderr)
        return 2
    if not (args.site / "index.html").is_file():
        print(f"audit: no built site in {args.site}; run `make site`", file=sys.stderr)
        return 2
    config = load_config(ROOT)
    kinds = pages()
    chosen = args.kinds.split(",") if args.kinds else list(kinds)
    if unknown := sorted(set(chosen) - set(kinds)):
        print(f"audit: no page kind {', '.join(unknown)}; the kinds are {', '.join(kinds)}",
              file=sys.stderr)
        return 2
    handler = functools.partial(GzipHandler, directory=str(args.site.resolve()))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    languages = args.languages.split(",") if args.languages else config.languages
    prefixes = {language: "" if language == config.default_language else f"{language}/"
                for language in languages}
    audited = {(language, name): f"{base}/{prefixes[language]}{kinds[name]}"
               for language in languages for name in chosen}
    try:
        scores = lighthouse(list(audited.values()), categories)
    except RuntimeError as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2
    finally:
        httpd.shutdown()
    failed = False
    for (language, name), address in audited.items():
        for category in categories:
            value, budget = scores[address][category], BUDGETS[category]
            ok = value >= budget
            failed |= not ok and category in REQUIRED
            print(f"lighthouse-{language}-{name}-{category} {value} {budget} "
                  f"{'ok' if ok else 'over'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
