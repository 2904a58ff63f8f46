"""`handbook export wikitext` and `handbook export dashboard`, read back as Meta-Wiki and the
Programs & Events Dashboard would read them: the rules come from the Dashboard's loaders
(lib/training/wiki_slide_parser.rb, yaml_training_loader.rb, the models' validations) and
CampaignEvents' registration API."""

from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import mwparserfromhell
import pytest
from ruamel.yaml import YAML

from tests.test_site import CONFIG, CURRICULUM

# CampaignEvents' EventTypesRegistry.
EVENT_TYPES = {"editing-event", "media-upload-event", "backlog-drive", "contest", "workshop",
               "training-seminar", "meetup", "hackathon", "conference", "other"}


def unwrap(value: str) -> str:
    """A parameter's text as the Dashboard reads it: translate tags removed."""
    return re.sub(r"</?translate>", "", value).strip()


def dashboard_param(page: str, name: str) -> str | None:
    """WikiSlideParser#template_parameter_value: `| name = value` up to the end of a line."""
    match = re.search(rf"\|\s*{name}\s*=\s*(.*)", page)
    return unwrap(match.group(1)) if match else None


@pytest.mark.parametrize("language", CONFIG.languages)
def test_event_page_lists_every_slot_with_local_times_and_handbook_links(exports, language):
    assert any(s.presenters for p in CURRICULUM.programmes for d in p.days for s in d.slots)
    for programme in CURRICULUM.programmes:
        text = (exports / "wikitext" / language / f"event-{programme.id}.wikitext").read_text()
        tables = [t for t in mwparserfromhell.parse(text).filter_tags(matches=lambda n: n.tag
                  == "table")]
        assert len(tables) == len(programme.days)
        for day, grid in zip(programme.days, tables, strict=True):
            assert 'class="wikitable"' in str(grid)
            rows = [r for r in grid.contents.filter_tags(matches=lambda n: n.tag == "tr")]
            assert len(rows) == len(day.slots)
            for slot, row in zip(day.slots, rows, strict=True):
                cells = [c for c in row.contents.filter_tags(matches=lambda n: n.tag == "td")]
                assert str(cells[0].contents).strip().startswith(slot.start)
                assert str(cells[2].contents).strip() == ", ".join(slot.presenters)
                if slot.module:
                    link = cells[1].contents.filter_external_links()[0]
                    assert str(link.url).endswith(f"curriculum/modules/{slot.module}/")
                    assert str(link.url).startswith(CONFIG.site_url)
                    title = CURRICULUM.module(slot.module).title[language]
                    assert str(link.title).strip() == title.strip()


@pytest.mark.parametrize("language", CONFIG.languages)
def test_registration_fields_fit_campaign_events(exports, language):
    for programme in CURRICULUM.programmes:
        path = exports / "wikitext" / language / f"event-{programme.id}.registration.json"
        data = json.loads(path.read_text())
        assert data["event_page"].startswith("Event:")
        ZoneInfo(data["timezone"])  # a real IANA zone
        assert set(data["types"]) <= EVENT_TYPES and data["types"]
        first, last = programme.days[0], programme.days[-1]
        assert re.fullmatch(r"\d{14}", data["start_time"])
        assert data["start_time"] < data["end_time"]
        assert data["start_time"][:8] == first.date.strftime("%Y%m%d")
        assert data["end_time"][8:12] == last.end.replace(":", "")
        assert data["inperson_meeting"] is True and data["meeting_address"]


def slide_files(exports: Path, language: str) -> list[Path]:
    return sorted((exports / "wikitext" / language / "training" / "slides").glob("*.wikitext"))


