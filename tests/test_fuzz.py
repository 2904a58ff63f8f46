"""Property-based robustness: random and mutated files never crash the validator."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from handbook.checks import run_checks
from handbook.cli import app
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import EXERCISE, GLOSSARY, GOOD, GUIDE, MODULE, PROGRAMME

FILES = [MODULE, PROGRAMME, EXERCISE, GUIDE, GLOSSARY]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw) -> tuple[Path, str]:
    """One fixture file with a few random line-level edits."""
    file = draw(st.sampled_from(FILES))
    lines = (GOOD / file).read_text("utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "replace",
                                     "truncate", "swap"]))
        if edit == "delete":
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "indent":
            lines[i] = "  " + lines[i]
        elif edit == "dedent":
            lines[i] = lines[i][2:]
        elif edit == "replace":
            key = lines[i].split(":")[0]
            value = draw(st.one_of(st.text(max_size=20), st.integers().map(str),
                                   st.sampled_from(["[", "{", "~", "- x", "'", "&a", "*a",
                                                    "!!binary x", "null", "true"])))
            lines[i] = f"{key}: {value}"
        elif edit == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
            lines = lines[: i + 1]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return file, "\n".join(lines) + "\n"


def _check(root: Path) -> None:
    problems = run_checks(load(load_config(root)))
    for problem in problems:
        assert problem.file.exists()
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message
    result = CliRunner().invoke(app, ["validate"], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (1 if any(p.severity == "error" for p in problems) else 0)


def _in_copy(file: Path, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "handbook"
        shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns("docs"))
        (root / file).write_bytes(content)
        with contextlib.chdir(root):
            _check(root)


@SETTINGS
@given(mutated())
def test_mutated_files_never_crash_the_validator(case):
    file, text = case
    _in_copy(file, text.encode("utf-8"))


@SETTINGS
@given(st.sampled_from(FILES), st.binary(max_size=300))
def test_random_bytes_never_crash_the_validator(file, content):
    _in_copy(file, content)


@SETTINGS
@given(st.sampled_from(FILES), st.text(max_size=300))
def test_random_text_never_crashes_the_validator(file, content):
    _in_copy(file, content.encode("utf-8", "surrogatepass"))
