"""File checks (scripts/guidebuild/site/doc_files.py) and the content check that ties them together."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pathspec
import pytest

from guidebuild import config as cfg
from guidebuild.checks import docs_folder
from guidebuild.site import doc_files
from guidebuild.site.textpos import LineIndex, byte_position
from support.sitekit import ROOT


def codes(findings) -> list[tuple[str, str]]:
    return sorted((Path(f.path).name, f.code) for f in findings)


def test_walk_lists_published_files_and_skips_what_mkdocs_skips(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for rel in ("index.md", "a/b.svg", ".hidden.md", "templates/x.html", "notes/STYLE.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x", encoding="utf-8")
    exclude = pathspec.gitignore.GitIgnoreSpec.from_lines(["notes/STYLE.md"])
    files, findings = doc_files.walk(str(docs), exclude)
    assert sorted(f.rel for f in files) == ["a/b.svg", "index.md"]
    assert findings == []


def test_symlinks_inside_are_fine_outside_and_dangling_are_not(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("x", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    os.symlink(docs / "index.md", docs / "home.md")
    os.symlink("../outside", docs / "out")
    os.symlink("/etc/hostname", docs / "host.md")
    os.symlink(docs / "nowhere.md", docs / "gone.md")
    os.symlink(docs / "loop-b", docs / "loop-a")
    os.symlink(docs / "loop-a", docs / "loop-b")
    files, findings = doc_files.walk(str(docs))
    assert [f.rel for f in files] == ["index.md"]
    assert codes(findings) == [("gone.md", "SRC006"), ("host.md", "SRC005"), ("loop-a", "SRC006"),
                               ("loop-b", "SRC006"), ("out", "SRC005")]


def test_case_and_unicode_normalisation_collisions(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    composed, decomposed = "café.md", unicodedata.normalize("NFD", "café.md")
    for name in ("Tips.md", "tips.md", "TIPS.MD", composed, decomposed, "other.md"):
        (docs / name).write_text("x", encoding="utf-8")
    _, findings = doc_files.walk(str(docs))
    assert sorted(f.code for f in findings) == ["SRC004"] * 3


def test_byte_position_counts_lines_and_bytes() -> None:
    data = b"ab\r\ncd\n\xe9f"
    assert byte_position(data, data.index(b"\xe9")) == (3, 1)
    assert byte_position(data, 1) == (1, 2)


def test_line_index_round_trips() -> None:
    text = "one\ntwo\n\nfour"
    index = LineIndex(text)
    for offset in range(len(text)):
        assert index.offset(*index.position(offset)) == offset
    assert index.position(text.index("four")) == (4, 1)


def test_the_real_site_has_no_content_findings() -> None:
    """Every page, picture and stylesheet the team ships passes the content check."""
    previous = os.getcwd()
    os.chdir(ROOT)  # snippets resolve against the project folder, as in scripts/build.py
    try:
        config = cfg.load(str(ROOT / "mkdocs.yml"))
        findings = docs_folder.check_docs_folder(config)
    finally:
        os.chdir(previous)
    assert [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings] == []


def test_time_limit_interrupts_a_slow_check() -> None:
    started = time.perf_counter()
    with pytest.raises(docs_folder._TooSlow), docs_folder.time_limit(0.2):
        while True:
            sum(range(1000))
    assert time.perf_counter() - started < 5
    with docs_folder.time_limit(0.2):
        pass
    time.sleep(0.3)  # the timer was cancelled: nothing fires after the block
