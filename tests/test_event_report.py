"""`handbook event report`: a reader of the English report of the Dushanbe record learns
every fact of the programme's published report (the facts are read from the report's text
here, not copied from the record), and the Tajik report says the same in Tajik."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEED = Path(__file__).parent / "fixtures" / "seed" / "trainer-training-program-2025.txt"
WORD = re.compile(r"[^\W\d_]+")
# Words that carry no fact (the seed's own phrasing), and section headings.
FILLER = {"should", "mention", "conclusion", "notably", "particular", "through", "along",
          "towards", "shifted"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The real handbook's report of the Dushanbe event, written by the CLI."""
    from typer.testing import CliRunner

    from handbook.cli import app

    out = tmp_path_factory.mktemp("report")
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        result = CliRunner().invoke(app, ["event", "report", "dushanbe-2025", "--out",
                                          str(out / "dushanbe-2025")])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return {path.stem: path.read_text("utf-8") for path in (out / "dushanbe-2025").glob("*")
            if path.suffix == ".wikitext"}


def seed_sentences() -> list[str]:
    text = SEED.read_text("utf-8")
    # The page text carries the wiki's "edit" links glued to each section's first word.
    text = re.sub(r"^edit(?=[A-Z])", "", text, flags=re.M)
    # Lines of one or two words are headings ("Day 1", "Conclusion").
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(WORD.findall(s)) > 2]


def test_both_languages_are_written(reports):
    assert set(reports) == {"tg", "en"}


def test_every_number_of_the_seed_is_in_the_english_report(reports):
    numbers = set(re.findall(r"\d+", SEED.read_text("utf-8")))
    assert numbers >= {"18", "24", "2025"}
    found = set(re.findall(r"\d+", reports["en"]))
    assert numbers <= found, numbers - found


def test_every_name_of_the_seed_is_in_the_english_report(reports):
    names = set()
    for sentence in seed_sentences():
        words = WORD.findall(sentence)
        names |= {w for w in words[1:] if w[0].isupper()}  # not a sentence's first word
    assert {"Darafsh", "Zulfiqar", "Zenhar", "VASHGIRD", "Зинҳор", "Насрӣ", "Techno",
            "Library"} <= names
    missing = {n for n in names if n not in reports["en"]}
    assert not missing, missing


@pytest.mark.parametrize("sentence", seed_sentences())
def test_each_sentence_of_the_seed_is_told(reports, sentence):
    """Most of each sentence's content words (by their first five letters, so that
    "elected" and "election" meet) are in the report."""
    told = {w.lower()[:5] for w in WORD.findall(reports["en"])}
    words = [w.lower() for w in WORD.findall(sentence)
             if len(w) >= 5 and w.lower() not in FILLER]
    missing = [w for w in words if w[:5] not in told]
    assert len(missing) <= 0.25 * len(words), missing


def test_unknowns_stay_unknown(reports):
    """The seed gives no Day 2 head count and no outcome figures."""
    en = reports["en"]
    day2 = [line for line in en.splitlines() if "Day 2" in line and "newcomers:" in line]
    assert day2 and "not recorded" in day2[0]
    outcomes = en[en.index("== Outcomes =="):]
    assert re.search(r"\|\s*\d", outcomes.split("== Sources ==")[0]) is None


def test_the_tajik_report_is_in_tajik_with_the_same_people_and_numbers(reports):
    tg, en = reports["tg"], reports["en"]
    assert set(re.findall(r"\d+", en)) <= set(re.findall(r"\d+", tg))
    for name in ("Darafsh", "Зинҳор Насрӣ", "Zolfeqar Fatihzadeh", "Zulfiqar", "Zenhar",
                 "VASHGIRD"):
        assert name in tg
    headings = re.findall(r"^==+ (.+?) ==+$", tg, flags=re.M)
    assert headings and all(re.search(r"[\u0400-\u04FF]", h) for h in headings), headings


def test_the_report_refuses_an_unknown_event(project, handbook):
    run = handbook("event", "report", "no-such-event")
    assert run.code == 2 and "one-day-2025" in run.output


def test_the_report_goes_under_the_exports_folder(project, handbook):
    run = handbook("event", "report", "one-day-2025")
    assert run.code == 0, run.output
    folder = project / "build" / "exports" / "events" / "one-day-2025"
    en = (folder / "en.wikitext").read_text("utf-8")
    assert {p.name for p in folder.glob("*.wikitext")} == {"tg.wikitext", "en.wikitext"}
    # The fixture's numbers: planned 30 (its slot), actual 32, and its lesson.
    assert re.search(r"\|\s*30\s*\n\|\s*32", en)
    assert "Test the Wi-Fi the day before." in en
    shutil.rmtree(folder)


@pytest.mark.parametrize("command", [("event", "report", "one-day-2025"),
                                     ("event", "import", "one-day-2025", "x.csv")])
def test_event_commands_report_a_broken_pyproject_at_its_line(project, handbook, command):
    path = project / "pyproject.toml"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([*lines, "[tool.handbook"]) + "\n", "utf-8")
    run = handbook(*command)
    assert run.code == 1
    assert f"pyproject.toml:{len(lines) + 1}:" in run.output and "CUR092" in run.output
