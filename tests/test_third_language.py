"""A third language by configuration only: add `ru` to [tool.handbook] and mkdocs.yml, and
export → validate → fill the PO files → import → build a three-language site."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from tests.conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "third-language"
NEW = "ru"


def add_language_to_config(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    assert 'languages = ["tg", "en"]' in text
    pyproject.write_text(text.replace('languages = ["tg", "en"]',
                                      f'languages = ["tg", "en", "{NEW}"]'))


def add_language_to_mkdocs(project: Path) -> None:
    """The real mkdocs.yml with one more language; theme and hooks found in the repository."""
    yaml = YAML()
    config = yaml.load((ROOT / "mkdocs.yml").read_text())
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": NEW, "name": "Русский", "build": True})
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    with (project / "mkdocs.yml").open("w") as handle:
        yaml.dump(config, handle)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for page in (ROOT / "docs").glob("index.*.md"):
        shutil.copy(page, project / "docs")
    shutil.copy(FIXTURE / f"index.{NEW}.md", project / "docs")


def test_a_third_language_by_configuration_only(project, handbook, tmp_path):
    add_language_to_config(project)

    # Export: an empty PO file for the new language, one entry per text.
    assert handbook("po", "export", "--language", NEW).code == 0
    files = sorted((project / "translations").rglob(f"{NEW}.po"))
    entries = [e for f in files for e in polib.pofile(str(f))]
    translations = YAML(typ="safe").load((FIXTURE / f"{NEW}.yml").read_text())
    assert sorted(e.msgctxt for e in entries) == sorted(translations)
    assert all(e.msgstr == "" for e in entries)

    # Validate lists every missing text (and the missing review statuses).
    result = handbook("validate", "--format", "json")
    assert result.code == 1
    problems = json.loads(result.output)
    missing = [p for p in problems if p["code"] == "CUR010" and f"`{NEW}`" in p["message"]]
    assert len(missing) == len(entries)
    assert {p["code"] for p in problems} == {"CUR010", "CUR018"}

    # A translator fills the PO files; importing them completes the language.
    fill(files, translations)
    imported = handbook("po", "import", *map(str, files))
    assert imported.code == 0, imported.output
    check = handbook("validate")
    assert check.code == 0, check.output

    # The site builds with three languages.
    add_language_to_mkdocs(project)
    out = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "handbook.cli", "build", "--site-dir", str(out)],
                           cwd=project, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    page = BeautifulSoup((out / NEW / "curriculum/modules/first-steps/index.html").read_text(),
                         "html.parser")
    assert page.html["lang"] == NEW
    assert page.h1.get_text().removesuffix("¶").strip() == translations[
        "module/first-steps:title"]
    switcher = {a["hreflang"] for a in page.select("a[hreflang]")}
    assert switcher == {"tg", "en", NEW}
    sheet = out / NEW / "curriculum/review/module-first-steps/index.html"
    assert translations["module/first-steps:summary"] in sheet.read_text()
    assert (out / "curriculum/downloads" / f"handbook-{NEW}.pdf").is_file()


def test_a_language_the_record_does_not_know_is_neither_changed_nor_stale():
    from handbook.record import digest, outdated, stale_languages

    text = {"tg": "Салом", "en": "Hello", NEW: "Привет"}
    confirmed = {"tg": digest("Салом"), "en": digest("Hello")}  # before NEW was added
    assert stale_languages(confirmed, text) == set()
    # Only the English (source) text changed: the others are outdated against it.
    now = {**text, "en": "Hello there"}
    everything = {**confirmed, NEW: digest("Привет")}
    assert {lang for lang in now if outdated(everything, now, lang, "en")} == {"tg", NEW}
    # Only the new language changed: the source did not, so no translation is outdated.
    assert not any(outdated(everything, {**text, NEW: "Здравствуйте"}, lang, "en")
                   for lang in ("tg", NEW))


def fill(files: list[Path], translations: dict[str, str]) -> None:
    """A translator's answer: every entry translated from ``translations``, none fuzzy."""
    for file in files:
        catalogue = polib.pofile(str(file))
        for entry in catalogue:
            entry.msgstr = translations[entry.msgctxt]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()



def stale(handbook) -> set[str]:
    """The languages that CUR040 says may be stale."""
    problems = json.loads(handbook("validate", "--format", "json").output)
    return {re.search(r"update the `(\w+)` text", p["message"])[1]
            for p in problems if p["code"] == "CUR040"}

def test_importing_one_language_keeps_a_third_one_stale(project, handbook):
    """en changes; the ru translator follows and is imported; tg, translated from the old
    English, must still be flagged, and the record holds a hash for every language."""
    add_language_to_config(project)
    translations = YAML(typ="safe").load((FIXTURE / f"{NEW}.yml").read_text())
    handbook("po", "export", "--language", NEW)
    files = sorted((project / "translations").rglob(f"{NEW}.po"))
    fill(files, translations)
    assert handbook("po", "import", *map(str, files)).code == 0
    assert handbook("translated", "--all").code == 0
    module = project / "curriculum/modules/first-steps.yml"
    text = module.read_text("utf-8")
    module.write_text(text.replace("en: First steps", "en: The first steps", 1), "utf-8")

    assert stale(handbook) == {"tg", NEW}
    handbook("po", "export", "--language", NEW)
    fill(files, {**translations, "module/first-steps:title": "Самые первые шаги"})
    assert handbook("po", "import", *map(str, files)).code == 0
    assert stale(handbook) == {"tg"}
    recorded = YAML(typ="safe").load((project / "curriculum/translation-record.yml").read_text())
    hashes = recorded["curriculum/modules/first-steps.yml"]["title"]
    assert set(hashes) == {"tg", "en", NEW}
