"""Meta-Wiki pages built with mwparserfromhell: an event page per programme (with the
CampaignEvents registration fields beside it), a wiki page per module, and the Programs &
Events Dashboard's training pages (one slide page per section, `<translate>` markup, quizzes
as {{Training module quiz}}, module and library JSON pages)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Node, Tag, Template, Text
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from ..common.clock import clock, to_minutes
from ..common.dates import long_date, zone_name
from ..loader import Curriculum
from ..models import Module, Programme
from ..strings import strings
from .library import library, trainings
from .markup import to_wikitext
from .publish import Publication, link
from .training import Quiz, Slide, TrainingModule, slide_id

# Meta-Wiki page names the Dashboard reads (config/application.programs-and-events.yml).
SLIDES_PAGE = "Training modules/dashboard/slides"
MODULES_PAGE = "Training modules/dashboard/modules"
LIBRARIES_PAGE = "Training modules/dashboard/libraries"
# CampaignEvents event types (EventTypesRegistry) that fit a training programme.
EVENT_TYPES = ["training-seminar", "workshop"]


def code(*nodes: Node | str) -> Wikicode:
    return Wikicode(SmartList([Text(n) if isinstance(n, str) else n for n in nodes]))


def translate(text: str) -> Tag:
    """A <translate> unit for the Translate extension."""
    return Tag("translate", mwparserfromhell.parse(text))


def table(header: list[str], rows: list[list[str]]) -> Tag:
    """A class="wikitable" table whose cells hold (already converted) wikitext."""
    def cell(kind: str, markup: str, text: str) -> Tag:
        return Tag(kind, mwparserfromhell.parse(f" {text}\n"), wiki_markup=markup,
                   closing_wiki_markup="")

    body: list[Node] = [Text("\n"), *(cell("th", "!", h) for h in header)]
    for row in rows:
        body.append(Tag("tr", code("\n", *(cell("td", "|", c) for c in row)),
                        wiki_markup="|-", closing_wiki_markup=""))
    grid = Tag("table", code(*body), wiki_markup="{|", closing_wiki_markup="|}")
    grid.add("class", "wikitable")
    return grid


def heading(title: str, level: int = 2) -> Heading:
    return Heading(f" {title} ", level)


# --- Event page per programme ------------------------------------------------------------

def event_page(programme: Programme, curriculum: Curriculum, language: str,
               site: Publication) -> str:
    t = strings(language, site.config.source_language)
    page_url = site.page_url(language, f"curriculum/programmes/{programme.id}.md")
    nodes: list[Node | str] = [
        to_wikitext(programme.summary[language], page_url), "\n\n",
        f"'''{t['venue']}:''' {programme.venue[language].strip()}\n\n"]
    for day in programme.days:
        nodes += [heading(day.title[language]), "\n",
                  f"''{long_date(day.date, language, t)}, {day.start}–{day.end} "
                  f"({zone_name(programme.timezone, day.date, language, t)})''\n\n"]
        rows = []
        for slot in day.slots:
            when = f"{slot.start}–{clock(to_minutes(slot.start) + slot.minutes)}"
            if slot.module:
                module = curriculum.module(slot.module)
                title = module.title[language] if module else slot.module
                url = site.page_url(language, f"curriculum/modules/{slot.module}.md")
                session = link(url, title)
            else:
                session = slot.title[language] if slot.title else ""
            rows.append([when, session, ", ".join(slot.presenters)])
        nodes += [table([t["clock"], t["session"], t["presenter"]], rows), "\n\n"]
    if page_url:
        nodes += [heading(t["handbook"]), "\n", link(page_url, programme.title[language]), "\n"]
    if programme.sources:
        nodes += [heading(t["sources"]), "\n"]
        nodes += [f"# [{s.url} {s.title}]\n" for s in programme.sources]
    return str(code(*nodes))


def registration(programme: Programme, event_title: str, language: str) -> dict:
    """The CampaignEvents registration fields that the programme data can fill
    (REST `event_registration`; times are TS_MW in the event's own time zone)."""
    def stamp(day: datetime.date, hhmm: str) -> str:
        return day.strftime("%Y%m%d") + hhmm.replace(":", "") + "00"

    first, last = programme.days[0], programme.days[-1]
    fields = {
        "event_page": event_title,
        "timezone": programme.timezone,
        "start_time": stamp(first.date, first.start),
        "end_time": stamp(last.date, last.end),
        "types": EVENT_TYPES,
        "inperson_meeting": True,
        "online_meeting": False,
        "meeting_address": programme.venue[language].strip(),
        "meeting_country_code": programme.country,
    }
    return {key: value for key, value in fields.items() if value is not None}


# --- A module as one wiki page (the "Copy wikitext" button of a module page) ----------------

def module_page(module: Module, language: str, site: Publication) -> str:
    t = strings(language, site.config.source_language)
    url = site.page_url(language, f"curriculum/modules/{module.id}.md")
    nodes: list[Node | str] = [to_wikitext(module.summary[language], url), "\n\n",
                               heading(t["objectives"]), "\n"]
    nodes += [f"# {to_wikitext(o.text[language], url)}\n" for o in module.objectives]
    rows, elapsed = [], 0
    for segment in module.segments:
        rows.append([clock(elapsed), segment.title[language].strip(),
                     t[f"kind_{segment.kind}"], str(segment.minutes)])
        elapsed += segment.minutes
    nodes += ["\n", heading(t["run_sheet"]), "\n",
              table([t["clock"], t["segment"], t["kind"], t["minutes_short"]], rows), "\n"]
    if module.key_points:
        nodes += ["\n", heading(t["key_points"]), "\n"]
        nodes += [f"* {to_wikitext(p[language], url)}\n" for p in module.key_points]
    if url:
        nodes += ["\n", heading(t["handbook"]), "\n", link(url, module.title[language]), "\n"]
    return str(code(*nodes))


# --- The Dashboard's training pages ------------------------------------------------------

def slide_page(slide: Slide, language: str, url: str) -> str:
    """A slide page: the first line is the title (WikiSlideParser#title), then the content."""
    nodes: list[Node | str] = [
        Tag("noinclude", code(Tag("languages", self_closing=True))), "\n",
        translate(f"== {slide.title[language].strip()} ==\n\n"
                  f"{to_wikitext(slide.content[language], url)}"), "\n"]
    if slide.quiz:
        nodes += [quiz_template(slide.quiz, language, url), "\n"]
    return str(code(*nodes))


def quiz_template(quiz: Quiz, language: str, url: str) -> Template:
    """{{Training module quiz}}: one parameter per line, as the Dashboard's parser reads
    them (`| name = value` up to the end of the line), closed by `}}` on its own line."""
    def one_line(markdown: str) -> str:
        return " ".join(to_wikitext(markdown, url).split())

    template = Template("Training module quiz\n")
    params: list[tuple[str, Node | str]] = [
        ("question", translate(one_line(quiz.question[language]))),
        ("correct_answer_id", str(quiz.correct_answer_id))]
    for answer in quiz.answers:
        params += [(f"answer_{answer.id}", translate(one_line(answer.text[language]))),
                   (f"explanation_{answer.id}",
                    translate(one_line(answer.explanation[language])))]
    for name, value in params:
        template.add(f" {name} ", code(" ", value, "\n"), preserve_spacing=False)
    return template


@dataclass
class WikiFile:
    title: str  # the Meta-Wiki page it is for
    path: Path  # relative to the language's export folder
    text: str


def training_pages(trainings: list[TrainingModule], library: dict, language: str,
                   site: Publication) -> list[WikiFile]:
    files = []
    for training in trainings:
        url = site.page_url(language, f"curriculum/modules/{training.slug}.md")
        for position, slide in enumerate(training.slides, start=1):
            number = slide_id(training.number, position)
            title = f"{SLIDES_PAGE}/{number}-{slide.slug}"
            files.append(WikiFile(title, Path("slides", f"{number}-{slide.slug}.wikitext"),
                                  slide_page(slide, language, url)))
        module = training.module
        wiki_page = f"Training modules/{training.slug}"
        description = str(code(
            Tag("noinclude", code(Tag("languages", self_closing=True))), "\n",
            translate(f"== {module.title[language].strip()} ==\n\n"
                      f"{to_wikitext(module.summary[language], url)}"), "\n"))
        files.append(WikiFile(wiki_page, Path("modules", f"{training.slug}.wikitext"),
                              description))
        files.append(WikiFile(f"{MODULES_PAGE}/{training.slug}.json",
                              Path("modules", f"{training.slug}.json"), _json({
                                  "id": training.number, "slug": training.slug,
                                  "wiki_page": wiki_page,
                                  "slides": [{"slug": s.slug} for s in training.slides]})))
    files.append(WikiFile(f"{LIBRARIES_PAGE}/{library['slug']}.json",
                          Path("libraries", f"{library['slug']}.json"), _json(library)))
    # The three index pages the Dashboard reads link every page it should load.
    for index, folder in ((SLIDES_PAGE, "slides"), (MODULES_PAGE, "modules"),
                          (LIBRARIES_PAGE, "libraries")):
        links = [f"* [[{f.title}]]\n" for f in files
                 if f.path.parts[0] == folder and f.title.startswith(index)]
        files.append(WikiFile(index, Path(f"index-{folder}.wikitext"), str(code(*links))))
    return files


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str], None]) -> list[Path]:
    """Write every language's pages under ``out/<language>/``; return the files written."""
    written = []
    config = curriculum.config
    plans = trainings(curriculum)
    for language in config.languages:
        folder = out / language
        for programme in curriculum.programmes:
            title = f"Event:{programme.title[language].strip()}"
            for name, text in ((f"event-{programme.id}.wikitext",
                                event_page(programme, curriculum, language, site)),
                               (f"event-{programme.id}.registration.json",
                                _json(registration(programme, title, language)))):
                write(folder / name, text)
                written.append(folder / name)
        for module in curriculum.modules:
            path = folder / "module-pages" / f"{module.id}.wikitext"
            write(path, module_page(module, language, site))
            written.append(path)
        for page in training_pages(
                plans, library(curriculum, plans, language), language, site):
            write(folder / "training" / page.path, page.text)
            written.append(folder / "training" / page.path)
    return written
