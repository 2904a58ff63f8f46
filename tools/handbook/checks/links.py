"""Links inside text fields point somewhere that exists."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

from ..common.markup import links
from ..loader import Curriculum
from ..models import Exercise, FileModel, Guide, Module, Programme
from ..problems import Problem
from ..walk import texts
from . import check


def anchors(model: FileModel, curriculum: Curriculum) -> set[str]:
    """The `#anchors` that the page rendering this file is known to have."""
    match model:
        case Module():
            return {"run-sheet", *(e.id for e in model.exercises),
                    *(f"quiz-{q.id}" for q in model.quiz),
                    *(f"source-{s.id}" for s in model.sources)}
        case Guide():
            return {s.id for s in model.sections}
        case Programme():
            return {f"day-{n}" for n in range(1, len(model.days) + 1)}
        case Exercise():
            using = [m for m in curriculum.modules if model.id in {e.id for e in m.exercises}]
            return set.intersection(*(anchors(m, curriculum) for m in using)) if using else set()
    return set()


@check("CUR063", "Links in text are full https addresses or `#anchors` that exist on the page.")
def links_resolve(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        known = None
        for loc, text in texts(model):
            for language, value in text.items():
                for url in links(value):
                    parsed = urlparse(url)
                    if parsed.scheme or parsed.netloc:
                        continue  # web links: CUR061
                    if known is None:
                        known = anchors(model, curriculum)
                    if url.startswith("#") and url[1:] in known:
                        continue
                    hint = (f"no anchor `{url}` on this page; known: {', '.join(sorted(known))}"
                            if url.startswith("#") else
                            f"relative link `{url}` breaks where the text is reused; "
                            "use the full https:// address")
                    yield model.document.problem("CUR063", (*loc, language), hint)
