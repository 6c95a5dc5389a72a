"""Helpers shared by the tests: copy the project, make small real MkDocs sites, run our scripts.

Tests build real sites with the real build script instead of mocking MkDocs, because the bugs
that matter (a broken link MkDocs lets through, a half-written site/) only show up in real builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
PYTHON = sys.executable

# What a copy of the project needs to build (everything a contributor could change).
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "includes", "scripts", "CONTRIBUTING.md", "README.md")


def copy_project(dest: Path) -> Path:
    """Copy the buildable parts of this repository into `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time (nanoseconds).

    Two equal snapshots prove a folder was left exactly as it was: same files, same bytes, untouched.
    """
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def run_script(script: str, *args: str, cwd: Path, env: dict[str, str] | None = None,
               timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run one of our scripts the way a contributor would, capturing output."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([PYTHON, str(cwd / "scripts" / script), *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout, check=False)


MINI_CONFIG = """\
site_name: Mini
site_url: https://example.org/mini/
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - footnotes
  - admonition
  - toc:
      permalink: true
"""

# Added to MINI_CONFIG by sites that include snippets (the link tests): its last extension.
SNIPPETS_CONFIG = """\
  - pymdownx.snippets:
      base_path: [".", "includes"]
      check_paths: true
"""


def front_matter(title: str) -> str:
    return (f"---\ntitle: {title}\ndescription: A test page called {title} for the build's own tests.\n"
            "last_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n")
