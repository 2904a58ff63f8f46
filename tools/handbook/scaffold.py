"""Skeletons for new curriculum files (`handbook new`): every key present, every text
empty in every configured language, so `handbook validate` lists what to write."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML

from .config import Config

SCAFFOLDS = ("module", "exercise", "event")


def _module(module_id: str, order: int, text) -> dict:
    return {
        "id": module_id, "order": order, "duration": 60,
        "title": text(), "summary": text(), "audience": text(), "learner_profile": text(),
        "prerequisites": [],
        "objectives": [{"id": "first-objective", "text": text()}],
        "segments": [{"minutes": 60, "kind": "talk", "title": text(), "cue": text(),
                      "script": text(), "objectives": ["first-objective"]}],
        "checklists": {"before": [text()], "during": [text()], "after": [text()]},
        "exercises": [],
        "quiz": [{"id": "first-question", "question": text(), "options": [
            {"text": text(), "feedback": text()}, {"text": text(), "feedback": text()}],
                  "correct": 1, "explanation": text(), "objectives": ["first-objective"]}],
        "key_points": [text()],
        "questions": [{"question": text(), "answer": text()}],
        "resources": [{"title": "", "url": "https://", "language": ""}],
        "sources": [{"id": "first-source", "title": "", "url": "https://"}],
    }


def _exercise(exercise_id: str, text) -> dict:
    return {"id": exercise_id, "minutes": 15, "title": text(), "instructions": text(),
            "expected": text(), "trainer_notes": text()}


def _event(event_id: str, text) -> dict:
    return {
        "id": event_id, "title": text(), "programme": None, "dates": [],
        "format": "in-person",
        "venue": {"name": text(), "city": text(), "country": ""},
        "organiser": text(),
        "links": {"meta": None, "dashboard": None, "hashtag": None},
        "status": "planned", "summary": text(),
        "people": {"basis": text(), "trainers": [], "mentors": [], "participants": [],
                   "named": []},
        "sessions": [], "decisions": [], "thanks": [], "lessons": [], "outcomes": [],
        "sources": [],
    }


def skeleton(kind: str, item_id: str, config: Config, order: int) -> tuple[Path, str]:
    """Where the new file goes and its YAML text."""
    def text() -> dict:
        return dict.fromkeys(config.languages, "")

    if kind == "module":
        path, data = config.curriculum / "modules" / f"{item_id}.yml", _module(item_id, order, text)
    elif kind == "event":
        path, data = config.events / f"{item_id}.yml", _event(item_id, text)
    else:
        path, data = config.exercises / f"{item_id}.yml", _exercise(item_id, text)
    data["review"] = {language: {"status": "draft"} for language in config.languages}
    out = StringIO()
    out.write(f"# New {kind}: fill in every \"\", then run `handbook validate`.\n"
              f"# Format: `handbook schema {kind}`.\n")
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.dump(data, out)
    return path, out.getvalue()
