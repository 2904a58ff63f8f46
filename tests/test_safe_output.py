"""Authored text is data, not markup: a fixture curriculum seeded with an XSS corpus in every
text field is built into a site, and every built HTML file (pages, slides, presenter views,
handouts, review sheets, the offline zip) is crawled: no script element or inline handler the
theme did not put there, no link to a scheme other than https, http, mailto or a relative one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import load
from handbook.render.html import to_html
from handbook.render.sanitize import SCHEMES, sanitize
from tests.conftest import GOOD, ROOT
from tests.conftest import add_site_config as use_real_site

# Text fields are Markdown: raw HTML, handlers, hostile links, attribute lists, breakouts.
TEXT_CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">a</a> <a href="  JaVaScRiPt:alert(1)">b</a>',
    "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](<java script:alert(1)>)",
    "[e](&#106;avascript:alert(1)) [f](&#x6A;avascript&#58;alert(1))",
    "[g](java&#x09;script:alert(1)) [h](java%0Ascript:alert(1))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [v](vbscript:msgbox(1))",
    "<javascript:alert(1)> <vbscript:msgbox(1)>",
    "![i](javascript:alert(1)) ![j](data:image/svg+xml,<svg onload=alert(1)>)",
    '<div style="background:url(javascript:alert(1))">s</div>',
    '<p style="width: expression(alert(1))">t</p>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    '</title></textarea></style><script>alert(1)</script>',
    "<!--><script>alert(1)</script>-->",
    '<details open ontoggle="alert(1)"><summary>s</summary></details>',
    '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)"><style>*{x:expression(alert(1))}</style>',
    "Heading text {: onclick=\"alert(1)\" }",
    'Label {: data-toc-label="<img src=x onerror=alert(1)>" }',
    "[a](https://example.org/ \"title\" onmouseover=\"alert(1)\")",
]
# Plain-text fields that hold an address.
URL_CORPUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https://example.org/) [click](javascript:alert(1)",
    "https://example.org/ [click](javascript:alert(1))",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/><script>alert(1)</script>",
    "https://example.org/#{: onclick=alert(1) }",
]
# Lines that a Markdown include (pymdownx.snippets) would replace by a file of docs/, or
# stop the build on: authored text stays text.
INCLUDES = ('\n\n--8<-- "assets/handbook.js"\n\n--8<-- "../pyproject.toml"\n\n'
            '--8<--\nindex.en.md\n--8<--\n')
# Keys whose values are structure, not text: left alone so the curriculum still loads.
STRUCTURE = {"id", "kind", "language", "status", "date", "start", "end", "timezone", "country",
             "module", "exercise", "objectives", "prerequisites", "handouts", "reviewer",
             "url", "order", "minutes", "duration", "correct"}


class Seeder:
    """Appends the corpus, entry after entry, to every text it is given."""

    def __init__(self) -> None:
        self.count = 0

    def text(self, value: str) -> str:
        self.count += 1
        return f"{value} {TEXT_CORPUS[self.count % len(TEXT_CORPUS)]} {TEXT_CORPUS[0]}"

    def walk(self, node, key: str | None = None):
        if isinstance(node, dict):
            return {k: node[k] if k in STRUCTURE else self.walk(node[k], k) for k in node}
        if isinstance(node, list):
            return [self.walk(item, key) for item in node]
        if isinstance(node, str):
            return self.text(node)
        return node


def seed(project: Path) -> None:
    """Every text of every file gets corpus entries; modules, programmes and guides get one
    resource or source per hostile address, titled with hostile text."""
    seeder = Seeder()
    for path in sorted((project / "curriculum").rglob("*.yml")) + sorted(
            (project / "exercises").rglob("*.yml")):
        data = seeder.walk(yaml.safe_load(path.read_text("utf-8")))
        if "resources" in data:
            data["resources"] += [{"title": seeder.text(f"r{n}"), "url": url, "language": "en"}
                                  for n, url in enumerate(URL_CORPUS)]
        for segment in data.get("segments", [])[:1]:
            segment["script"] = {language: text + INCLUDES
                                 for language, text in segment["script"].items()}
        if "sources" in data:
            data["sources"] += [{"id": f"hostile-{n}", "title": seeder.text(f"s{n}"), "url": url}
                                for n, url in enumerate(URL_CORPUS)]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def ignore_every_rule(project: Path) -> None:
    """The checks refuse most of the corpus; the build must be safe even if they did not."""
    codes = sorted({problem.code for problem in run_checks(load(load_config(project)))})
    pyproject = project / "pyproject.toml"
    rules = "".join(f'{code} = "ignore"\n' for code in codes)
    pyproject.write_text(pyproject.read_text("utf-8") + "\n[tool.handbook.rules]\n" + rules)


def build(project: Path, out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "handbook.cli", "build", "--site-dir", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture curriculum built twice: as it is, and seeded with the corpus."""
    built = []
    for name, seeded in (("clean", False), ("hostile", True)):
        project = tmp_path_factory.mktemp(name) / "handbook"
        shutil.copytree(GOOD, project, ignore=shutil.ignore_patterns("docs"))
        use_real_site(project)
        if seeded:
            seed(project)
            ignore_every_rule(project)
        built.append(build(project, project.parent / "site"))
    return built[0], built[1]