@pytest.mark.parametrize("language", CONFIG.languages)
def test_training_slides_parse_back_with_title_and_quizzes(exports, language):
    slides = slide_files(exports, language)
    quizzes = 0
    for path in slides:
        text = path.read_text()
        code = mwparserfromhell.parse(text)
        units = code.filter_tags(matches=lambda n: n.tag == "translate", recursive=False)
        assert units, f"{path.name} has no <translate> unit"
        # The Dashboard takes the first line (after the markers) as the slide title.
        stripped = re.sub(r"<noinclude>.*?</noinclude>\n*", "", text, flags=re.S)
        title = unwrap(stripped).splitlines()[0]
        assert re.fullmatch(r"==+ .+ ==+", title), path.name
        for quiz in code.filter_templates(matches=lambda t: t.name.matches(
                "Training module quiz")):
            quizzes += 1
            answers = [p for p in quiz.params if str(p.name).strip().startswith("answer_")]
            assert 2 <= len(answers) <= 9
            correct = int(str(quiz.get("correct_answer_id").value).strip())
            assert quiz.has(f"answer_{correct}")
            for param in quiz.params:
                name = str(param.name).strip()
                # Each parameter must read the same with the Dashboard's line-based parser.
                assert dashboard_param(text, name) == unwrap(str(param.value)), (path, name)
            for answer in answers:
                number = str(answer.name).strip().removeprefix("answer_")
                assert unwrap(str(quiz.get(f"explanation_{number}").value))
            assert re.search(r"\n}}", text), "the parser needs }} on a line of its own"
    assert quizzes == sum(len(m.quiz) for m in CURRICULUM.modules)


@pytest.mark.parametrize("language", CONFIG.languages)
def test_module_and_library_json_list_pages_that_exist(exports, language):
    training = exports / "wikitext" / language / "training"
    slugs = {re.sub(r"^\d+-", "", p.stem) for p in slide_files(exports, language)}
    modules = sorted((training / "modules").glob("*.json"))
    assert {p.stem for p in modules} == {m.id for m in CURRICULUM.modules}
    for path in modules:
        data = json.loads(path.read_text())
        assert data["slug"] == path.stem and isinstance(data["id"], int)
        assert {s["slug"] for s in data["slides"]} <= slugs
        assert (training / "modules" / f"{path.stem}.wikitext").is_file()
    library = json.loads(next((training / "libraries").glob("*.json")).read_text())
    listed = {m["slug"] for c in library["categories"] for m in c["modules"]}
    assert listed == {m.id for m in CURRICULUM.modules}
    index = (training / "index-slides.wikitext").read_text()
    assert len(mwparserfromhell.parse(index).filter_wikilinks()) == len(slugs)


def load_yaml(path: Path):
    return YAML(typ="safe").load(path.read_text())


def test_dashboard_yaml_passes_the_loader_rules(exports):
    root = exports / "dashboard"
    others = [lang for lang in CONFIG.languages if lang != CONFIG.source_language]
    slides: dict[str, dict] = {}
    for path in sorted((root / "slides").rglob("*.yml")):
        data = load_yaml(path)
        prefix, _, slug = path.stem.partition("-")
        # yaml_training_loader.rb: "Filename doesn't match id."
        assert data["id"] == int(prefix), path
        assert data["title"] and "content" in data  # validates_presence_of :id, :slug, :title
        assert slug not in slides, f"duplicate slide slug {slug}"
        slides[slug] = data
        for lang in others:
            assert data["translations"][lang]["title"]
        if "assessment" in data:
            quiz = data["assessment"]
            ids = [a["id"] for a in quiz["answers"]]
            assert isinstance(quiz["correct_answer_id"], int)
            assert ids.count(quiz["correct_answer_id"]) == 1
            assert all(a["text"] and a["explanation"] for a in quiz["answers"])
    modules = {}
    for path in sorted((root / "modules").glob("*.yml")):
        data = load_yaml(path)
        assert data["name"] and isinstance(data["id"], int) and data["slides"]
        assert path.stem not in modules
        modules[path.stem] = data
        missing = [s["slug"] for s in data["slides"] if s["slug"] not in slides]
        assert not missing, f"{path.name} lists slides that do not exist: {missing}"
    assert len({m["id"] for m in modules.values()}) == len(modules)
    assert set(modules) == {m.id for m in CURRICULUM.modules}
    for path in (root / "libraries").glob("*.yml"):
        data = load_yaml(path)
        for key in ("id", "name", "introduction", "categories"):
            assert data[key], f"{path.name}: {key}"
        for category in data["categories"]:
            assert all(m["slug"] in modules for m in category["modules"])


def test_export_never_writes_into_a_folder_it_does_not_own(tmp_path, handbook):
    authored = tmp_path / "mine"
    authored.mkdir()
    (authored / "notes.txt").write_text("keep me")
    run = handbook("export", "wikitext", "--out", str(authored))
    assert run.code == 2 and "did not write" in run.output
    assert (authored / "notes.txt").read_text() == "keep me"
