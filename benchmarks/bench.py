"""Performance budgets, measured as ratios within one run (the machine is shared and noisy).

    python benchmarks/bench.py        (or `make bench`)

Synthetic curricula are made from the real modules, copied under new ids, in every language.
Prints one line per budget, `name value budget ok|over`; exits 1 if any is over.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import load
from handbook.render.site import generate

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 3


def best_of(work: Callable[[], object]) -> float:
    """Fastest of a few runs: the least disturbed by other load on the machine."""
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def synthetic(target: Path, modules: int) -> Path:
    """A handbook folder holding ``modules`` copies of the real modules and their exercises."""
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("curriculum"))
    shutil.copytree(ROOT / "tools", target / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    config = load_config(target)
    (config.curriculum / "modules").mkdir(parents=True)
    config.exercises.mkdir(parents=True)
    yaml = YAML()
    real = sorted((ROOT / "curriculum/modules").glob("*.yml"))
    exercises = {p.stem: yaml.load(p.read_text("utf-8"))
                 for p in (ROOT / "exercises").glob("*.yml")}
    for n in range(modules):
        data = yaml.load(real[n % len(real)].read_text("utf-8"))
        suffix = f"-copy{n}"
        distinct(data, n, config.languages)
        data["id"] += suffix
        data["order"] = n + 1
        data["prerequisites"] = []
        for ref in data["exercises"]:
            exercise = exercises[ref["id"]]
            ref["id"] += suffix
            copy = dict(exercise, id=ref["id"])
            distinct(copy, n, config.languages)
            with (config.exercises / f"{ref['id']}.yml").open("w", encoding="utf-8") as out:
                yaml.dump(copy, out)
        for segment in data["segments"]:
            if segment.get("exercise"):
                segment["exercise"] += suffix
        target_file = config.curriculum / "modules" / f"{data['id']}.yml"
        with target_file.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    # The glossary and guides are shared pages; keep them so pages link terms as in reality.
    for extra in ("glossary.yml", "guides"):
        source = ROOT / "curriculum" / extra
        if source.is_dir():
            shutil.copytree(source, config.curriculum / extra)
        elif source.exists():
            shutil.copy(source, config.curriculum / extra)
    problems = run_checks(load(config))
    assert not problems, f"synthetic curriculum is invalid: {problems[:3]}"
    return target


def distinct(node, n: int, languages: tuple[str, ...]) -> None:
    """Make every text of copy ``n`` its own, so no cache can skip the work of a copy."""
    if isinstance(node, dict):
        if node and set(node) <= set(languages) and all(isinstance(v, str) for v in node.values()):
            for language in node:
                node[language] = f"{node[language]} ({n})"
            return
        for value in node.values():
            distinct(value, n, languages)
    elif isinstance(node, list):
        for item in node:
            distinct(item, n, languages)


def parse_only(root: Path) -> None:
    config = load_config(root)
    for path in [*config.curriculum.rglob("*.yml"), *config.exercises.glob("*.yml")]:
        YAML(typ="rt").load(path.read_text("utf-8"))


def validate(root: Path) -> None:
    run_checks(load(load_config(root)))


def mkdocs_build(root: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                   cwd=root, env=env, check=True)


def report(name: str, value: float, budget: float) -> bool:
    ok = value <= budget
    print(f"{name} {value:.2f} {budget:g} {'ok' if ok else 'over'}", flush=True)
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        small = synthetic(Path(folder, "small").resolve(), 50)
        large = synthetic(Path(folder, "large").resolve(), 500)
        results = [
            report("validate/parse@500", best_of(lambda: validate(large))
                   / best_of(lambda: parse_only(large)), 3),
            report("validate@500/validate@50", best_of(lambda: validate(large))
                   / best_of(lambda: validate(small)), 11),
        ]
        curriculum = load(load_config(small))

        def regenerate() -> None:
            shutil.rmtree(curriculum.config.generated, ignore_errors=True)
            generate(curriculum)

        generation = best_of(regenerate)
        build = best_of(lambda: mkdocs_build(small, Path(folder, "site")))
        results.append(report("generate/mkdocs-build@50", generation / build, 0.10))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
