"""`handbook event import`: each Dashboard download kind, each wrong file, and the event file
left as authored except for its outcomes."""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

import pytest

from handbook.config import load_config
from handbook.document import read
from handbook.loader import load

EVENT = Path("events/one-day-2025.yml")
SLUG = "Test_Group/Test_Day_2025"
PREFIX = SLUG.replace("/", "-")

# The Dashboard's columns (WikiEduDashboard lib/analytics/*_csv_builder.rb, as listed in
# the project's research notes), written out here rather than taken from the code.
OVERVIEW = ("course_slug,title,institution,term,home_wiki,created_at,start_date,end_date,"
            "new_or_returning,editors,new_editors,articles_edited,articles_created,bytes_added,"
            "references_added,total_edits,mainspace_edits,article_talk_edits,userspace_edits,"
            "article_views,upload_count,uploads_used_in_articles,"
            "upload_usage_count_across_all_wikis,training_completion_rate,retained_new_editors")
EDITORS = ("username,global_id,enrollment_timestamp,registered_at,revisions_during_project,"
           "mainspace_bytes_added,userspace_bytes_added,draft_space_bytes_added,references_added,"
           "registered_during_project,total_articles_edited,completed_training_modules_count,"
           "assigned_training_modules_count,completed_training_modules")
ARTICLES = ("title,rating,namespace,wiki,usernames,url,edit_count,characters_added,"
            "references_added,new,deleted,pageviews_link")
UPLOADS = "filename,commons_page,timestamp,username,usage_count,deleted"
WIKIDATA = "course name,claims created,claims changed,total revisions"


