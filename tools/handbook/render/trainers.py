"""The Trainers page: the trainer pathway's record as people per step (a static SVG chart
drawn with matplotlib at build time, its text alternative and the same numbers in a table),
who holds which step, and the verification codes of the certificates. Listed: only lines
with `consent: publish`."""

from __future__ import annotations

import base64
import io

from ..loader import Curriculum
from ..models import STEPS
from ..pathway import counts, highest, published
from ..trainers_view import listing, step_titles
from .event_chart import _labelled as labelled

COLOUR = "#3f51b5"  # the site's primary (indigo): 8.6:1 on white


def trainers_context(curriculum: Curriculum, language: str, t: dict[str, str]) -> dict:
    record = curriculum.trainers
    assert record is not None
    steps = step_titles(curriculum, language)
    tally = counts(record)
    details = "; ".join(f"{steps[step]}: {tally[step]}" for step in STEPS)
    alt = t["trainers_chart_alt"].format(details=details)
    svg = chart_svg([(steps[step], tally[step]) for step in STEPS], t["trainers_chart_title"],
                    alt)
    return {
        "record": record,
        "counts": [(steps[step], tally[step]) for step in STEPS],
        "holders": listing(curriculum, language, highest(record)),
        "codes": listing(curriculum, language, sorted(published(record),
                                                      key=lambda line: (line.date, line.user))),
        "chart": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"),
        "chart_alt": alt,
    }


def chart_svg(bars: list[tuple[str, int]], title: str, description: str) -> bytes:
    """Horizontal bars, first step on top; text stays text (no embedded font)."""
    import matplotlib  # slow to import: only when the page is made

    matplotlib.use("svg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "handbook",
                                "font.size": 11, "font.family": "sans-serif"}):
        figure, axes = pyplot.subplots(figsize=(6.4, 0.6 + 0.5 * len(bars)),
                                       layout="constrained")
        positions = range(len(bars))
        drawn = axes.barh(list(positions), [n for _, n in bars], height=0.6, color=COLOUR)
        axes.bar_label(drawn, padding=3)
        axes.set_yticks(list(positions), [label for label, _ in bars])
        axes.invert_yaxis()
        axes.xaxis.set_visible(False)
        axes.spines[["top", "right", "bottom"]].set_visible(False)
        axes.margins(x=0.15)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
        pyplot.close(figure)
    # A name and a description inside the SVG too, as on the event pages' charts.
    return labelled(out.getvalue(), title, description).encode("utf-8")
