"""Hostile input: every class of the input limits (limits.py) is generated, not one sample
each, and `handbook validate` answers with the rule code at the right line, never a
traceback, within 5 s of CPU time; the patterns over authored text stay linear."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from handbook import limits
from handbook.checks.hygiene import _accidents
from handbook.checks.safety import EMAIL, PHONE_LIKE
from handbook.checks.scripts import TOKEN, _plain, judged_letters, unquoted
from handbook.cli import app
from handbook.common.markup import MARKDOWN, parse
from handbook.po.markup import PLACEHOLDER
from handbook.render.pdf import RELATIVE
from handbook.terms import pattern
from handbook.tuning import SUPPRESSION
from tests.conftest import GOOD, MODULE

FEW = settings(max_examples=6, deadline=None, derandomize=True,
               suppress_health_check=[HealthCheck.too_slow])
# A bomb builds 200,000 values before it stops: three of each shape keep the test short.
BOMBS = settings(FEW, max_examples=3)
BUDGET = 5.0  # seconds of CPU time for one `handbook validate`
GOOD_TEXT = (GOOD / MODULE).read_text("utf-8")


@contextlib.contextmanager
def copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "handbook"
        shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns("docs"))
        with contextlib.chdir(root):
            yield root


def validate(root: Path) -> tuple[int, list[dict]]:
    """Exit code and problems of `handbook validate --format json` in ``root``, in budget."""
    start = time.process_time()
    result = CliRunner().invoke(app, ["validate", "--format", "json"])
    spent = time.process_time() - start
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    assert spent < BUDGET, f"validate took {spent:.1f} s"
    output = result.output
    rows = json.loads(output[output.index("["):]) if "[" in output else []
    return result.exit_code, rows


def only(rows: list[dict], code: str) -> dict:
    found = [row for row in rows if row["code"] == code]
    assert len(found) == 1, rows
    assert found[0]["message"] and "Traceback" not in found[0]["message"]
    return found[0]


def with_module(root: Path, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (root / MODULE).write_bytes(data)


def lines_of(text: str) -> int:
    return text.count("\n")


# --- alias and merge-key expansion ------------------------------------------------------

@BOMBS
@given(st.integers(2, 12), st.integers(6, 14), st.sampled_from(["flow", "block"]))
def test_alias_bombs_stop_at_the_value_limit(width, levels, style):
    if width ** levels <= limits.MAX_VALUES:
        levels = 1 + next(n for n in range(1, 60) if width ** n > limits.MAX_VALUES)
    bomb = ["  a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for level in range(1, levels):
        aliases = [f"*a{level - 1}"] * width
        if style == "flow":
            bomb.append(f"  a{level}: &a{level} [" + ", ".join(aliases) + "]")
        else:
            bomb.append(f"  a{level}: &a{level}")
            bomb += [f"    - {alias}" for alias in aliases]
    assert_stopped_within(bomb)


def assert_stopped_within(bomb: list[str]) -> None:
    """CUR093 at one of the bomb's lines, added under a key at the end of the module."""
    first = lines_of(GOOD_TEXT) + 2
    with copy() as root:
        with_module(root, GOOD_TEXT + "extra:\n" + "\n".join(bomb) + "\n")
        code, rows = validate(root)
    assert code == 1
    assert first <= only(rows, "CUR093")["line"] <= first + len(bomb)


@BOMBS
@given(st.integers(20, 40), st.integers(1, 8))
def test_merge_key_bombs_stop_at_the_value_limit(levels, keys):
    bomb = ["  m0: &m0 {" + ", ".join(f"k{j}: v" for j in range(keys)) + "}"]
    bomb += [f"  m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], z{i}: 1}}" for i in range(1, levels)]
    assert_stopped_within(bomb)


# --- nesting depth ----------------------------------------------------------------------

