"""The training library: the handbook's modules grouped as its programmes use them."""

from __future__ import annotations

from ..loader import Curriculum
from ..strings import strings
from .training import TrainingModule, plan

LIBRARY_SLUG = "tajik-trainer-handbook"


def trainings(curriculum: Curriculum) -> list[TrainingModule]:
    return [plan(curriculum, module) for module in curriculum.modules]


def categories(curriculum: Curriculum, plans: list[TrainingModule], language: str) -> list[dict]:
    """One category per programme day (its title and audience), then the modules that no
    programme uses."""
    by_id = {p.slug: p for p in plans}
    used: set[str] = set()
    found = []
    for programme in curriculum.programmes:
        for day in programme.days:
            slugs = list(dict.fromkeys(s.module for s in day.slots if s.module in by_id))
            if slugs:
                used.update(slugs)
                found.append({"title": day.title[language].strip(),
                              "description": day.audience[language].strip(),
                              "modules": [_entry(by_id[s], language) for s in slugs]})
    rest = [p for p in plans if p.slug not in used]
    if rest:
        other = strings(language, curriculum.config.source_language)["other_modules"]
        found.append({"title": other, "description": "",
                      "modules": [_entry(p, language) for p in rest]})
    return found


def _entry(training: TrainingModule, language: str) -> dict:
    module = training.module
    return {"slug": training.slug, "name": module.title[language].strip(),
            "description": " ".join(module.summary[language].split())}


def library(curriculum: Curriculum, plans: list[TrainingModule], language: str) -> dict:
    t = strings(language, curriculum.config.source_language)
    return {"name": t["handbook"], "id": curriculum.config.dashboard_id_base,
            "slug": LIBRARY_SLUG, "introduction": t["library_intro"],
            "categories": categories(curriculum, plans, language)}
