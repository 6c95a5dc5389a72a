"""The build does not depend on the generator's name: MkDocs by default, ProperDocs on request.

ProperDocs (a maintained fork of MkDocs 1.6) is not a requirement of the project, so the test
that builds with it makes its own throwaway environment: a venv in tmp_path with the site's
pinned requirements (hash-checked, MkDocs left out) and ProperDocs from the package index (pip's
cache is used). It is skipped, saying why, when that cannot be installed (no index reachable).
One build only, to keep its cost small.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidebuild.site import generator
from support.sitekit import ROOT

PROPERDOCS = "properdocs==1.6.7"


def _requirements_without_mkdocs(target: Path) -> Path:
    """requirements.txt with the `mkdocs==` entry (and its hash lines) left out."""
    kept, skipping = [], False
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("mkdocs=="):
            skipping = True
            continue
        if skipping and line.startswith(" "):
            continue
        skipping = False
        kept.append(line)
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return target


def _properdocs_python(folder: Path) -> Path:
    venv = folder / "venv"
    python = venv / "bin" / "python"
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--require-hashes", "-r", str(_requirements_without_mkdocs(folder / "requirements.txt"))],
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PROPERDOCS],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=600, check=False)
        except subprocess.TimeoutExpired:
            pytest.skip(f"installing ProperDocs took over 10 minutes: {' '.join(step[-2:])}")
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
            pytest.skip(f"ProperDocs could not be installed in a throwaway venv: {reason}")
    return python


def test_the_site_builds_with_properdocs(project_copy: Path, tmp_path: Path) -> None:
    python = _properdocs_python(tmp_path)
    has_mkdocs = subprocess.run([str(python), "-c", "import mkdocs"], capture_output=True, check=False)
    assert has_mkdocs.returncode != 0  # only ProperDocs can render here
    out = tmp_path / "out"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([str(python), "scripts/build.py", "--generator", "properdocs", "--site-dir", str(out)],
                          cwd=project_copy, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Rendering the site with ProperDocs" in done.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in home
    sheet = (out / "cheatsheet" / "index.html").read_text(encoding="utf-8")
    assert 'class="cheatsheet' in sheet and "The cheat sheet was not generated" not in sheet
    assert (out / "cheatsheet" / "cheatsheet-a4.pdf").stat().st_size > 0
    assert (out / "cheatsheet" / "cheatsheet-letter.pdf").stat().st_size > 0
    pages = sorted(p.relative_to(project_copy / "docs").with_suffix("").as_posix()
                   for p in (project_copy / "docs").glob("*.md"))
    for page in pages:
        assert (out / ("" if page == "index" else page) / "index.html").is_file(), page


def test_auto_takes_mkdocs_when_it_is_installed() -> None:
    assert generator.use("auto") == "mkdocs"
    assert generator.title() == "MkDocs"


def test_a_generator_that_is_not_installed_is_a_usage_error(project_copy: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for script in ("build.py", "check_links.py"):
        done = subprocess.run([sys.executable, f"scripts/{script}", "--generator", "properdocs"], cwd=project_copy,
                              env=env, capture_output=True, text=True, timeout=300, check=False)
        if generator.installed("properdocs"):
            pytest.skip("ProperDocs is installed here, so asking for it is no error")
        assert done.returncode == 2, done.stdout + done.stderr
        assert "ENV003 the site generator ProperDocs is not installed" in done.stdout + done.stderr
        assert "Traceback" not in done.stderr
