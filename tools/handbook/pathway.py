"""The trainer pathway's record (trainers.yml): who held which step from when, and each
line's verification code. Base helpers for the checks, the Trainers page and certificates."""

from __future__ import annotations

import base64
import datetime
import hashlib

from .models import STEPS, StepLine, TrainerRecord


def founded(record: TrainerRecord, line: StepLine) -> bool:
    """Whether the founding decision places this line's person at this step: such a line
    follows no earlier step, and the decision confirms it."""
    return any(h.user == line.user and h.step == line.step for h in record.founding.holders)


def since(record: TrainerRecord, user: str, step: str,
          besides: StepLine | None = None) -> datetime.date | None:
    """The first date ``user`` held ``step`` or a later one, by the founding or by a line
    (other than ``besides``)."""
    rank = STEPS.index(step)
    dates = [record.founding.date for h in record.founding.holders
             if h.user == user and STEPS.index(h.step) >= rank]
    # A founding holder's line counts from the decision on, whatever its own date.
    dates += [max(line.date, record.founding.date) if founded(record, line) else line.date
              for line in record.lines if line is not besides
              and line.user == user and STEPS.index(line.step) >= rank]
    return min(dates, default=None)


def lead_on(record: TrainerRecord, user: str, day: datetime.date) -> bool:
    first = since(record, user, "lead-trainer")
    return first is not None and first <= day


def code(line: StepLine) -> str:
    """A short code derived from the line, printed on its certificate and listed on the
    Trainers page: anyone can check that a certificate matches a line of the record."""
    fields = [line.user, line.step, line.event or "", line.date.isoformat(),
              *sorted(line.confirmed_by)]
    digest = hashlib.sha256("\x1f".join(fields).encode("utf-8")).digest()
    text = base64.b32encode(digest[:5]).decode("ascii")  # 8 letters and digits
    return f"{text[:4]}-{text[4:]}"


def published(record: TrainerRecord) -> list[StepLine]:
    """The lines that may be shown: those of people who consented to be listed."""
    return [line for line in record.lines if line.consent == "publish"]


def highest(record: TrainerRecord) -> list[StepLine]:
    """Each listed person's line at the highest step they reached (the first line at that
    step), highest step first."""
    best: dict[str, StepLine] = {}
    for line in sorted(published(record), key=lambda line: line.date):
        current = best.get(line.user)
        if current is None or STEPS.index(line.step) > STEPS.index(current.step):
            best[line.user] = line
    return sorted(best.values(), key=lambda line: (-STEPS.index(line.step), line.user))


def counts(record: TrainerRecord) -> dict[str, int]:
    """Step → how many listed people hold it as their highest step, every step named."""
    tally = dict.fromkeys(STEPS, 0)
    for line in highest(record):
        tally[line.step] += 1
    return tally
