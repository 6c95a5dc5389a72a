"""Shared fixtures: real copies of the project and small real MkDocs sites in tmp_path.

Tests mirror the packages of `scripts/guidebuild/` (tests/links/ tests guidebuild/links/, and so
on). The helpers they share live in `tests/support/`: `sitekit` (copy the project, the one small
test config, run a script, `snapshot()`), `badinput` (the failed-build promise) and
`links_corpus` (a site full of tricky links that all work).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support.sitekit import MINI_CONFIG, SCRIPTS, copy_project


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A full copy of this project in a temporary folder, ready to edit and build."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def mini_site(tmp_path: Path) -> Callable[..., Path]:
    """Make a small MkDocs site: `mini_site({"index.md": "# Hi"}, config=extra_yaml)`.

    The site carries a copy of `scripts/` so that `run_script("build.py", cwd=site)` builds it
    with the project's real build code.
    """

    def make(pages: dict[str, str], config: str = "", name: str = "mini") -> Path:
        root = tmp_path / name
        (root / "docs").mkdir(parents=True)
        (root / "mkdocs.yml").write_text(MINI_CONFIG + config, encoding="utf-8")
        for rel, text in pages.items():
            path = root / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        shutil.copytree(SCRIPTS, root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
        return root

    return make
