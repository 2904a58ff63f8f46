"""Generated Markdown from the fixture handbook."""

from __future__ import annotations

from typing import get_args

from ruamel.yaml import YAML

from handbook.build import generate
from handbook.common.clock import clock
from handbook.config import load_config
from handbook.loader import load
from handbook.models import SegmentKind
from handbook.render.markdown import cell
from handbook.strings import strings
from tests.conftest import MODULE


def test_clock_formats_minutes_as_hours_and_minutes():
    assert [clock(m) for m in (0, 5, 59, 60, 75, 600)] == [
        "00:00", "00:05", "00:59", "01:00", "01:15", "10:00"]


def test_cell_keeps_a_table_row_intact():
    assert cell("a | b\nc") == "a \\| b c"


def test_run_sheet_clock_counts_up_from_the_yaml_minutes(project):
    generate(load(load_config(project)))
    data = YAML(typ="safe").load((project / MODULE).read_text("utf-8"))
    elapsed, expected = 0, []
    for segment in data["segments"]:
        expected.append(f"{elapsed // 60:02d}:{elapsed % 60:02d}")
        elapsed += segment["minutes"]
    for language in ("tg", "en"):
        page = (project / f"docs/curriculum/modules/first-steps.{language}.md").read_text("utf-8")
        rows = [line for line in page.splitlines() if line.startswith("| ") and ":" in line[:8]]
        assert [row.split("|")[1].strip() for row in rows][: len(expected)] == expected
        assert data["title"][language] in page


def test_every_language_gets_its_own_text(project):
    generate(load(load_config(project)))
    tg = (project / "docs/curriculum/modules/first-steps.tg.md").read_text("utf-8")
    en = (project / "docs/curriculum/modules/first-steps.en.md").read_text("utf-8")
    assert "Иштирокчиён дар саҳифаи санҷишӣ" in tg and "Participants edit" not in tg
    assert "Participants edit their sandbox" in en and "Иштирокчиён" not in en


def test_generation_writes_only_what_changed(project):
    curriculum = load(load_config(project))
    assert generate(curriculum)  # first run writes every page
    assert generate(curriculum) == []


def test_pages_of_deleted_modules_are_removed_but_nothing_else(project):
    curriculum = load(load_config(project))
    generate(curriculum)
    out = project / "docs/curriculum"
    stale = out / "old-module.tg.md"
    stale.write_text("old", "utf-8")
    authored = project / "docs/index.tg.md"
    authored.write_text("home", "utf-8")
    generate(curriculum)
    assert not stale.exists()
    assert authored.read_text("utf-8") == "home"


def test_alignment_matrix_marks_what_the_yaml_names(project):
    generate(load(load_config(project)))
    data = YAML(typ="safe").load((project / MODULE).read_text("utf-8"))
    page = (project / "docs/curriculum/modules/first-steps.en.md").read_text("utf-8")
    activities = [*data["segments"], *data["exercises"], *data["quiz"]]
    for objective in data["objectives"]:
        row = next(line for line in page.splitlines()
                   if line.strip().startswith(f"| {objective['text']['en']} |"))
        marks = [cell.strip() == "✓" for cell in row.strip().strip("|").split("|")[1:]]
        assert marks == [objective["id"] in a.get("objectives", []) for a in activities]


def test_peer_mentors_text_shows_under_its_segment_on_page_and_run_sheet(project):
    yaml = YAML()  # round-trip: the fixture file stays as written apart from the new key
    path = project / MODULE
    data = yaml.load(path.read_text("utf-8"))
    mentors = {"tg": "Устодон экрани ҳар навкорро месанҷанд.",
               "en": "Mentors check every newcomer's screen."}
    data["segments"][0]["mentors"] = mentors
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    curriculum = load(load_config(project))
    generate(curriculum)
    second = data["segments"][1]
    for language in ("tg", "en"):
        label = strings(language)["mentors"]
        page = (project / f"docs/curriculum/modules/first-steps.{language}.md").read_text("utf-8")
        script = page.split(f"· {data['segments'][0]['title'][language]}", 1)[1]
        first_segment = script.split(f"· {second['title'][language]}", 1)[0]
        assert label in first_segment and mentors[language] in first_segment
        # A segment without mentors shows no mentors box.
        assert page.count(mentors[language]) == 1 and page.count(f'"{label}"') == 1
        sheet = (project / f"docs/curriculum/run-sheets/first-steps.{language}.md").read_text(
            "utf-8")
        row = next(line for line in sheet.splitlines()
                   if data["segments"][0]["cue"][language] in line)
        assert f"**{label}:** {mentors[language]}" in row
        assert sum(label in line for line in sheet.splitlines()) == 1


def test_every_segment_kind_has_a_name_in_every_language(project):
    languages = load_config(project).languages
    for kind in get_args(SegmentKind):
        for language in languages:
            assert strings(language).get(f"kind_{kind}"), f"no kind_{kind} in {language}.yml"


def test_key_points_profile_and_reteach_rule_reach_the_module_page_and_run_sheet(project):
    generate(load(load_config(project)))
    data = YAML(typ="safe").load((project / MODULE).read_text("utf-8"))
    for language in ("tg", "en"):
        t = strings(language)
        page = (project / f"docs/curriculum/modules/first-steps.{language}.md").read_text("utf-8")
        sheet = (project / f"docs/curriculum/run-sheets/first-steps.{language}.md").read_text(
            "utf-8")
        assert f"**{t['learner_profile']}:** {data['learner_profile'][language]}" in page
        heading = f"## {t['key_points']}"
        assert heading in page
        after = page.split(heading, 1)[1]
        for point in data["key_points"]:
            assert f"- {point[language]}" in after
            assert point[language] in sheet
        # One re-teach rule, from the locale, with the quiz and on the run sheet.
        assert t["reteach_rule"] in page.split(f"## {t['quiz']}", 1)[1]
        assert t["reteach_rule"] in sheet
