"""The trainers record as the Trainers page and its wikitext show it, in one language: step
names from the pathway guide, event titles, verification codes; listed lines only."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import Curriculum
from .models import PATHWAY_GUIDE, STEPS, StepLine
from .pathway import code


@dataclass(frozen=True)
class Listed:
    line: StepLine
    step: str  # the step's name in the language
    event: str  # the event's title, or ""
    event_url: str | None  # its Meta-Wiki page
    code: str


def step_titles(curriculum: Curriculum, language: str) -> dict[str, str]:
    """Each step's name, from its section title in the pathway guide ("Step 2: Peer
    mentor" → "Peer mentor")."""
    guide = next((g for g in curriculum.guides if g.id == PATHWAY_GUIDE), None)
    titles = {s.id: s.title[language] for s in guide.sections} if guide else {}
    return {step: titles.get(step, step).rpartition(": ")[2] for step in STEPS}


def listing(curriculum: Curriculum, language: str, lines: list[StepLine]) -> list[Listed]:
    steps = step_titles(curriculum, language)
    events = {event.id: event for event in curriculum.events}
    listed = []
    for line in lines:
        event = events.get(line.event or "")
        listed.append(Listed(line, steps[line.step], event.title[language] if event else "",
                             event.links.meta if event else None, code(line)))
    return listed
