"""Each rule's documentation for the "Validation rules" page, as ruff's rule docs: a name,
the summary, why the rule exists, and a failing and a passing example.

The summary in English is registered with the rule (checks/); summaries in other languages
and the "why" of each language come from locales/rules.<language>.yml; names and examples,
the same in every language, from checks/rule_docs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ruamel.yaml import YAML

from .problems import RULES, Severity


@dataclass(frozen=True)
class RuleDoc:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    fail: str
    ok: str


def _load(*parts: str) -> dict:
    path = resources.files("handbook").joinpath(*parts)
    return dict(YAML(typ="safe").load(path.read_text("utf-8")) or {}) if path.is_file() else {}


@cache
def examples() -> dict:
    return _load("checks", "rule_docs.yml")


@cache
def texts(language: str) -> dict:
    """code → {summary, why} (English: code → why) for one language; empty if none."""
    raw = _load("locales", f"rules.{language}.yml")
    return {code: value if isinstance(value, dict) else {"why": value}
            for code, value in raw.items()}


@cache
def rule_docs(language: str) -> list[RuleDoc]:
    """Every registered rule, documented in ``language`` where a translation exists."""
    import handbook.checks  # noqa: F401  (registers the check rules)

    local, english = texts(language), texts("en")
    docs = []
    for code in sorted(RULES):
        rule, example = RULES[code], examples().get(code, {})
        own = local.get(code, {})
        docs.append(RuleDoc(
            code=code, name=example.get("name", ""), severity=rule.severity,
            summary=own.get("summary") or rule.summary,
            why=own.get("why") or english.get(code, {}).get("why", ""),
            fail=example.get("fail", ""), ok=example.get("pass", "")))
    return docs
