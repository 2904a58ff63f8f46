"""PO round trip: `handbook po export` and `handbook po import` on the real curriculum (in a
temporary copy) and on the small fixture."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from ruamel.yaml import YAML

from handbook.walk import texts
from tests.conftest import MODULE, ROOT
from tests.test_site import CURRICULUM

LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
# Machinery tests on the real curriculum pick their module from it, by what they need.
FIRST = CURRICULUM.modules[0]
LINKED = next(m for m in CURRICULUM.modules
              if any(LINK.search(text.get("tg", "")) for _, text in texts(m)))


def module_file(module_id: str) -> Path:
    return Path("curriculum/modules") / f"{module_id}.yml"


def folded_objective() -> tuple[str, int]:
    """A module and the index of an objective whose Tajik text is a folded block (>-)."""
    for module in CURRICULUM.modules:
        tree = YAML().load((ROOT / module_file(module.id)).read_text("utf-8"))
        for index, objective in enumerate(tree["objectives"]):
            if type(objective["text"]["tg"]).__name__ == "FoldedScalarString":
                return module.id, index
    raise AssertionError("no objective's Tajik text is a folded block")

# gettext is installed by .ci/run; a developer machine without it skips (conftest).
needs_msgfmt = pytest.mark.needs("msgfmt")


@pytest.fixture
def real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real handbook's curriculum, as the working directory."""
    target = tmp_path / "real"
    target.mkdir()
    for name in ("curriculum", "exercises"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "pyproject.toml", target)
    monkeypatch.chdir(target)
    return target


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in ("curriculum", "exercises")
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


def po_files(root: Path, language: str = "tg") -> list[Path]:
    return sorted((root / "translations").rglob(f"{language}.po"))


def edit_po(path: Path, change) -> None:
    """Change entries with polib (as Poedit would) and save the file."""
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        change(entry)
    catalogue.save()


def test_round_trip_is_byte_identical_on_the_real_curriculum(real, handbook):
    before = snapshot(real)
    assert handbook("po", "export").code == 0
    files = po_files(real)
    assert len(files) == len(list((real / "curriculum").rglob("*.yml"))) - 1 + len(
        list((real / "exercises").glob("*.yml")))  # every file but the record
    result = handbook("po", "import", *map(str, files))
    assert result.code == 0, result.output
    after = snapshot(real)
    assert [p for p in before if before[p] != after[p]] == []


@needs_msgfmt
def test_every_export_passes_msgfmt_check(real, handbook):
    assert handbook("po", "export").code == 0
    exported = sorted((real / "translations").rglob("*.po*"))
    assert exported
    for path in exported:
        result = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        if path.suffix == ".po":  # a template has no language yet: that warning is expected
            assert result.stderr == "", result.stderr


def test_entries_carry_context_note_and_location(real, handbook):
    assert handbook("po", "export", "--language", "tg").code == 0
    catalogue = polib.pofile(str(real / f"translations/module/{FIRST.id}/tg.po"))
    source = YAML(typ="safe").load((real / module_file(FIRST.id)).read_text())
    cue = catalogue.find(f"module/{FIRST.id}:segments.0.cue", by="msgctxt")
    assert cue.msgid == source["segments"][0]["cue"]["en"].strip()
    assert cue.msgstr == source["segments"][0]["cue"]["tg"].strip()
    assert "cue" in cue.comment and "120" in cue.comment
    file, line = cue.occurrences[0]
    lines = (real / file).read_text().splitlines()
    assert lines[int(line) - 1].strip().startswith("en:")
    objective = source["objectives"][0]
    by_id = catalogue.find(f"module/{FIRST.id}:objectives[{objective['id']}].text",
                           by="msgctxt")
    assert by_id.msgid == objective["text"]["en"].strip()