def table(header: str, *rows: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header.split(","), restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


OVERVIEW_ROW = {"course_slug": SLUG, "title": "Test Day", "editors": "14", "new_editors": "9",
                "articles_edited": "21", "articles_created": "6", "bytes_added": "48211",
                "references_added": "57", "total_edits": "160", "article_views": "900",
                "upload_count": "11", "uploads_used_in_articles": "4",
                "upload_usage_count_across_all_wikis": "7", "retained_new_editors": "3"}


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"  # outside the project copy
    folder.mkdir()
    return folder


def save(folder: Path, kind: str, text: str | bytes, slug: str = PREFIX,
         day: str = "2025-05-04") -> Path:
    path = folder / f"{slug}-{kind}-{day}.csv"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def outcomes(project: Path) -> dict[tuple[str, str], tuple[object, str]]:
    event = load(load_config(project)).event("one-day-2025")
    assert event is not None
    return {(o.metric, str(o.date)): (o.value, o.source) for o in event.outcomes}


def test_overview_gives_the_dashboards_own_figures(project, handbook, downloads):
    path = save(downloads, "overview", table(OVERVIEW, OVERVIEW_ROW))
    run = handbook("event", "import", "one-day-2025", str(path))
    assert run.code == 0, run.output
    found = outcomes(project)
    for metric, value in [("participants", 14), ("new-editors", 9), ("retained-new-editors", 3),
                          ("articles-created", 6), ("articles-edited", 21),
                          ("bytes-added", 48211), ("references-added", 57), ("uploads", 11),
                          ("uploads-used-in-articles", 4), ("upload-usage-count", 7)]:
        assert found[(metric, "2025-05-04")][0] == value, metric
        assert "overview" in found[(metric, "2025-05-04")][1]
        assert SLUG in found[(metric, "2025-05-04")][1]
    # The `unknown` retention placeholder was replaced, not kept beside the number.
    assert ("retained-new-editors", "None") not in found


def test_editors_are_counted_and_summed(project, handbook, downloads):
    path = save(downloads, "editors", table(
        EDITORS,
        {"username": "Alice", "registered_during_project": "true", "mainspace_bytes_added": "1200",
         "references_added": "3", "total_articles_edited": "2"},
        {"username": "Bob", "registered_during_project": "false", "mainspace_bytes_added": "300",
         "references_added": "1", "total_articles_edited": "1"},
        {"username": "Example Newcomer", "registered_during_project": "true",
         "mainspace_bytes_added": "0", "references_added": "0"}))
    assert handbook("event", "import", "one-day-2025", str(path)).code == 0
    found = outcomes(project)
    assert found[("participants", "2025-05-04")][0] == 3
    assert found[("new-editors", "2025-05-04")][0] == 2
    assert found[("bytes-added", "2025-05-04")][0] == 1500
    assert found[("references-added", "2025-05-04")][0] == 4
    text = (project / EVENT).read_text("utf-8")
    # Usernames from the file are never written (Example Newcomer was there already).
    assert "Alice" not in text and "Bob" not in text
    assert text.count("Example Newcomer") == 1


def test_articles_count_new_and_edited_but_not_deleted(project, handbook, downloads):
    path = save(downloads, "articles", table(
        ARTICLES,
        {"title": "Душанбе", "namespace": "0", "wiki": "tg.wikipedia", "usernames": "Alice,Bob",
         "edit_count": "4", "characters_added": "900", "references_added": "2", "new": "true",
         "deleted": "false"},
        {"title": "Хуҷанд", "namespace": "0", "wiki": "tg.wikipedia", "usernames": "Bob",
         "edit_count": "1", "characters_added": "50", "references_added": "1", "new": "false",
         "deleted": "false"},
        {"title": "Gone", "namespace": "0", "wiki": "tg.wikipedia", "usernames": "Bob",
         "edit_count": "1", "characters_added": "10", "references_added": "0", "new": "true",
         "deleted": "true"}))
    assert handbook("event", "import", "one-day-2025", str(path)).code == 0
    found = outcomes(project)
    assert found[("articles-created", "2025-05-04")][0] == 1
    assert found[("articles-edited", "2025-05-04")][0] == 2
    assert found[("references-added", "2025-05-04")][0] == 3


def test_uploads_and_their_use(project, handbook, downloads):
    path = save(downloads, "uploads", table(
        UPLOADS,
        {"filename": "A.jpg", "username": "Alice", "usage_count": "2", "deleted": "false"},
        {"filename": "B.jpg", "username": "Alice", "usage_count": "0", "deleted": "false"},
        {"filename": "C.jpg", "username": "Bob", "usage_count": "1", "deleted": "false"},
        {"filename": "D.jpg", "username": "Bob", "usage_count": "5", "deleted": "true"}))
    assert handbook("event", "import", "one-day-2025", str(path)).code == 0
    found = outcomes(project)
    assert found[("uploads", "2025-05-04")][0] == 3
    assert found[("uploads-used-in-articles", "2025-05-04")][0] == 2
    assert found[("upload-usage-count", "2025-05-04")][0] == 3


def test_only_the_outcomes_change_and_comments_stay(project, handbook, downloads):
    before = (project / EVENT).read_text("utf-8")
    path = save(downloads, "overview", table(OVERVIEW, OVERVIEW_ROW))
    assert handbook("event", "import", "one-day-2025", str(path)).code == 0
    after = (project / EVENT).read_text("utf-8")
    head = before[: before.index("outcomes:")]
    assert after.startswith(head)  # everything above the outcomes byte for byte
    assert after.endswith(before[before.index("review:"):])
    assert after.startswith("# A held event")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), n=0))[2:]
    removed = [line for line in diff if line.startswith("-")]
    added = [line for line in diff if line.startswith("+")]
    # 12 overview figures, four lines each at most; the two already there change in place.
    assert len(removed) <= 6 and len(added) <= 4 * 12, diff
    assert read(project / EVENT).tree["outcomes"][0]["metric"] == "new-editors"  # order kept


