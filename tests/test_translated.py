"""`handbook translated`: confirming translations from any folder, and files never confirmed."""

from __future__ import annotations

import re
import shlex

from handbook.config import load_config
from handbook.record import path as record_path
from tests.conftest import GUIDE, MODULE
from tests.test_rules import problems, replace


def stale(project) -> list:
    return [p for p in problems(project) if p.code == "CUR040"]


def test_the_command_cur040_suggests_works_as_printed(project, handbook):
    assert handbook("translated", "--all").code == 0
    replace(project / MODULE, "en: Make one edit.", "en: Make and publish one edit.")
    [warning] = stale(project)
    command = re.search(r"`(handbook translated [^`]+)`", warning.message).group(1)
    run = handbook(*shlex.split(command)[1:])
    assert run.code == 0, run.output
    assert "recorded 1 file(s)" in run.output
    assert stale(project) == []


def test_paths_resolve_from_a_subfolder(project, handbook, monkeypatch):
    assert handbook("translated", "--all").code == 0
    replace(project / MODULE, "en: Make one edit.", "en: Make and publish one edit.")
    monkeypatch.chdir(project / MODULE.parent)
    assert handbook("translated", MODULE.name).code == 0  # from its own folder
    assert stale(project) == []
    replace(project / MODULE, "en: Make and publish one edit.", "en: Make one edit.")
    monkeypatch.chdir(project / "exercises")
    assert handbook("translated", str(MODULE)).code == 0  # from the repository root
    assert stale(project) == []


def test_an_unknown_path_exits_two_and_records_nothing(project, handbook):
    run = handbook("translated", str(MODULE), "curriculum/modules/no-such.yml", "README.md")
    assert run.code == 2
    assert "curriculum/modules/no-such.yml" in run.output and "README.md" in run.output
    assert not record_path(load_config(project)).exists()


def test_everything_is_confirmed_only_with_all(project, handbook):
    run = handbook("translated")
    assert run.code == 2 and "--all" in run.output
    assert not record_path(load_config(project)).exists()
    run = handbook("translated", "--all")
    assert run.code == 0
    files = len(list(project.glob("curriculum/**/*.yml"))) + len(list(project.glob(
        "exercises/*.yml"))) + len(list(project.glob("events/*.yml"))) - 1  # not the record
    assert f"recorded {files} file(s)" in run.output


def test_a_file_without_a_translation_record_is_reported(project, handbook):
    assert handbook("translated", "--all").code == 0
    # A new guide (a guide needs no other file to refer to it).
    copy = project / "curriculum/guides/second-guide.yml"
    copy.write_text((project / GUIDE).read_text("utf-8").replace(
        "id: mentoring", "id: second-guide").replace("order: 1", "order: 2"), "utf-8")
    found = [p for p in problems(project) if p.code == "CUR041"]
    assert [(p.file.name, p.line) for p in found] == [("second-guide.yml", 1)]
    assert "handbook translated curriculum/guides/second-guide.yml" in found[0].message
    assert handbook("validate").code == 0  # a warning
    assert handbook("validate", "--strict").code == 1
    assert handbook("translated", "curriculum/guides/second-guide.yml").code == 0
    assert [p for p in problems(project) if p.code == "CUR041"] == []


def test_a_renamed_file_leaves_an_entry_that_validate_reports_and_all_drops(project, handbook):
    assert handbook("translated", "--all").code == 0
    old, new = project / MODULE, project / MODULE.with_name("first-steps-renamed.yml")
    old.rename(new)
    new.write_text(new.read_text("utf-8").replace("id: first-steps", "id: first-steps-renamed"),
                   "utf-8")
    config = load_config(project)
    [warning] = [p for p in problems(project) if p.code == "CUR042"]
    text = record_path(config).read_text("utf-8")
    assert warning.file == record_path(config)
    assert text.splitlines()[warning.line - 1].startswith(f"{MODULE.as_posix()}:")
    assert MODULE.as_posix() in warning.message and "--all" in warning.message

    assert handbook("translated", "--all").code == 0
    assert not [p for p in problems(project) if p.code == "CUR042"]
    text = record_path(config).read_text("utf-8")
    assert f"{MODULE.as_posix()}:" not in text and f"{new.relative_to(project)}:" in text
