"""Content: the second review of the Tajik text (shared note tajik-review-2.md). Its wrong
forms are gone from the built site, the term base keeps the old forms out (CUR080), and
readers see titles, never file names."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.strings import strings
from tests.conftest import ROOT
from tests.test_rules import problems, replace
from tests.test_site import CURRICULUM

# The review's wrong forms in Tajik text, as the review quotes them (case-insensitive).
WRONG_IN_TAJIK = [
    "ҷадвали «Таърих»", "ҷадвали «Баҳс»", "ҷадвали «Дастӣ»", "ҷадвали Manual",
    "ҷадвали «Automatic»", "мӯҳтаво", "Википедияро", "японӣ", "Матнҳои асли озод",
    "лозим дорад", "лозим доранд", "account creator", "созандаи ҳисоб", "VisualEditor",
    "Cite → Automatic", "протокол", "вариант", "навомадагон", "дуруст садо медиҳад",
    "вақташонро гирифт", "давркардашуда", "ду нуқтаи ҷавоб", "Кортҳои ҳолатҳо",
    "Сирри вироиши самаранок", "паёми хуш омадед", "Мисоли корӣ", "зани осиёимарказӣ",
    "Варақаи як саҳифагӣ", "истиснои танг", "Натиҷаи интизорӣ", "семинар", "ҳештег",
    "бекоркунии", "Телеграм", "Тарҷумаи мундариҷа", "модели калони забонӣ", "бо пешфарз",
    "скриншот", "сертификат", "лексия", "саволнома", "лоиҳа менависанд",
    "худаш онҳоро ба худ мегирад",
]
# Words of English text that the review found wrong.
WRONG_IN_ENGLISH = ["the thank is logged", "mixes truth with verifiability"]
# File names the review found in reader-facing text (either language).
SLUGS = ["community-welcome-thanks", "community-mentor-setup", "community-event-plan",
         "notability-source-cards", "notability-fix-paragraph", "notability-deletion-roleplay",
         "wikimedia-projects-overview", "teaching-editing"]
# Pages that show other languages' or avoided forms on purpose: review sheets (source next to
# translation) and the rules page (failing examples).
ON_PURPOSE = ("review", "rules")


CYRILLIC = re.compile("[\u0400-\u04ff]")


@functools.cache  # two tests read every page; parsing one costs as much as both searches
def _reader_text(path: Path, site: Path) -> str:
    """The words a reader sees on a page, as the review counted them: no scripts, no source
    of the wikitext copy, no code (file names, wiki markup), no English labels of links to
    other sites (citations, which the review accepts)."""
    html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    for hidden in html(["script", "style", "textarea", "template", "code"]):
        hidden.decompose()
    for link in html.find_all("a", href=re.compile("^https?://")):
        if not CYRILLIC.search(link.get_text()):
            link.decompose()
    if path.parent.name == "glossary":
        # The glossary shows each entry's other language and its variants to avoid.
        language = "en" if path.relative_to(site).parts[0] == "en" else "tg"
        avoid = strings(language)["glossary_avoid"]
        for paragraph in html.find_all("p"):
            if paragraph.find("em") and (avoid in paragraph.get_text()
                                         or paragraph.get_text().startswith(("English", "Тоҷикӣ",
                                                                              "англисӣ"))):
                paragraph.decompose()
    return " ".join(html.get_text(" ").split())


def _pages(site: Path, english: bool) -> list[Path]:
    pages = []
    for path in site.rglob("*.html"):
        parts = path.relative_to(site).parts
        if any(part in ON_PURPOSE for part in parts) or (parts[0] == "en") != english:
            continue
        pages.append(path)
    return pages


def test_the_reviews_wrong_forms_are_gone_from_the_built_site(site):
    found = []
    for english, wrong in ((False, WRONG_IN_TAJIK), (True, WRONG_IN_ENGLISH)):
        pattern = re.compile("|".join(re.escape(w) for w in wrong), re.IGNORECASE)
        pages = _pages(site, english)
        assert len(pages) > 50
        for path in pages:
            text = _reader_text(path, site)
            found += [(path.relative_to(site).as_posix(), m.group())
                      for m in pattern.finditer(text)]
    assert found == []


def test_readers_see_titles_not_file_names(site):
    slug = re.compile(r"(?<![\w/-])(" + "|".join(SLUGS) + r")(?![\w/-])")
    found = [(path.relative_to(site).as_posix(), m.group())
             for english in (False, True) for path in _pages(site, english)
             for m in slug.finditer(_reader_text(path, site))]
    assert found == []
    event_plan = CURRICULUM.exercise("community-event-plan")
    for prefix, language, quoted in (("", "tg", "«{}»"), ("en/", "en", '"{}"')):
        page = site / prefix / "curriculum/modules/community-building/index.html"
        title = " ".join(event_plan.title[language].split())
        assert quoted.format(title) in _reader_text(page, site), language


# (glossary entry, a Tajik sentence with the old form the review found)
OLD_FORMS = [
    ("account-creator", "Ташкилкунанда бо ҳуқуқи account creator ҳисоб месозад."),
    ("account-creator", "Созандаи ҳисоб ёрӣ медиҳад."),
    ("visualeditor", "Дар VisualEditor курсорро гузоред."),
    ("visualeditor", "Навкорон бо VE оғоз кунанд."),
    ("citoid-automatic", "Cite → Automatic-ро пахш кунед."),
    ("citoid-manual", "Ҷадвали Manual-ро нишон диҳед."),
    ("meeting-minutes", "Котиб протоколро мехонад."),
    ("quiz-option", "Шарҳи ҳар вариантро хонед."),
    ("quiz", "Саволномаро нишон диҳед."),
    ("card", "Кортҳоро тақсим кунед."),
    ("shared-document", "Дар ҳуҷҷати умумӣ қайд кунед."),
    ("hashtag", "Ҳештегро нависед."),
    ("large-language-model", "Моделҳои калони забонӣ матн менависанд."),
    ("no-original-research", "Тадқиқоти аслӣ манъ аст."),
    ("revert", "Бекоркунии вироишҳо кам шуд."),
    ("wikimedia-commons", "Аксро ба Викианбор бор кунед."),  # open question: one form
    ("meta-wiki", "Дар Фаро-вики нависед."),
    ("patroller", "Гаштзанҳо вироишро диданд."),
]


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the real handbook's content and settings."""
    target = tmp_path / "handbook"
    target.mkdir()
    for name in ("curriculum", "exercises"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "pyproject.toml", target)
    return target


def test_the_term_base_keeps_the_reviewed_old_forms_out(real_copy):
    guide = Path("curriculum/guides/newcomer-faq.yml")
    text = (real_copy / guide).read_text("utf-8")
    first = re.search(r"\n(\s+)tg: \|\n", text)
    assert first, "the FAQ has no block Tajik text"
    body_indent = first.group(1) + "  "
    sentences = "".join(f"{body_indent}{sentence}\n" for _, sentence in OLD_FORMS)
    replace(real_copy / guide, first.group(0), first.group(0) + sentences)
    messages = [p.message for p in problems(real_copy) if p.code == "CUR080"]
    for entry, sentence in OLD_FORMS:
        assert any(f"(glossary: {entry})" in m for m in messages), (entry, sentence)
