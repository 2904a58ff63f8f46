"""Certificates of the trainer pathway: one A4 PDF per step a person reached, per language,
with WeasyPrint (as the handbook's PDFs). Personal files: written only into the
`certificates` folder (build/certificates/), never into the docs, the site or its zip."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..address import generated_source, page_url
from ..common.dates import long_date
from ..loader import Curriculum
from ..models import PATHWAY_GUIDE, STEPS, StepLine
from ..pathway import code
from ..strings import strings

TRAINERS_PAGE = "trainers.md"  # in the generated folder (render/trainers.py)


def _environment() -> Environment:
    return Environment(loader=PackageLoader("handbook", "render/templates"),
                       undefined=StrictUndefined, autoescape=True)


def first_lines(curriculum: Curriculum, user: str) -> list[StepLine]:
    """The person's first line at each step they reached, in step order."""
    assert curriculum.trainers is not None
    lines = sorted((line for line in curriculum.trainers.lines if line.user == user),
                   key=lambda line: (STEPS.index(line.step), line.date))
    firsts: dict[str, StepLine] = {}
    for line in lines:
        firsts.setdefault(line.step, line)
    return list(firsts.values())


def certificate_html(curriculum: Curriculum, line: StepLine, language: str) -> str:
    config, record = curriculum.config, curriculum.trainers
    assert record is not None
    t = strings(language, config.source_language)
    guide = next((g for g in curriculum.guides if g.id == PATHWAY_GUIDE), None)
    section = next((s for s in guide.sections if s.id == line.step), None) if guide else None
    modules = [m.title[language] for m in map(curriculum.module, section.modules if section
                                              else []) if m]
    event = next((e for e in curriculum.events if e.id == line.event), None)
    # A first lead trainer is confirmed by the group's founding decision alone.
    confirmed = ", ".join(line.confirmed_by) or (
        t["certificate_founding"].format(date=long_date(record.founding.date, language, t)))
    url = page_url(config, language, generated_source(config, TRAINERS_PAGE))
    return _environment().get_template("certificate.html.j2").render(
        lang=language, t=t, line=line, modules=modules, code=code(line),
        step_title=section.title[language] if section else line.step,
        event=event.title[language] if event else None,
        date=long_date(line.date, language, t), confirmed_by=confirmed,
        check=t["certificate_check"].format(url=url or TRAINERS_PAGE))


def file_name(user: str) -> str:
    """A folder name for the person: the username with spaces as on wiki addresses."""
    return user.replace(" ", "_").replace("/", "_")


def write_certificates(curriculum: Curriculum, user: str) -> list[Path]:
    """Write <certificates>/<User_name>/<step>-<language>.pdf; return the files."""
    from weasyprint import HTML  # slow to import; only needed here

    config = curriculum.config
    assert config.certificates is not None
    folder = config.certificates / file_name(user)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for line in first_lines(curriculum, user):
        for language in config.languages:
            target = folder / f"{line.step}-{language}.pdf"
            HTML(string=certificate_html(curriculum, line, language)).write_pdf(target)
            written.append(target)
    return written
