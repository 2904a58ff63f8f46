"""The Trainers list as Meta-Wiki wikitext, one page per language
(`<exports>/trainers/<language>.wikitext`), for the group's page that the pathway guide
proposes ("Tajik Wikimedians User Group/Trainers"). Listed: only lines with
`consent: publish`, as on the handbook's Trainers page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mwparserfromhell.nodes import Node

from ..common.dates import long_date
from ..loader import Curriculum
from ..models import STEPS
from ..pathway import counts, highest, published
from ..strings import strings
from ..trainers_view import listing, step_titles
from .files import zip_folder
from .markup import to_wikitext
from .publish import Publication, link
from .wikitext import code, heading, table


def user(name: str) -> str:
    return f"[[User:{name}|{name}]]"


def trainers_page(curriculum: Curriculum, language: str, site: Publication) -> str:
    record = curriculum.trainers
    assert record is not None
    t = strings(language, site.config.source_language)
    page_url = site.page_url(language, "curriculum/trainers.md")
    steps = step_titles(curriculum, language)
    tally = counts(record)
    nodes: list[Node | str] = [t["trainers_intro"], "\n\n"]
    if page_url:
        nodes += [link(page_url, t["trainers"]), "\n\n"]
    nodes += [heading(t["trainers_counts"]), "\n",
              table([t["trainers_step"], t["trainers_people"]],
                    [[steps[step], str(tally[step])] for step in STEPS]), "\n\n"]
    holders = [[user(item.line.user), item.step, link(item.event_url or "", item.event),
                long_date(item.line.date, language, t),
                ", ".join(map(user, item.line.confirmed_by)) or t["trainers_founding_decision"]]
               for item in listing(curriculum, language, highest(record))]
    nodes += [heading(t["trainers_holders"]), "\n",
              table([t["trainers_user"], t["trainers_step"], t["trainers_event"],
                     t["trainers_date"], t["trainers_confirmed_by"]], holders)
              if holders else t["trainers_none"], "\n\n"]
    lines = sorted(published(record), key=lambda line: (line.date, line.user))
    codes = [[f"<code>{item.code}</code>", user(item.line.user), item.step,
              long_date(item.line.date, language, t)]
             for item in listing(curriculum, language, lines)]
    nodes += [heading(t["trainers_codes"]), "\n", t["trainers_codes_intro"], "\n\n",
              table([t["trainers_code"], t["trainers_user"], t["trainers_step"],
                     t["trainers_date"]], codes) if codes else t["trainers_none"], "\n\n",
              heading(t["trainers_founding"]), "\n",
              to_wikitext(record.founding.decision[language], page_url), "\n\n",
              f"[{record.founding.source}]\n"]
    return str(code(*nodes))


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str], None]) -> list[Path]:
    """Write ``out/<language>.wikitext`` for each language; nothing without a record."""
    if curriculum.trainers is None:
        return []
    written = []
    for language in curriculum.config.languages:
        path = out / f"{language}.wikitext"
        write(path, trainers_page(curriculum, language, site))
        written.append(path)
    return written


def downloads(curriculum: Curriculum, folder: Path) -> dict[str, bytes]:
    """For the site's downloads list: every language's page in one zip."""
    return {"trainers-wikitext.zip": zip_folder(folder)}
