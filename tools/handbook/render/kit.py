"""The presenter's kit: slides, the phone presenter view and printable handouts.

Each is a standalone HTML page (not a MkDocs page: it needs the whole screen or the whole
sheet), written into the generated folder as ``<kind>/<id>/index.<language>.html``;
mkdocs-static-i18n then places it at ``<kind>/<id>/`` for the default language and under
``<language>/`` for the others. Pages link only to files vendored under ``docs/assets/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..common.clock import to_minutes
from ..loader import Curriculum
from ..models import Day, Module, Programme
from ..strings import strings
from .html import to_html

SLIDES = "slides"
PRESENT = "present"
HANDOUTS = "handouts"
SELF_ASSESSMENT = "self-assessment"


@cache
def kit_strings(language: str, fallback: str | None = None) -> dict[str, str]:
    """Interface strings of the kit (tools/handbook/locales/kit.<language>.yml)."""
    return strings(language, fallback, "kit.")


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("handbook", "render/templates"),
                      undefined=StrictUndefined, autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    # Everything else is autoescaped; authored Markdown passes the sanitizer (in to_html).
    env.filters["markdown"] = lambda text: Markup(to_html(text or "", tables=True))
    return env


@dataclass
class Step:
    """One timed item of a presenter plan: a module segment, or a break in a programme day."""

    title: str
    kind: str
    minutes: int
    offset: int  # planned minutes from the plan's start
    cue: str
    module: str | None  # the module whose slides follow this step
    slide: int | None  # index of the segment among that module's segments

    def as_json(self) -> dict:
        return self.__dict__


def module_steps(module: Module, language: str, offset: int = 0) -> list[Step]:
    steps, elapsed = [], offset
    for index, segment in enumerate(module.segments):
        steps.append(Step(segment.title[language], segment.kind, segment.minutes, elapsed,
                          segment.cue[language], module.id, index))
        elapsed += segment.minutes
    return steps


def day_steps(curriculum: Curriculum, day: Day, language: str) -> list[Step]:
    """A programme day as steps: each module slot expands into its segments."""
    steps: list[Step] = []
    start = to_minutes(day.start)
    for slot in day.slots:
        offset = to_minutes(slot.start) - start
        module = curriculum.module(slot.module) if slot.module else None
        if module:
            steps += module_steps(module, language, offset)
        else:
            title = slot.title[language] if slot.title else ""
            note = slot.note[language] if slot.note else ""
            steps.append(Step(title, "break" if slot.kind == "break" else "slot", slot.minutes,
                              offset, note, None, None))
    return steps


def kit_files(curriculum: Curriculum, language: str) -> dict[Path, bytes]:
    """Every kit page in one language, keyed by its path in the generated folder."""
    config = curriculum.config
    default = config.default_language
    generated = config.generated.relative_to(config.docs).parts
    env = _environment()
    t = kit_strings(language, config.source_language)
    files: dict[Path, bytes] = {}

    def page(kind: str, item: str, template: str, **context) -> None:
        folder = Path(kind, item)
        # From the page's folder up to the site root (other languages sit one level deeper).
        root = "../" * (len(generated) + len(folder.parts) + (language != default))
        text = env.get_template(template).render(
            lang=language, t=t, root=root, assets=f"{root}assets/", **context)
        files[folder / f"index.{language}.html"] = text.encode("utf-8")

    for module in curriculum.modules:
        page(SLIDES, module.id, "slides.html.j2", module=module,
             exercise=curriculum.exercise, handout=curriculum.handout,
             tr=lambda text: text[language] if text else "")
        steps = module_steps(module, language)
        page(PRESENT, module.id, "present.html.j2", title=module.title[language],
             plan=_plan_json(module.id, language, steps, None))
        page(SELF_ASSESSMENT, module.id, "self-assessment.html.j2", module=module,
             words={key: t[key] for key in ("quiz_score", "answer_all")})
    for handout in curriculum.handouts:
        page(HANDOUTS, handout.id, "handout.html.j2", handout=handout,
             exercise=curriculum.exercise(handout.exercise) if handout.exercise else None)
    for programme in curriculum.programmes:
        for number, day in enumerate(programme.days, start=1):
            item = day_id(programme, number)
            steps = day_steps(curriculum, day, language)
            page(PRESENT, item, "present.html.j2",
                 title=f"{programme.title[language]} · {day.title[language]}",
                 plan=_plan_json(item, language, steps, day.start))
    return files


def day_id(programme: Programme, number: int) -> str:
    return f"{programme.id}-day-{number}"


def _plan_json(item: str, language: str, steps: list[Step], start: str | None) -> dict:
    """What the presenter view's script needs; `start` is a programme day's HH:MM."""
    return {"id": item, "lang": language, "start": start,
            "steps": [step.as_json() for step in steps]}
