"""The generated pages: which there are, and each one's Markdown in a language. Writing them
(and everything else the build makes) is build.py's."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..assessment import gains
from ..collation import sort_key
from ..common.clock import clock, to_minutes
from ..common.dates import long_date, zone_name
from ..delivery import deliveries, segment_timings
from ..event import view as event_view
from ..loader import Curriculum
from ..models import Glossary, LocalizedText, Module, Term
from ..strings import strings
from ..terms import occurs
from .event_chart import alt_text as chart_alt
from .kit import kit_strings
from .markdown import cell, indent, link_target, plain, yaml_text
from .review_sheets import cell_html, page_of, rows, sheet_name, sheet_path, target_language
from .review_sheets import title_of as sheet_title
from .trainers import trainers_context

LINKS_TERMS = {"module.md.j2", "guide.md.j2"}  # pages that link the glossary terms they use


@cache  # one per process: templates compile once
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("handbook", "render/templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown's attribute lists ({#anchor}) would otherwise open Jinja comments.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(cell=cell, clock=clock, indent_block=indent, link_target=link_target,
                       plain=plain, yaml_text=yaml_text,
                       urlencode_path=lambda url: url.replace(" ", "%20").replace(")", "%29"))
    return env


@dataclass
class Page:
    path: Path  # relative to the generated folder, without the language suffix
    template: str
    context: dict


def pages(curriculum: Curriculum) -> list[Page]:
    """Every generated page. Folders per kind; the MkDocs hook lists them in the nav."""
    listing = [Page(Path("index.md"), "index.md.j2", {"curriculum": curriculum})]
    modules = [Page(Path("modules", f"{m.id}.md"), "module.md.j2",
                    {"module": m, "starts": _starts(m), **_delivered(curriculum, m)})
               for m in curriculum.modules]
    programmes = [Page(Path("programmes", f"{p.id}.md"), "programme.md.j2", {"programme": p})
                  for p in curriculum.programmes]
    guides = [Page(Path("guides", f"{g.id}.md"), "guide.md.j2", {"guide": g})
              for g in curriculum.guides]
    glossary = ([Page(Path("glossary.md"), "glossary.md.j2", {"glossary": curriculum.glossary})]
                if curriculum.glossary else [])
    sheets = [Page(Path("run-sheets", f"{m.id}.md"), "run-sheet.md.j2",
                   {"module": m, "starts": _starts(m), **_delivered(curriculum, m)})
              for m in curriculum.modules] + [
        Page(Path("run-sheets", f"{p.id}-day-{n}.md"), "day-sheet.md.j2",
             {"programme": p, "day": day, "number": n})
        for p in curriculum.programmes for n, day in enumerate(p.days, start=1)]
    events = [Page(Path("events", "index.md"), "events.md.j2", {"events": curriculum.events})] + [
        Page(Path("events", f"{e.id}.md"), "event.md.j2", {"event": e})
        for e in curriculum.events] if curriculum.events else []
    progress = [Page(Path("progress.md"), "progress.md.j2", {"modules": curriculum.modules})]
    trainers = [Page(Path("trainers.md"), "trainers.md.j2", {})] if curriculum.trainers else []
    rules = [Page(Path("rules.md"), "rules.md.j2", {})]
    reviews = [Page(sheet_path(m), "review-sheet.md.j2",
                    {"item": m, "rows": rows(curriculum, m), "page": page_of(curriculum, m)})
               for m in curriculum.files()]
    return (listing + modules + programmes + guides + glossary + sheets + events + progress
            + trainers + rules + reviews)


def _delivered(curriculum: Curriculum, module: Module) -> dict:
    """How often held events delivered the module, and its segments' planned against actual
    minutes over the events that timed them (the maintainer's part and the run sheet)."""
    found = deliveries(curriculum, module)
    return {"deliveries": found, "timings": segment_timings(module, found),
            "gains": gains(module.id, curriculum.events)}


def _starts(module: Module) -> list[int]:
    """Minute offset at which each segment starts."""
    offsets, elapsed = [], 0
    for segment in module.segments:
        offsets.append(elapsed)
        elapsed += segment.minutes
    return offsets


def render(curriculum: Curriculum, language: str, extra: dict) -> Iterator[tuple[Page, str]]:
    """Every page's Markdown in ``language``. ``extra`` is what the templates take from the
    floors above this one (the rule docs, the exports' wikitext), given by the build."""
    env = _environment()
    context = {**_language_context(curriculum, language), **extra}
    for page in pages(curriculum):
        up = "../" * len(page.path.parent.parts)  # from this page to the generated root
        text = env.get_template(page.template).render(**page.context, **context, up=up)
        if curriculum.glossary and page.template in LINKS_TERMS:
            terms = terms_in(text, curriculum.glossary, language)
            text += env.get_template("terms.md.j2").render(
                terms=terms, up="../" * len(page.path.parent.parts), **context)
        yield page, text


def download_list(curriculum: Curriculum, language: str,
                  files: list[tuple[str, str, int]]) -> str:
    """The home pages' list of downloads: (kind, path from the docs root, size in bytes)."""
    return _environment().get_template("downloads.md.j2").render(
        files=files, **_language_context(curriculum, language))


def terms_in(text: str, glossary: Glossary, language: str) -> list[Term]:
    """Glossary terms whose wording in ``language`` appears in the page text."""
    # The same matcher as the term-base rule (CUR080), so inflected forms link too.
    lowered = text.lower()
    return [term for term in glossary.terms
            if language in term.term and occurs(term.term[language], language, text, lowered)]


def _language_context(curriculum: Curriculum, language: str) -> dict:
    alphabet_key = sort_key(curriculum.config.alphabets.get(language))
    words = strings(language, curriculum.config.source_language)
    return {
        "lang": language,
        "t": words,
        "kit": kit_strings(language, curriculum.config.source_language),
        "tr": lambda text: text.get(language, "") if isinstance(text, LocalizedText) else text,
        "exercise": curriculum.exercise,
        "handout": curriculum.handout,
        "module_by_id": curriculum.module,
        "language_name": lambda code: Locale.parse(language).languages.get(code, code),
        "long_date": lambda day: long_date(day, language, words),
        "zone_name": lambda zone, day: zone_name(zone, day, language, words),
        # Items sorted by one of their texts in the language's alphabet order.
        "alphabetical": lambda items, field: sorted(
            items, key=lambda item: alphabet_key(getattr(item, field).get(language, ""))),
        "end_of": lambda start, length: clock(to_minutes(start) + length),
        "check_id": lambda text: stable_id(text, curriculum.config.languages[0]),
        # The Trainers page (trainers.py): drawn only when that page is rendered.
        "trainers_view": lambda: trainers_context(curriculum, language, words),
        # Review sheets (review_sheets.py)
        "source": curriculum.config.source_language,
        "target_language": lambda page_language: target_language(
            curriculum.config.languages, curriculum.config.source_language, page_language),
        "sheet_name": sheet_name,
        "sheet_title": sheet_title,
        "cell_html": cell_html,
        # Event pages (event/view.py: the same words and rows as the Meta-Wiki report)
        "ev": event_view.words(curriculum, language),
        "event_rows": lambda event: event_view.rows(curriculum, event, language),
        "event_view": event_view,
        "programme_by_id": curriculum.programme,
        "chart_alt": lambda event: chart_alt(event_view.rows(curriculum, event, language),
                                             event_view.words(curriculum, language)),
    }


def stable_id(text: LocalizedText, default: str) -> str:
    """A key for a checklist item or quiz option that survives reordering and inserting,
    and is the same in every language (from the default language's text), so that saved
    progress is one record per module for its page, its run sheet and both languages."""
    return hashlib.sha1(text[default].strip().encode("utf-8")).hexdigest()[:10]
