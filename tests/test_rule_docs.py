"""Every rule is documented as ruff documents its rules: a name, why it exists, a failing
and a passing example; in every language of the handbook, Tajik summaries included."""

from __future__ import annotations

import html
import re

import pytest
from ruamel.yaml import YAML

from handbook.build import generate
from handbook.checks.scripts import script
from handbook.config import load_config
from handbook.loader import load
from handbook.problems import RULES
from handbook.ruledocs import examples, rule_docs, texts
from tests.conftest import MODULE, ROOT
from tests.test_rules import problems

LANGUAGES = load_config(ROOT).languages
NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_every_rule_has_a_name_and_both_examples():
    docs = examples()
    assert set(docs) == set(RULES), "rule_docs.yml and the registry differ"
    names = [docs[code]["name"] for code in RULES]
    assert len(set(names)) == len(names)
    for code in RULES:
        assert NAME.fullmatch(docs[code]["name"]), code
        assert docs[code]["fail"].strip() and docs[code]["pass"].strip(), code
        assert docs[code]["fail"] != docs[code]["pass"], code


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_says_why_in_every_language(language):
    own = texts(language)
    assert set(own) == set(RULES), f"locales/rules.{language}.yml and the registry differ"
    for doc in rule_docs(language):
        assert doc.why.strip() and doc.summary.strip(), (language, doc.code)


def test_tajik_summaries_and_reasons_are_in_tajik():
    for doc in rule_docs("tg"):
        for text in (doc.summary, doc.why):
            assert doc.summary != RULES[doc.code].summary, doc.code
            letters = [script(ch) for ch in re.sub(r"`[^`]*`", "", text) if ch.isalpha()]
            assert letters.count("CYRILLIC") > len(letters) / 2, (doc.code, text)


def test_rules_page_has_a_section_per_rule_in_each_language(project):
    config = load_config(project)
    generate(load(config))
    for language in config.languages:
        page = (config.generated / f"rules.{language}.md").read_text("utf-8")
        for doc in rule_docs(language):
            section = page.split(f"{{#{doc.code}}}", 1)[1].split("\n## ", 1)[0]
            assert f"](#{doc.code})" in page, doc.code  # the index links to it
            assert doc.why in section and doc.summary in section, doc.code
            examples = section.split('<pre class="rule-example">')[1:]
            assert len(examples) == 2, doc.code  # a failing and a passing example
            assert [html.unescape(e.split("</pre>")[0]) for e in examples] == [
                doc.fail.strip(), doc.ok.strip()], doc.code


# Text rules whose examples are texts: each failing example makes its rule fire on the
# fixture, and each passing example does not.
TEXT_RULES = ["CUR050", "CUR051", "CUR052", "CUR053", "CUR060", "CUR062", "CUR072", "CUR150"]


def _text_of(example: str) -> dict[str, str]:
    data = YAML(typ="safe").load(example)
    while isinstance(data, dict) and not set(data) <= set(LANGUAGES):
        data = next(iter(data.values()))
    assert isinstance(data, dict), example
    return data


@pytest.mark.parametrize("code", TEXT_RULES)
@pytest.mark.parametrize("which", ["fail", "pass"])
def test_examples_are_true(project, code, which):
    yaml = YAML()
    path = project / MODULE
    module = yaml.load(path.read_text("utf-8"))
    module["segments"][0]["script"].update(_text_of(examples()[code][which]))
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(module, handle)
    fired = code in {p.code for p in problems(project)}
    assert fired == (which == "fail")