def test_a_later_import_adds_a_dated_figure_beside_the_earlier_one(project, handbook, downloads):
    first = save(downloads, "overview", table(OVERVIEW, OVERVIEW_ROW))
    later = save(downloads, "overview", table(OVERVIEW, {**OVERVIEW_ROW,
                                                          "retained_new_editors": "2"}),
                 day="2025-10-04")
    assert handbook("event", "import", "one-day-2025", str(first)).code == 0
    assert handbook("event", "import", "one-day-2025", str(later)).code == 0
    found = outcomes(project)
    assert found[("retained-new-editors", "2025-05-04")][0] == 3
    assert found[("retained-new-editors", "2025-10-04")][0] == 2


WRONG = [
    ("another export", "wikidata", lambda: table(WIKIDATA, {"course name": "x"}), 1,
     "Wikidata"),
    ("a missing column", "editors",
     lambda: table(EDITORS.replace(",references_added", ""), {"username": "A"}), 1,
     "references_added"),
    ("another course in the overview", "overview",
     lambda: table(OVERVIEW, {**OVERVIEW_ROW, "course_slug": "Other/Course"}), 2,
     "Other/Course"),
    ("another course in the file name", "uploads",
     lambda: table(UPLOADS, {"filename": "A.jpg", "usage_count": "1", "deleted": "false"}), 1,
     "Other-Course"),
    ("not UTF-8", "editors",
     lambda: table(EDITORS, {"username": "A"}, {"username": "Бобо"}).encode("cp1251"), 3,
     "UTF-8"),
    ("an empty file", "overview", lambda: "", 1, "empty"),
    ("a truncated row", "articles",
     lambda: table(ARTICLES, {"title": "A", "new": "true", "deleted": "false"}) + "B,,0,tg",
     3, "cut short"),
    ("a truncated quoted field", "articles",
     lambda: table(ARTICLES, {"title": "A", "new": "true", "deleted": "false"}) + '"B,,0', 3,
     "cut short"),
    ("a word for a number", "uploads",
     lambda: table(UPLOADS, {"filename": "A", "usage_count": "many", "deleted": "false"}), 2,
     "many"),
]


@pytest.mark.parametrize(("what", "kind", "content", "line", "says"), WRONG,
                         ids=[w[0] for w in WRONG])
def test_a_wrong_file_is_refused_with_its_line_and_nothing_written(
        project, handbook, downloads, what, kind, content, line, says):
    before = (project / EVENT).read_bytes()
    slug = "Other-Course" if "file name" in what else PREFIX
    path = save(downloads, kind, content(), slug=slug)
    run = handbook("event", "import", "one-day-2025", str(path))
    assert run.code == 1
    assert f"{path}:{line}:" in run.output, run.output
    assert says in run.output
    assert "Traceback" not in run.output
    assert (project / EVENT).read_bytes() == before


def test_one_bad_file_among_good_ones_writes_nothing(project, handbook, downloads):
    before = (project / EVENT).read_bytes()
    good = save(downloads, "overview", table(OVERVIEW, OVERVIEW_ROW))
    bad = save(downloads, "editors", table(EDITORS.replace("username,", "user,"),
                                           {"user": "A"}))
    run = handbook("event", "import", "one-day-2025", str(good), str(bad))
    assert run.code == 1 and f"{bad}:1:" in run.output
    assert (project / EVENT).read_bytes() == before


def test_a_download_inside_the_repository_is_refused(project, handbook):
    before = (project / EVENT).read_bytes()
    path = save(project, "overview", table(OVERVIEW, OVERVIEW_ROW))
    run = handbook("event", "import", "one-day-2025", str(path))
    assert run.code == 1 and "inside the repository" in run.output
    assert (project / EVENT).read_bytes() == before


def test_no_csv_reaches_the_project(project, handbook, downloads):
    path = save(downloads, "editors", table(EDITORS, {"username": "Alice"}))
    assert handbook("event", "import", "one-day-2025", str(path)).code == 0
    assert list(project.rglob("*.csv")) == []


def test_an_unknown_event_is_a_usage_error(project, handbook, downloads):
    path = save(downloads, "overview", table(OVERVIEW, OVERVIEW_ROW))
    run = handbook("event", "import", "no-such-event", str(path))
    assert run.code == 2 and "one-day-2025" in run.output
