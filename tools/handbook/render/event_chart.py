"""The plan-against-delivery chart of an event page: planned and actual minutes per session,
drawn with matplotlib at build time into a static SVG (no JavaScript, no web font: text is
left as text for the reader's own fonts). The SVG carries a <title> and a <desc> with every
number; the page shows the same numbers in a table."""

from __future__ import annotations

import io
import re
from html import escape

from ..event.view import Row

COLOURS = ("#3f51b5", "#e65100")  # indigo (the site's primary) and a dark orange: 4.5:1 on white
HEIGHT_PER_SESSION = 0.42  # inches


def alt_text(rows: list[Row], t: dict[str, str]) -> str:
    """The chart's text alternative: what it shows and every pair of numbers."""
    timed = [r for r in rows if r.timed]
    pairs = "; ".join(t["chart_pair"].format(
        session=f"{i}. {r.title}", planned=_n(r.planned, t), actual=_n(r.actual, t))
        for i, r in enumerate(rows, start=1) if r.timed)
    return t["chart_alt"].format(count=len(timed), details=pairs + ".")


def _n(value: int | None, t: dict[str, str]) -> str:
    return t["unknown"] if value is None else str(value)


def chart_svg(rows: list[Row], title: str, t: dict[str, str]) -> bytes | None:
    """The SVG, or None when no session has a planned or actual time."""
    numbered = [(i, r) for i, r in enumerate(rows, start=1) if r.timed]
    if not numbered:
        return None
    import matplotlib  # slow to import: only when there is a chart to draw

    matplotlib.use("svg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "handbook",
                                "font.size": 11, "font.family": "sans-serif"}):
        figure, axes = pyplot.subplots(
            figsize=(6.4, 1.2 + HEIGHT_PER_SESSION * len(numbered)), layout="constrained")
        positions = range(len(numbered))
        for offset, (label, key, colour) in enumerate(
                ((t["planned"], "planned", COLOURS[0]), (t["actual"], "actual", COLOURS[1]))):
            values = [getattr(r, key) or 0 for _, r in numbered]
            bars = axes.barh([p + offset * 0.4 - 0.2 for p in positions], values, height=0.38,
                             color=colour, label=label)
            axes.bar_label(bars, labels=[_n(getattr(r, key), t) for _, r in numbered],
                           padding=3, fontsize=9)
        axes.set_yticks(list(positions), [f"{i}. {r.start or '—'}" for i, r in numbered])
        axes.invert_yaxis()
        axes.set_xlabel(t["minutes_axis"])
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="lower right", frameon=False)
        axes.margins(x=0.12)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
        pyplot.close(figure)
    return _labelled(out.getvalue(), title, alt_text(rows, t)).encode("utf-8")


def _labelled(svg: str, title: str, description: str) -> str:
    """An image with a name and a description for assistive technology, in the SVG itself
    (for whoever opens the file alone); the page's <img alt> says the same."""
    opening = re.search(r"<svg\b[^>]*>", svg)
    assert opening is not None
    tag = opening.group(0)[:-1] + ' role="img" aria-labelledby="chart-title chart-desc">'
    label = (f'<title id="chart-title">{escape(title)}</title>'
             f'<desc id="chart-desc">{escape(description)}</desc>')
    return svg[:opening.start()] + tag + label + svg[opening.end():]
