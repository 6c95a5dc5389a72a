"""Run as documented but without .venv, a script says in one line what to run first (exit 2).

CONTRIBUTING and the pull-request template show `python scripts/content_report.py`; with the
system's Python that used to end in a traceback about `mkdocs`, and with the site-only .venv in
`: RDG000 textstat is not installed` with an empty path. A bare virtual environment (no packages
at all) stands in for the system's Python, and a stub that refuses to import hides textstat.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.sitekit import ROOT


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("bare") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    return venv / "bin" / "python"


def _run(python: Path | str, script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), f"scripts/{script}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.parametrize(("script", "setup"), [("build.py", "make site"), ("check_links.py", "make site"),
                                               ("content_report.py", "make site")])
def test_without_the_packages_one_line_names_the_fix(bare_python: Path, script: str, setup: str) -> None:
    result = _run(bare_python, script)
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    first = output.strip().splitlines()[0]
    assert re.match(r"requirements\.txt: ENV002 the Python package '(mkdocs|yaml)' is not installed", first), first
    assert f"Run `{setup}`" in first and f"`.venv/bin/python scripts/{script}`" in first


def test_without_textstat_the_report_names_the_file_and_the_fix(tmp_path: Path) -> None:
    (tmp_path / "textstat.py").write_text('raise ImportError("hidden by the test", name="textstat")\n',
                                          encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path), "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    result = _run(sys.executable, "content_report.py", env=env)
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert "Traceback" not in output and not output.startswith(":")
    # textstat is one of the site's pinned requirements: the build checks the reading grade too.
    assert output.startswith("requirements.txt: RDG000 textstat is not installed"), output
    assert "Run `make site`" in output
