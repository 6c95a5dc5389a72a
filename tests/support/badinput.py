"""Helpers for the bad-input tests (tests/pipeline/test_bad_input_*.py): the promises every failed build keeps.

Each test builds a temporary site with one mistake in it and checks the promise of issue 8:
the exit code says what happened, each message starts with `path:line:col: CODE` where a place
exists, no Python traceback reaches the user, the previous `site/` is still whole (same bytes and
same modification times), and no temporary folder is left beside it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from guidebuild.publish import leftovers
from support.sitekit import front_matter, run_script, snapshot

# A stand-in for the last good build: the tests only need to know it was not touched.
PREVIOUS_SITE = {
    "index.html": "<!doctype html><title>Previous good build</title><p>Still here.</p>\n",
    "tips/index.html": "<!doctype html><title>Tips</title>\n",
    "cheatsheet/cheatsheet-a4.pdf": "%PDF-1.7 stand-in for the previous printout\n",
}


def page(title: str, body: str) -> str:
    """A page with the team's front matter (7 lines: the body starts on line 8)."""
    return front_matter(title) + body


def seed_previous_site(site_dir: Path) -> dict[str, tuple[bytes, int]]:
    """Write a previous build into `site_dir` and return its snapshot."""
    for rel, text in PREVIOUS_SITE.items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return snapshot(site_dir)


def build(root: Path, *args: str, env: dict[str, str] | None = None,
          timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run scripts/build.py in `root`; `timeout` only guards against a hang."""
    return run_script("build.py", *args, cwd=root, env=env, timeout=timeout)


def place(path: str, line: int, column: int, code: str) -> str:
    """The regex for the start of a finding line: `path:line:col: CODE ` (or `path: CODE `)."""
    where = path if line <= 0 else f"{path}:{line}" if column <= 0 else f"{path}:{line}:{column}"
    return "^" + re.escape(f"{where}: {code} ")


def assert_refused(result: subprocess.CompletedProcess[str], exit_code: int, *places: str,
                   site_dir: Path, before: dict[str, tuple[bytes, int]] | None) -> str:
    """The failed-build promise; returns stdout for further checks."""
    output = result.stdout + result.stderr
    assert result.returncode == exit_code, output
    assert "Traceback" not in output, output
    assert 'File "' not in output, output  # no stack frames either, even without the header
    for pattern in places:
        assert re.search(pattern, result.stdout, re.MULTILINE), f"{pattern!r} not in:\n{result.stdout}"
    if before is None:
        assert not site_dir.exists(), "a failed first build must not create the site folder"
    else:
        assert snapshot(site_dir) == before, "the previous site changed"
    assert leftovers(site_dir) == [], leftovers(site_dir)
    return result.stdout
