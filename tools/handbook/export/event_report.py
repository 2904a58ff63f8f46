"""An event's report as Meta-Wiki wikitext, per language (`handbook event report`): what
was planned and delivered, who led it, the decisions, thanks, lessons (as learning patterns)
and outcomes with source and date. Built with mwparserfromhell, as the other wiki pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mwparserfromhell.nodes import Node

from ..event.view import (
    count_text,
    dates_text,
    day_title,
    number,
    people_names,
    rows,
    venue_text,
    words,
)
from ..loader import Curriculum
from ..models import Event, Person, Thanks
from .markup import to_wikitext
from .publish import Publication, link
from .wikitext import code, heading, table


def _text(markdown: str, url: str) -> str:
    return to_wikitext(markdown, url).strip()


def _people(title: str, people: list[Person], language: str, url: str) -> list[Node | str]:
    if not people:
        return []
    lines = [f"* {p.username}: {_text(p.role[language], url)}\n" for p in people]
    return [heading(title, 3), "\n", *lines, "\n"]


def report(curriculum: Curriculum, event: Event, language: str, site: Publication) -> str:
    t = words(curriculum, language)
    url = site.page_url(language, f"curriculum/events/{event.id}.md")
    facts = [t["held_on"].format(format=t[f"format_{event.format}"],
                                 dates=dates_text(event, t, language),
                                 venue=venue_text(event, language)),
             t["organised_by"].format(organiser=event.organiser[language].strip())]
    nodes: list[Node | str] = [f"'''{event.title[language].strip()}'''. ", " ".join(facts),
                               "\n\n", _text(event.summary[language], url), "\n\n"]
    programme = curriculum.programme(event.programme) if event.programme else None
    details = [(t["status"], t[f"status_{event.status}"])]
    if programme:
        page = site.page_url(language, f"curriculum/programmes/{programme.id}.md")
        details.append((t["programme"], link(page, programme.title[language].strip())))
    if event.links.dashboard:
        details.append((t["dashboard_course"], event.links.dashboard))
    if event.links.hashtag:
        details.append((t["hashtag"], f"#{event.links.hashtag}"))
    nodes += [f"* '''{name}:''' {value}\n" for name, value in details]
    nodes += ["\n", heading(t["people"]), "\n"]
    nodes += _people(t["trainers"], event.people.trainers, language, url)
    nodes += _people(t["mentors"], event.people.mentors, language, url)
    if event.people.participants:
        nodes += [heading(t["participants"], 3), "\n"]
        for count in event.people.participants:
            day = day_title(event, count.date, t, language) if count.date in event.dates \
                else str(count.date)
            nodes.append(f"* {day}, {count_text(count, t, language)}\n")
        nodes.append("\n")
    nodes += _people(t["named"], event.people.named, language, url)
    if event.people.basis:
        nodes += [f"''{t['names_basis']} {_text(event.people.basis[language], url)}''\n\n"]
    nodes += _sessions(curriculum, event, language, t, url)
    nodes += _decisions(event, language, t, url)
    nodes += [heading(t["lessons"]), "\n"]
    if not event.lessons:
        nodes.append(f"{t['lessons_none']}\n\n")
    for lesson in event.lessons:
        nodes += [f"; {t['problem']}\n: {_text(lesson.problem[language], url)}\n",
                  f"; {t['what_we_did']}\n: {_text(lesson.what_we_did[language], url)}\n",
                  f"; {t['what_we_would_change']}\n: "
                  f"{_text(lesson.what_we_would_change[language], url)}\n\n"]
    nodes += [heading(t["outcomes"]), "\n", t["outcomes_intro"].replace("`", ""), "\n\n"]
    if event.outcomes:
        nodes += [table([t["metric"], t["value"], t["source"], t["taken"]], [
            [t[f"metric_{o.metric}"], t["unknown"] if o.value == "unknown" else f"{o.value:,}",
             o.source, str(o.date) if o.date else "—"] for o in event.outcomes]), "\n\n"]
    if event.sources or event.links.meta:
        nodes += [heading(t["sources"]), "\n"]
        nodes += [f"# [{s.url} {s.title}]\n" for s in event.sources]
        if event.links.meta and all(s.url != event.links.meta for s in event.sources):
            nodes.append(f"# [{event.links.meta} {t['meta_page']}]\n")
    if url:
        nodes += ["\n", heading(t["handbook"]), "\n", link(url, event.title[language].strip()),
                  "\n"]
    return str(code(*nodes))


def _sessions(curriculum: Curriculum, event: Event, language: str, t: dict[str, str],
              url: str) -> list[Node | str]:
    nodes: list[Node | str] = [heading(t["sessions"]), "\n"]
    found = rows(curriculum, event, language)
    for index, day in enumerate(event.dates, start=1):
        today = [r for r in found if r.day == index]
        if not today:
            continue
        nodes += [heading(day_title(event, day, t, language), 3), "\n"]
        nodes += [table([t["clock"], t["session"], t["led_by"], t["planned"], t["actual"]], [
            [r.start or t["unplanned"], r.title + (f" ({r.status})" if r.status else ""),
             people_names(r.session.led_by) or "—", number(r.planned, t), number(r.actual, t)]
            for r in today]), "\n\n"]
        for r in today:
            if r.session.notes or r.session.changes:
                nodes.append(f"'''{r.title}'''\n")
            if r.session.notes:
                nodes.append(f": {_text(r.session.notes[language], url)}\n")
            if r.session.changes:
                nodes.append(f": ''{t['what_changed']}:'' "
                             f"{_text(r.session.changes[language], url)}\n")
        nodes.append("\n")
    return nodes


def _decisions(event: Event, language: str, t: dict[str, str], url: str) -> list[Node | str]:
    nodes: list[Node | str] = []
    if event.decisions:
        nodes += [heading(t["decisions"]), "\n"]
    for decision in event.decisions:
        nodes += [heading(decision.body[language].strip(), 3), "\n",
                  f"* '''{t['decided']}:''' {_text(decision.decided[language], url)}\n"]
        for election in decision.elected:
            term = "" if election.term_months == "unknown" else \
                " " + t["term_months"].format(months=election.term_months)
            nodes.append(f"* '''{t['elected']}:''' {election.username}, "
                         f"{election.to[language].strip()}{term}\n")
        if decision.vote:
            nodes.append(f"* '''{t['vote']}:''' {_text(decision.vote[language], url)}\n")
        nodes.append("\n")
    if event.thanks:
        nodes += [heading(t["thanks"]), "\n"]
        nodes += [f"* {t['thanks_line'].format(**_thanks(th, language, url))}\n"
                  for th in event.thanks]
        nodes.append("\n")
    return nodes


def _thanks(thanks: Thanks, language: str, url: str) -> dict[str, str]:
    return {"by": thanks.by[language].strip(), "people": people_names(thanks.people),
            "reason": _text(thanks.reason[language], url)}


def export(curriculum: Curriculum, event: Event, out: Path, site: Publication,
           write: Callable[[Path, str], None]) -> list[Path]:
    """Write ``out/<language>.wikitext`` for each language; return the files written."""
    written = []
    for language in curriculum.config.languages:
        path = out / f"{language}.wikitext"
        write(path, report(curriculum, event, language, site))
        written.append(path)
    return written