def test_one_edited_msgstr_changes_exactly_that_text(project, handbook):
    module = project / MODULE
    # Comments, quoting and flow style must survive the rewrite too.
    module.write_text("# Kept: a comment at the top.\n" + module.read_text()
                      .replace("  before:\n", "  before:  # kept: a comment after a key\n")
                      .replace("en: Keep time.", "en: 'Keep time.'"))
    assert handbook("translated", "--all").code == 0
    assert handbook("po", "export").code == 0
    before = module.read_text()
    assert "prerequisites: []" in before and "objectives: [explain-wiki]" in before
    po = project / "translations/module/first-steps/tg.po"
    new = "Интернет ва проекторро санҷед."

    def change(entry):
        if entry.msgctxt == "module/first-steps:checklists.before.0":
            entry.msgstr = new

    edit_po(po, change)
    result = handbook("po", "import", str(po))
    assert result.code == 0, result.output
    after = module.read_text()
    changed = [(old, now) for old, now in zip(before.splitlines(), after.splitlines(),
                                              strict=True) if old != now]
    assert changed == [("    - tg: Интернетро санҷед.", f"    - tg: {new}")]
    check = handbook("validate")
    assert check.code == 0 and "CUR040" not in check.output, check.output


def test_a_changed_english_text_makes_its_tg_entry_fuzzy_with_the_previous_text(
        project, handbook):
    assert handbook("translated", "--all").code == 0
    assert handbook("po", "export").code == 0
    module = project / MODULE
    module.write_text(module.read_text().replace("en: Keep time.", "en: Keep to the times."))
    assert handbook("po", "export").code == 0
    catalogue = polib.pofile(str(project / "translations/module/first-steps/tg.po"))
    fuzzy = [e.msgctxt for e in catalogue if e.fuzzy]
    assert fuzzy == ["module/first-steps:checklists.during.0"]
    entry = catalogue.find("module/first-steps:checklists.during.0", by="msgctxt")
    assert (entry.msgid, entry.previous_msgid) == ("Keep to the times.", "Keep time.")
    # The fuzzy translation is not imported, and the staleness rule says the same thing.
    assert handbook("po", "import", str(project / "translations/module/first-steps/tg.po")
                    ).code == 0
    assert "CUR040" in handbook("validate").output


def test_the_previous_text_comes_from_git_when_there_is_no_earlier_export(project, handbook):
    assert handbook("translated", "--all").code == 0
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    module = project / MODULE
    module.write_text(module.read_text().replace("en: Keep time.", "en: Keep to the times."))
    assert handbook("po", "export").code == 0
    catalogue = polib.pofile(str(project / "translations/module/first-steps/tg.po"))
    entry = catalogue.find("module/first-steps:checklists.during.0", by="msgctxt")
    assert entry.fuzzy and entry.previous_msgid == "Keep time."


def _refused(root: Path, handbook, po: Path, pattern: str) -> None:
    before = snapshot(root)
    result = handbook("po", "import", str(po))
    assert result.code == 1
    assert re.search(pattern, result.output), result.output
    assert "nothing was written" in result.output
    assert snapshot(root) == before


def test_an_unknown_msgctxt_is_refused_and_nothing_is_written(project, handbook):
    assert handbook("po", "export").code == 0
    po = project / "translations/module/first-steps/tg.po"

    def change(entry):
        entry.msgstr = entry.msgstr + " (нав)"  # a real change elsewhere must not be written
        if entry.msgctxt == "module/first-steps:title":
            entry.msgctxt = "module/first-steps:no-such-field"

    edit_po(po, change)
    line = next(e.linenum for e in polib.pofile(str(po)) if "no-such" in e.msgctxt)
    _refused(project, handbook, po, rf"tg\.po:{line}: unknown msgctxt \"module/first-steps:no-")