@FEW
@given(st.integers(limits.MAX_DEPTH, 3000), st.sampled_from(["flow", "list", "mapping"]))
def test_deep_nesting_is_reported_where_it_happens(depth, style):
    start = lines_of(GOOD_TEXT) + 1  # the `deep:` line
    if style == "flow":
        deep = "deep: " + "[" * depth + "]" * depth + "\n"
    elif style == "list":
        deep = "deep:\n" + "".join(" " * i + "-\n" for i in range(min(depth, 990)))
    else:
        deep = "deep:\n" + "".join(" " * i + " k:\n" for i in range(min(depth, 990)))
    with copy() as root:
        with_module(root, GOOD_TEXT + deep)
        code, rows = validate(root)
    assert code == 1
    row = only(rows, "CUR009")
    if style == "flow":
        assert row["line"] == start
    else:  # the top mapping is level 1; line k after `deep:` starts level k + 1 (its key k + 2)
        key = style == "mapping"
        assert row["line"] == start + limits.MAX_DEPTH - key


# --- file size, line length, encoding ---------------------------------------------------

@settings(max_examples=2, deadline=None, derandomize=True)
@given(st.integers(1, 3 * limits.MAX_FILE_BYTES))
def test_too_large_files_are_not_read(extra):
    with copy() as root:
        with_module(root, GOOD_TEXT + "#" * (limits.MAX_FILE_BYTES + extra) + "\n")
        code, rows = validate(root)
    assert code == 1 and only(rows, "CUR007")["line"] == 1


@FEW
@given(st.integers(1, 4 * limits.MAX_LINE_CHARS), st.data())
def test_long_lines_are_reported_at_their_line(extra, data):
    lines = GOOD_TEXT.split("\n")
    at = data.draw(st.integers(0, len(lines) - 2))
    char = data.draw(st.sampled_from(["x", "ӯ", " ", "#", "["]))
    lines.insert(at, "# " + char * (limits.MAX_LINE_CHARS + extra))
    with copy() as root:
        with_module(root, "\n".join(lines))
        code, rows = validate(root)
    row = only(rows, "CUR008")
    assert code == 1 and (row["line"], row["column"]) == (at + 1, limits.MAX_LINE_CHARS + 1)


@FEW
@given(st.data(), st.text("абвгдежзийклмнопрстуфхцчшщыэюя", min_size=1, max_size=30))
def test_a_line_in_another_encoding_is_reported_at_that_line(data, words):
    lines = GOOD_TEXT.encode("utf-8").split(b"\n")
    at = data.draw(st.integers(0, len(lines) - 2))
    lines[at] += b" # " + words.encode(data.draw(st.sampled_from(["cp1251", "koi8-r"])))
    with copy() as root:
        with_module(root, b"\n".join(lines))
        code, rows = validate(root)
    row = only(rows, "CUR002")
    assert code == 1 and row["line"] == at + 1
    assert row["column"] == len(lines[at].split(b" # ")[0].decode("utf-8")) + 4


# --- YAML tags ---------------------------------------------------------------------------

TAGS = st.one_of(
    st.sampled_from(["!!python/object/apply:os.system", "!!python/name:os.system", "!!binary",
                     "!!set", "!!omap", "!note", "!<tag:example.org,2000:x>"]),
    st.from_regex(r"![a-z]{1,8}(/[a-z]{1,8})?", fullmatch=True))


@FEW
@given(TAGS, st.sampled_from(["order: {tag} 1", "order: {tag} [1]", "notes: {tag} {{a: 1}}"]))
def test_yaml_tags_are_reported_never_dropped(tag, line):
    text = GOOD_TEXT.replace("order: 1", line.format(tag=tag), 1)
    with copy() as root:
        with_module(root, text)
        code, rows = validate(root)
    row = only(rows, "CUR094")
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    assert code == 1 and row["line"] == 2 and (shown in row["message"] or "!<" in tag)


# --- files: editors' side files, links ---------------------------------------------------

STEMS = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)


@FEW
@given(st.lists(st.tuples(STEMS, st.sampled_from(
    [".#{}.yml", "#{}.yml#", "{}.yml~", ".{}.yml.swp", ".{}.yml.swo", "._{}.yml"])),
    min_size=1, max_size=4, unique=True))
def test_editor_files_are_skipped_with_a_note(names):
    files = {form.format(stem) for stem, form in names}
    with copy() as root:
        for name in files:
            (root / MODULE.parent / name).write_text(GOOD_TEXT, "utf-8")
        code, rows = validate(root)
    assert code == 0  # notes are warnings; no module is read twice
    noted = {Path(row["file"]).name for row in rows if row["code"] == "CUR096"}
    assert noted == files and all(r["code"] == "CUR096" for r in rows)


