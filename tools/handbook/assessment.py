"""Self-assessment figures: per module objective, the answers and mean confidence before and
after, combined over events. Figures from fewer than ``MINIMUM`` answers are never kept or
shown (as CampaignEvents hides small answer counts)."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Event

MINIMUM = 5


@dataclass(frozen=True)
class Gain:
    objective: str
    events: int
    answers: int
    before: float
    after: float

    @property
    def gain(self) -> float:
        return round(self.after - self.before, 2)


def gains(module_id: str, events: list[Event]) -> dict[str, Gain]:
    """Objective id → its figures over the held events (means weighted by answers)."""
    totals: dict[str, list[float]] = {}
    for event in events:
        if event.status == "planned":
            continue
        for item in event.assessments:
            if item.module == module_id and item.answers >= MINIMUM:
                count, before, after, held = totals.get(item.objective, [0, 0.0, 0.0, 0])
                totals[item.objective] = [count + item.answers,
                                          before + item.before * item.answers,
                                          after + item.after * item.answers, held + 1]
    return {objective: Gain(objective, int(held), int(count), round(before / count, 2),
                            round(after / count, 2))
            for objective, (count, before, after, held) in totals.items()}