def test_a_dropped_link_is_refused_and_nothing_is_written(real, handbook):
    assert handbook("po", "export").code == 0
    po = real / f"translations/module/{LINKED.id}/tg.po"
    dropped = []

    def change(entry):
        if not dropped and LINK.search(entry.msgstr):
            entry.msgstr = LINK.sub(r"\1", entry.msgstr, count=1)
            dropped.append(entry.msgctxt)

    edit_po(po, change)
    assert dropped, "the module has a translated text with a link"
    _refused(real, handbook, po, rf"tg\.po:\d+: `{re.escape(dropped[0])}`: links differ")


@pytest.mark.parametrize("breakage", ["bold", "placeholder"])
def test_changed_markup_is_refused(project, handbook, breakage):
    module = project / MODULE
    source = {"bold": ("en: Keep time.", "en: Keep **time**.", "**вақтро**"),
              "placeholder": ("en: Keep time.", "en: Keep {minutes} minutes.", "{дақиқа}")}
    old, new, translation = source[breakage]
    module.write_text(module.read_text().replace(old, new))
    assert handbook("po", "export").code == 0
    po = project / "translations/module/first-steps/tg.po"

    def change(entry):
        if entry.msgctxt == "module/first-steps:checklists.during.0":
            entry.msgstr = f"Пайгирӣ кунед {translation}".replace("**", "*")

    edit_po(po, change)
    _refused(project, handbook, po, "differ|span")


def test_an_invalid_po_file_is_refused(project, handbook):
    assert handbook("po", "export").code == 0
    po = project / "translations/module/first-steps/tg.po"
    po.write_text(po.read_text() + '\nmsgctxt "x"\nmsgid "unterminated\n')
    _refused(project, handbook, po, r"tg\.po:\d+: ")


def test_export_does_not_overwrite_translations_not_yet_imported(project, handbook):
    assert handbook("po", "export").code == 0
    po = project / "translations/module/first-steps/tg.po"

    def change(entry):
        if entry.msgctxt == "module/first-steps:title":
            entry.msgstr = "Қадамҳои нахустин"

    edit_po(po, change)
    edited = po.read_bytes()
    result = handbook("po", "export")
    assert result.code == 1 and "not imported" in result.output
    assert po.read_bytes() == edited
    assert handbook("po", "import", str(po)).code == 0
    assert handbook("po", "export").code == 0


def test_a_longer_translation_keeps_the_folded_block_style(real, handbook):
    module_id, index = folded_objective()
    path = real / module_file(module_id)
    objective = YAML(typ="safe").load(path.read_text())["objectives"][index]
    assert handbook("po", "export").code == 0
    po = real / f"translations/module/{module_id}/tg.po"
    context = f"module/{module_id}:objectives[{objective['id']}].text"
    text = ("барои гурӯҳи семинар ҳисобҳои корбариро пешакӣ ба нақша гиранд ва фаҳмонанд, ки "
            "чаро вироиш бе ворид шудан ивази он шуда наметавонад; " * 2).strip()

    def change(entry):
        if entry.msgctxt == context:
            entry.msgstr = text

    edit_po(po, change)
    assert handbook("po", "import", str(po)).code == 0
    raw = path.read_text()
    written = YAML().load(raw)["objectives"][index]["text"]
    value = written["tg"]
    assert type(value).__name__ == "FoldedScalarString"
    assert " ".join(value.split()) == text
    # The block's lines: after the `>-` line, indented deeper than the key.
    lines = raw.splitlines()
    start, column = written.lc.key("tg")
    block = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= column:
            break
        block.append(line)
    assert len(block) > 1 and max(map(len, block)) <= 100


def test_a_po_file_in_the_wrong_language_is_refused(project, handbook):
    assert handbook("po", "export").code == 0
    po = project / "translations/module/first-steps/tg.po"
    po.write_text(po.read_text().replace('"Language: tg\\n"', '"Language: de\\n"'))
    _refused(project, handbook, po, r"tg\.po:1: the header names language \"de\"")


def test_export_names_the_languages_it_can_export(project, handbook):
    result = handbook("po", "export", "--language", "en")
    assert result.code == 2 and "source language" in result.output
    assert not (project / "translations").exists()