def test_links_that_loop_or_leave_the_repository(tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text(GOOD_TEXT, "utf-8")
    with copy() as root:
        folder = root / MODULE.parent
        os.symlink("self.yml", folder / "self.yml")
        os.symlink("b.yml", folder / "a.yml")
        os.symlink("a.yml", folder / "b.yml")
        os.symlink(outside, folder / "out.yml")
        code, rows = validate(root)
    assert code == 1
    assert sorted(Path(r["file"]).name for r in rows if r["code"] == "CUR095") == [
        "a.yml", "b.yml", "out.yml", "self.yml"]
    assert all(not r["file"].startswith("/") for r in rows)


# --- pyproject.toml ----------------------------------------------------------------------

PYPROJECT = (GOOD / "pyproject.toml").read_text("utf-8")


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.integers(0, len(PYPROJECT)), st.sampled_from(["[", "]", "=", '"', "x = ", "\n[a.b"]))
def test_a_broken_pyproject_is_reported_at_its_line(at, inserted):
    text = PYPROJECT[:at] + inserted + PYPROJECT[at:]
    try:
        tomllib.loads(text)
        broken = False
    except tomllib.TOMLDecodeError as error:
        broken = True
        line = int(re.search(r"at line (\d+)", str(error))[1])  # type: ignore[index]
    with copy() as root:
        (root / "pyproject.toml").write_text(text, "utf-8")
        result = CliRunner().invoke(app, ["validate"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if broken:
        assert result.exit_code == 1
        assert f"pyproject.toml:{line}:" in result.output and "CUR092" in result.output


# --- durations ---------------------------------------------------------------------------

@FEW
@given(st.integers(limits.MAX_MINUTES + 1, 10 ** 9))
def test_a_segment_longer_than_a_day(minutes):
    lines = GOOD_TEXT.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- minutes:"))
    lines[at] = lines[at].split(":")[0] + f": {minutes}"
    with copy() as root:
        with_module(root, "\n".join(lines))
        code, rows = validate(root)
    assert code == 1 and only(rows, "CUR029")["line"] == at + 1


# --- patterns over authored text: linear, and the same answers as before -----------------

OLD_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|\([^)]*\)")
OLD_NAME_LIKE = re.compile(r"\S*[:./?=_]\S*")
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
SPECIAL = '«»"“”()[]{}<>!@.:_+-#*`&=\\ 1aӯ\n'


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(SPECIAL, max_size=40))
def test_linear_patterns_find_what_the_old_ones_found(text):
    assert unquoted(text) == OLD_QUOTED.sub(" ", text)
    assert TOKEN.sub(_plain, text) == OLD_NAME_LIKE.sub(" ", text)
    assert EMAIL.findall(text) == OLD_EMAIL.findall(text)


TAJIK_TERM = pattern("вики", "tg")
# Every function that runs a pattern over authored text.
READERS: dict[str, Callable[[str], object]] = {
    "script letters": judged_letters,
    "e-mail": EMAIL.findall,
    "phone": PHONE_LIKE.search,
    "markdown": lambda text: MARKDOWN.search(text),
    "markdown parse": lambda text: parse.__wrapped__(text),
    "accidental blocks": lambda text: list(_accidents(text)),
    "term": TAJIK_TERM.findall,
    "suppression": SUPPRESSION.search,
    "po placeholder": PLACEHOLDER.findall,
    "pdf links": RELATIVE.findall,
}


def _cost(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(max_examples=8, deadline=None, derandomize=True)
@given(unit=st.text(SPECIAL, min_size=1, max_size=4), separator=st.sampled_from(["", "\n", " "]))
def test_patterns_over_text_are_linear(reader, unit, separator):
    """Long words, long lines and many repeats: eight times the text costs at most about
    eight times the time (a quadratic pattern costs 64 times)."""
    function = READERS[reader]
    small = (unit + separator) * 1500
    ratio = (_cost(function, small * 8) + 1e-3) / (_cost(function, small) + 1e-3)
    assert ratio < 24, (reader, unit, ratio)
