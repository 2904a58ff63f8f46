"""Reading the Programs & Events Dashboard's CSV downloads into aggregate outcomes.

The Dashboard names its files `<course slug>-<kind>-<YYYY-MM-DD>.csv` ("/" in the slug
becomes "-") and each kind has its own header (WikiEduDashboard `lib/analytics/*_csv_builder.rb`;
../shared notes: learning-loop.md). Only sums and counts leave this module: the files list
people, and nothing of them but the numbers is kept.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Columns that identify each kind of download (a file must have all of them).
KINDS: dict[str, tuple[str, ...]] = {
    "overview": ("course_slug", "editors", "new_editors", "articles_edited", "articles_created",
                 "bytes_added", "references_added", "total_edits", "upload_count",
                 "uploads_used_in_articles", "upload_usage_count_across_all_wikis"),
    "editors": ("username", "registered_at", "revisions_during_project", "mainspace_bytes_added",
                "references_added", "registered_during_project", "total_articles_edited"),
    "articles": ("title", "namespace", "wiki", "usernames", "edit_count", "characters_added",
                 "references_added", "new", "deleted"),
    "uploads": ("filename", "commons_page", "timestamp", "username", "usage_count", "deleted"),
}
# Downloads the Dashboard also offers that hold no outcome this record keeps.
OTHER_EXPORTS = {"course name": "the Wikidata download", "course": "a campaign download"}
# The first column of each kind: the header that says which download a file is.
FIRST = {columns[0]: kind for kind, columns in KINDS.items()}
FILE_NAME = re.compile(r"^(?P<slug>.+)-(?P<kind>[a-z_]+)-(?P<date>\d{4}-\d{2}-\d{2})\.csv$")

# Overview column → outcome metric (the per-course overview adds retained_new_editors).
OVERVIEW_METRICS = {
    "editors": "participants", "new_editors": "new-editors",
    "retained_new_editors": "retained-new-editors", "articles_created": "articles-created",
    "articles_edited": "articles-edited", "bytes_added": "bytes-added",
    "references_added": "references-added", "total_edits": "total-edits",
    "upload_count": "uploads", "uploads_used_in_articles": "uploads-used-in-articles",
    "upload_usage_count_across_all_wikis": "upload-usage-count",
    "article_views": "article-views",
}


@dataclass
class Reading:
    """What one file gave: its kind, aggregates (metric → number), when it was downloaded,
    the usernames it lists (to match consented people only), or the errors found."""

    path: Path
    kind: str | None = None
    totals: dict[str, int] = field(default_factory=dict)
    taken: datetime.date | None = None
    usernames: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {message}")


def read(path: Path, slug: str | None, today: datetime.date) -> Reading:
    """Read one download; every problem becomes an error naming file and line."""
    reading = Reading(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        reading.error(1, f"cannot read the file: {error.strerror}")
        return reading
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        reading.error(line, f"not UTF-8 text (byte {error.start}); download the file again "
                      "from the Dashboard, unopened by a spreadsheet")
        return reading
    if not text.strip():
        reading.error(1, "the file is empty; download it again (the Dashboard first answers "
                      "\"This file is being generated\")")
        return reading
    rows = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = [name.strip() for name in next(rows)]
    except csv.Error as error:
        reading.error(1, f"not a CSV header: {error}")
        return reading
    reading.kind = _kind(reading, header)
    if reading.kind is None:
        return reading
    reading.taken = _file_date(reading, slug, today)
    records = _records(reading, rows, header)
    if not reading.errors:
        AGGREGATE[reading.kind](reading, records, slug)
    return reading


def _kind(reading: Reading, header: list[str]) -> str | None:
    first = header[0] if header else ""
    if first in OTHER_EXPORTS:
        reading.error(1, f"this is {OTHER_EXPORTS[first]}, which holds no outcome to import; "
                      f"import the overview, editors, articles or uploads download")
        return None
    kind = FIRST.get(first)
    if kind is None:
        reading.error(1, f"not a Dashboard download this command knows (first column "
                      f"`{first[:40]}`); import the course's overview, editors, articles or "
                      "uploads CSV")
        return None
    missing = [name for name in KINDS[kind] if name not in header]
    if missing:
        reading.error(1, f"the {kind} download lacks the column(s) {', '.join(missing)}; "
                      "download it again from the Dashboard")
        return None
    return kind


def _file_date(reading: Reading, slug: str | None, today: datetime.date) -> datetime.date:
    """The download date from the Dashboard's file name; today when the file was renamed.
    A Dashboard file name naming another course is refused."""
    match = FILE_NAME.match(reading.path.name)
    if match is None:
        return today
    if slug is not None and reading.kind != "overview" and \
            match["slug"] != slug.replace("/", "-"):
        reading.error(1, f"the file name says course `{match['slug']}`, but the event's "
                      f"`links.dashboard` is `{slug}`; download this event's course, or "
                      "correct `links.dashboard`")
    try:
        return datetime.date.fromisoformat(match["date"])
    except ValueError:
        return today


def _records(reading: Reading, rows, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    records = []
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                reading.error(rows.line_num, f"{len(row)} fields where the header has "
                              f"{len(header)}; the file is cut short or damaged, download it "
                              "again")
                continue
            records.append((rows.line_num, dict(zip(header, row, strict=True))))
    except csv.Error as error:
        reading.error(rows.line_num, f"the file is cut short or damaged ({error}); download "
                      "it again")
    return records


def _number(reading: Reading, line: int, record: dict[str, str], column: str) -> int:
    value = record.get(column, "").strip()
    if value == "":
        return 0
    try:
        return round(float(value))
    except ValueError:
        reading.error(line, f"`{column}` is `{value[:30]}`, not a number")
        return 0


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes")


def _overview(reading: Reading, records: list, slug: str | None) -> None:
    if len(records) != 1:
        reading.error(1, f"{len(records)} courses in the overview; download the overview of "
                      "this event's course alone")
        return
    line, record = records[0]
    if slug is not None and record["course_slug"].strip() != slug:
        reading.error(line, f"course `{record['course_slug']}` is not this event's "
                      f"(`links.dashboard` is `{slug}`); download this event's course, or "
                      "correct `links.dashboard`")
    for column, metric in OVERVIEW_METRICS.items():
        if column in record:
            reading.totals[metric] = _number(reading, line, record, column)


def _editors(reading: Reading, records: list, slug: str | None) -> None:
    totals = dict.fromkeys(("participants", "new-editors", "bytes-added", "references-added"),
                           0)
    for line, record in records:
        reading.usernames.add(record["username"].strip())
        totals["participants"] += 1
        totals["new-editors"] += _true(record["registered_during_project"])
        totals["bytes-added"] += _number(reading, line, record, "mainspace_bytes_added")
        totals["references-added"] += _number(reading, line, record, "references_added")
    reading.totals = totals


def _articles(reading: Reading, records: list, slug: str | None) -> None:
    live = [(line, r) for line, r in records if not _true(r["deleted"])]
    reading.totals = {
        "articles-edited": len(live),
        "articles-created": sum(_true(r["new"]) for _, r in live),
        "references-added": sum(_number(reading, line, r, "references_added")
                                for line, r in live),
    }


def _uploads(reading: Reading, records: list, slug: str | None) -> None:
    live = [(line, r) for line, r in records if not _true(r["deleted"])]
    usage = [_number(reading, line, r, "usage_count") for line, r in live]
    reading.totals = {"uploads": len(live),
                      "uploads-used-in-articles": sum(1 for n in usage if n > 0),
                      "upload-usage-count": sum(usage)}
    reading.usernames = {r["username"].strip() for _, r in records}


AGGREGATE: dict[str, Callable[[Reading, list, str | None], None]] = {
    "overview": _overview, "editors": _editors, "articles": _articles, "uploads": _uploads,
}
