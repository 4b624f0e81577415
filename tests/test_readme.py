"""The README's Python API example runs as written (a doctest), from a copy of the example
reports, so the documentation cannot drift from the code."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start: end if end != -1 else None]


@pytest.mark.model
def test_python_api_example_in_the_readme_runs(tmp_path, monkeypatch):
    section = readme_section("Python API")
    test = doctest.DocTestParser().get_doctest(section, {}, "README.md: Python API", "README.md", 0)
    assert len(test.examples) >= 8
    for name in ("nice_truck_attack_early.txt", "nice_one_year_on.md"):
        (tmp_path / "examples" / "reports").mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "examples" / "reports" / name, tmp_path / "examples" / "reports" / name)
    monkeypatch.chdir(tmp_path)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)
