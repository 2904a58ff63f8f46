"""The `handbook` command: exit codes, output formats, schema export."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import MODULE, ROOT
from tests.test_rules import replace


def test_clean_curriculum_exits_zero(project, handbook):
    run = handbook("validate")
    assert run.code == 0
    assert "no problems found" in run.output


def test_text_format_is_file_line_column_code(project, handbook):
    line = replace(project / MODULE, "correct: 1", "correct: 5")
    run = handbook("validate")
    assert run.code == 1
    assert f"{MODULE}:{line}:" in run.output
    assert "CUR017" in run.output


def test_json_format(project, handbook):
    line = replace(project / MODULE, "kind: talk", "kind: chat")
    run = handbook("validate", "--format", "json")
    rows = json.loads(run.output)
    assert run.code == 1
    assert rows == [{"file": str(MODULE), "line": line, "column": rows[0]["column"],
                     "code": "CUR005", "severity": "error", "message": rows[0]["message"]}]
    assert "chat" in rows[0]["message"]


def test_github_format(project, handbook):
    line = replace(project / MODULE, "summary:", "summry:")
    run = handbook("validate", "--format", "github")
    assert f"::error file={MODULE},line={line}," in run.output
    assert "title=CUR003::" in run.output


def test_paths_limit_the_report(project, handbook):
    replace(project / MODULE, "summary:", "summry:")
    assert handbook("validate", "exercises/sandbox-edit.yml").code == 0
    assert handbook("validate", str(MODULE)).code == 1


def test_usage_errors_exit_two(project, handbook):
    assert handbook("validate", "--format", "yaml").code == 2
    assert handbook("validate", "no/such/file.yml").code == 2
    assert handbook("schema", "nonsense").code == 2


def test_schema_describes_the_module_format(project, handbook):
    run = handbook("schema", "module")
    schema = json.loads(run.output)
    assert run.code == 0
    assert {"id", "duration", "segments", "quiz", "review"} <= set(schema["required"])
    assert schema["additionalProperties"] is False


def test_real_entry_point_reports_bad_yaml_without_traceback(tmp_path):
    broken = tmp_path / "repo"
    subprocess.run(["cp", "-r", str(ROOT / "tests/fixtures/good"), str(broken)], check=True)
    (broken / MODULE).write_text("id: [unclosed\n", "utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "handbook.cli", "validate"], cwd=broken,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    # Reported where the bracket opens (line 1), not where the file ends.
    assert f"{MODULE}:1:5 CUR001" in result.stderr + result.stdout


def test_new_module_lists_what_to_write_and_never_overwrites(project, handbook):
    assert handbook("new", "module", "wikidata-basics").code == 0
    created = project / "curriculum/modules/wikidata-basics.yml"
    run = handbook("validate", str(created.relative_to(project)))
    assert run.code == 1
    # Empty texts, and the placeholders of resources and sources (title, url, language).
    assert {line.split()[1] for line in run.output.splitlines() if ".yml:" in line} == {
        "CUR010", "CUR070", "CUR071"}
    created.write_text("# my work\n", "utf-8")
    assert handbook("new", "module", "wikidata-basics").code == 1
    assert created.read_text("utf-8") == "# my work\n"
    assert handbook("new", "module", "Bad_Id").code == 2
