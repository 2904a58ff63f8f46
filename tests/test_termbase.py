"""The term base: one matcher for inflected forms, used by the avoided-term rule (CUR080)
and by glossary linking on pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.build import generate
from handbook.config import load_config
from handbook.loader import load
from handbook.terms import find, occurs, pattern
from tests.conftest import EXERCISE, GLOSSARY, MODULE, ROOT
from tests.test_rules import problems, replace

# (term, language, text with the term in some form, the form that must be found)
INFLECTED = [
    ("тавсифи вироиш", "tg", "Тавсифи вироишро нависед.", "Тавсифи вироишро"),
    ("тавсифи вироиш", "tg", "тавсифи вироишҳои онҳо", "тавсифи вироишҳои"),
    ("тавсифи вироиш", "tg", "дар тавсифҳои вироиш", "тавсифҳои вироиш"),
    ("администратор", "tg", "администраторҳо ҷавоб доданд", "администраторҳо"),
    ("администратор", "tg", "аз администраторон пурсед", "администраторон"),
    ("администратор", "tg", "администраторамон гуфт", "администраторамон"),
    ("администратор", "tg", "администраторҳоямро дидам", "администраторҳоямро"),
    ("администратор", "tg", "як администраторе омад", "администраторе"),
    ("навомада", "tg", "ба навомадагон кӯмак кунед", "навомадагон"),
    ("навомада", "tg", "навомадаро хуш пазиред", "навомадаро"),
    ("бозгардонӣ", "tg", "бозгардониро нишон диҳед", "бозгардониро"),
    ("бозгардонӣ", "tg", "бозгардониҳои зиёд", "бозгардониҳои"),
    ("бозгардонӣ", "tg", "сабаби бозгардонии вироиш", "бозгардонии"),
    ("парол", "tg", "паролатонро нагӯед", "паролатонро"),
    ("парол", "tg", "паролашон кӯтоҳ аст", "паролашон"),
    ("сарчашмаи эътимоднок", "tg", "сарчашмаҳои эътимоднокро биёбед", "сарчашмаҳои эътимоднокро"),
    ("ташкилотчӣ", "tg", "Ташкилотчиён омаданд", "Ташкилотчиён"),
    ("administrator", "en", "ask the administrators", "administrators"),
    ("administrator", "en", "the administrator's reply", "administrator's"),
    ("administrator", "en", "the administrators' noticeboard", "administrators'"),
    ("edit summary", "en", "good edit summaries help", "edit summaries"),
    ("sandbox", "en", "their sandboxes", "sandboxes"),
]


@pytest.mark.parametrize(("term", "language", "text", "form"), INFLECTED)
def test_inflected_forms_are_found(term, language, text, form):
    assert [m.group() for m in find(term, language, text)] == [form]


@pytest.mark.parametrize(("term", "language", "text"), [
    ("мудир", "tg", "мудирият"),  # "management", another word
    ("парол", "tg", "паролит"),
    ("маъмур", "tg", "номаъмур"),
    ("edit", "en", "editor"),
    ("sandbox", "en", "sandboxing"),
])
def test_other_words_are_not_found(term, language, text):
    assert find(term, language, text) == []


AVOID = ("    definition:\n      tg: Саҳифаи шахсӣ барои машқ.\n"
         "      en: A personal page for practice.\n")
AVOIDING = AVOID + "    avoid:\n      tg: [саҳифаи озмоишӣ]\n      en: [practice page]\n"


def test_avoided_tajik_term_is_caught_in_three_inflected_forms(project):
    replace(project / GLOSSARY, AVOID, AVOIDING)
    lines = [
        replace(project / MODULE, "tg: Википедиаро шарҳ медиҳанд.",
                "tg: Саҳифаҳои озмоиширо шарҳ медиҳанд."),
        replace(project / MODULE, "tg: Иштирокчиён дар саҳифаи санҷишӣ вироиш мекунанд.",
                "tg: Иштирокчиён дар саҳифаи озмоишиашон вироиш мекунанд."),
        replace(project / MODULE, "tg: Интернетро санҷед.",
                "tg: Саҳифаи озмоишии худро санҷед."),
    ]
    found = [p for p in problems(project) if p.code == "CUR080"]
    assert sorted(p.line for p in found) == lines
    assert all("«саҳифаи санҷишӣ»" in p.message for p in found)
    assert {p.code for p in problems(project)} == {"CUR080"}


def test_avoided_english_term_is_caught_in_the_plural(project):
    replace(project / GLOSSARY, AVOID, AVOIDING)
    line = replace(project / MODULE, "en: Help with sandbox edits.",
                   "en: Help with edits on practice pages.")
    found = [(p.line, p.loc[-1]) for p in problems(project) if p.code == "CUR080"]
    assert found == [(line, "en")]


def test_term_base_mistakes_are_reported(project):
    replace(project / GLOSSARY, AVOID,
            AVOID + "    avoid:\n      tg: [саҳифаи санҷишӣ]\n      xx: [word]\n")
    found = [p for p in problems(project) if p.code == "CUR081"]
    assert len(found) == 2
    assert {p.loc[-1] for p in found} == {0, "xx"}


HANDOUT = Path("curriculum/handouts/sandbox-sheet.yml")


def test_glossary_links_inflected_forms(project):
    # The module no longer has the term as written, only inflected forms of it.
    replace(project / MODULE, "tg: Ба вироиш дар саҳифаи санҷишӣ кӯмак кунед.",
            "tg: Ба вироиш дар саҳифаҳои санҷишиашон кӯмак кунед.")
    replace(project / MODULE, "tg: Иштирокчиён дар саҳифаи санҷишӣ вироиш мекунанд.",
            "tg: Иштирокчиён саҳифаи санҷиширо вироиш мекунанд.")
    replace(project / MODULE, "en: Help with sandbox edits.", "en: Help in their sandboxes.")
    replace(project / MODULE, "en: Participants edit their sandbox.", "en: Participants edit.")
    # The module page also names its handout, whose title has the term as written.
    replace(project / HANDOUT, "tg: Варақаи саҳифаи санҷишӣ", "tg: Варақаи машқ")
    replace(project / HANDOUT, "en: Sandbox sheet", "en: Exercise sheet")
    config = load_config(project)
    generate(load(config))
    for language in config.languages:
        page = (config.generated / "modules" / f"first-steps.{language}.md").read_text("utf-8")
        assert "glossary.md#sandbox" in page, language


def test_glossary_does_not_link_terms_that_are_absent(project):
    replace(project / MODULE, "tg: Ба вироиш дар саҳифаи санҷишӣ кӯмак кунед.",
            "tg: Ба вироиш кӯмак кунед.")
    replace(project / MODULE, "tg: Иштирокчиён дар саҳифаи санҷишӣ вироиш мекунанд.",
            "tg: Иштирокчиён вироиш мекунанд.")
    replace(project / EXERCISE, "tg: Вироиш дар саҳифаи санҷишӣ", "tg: Вироиши аввал")
    replace(project / EXERCISE, "tg: Саҳифаи санҷиширо кушоед", "tg: Саҳифаро кушоед")
    replace(project / HANDOUT, "tg: Варақаи саҳифаи санҷишӣ", "tg: Варақаи машқ")
    config = load_config(project)
    generate(load(config))
    page = (config.generated / "modules" / "first-steps.tg.md").read_text("utf-8")
    assert "glossary.md#sandbox" not in page


def test_glossary_page_shows_variants_to_avoid_and_the_source(project):
    replace(project / GLOSSARY, AVOID, AVOIDING + "    source:\n      message: sandbox-label\n")
    config = load_config(project)
    generate(load(config))
    page = (config.generated / "glossary.tg.md").read_text("utf-8")
    section = page.split("{#sandbox}", 1)[1]
    assert "саҳифаи озмоишӣ" in section and "`sandbox-label`" in section
    assert "practice page" not in section  # the English variant is shown on the English page
    assert "practice page" in (config.generated / "glossary.en.md").read_text("utf-8")


def test_fast_page_search_agrees_with_the_pattern_on_every_page(site):
    """Glossary linking looks for terms near their stem only (speed); on every generated page
    and term it must answer as the full inflection pattern does."""
    config = load_config(ROOT)
    glossary = load(config).glossary
    compared = 0
    for page in config.generated.rglob("*.md"):
        text, language = page.read_text("utf-8"), page.name.split(".")[-2]
        lowered = text.lower()  # once per page, as the renderer does
        for term in glossary.terms:
            if language in term.term:
                wanted = bool(pattern(term.term[language], language).search(text))
                assert occurs(term.term[language], language, text, lowered) == wanted, (
                    page.name, term.term[language])
                compared += 1
    assert compared > 1000
    text = "Дар саҳифаҳои\n    санҷишиашон кор кунед."  # a phrase split across lines
    assert occurs("саҳифаи санҷишӣ", "tg", text, text.lower())
