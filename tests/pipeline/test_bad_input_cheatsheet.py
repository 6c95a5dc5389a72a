"""The cheat sheet under bad input, held to the full failed-build promise (see tests/support/badinput.py).

The cheat sheet's own tests (test_cheatsheet_build.py) check the messages in detail; these check
that the same failures keep the previous site/ and PDFs whole, print no traceback and leave no
temporary folder. WeasyPrint missing or broken is in test_bad_input_environment.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from guidebuild.cheatsheet.pdf import FONT_DIR
from support.badinput import assert_refused, build, place, seed_previous_site
from support.sitekit import copy_project


def test_content_that_overflows_the_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    before = seed_previous_site(root / "site")
    routine = root / "docs" / "routine.md"
    text = routine.read_text(encoding="utf-8")
    marker = re.search(r"^## .*5-minute", text, re.MULTILINE)
    assert marker, "routine.md has no 5-minute section to insert steps before"
    extra = "".join(
        f"### {n}. Extra step number {n} {{ #step-{n} .routine-step data-minutes=\"1\" }}\n\n"
        "Keep both hands moving slowly and evenly over the whole back while you count to ten.\n{ .cue }\n\n"
        for n in range(13, 25))
    routine.write_text(text[:marker.start()] + extra + text[marker.start():], encoding="utf-8")
    out = assert_refused(build(root), 1, r"^docs/routine\.md:\d+:1: CHS020 ", site_dir=root / "site", before=before)
    assert "does not fit on one A4 page" in out


def test_a_missing_font_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    before = seed_previous_site(root / "site")
    font = next((root / "docs" / FONT_DIR).glob("*latin-700-normal.woff2"))
    font.unlink()
    out = assert_refused(build(root), 1, place(f"docs/{FONT_DIR}/{font.name}", 0, 0, "CHS026"),
                         site_dir=root / "site", before=before)
    assert "Restore the font files" in out