def html_files(site: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every HTML file of the site and of its offline zip."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text("utf-8")
    for archive_path in site.rglob("*.zip"):
        with zipfile.ZipFile(archive_path) as archive:
            for name in archive.namelist():
                if name.endswith(".html"):
                    yield f"{archive_path.name}!{name}", archive.read(name).decode("utf-8")


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster",
                  "background", "srcset", "cite")
C0_AND_SPACE = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)


def _url_scheme(value: str) -> str | None:
    """The scheme a browser would see (WHATWG URL parsing): entities are decoded by the HTML
    parser already; the URL parser strips leading and trailing control characters and spaces
    and removes every tab and line break."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip(C0_AND_SPACE)
    match = SCHEME.match(cleaned)
    return match[1].lower() if match else None


# Elements that run or load something, or change where the page's links and forms go.
ACTIVE = {"script", "iframe", "frame", "object", "embed", "applet", "form", "base", "meta", "link",
          "style", "svg", "math", "template", "noscript"}


def hazards(html: str) -> tuple[Counter, list[str]]:
    """What can run in a page: active elements (by source or text), every on* handler and
    style attribute; and every address with a scheme outside the allow list."""
    soup = BeautifulSoup(html, "html.parser")
    found: Counter = Counter()
    bad_links = []
    for tag in soup.find_all(True):
        # A named <meta> (a description) is text for search engines; only http-equiv acts.
        passive = tag.name == "meta" and tag.get("name") and not tag.get("http-equiv")
        if tag.name in ACTIVE and not passive:
            data = tag.get("type") == "application/json"  # checked on its own below
            source = tag.get("src") or tag.get("href") or tag.get("content") or (
                "" if data else tag.get_text())
            found[f"<{tag.name}> {tag.get('type', '')} {source[:120]}"] += 1
        for attribute, value in tag.attrs.items():
            if attribute.lower().startswith("on") or attribute.lower() == "style":
                found[f"<{tag.name} {attribute}={value}>"] += 1
            if attribute.lower() in URL_ATTRIBUTES and isinstance(value, str):
                scheme = _url_scheme(value)
                if scheme and scheme not in SCHEMES:
                    bad_links.append(f"<{tag.name} {attribute}={value!r}>")
    return found, bad_links


def _json_scripts_hold_no_markup(html: str) -> list[str]:
    """Inline JSON data (the presenter's plan) must not be able to close its element."""
    return [m for m in re.findall(r"<script type=\"application/json\"[^>]*>(.*?)</script>", html,
                                  re.S) if "<" in m]


@pytest.fixture(scope="module")
def crawled(sites) -> list[tuple[str, str, Counter, list[str]]]:
    """Every HTML file of the hostile site: name, text, its hazards and its bad links, read
    once for the tests below (parsing the pages is most of their time)."""
    _, hostile = sites
    return [(name, html, *hazards(html)) for name, html in html_files(hostile)]


def test_the_corpus_reached_every_kind_of_output(sites):
    _, hostile = sites
    names = [name for name, _ in html_files(hostile)]
    for kind in ("curriculum/modules/", "curriculum/slides/", "curriculum/present/",
                 "curriculum/handouts/", "curriculum/review/", "curriculum/glossary/",
                 "curriculum/guides/", "curriculum/programmes/", "curriculum/run-sheets/"):
        assert any(kind in name for name in names if not name.startswith("en/")), kind
        assert any(name.startswith(f"en/{kind}") for name in names), kind
    assert any(name.startswith("handbook-offline.zip!") for name in names)
    # Seeded text is visible as text, so the test is not passing on empty pages.
    module = (hostile / "curriculum/modules/first-steps/index.html").read_text("utf-8")
    assert module.count("&lt;script&gt;alert(1)&lt;/script&gt;") > 5


def test_no_script_handler_or_style_that_the_theme_did_not_put_there(sites, crawled):
    clean, _ = sites
    theirs = dict(html_files(clean))
    problems = []
    for name, html, found, _ in crawled:
        allowed, _ = hazards(theirs.get(name, ""))
        extra = found - allowed
        if extra:
            problems.append(f"{name}: {sorted(extra)[:3]}")
        problems += [f"{name}: markup in JSON data" for _ in _json_scripts_hold_no_markup(html)]
    assert not problems, "\n".join(problems[:30])


def test_no_link_with_a_scheme_outside_the_allow_list(crawled):
    problems = []
    for name, _, _, bad_links in crawled:
        problems += [f"{name}: {link}" for link in bad_links]
    assert not problems, "\n".join(problems[:30])


def test_no_text_includes_a_file(sites):
    _, hostile = sites
    module = hostile / "curriculum/modules/first-steps/index.html"
    text = BeautifulSoup(module.read_text("utf-8"), "html.parser").get_text()
    assert '--8<-- "../pyproject.toml"' in text  # shown as written
    script = (ROOT / "docs/assets/handbook.js").read_text("utf-8")
    home = (ROOT / "docs/index.en.md").read_text("utf-8")
    for included in (script, home):
        line = next(line for line in included.splitlines() if len(line) > 40)
        assert line not in text


def test_a_second_link_cannot_be_smuggled_through_an_address(sites):
    _, hostile = sites
    soup = BeautifulSoup((hostile / "curriculum/modules/first-steps/index.html").read_text("utf-8"),
                         "html.parser")
    texts = [a.get_text() for a in soup.select("article a")]
    assert "click" not in texts


@pytest.mark.parametrize("payload", TEXT_CORPUS + [f"[t]({url})" for url in URL_CORPUS])
def test_the_sanitizer_leaves_nothing_executable(payload):
    """Each entry alone, through both Markdown renderers the handbook uses."""
    site = markdown.markdown(payload, extensions=["attr_list", "md_in_html", "tables"])
    for html in (sanitize(site), to_html(payload, tables=True)):
        found, bad = hazards(html)
        assert not found and not bad, html


def test_the_sanitizer_keeps_what_the_pages_are_made_of():
    page = ('<h2 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h2>'
            '<p><a href="https://x.org/" hreflang="en">x</a> <a href="../b/">b</a> '
            '<a href="mailto:a@x.org">m</a> <code>c</code></p>'
            '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled><span class="task-list-indicator"></span></label>'
            '<span data-check="abc"></span>t</li></ul>'
            '<table><tbody><tr><th style="text-align:left" scope="col">h</th></tr></tbody></table>'
            '<div class="quiz" data-quiz="q" aria-label="l"><details open><summary>s</summary>'
            '</details><button type="button" data-progress-reset>r</button>'
            '<textarea readonly rows="10">x &lt;b&gt;</textarea></div>')
    assert hazards(sanitize(page)) == hazards(page)
    kept = BeautifulSoup(sanitize(page), "html.parser")
    original = BeautifulSoup(page, "html.parser")
    assert [(t.name, t.attrs) for t in kept.find_all(True)] == [
        (t.name, t.attrs) for t in original.find_all(True)]
