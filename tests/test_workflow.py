"""The GitHub workflow: it runs the same tests as .ci/run, publishes the built site, and
releases files that the build really produces."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import ROOT
from tests.test_site import CONFIG

WORKFLOW = YAML(typ="safe").load((ROOT / ".github/workflows/ci.yml").read_text())


def steps(job: str) -> list[dict]:
    return WORKFLOW["jobs"][job]["steps"]


def runs(job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_ci_job_runs_the_ci_script_and_builds_the_site():
    assert "bash .ci/run" in runs("test")
    assert "make site" in runs("test")
    uses = [step.get("uses", "") for step in steps("test")]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)


def test_pages_deploy_only_from_main_after_the_tests():
    job = WORKFLOW["jobs"]["pages"]
    assert job["needs"] == "test"
    assert "refs/heads/main" in job["if"]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in job["steps"])


def test_release_on_tags_carries_every_download(site: Path):
    on = WORKFLOW.get("on") or WORKFLOW[True]  # YAML 1.1 reads a bare `on` as true
    assert "v*" in on["push"]["tags"]
    job = WORKFLOW["jobs"]["release"]
    assert job["needs"] == "test" and "refs/tags/v" in job["if"]
    upload = next(s for s in steps("test") if s.get("uses", "").startswith(
        "actions/upload-artifact"))
    patterns = upload["with"]["path"].split()
    released = {p.name for pattern in patterns for p in site.glob(pattern.removeprefix("site/"))}
    downloads = {p.name for p in (site / "curriculum/downloads").iterdir()}
    assert released == downloads
    # Every kind the README promises: PDFs, the offline zip, calendars, both exports.
    lms = CONFIG.lms.course
    for wanted in ("handbook-tg.pdf", "wikitext-en.zip", "dashboard-training.zip",
                   f"olx-{lms}-tg.tar.gz", "scorm-en.zip", f"moodle-{lms}-tg.xml"):
        assert wanted in released
    assert any(name.endswith(".ics") for name in released)
