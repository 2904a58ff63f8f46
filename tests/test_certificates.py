"""`handbook certificate`: one A4 page per step and language, read back through the PDF's
text; never written into the docs or the site."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.test_pathway import RECORD, pathway  # noqa: F401  (fixture)

# A username with every letter Tajik adds to Cyrillic (ғ ӣ қ ӯ ҳ ҷ).
TAJIK_USER = "Раҳғузар Қӯҷаевӣ"
A4 = (595, 842)  # points


def text_of(pdf: Path) -> tuple[int, str, tuple[int, int]]:
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    return len(reader.pages), reader.pages[0].extract_text(), (round(box.width),
                                                                round(box.height))


def add_trainee(root: Path, user: str) -> None:
    record = root / RECORD
    record.write_text(record.read_text("utf-8").replace("review:", (
        f"  - user: {user}\n    step: trainee\n    event: workshop-2025\n    date: 2025-04-04\n"
        "    confirmed_by: [Alpha]\n    consent: publish\n"
        "    basis: {tg: Иштирок кард., en: Attended.}\nreview:")), "utf-8")


def test_one_page_per_step_and_language(pathway, handbook):  # noqa: F811
    result = handbook("certificate", "Beta")
    assert result.code == 0, result.output
    folder = pathway / "build" / "certificates" / "Beta"
    assert sorted(p.name for p in folder.iterdir()) == [
        "peer-mentor-en.pdf", "peer-mentor-tg.pdf", "trainee-en.pdf", "trainee-tg.pdf"]
    codes = set()
    for pdf in folder.iterdir():
        pages, text, size = text_of(pdf)
        assert pages == 1 and size == A4, pdf.name
        assert "Beta" in text
        assert "workshop-2025" not in text  # the event's title, not its id
        code = next(word for word in text.split() if len(word) == 9 and word[4] == "-")
        codes.add((pdf.name.rsplit("-", 1)[0], code))
    # The same code in both languages of a step; different steps, different codes.
    assert len(codes) == 2 and len({code for _, code in codes}) == 2
    english = text_of(folder / "peer-mentor-en.pdf")[1]
    assert "Peer mentor" in english and "Training day" in english and "Alpha" in english
    assert "Mentored at one workshop" not in english  # requirements are not printed
    tajik = text_of(folder / "peer-mentor-tg.pdf")[1]
    assert "Устод" in tajik and "Рӯзи омӯзиш" in tajik and "Шаҳодатнома" in tajik


def test_every_tajik_letter_renders(pathway, handbook):  # noqa: F811
    add_trainee(pathway, TAJIK_USER)
    assert handbook("certificate", TAJIK_USER).code == 0
    folder = pathway / "build" / "certificates" / TAJIK_USER.replace(" ", "_")
    _, text, _ = text_of(folder / "trainee-tg.pdf")
    assert TAJIK_USER in text
    assert set("ғӣқӯҳҷ") <= set(text)


def test_the_founding_decision_confirms_a_first_lead_trainer(pathway, handbook):  # noqa: F811
    assert handbook("certificate", "Alpha").code == 0
    _, text, _ = text_of(pathway / "build" / "certificates" / "Alpha" / "lead-trainer-en.pdf")
    assert "founding decision" in text


def test_an_unknown_user_is_refused(pathway, handbook):  # noqa: F811
    result = handbook("certificate", "Nobody")
    assert result.code == 1
    assert "trainers.yml: no line for `Nobody`" in result.output
    assert not (pathway / "build" / "certificates").exists()


def test_a_broken_record_writes_nothing(pathway, handbook):  # noqa: F811
    record = pathway / RECORD
    record.write_text(record.read_text("utf-8").replace("confirmed_by: [Alpha]",
                                                        "confirmed_by: [Beta]", 1), "utf-8")
    result = handbook("certificate", "Beta")
    assert result.code == 1 and "CUR144" in result.output
    assert not (pathway / "build" / "certificates").exists()


def test_certificates_never_go_into_the_docs(pathway, handbook):  # noqa: F811
    config = pathway / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace(
        "[tool.handbook]\n", '[tool.handbook]\ncertificates = "docs/certificates"\n'), "utf-8")
    result = handbook("certificate", "Beta")
    assert result.code == 2 and "personal" in result.output
    assert not (pathway / "docs" / "certificates").exists()
