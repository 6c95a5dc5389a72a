"""Bad pages: front matter, encodings, empty and huge pages, names, symlinks. Exit 1, site/ kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.badinput import assert_refused, build, page, place, seed_previous_site

GOOD = {"index.md": page("Home", "# Home\n\nHello.\n")}


@pytest.fixture
def site(mini_site):
    """A mini site with the given extra pages and a previous build; returns (root, snapshot)."""

    def make(pages: dict[str, str], config: str = "") -> tuple[Path, dict]:
        root = mini_site({**GOOD, **pages}, config=config)
        return root, seed_previous_site(root / "site")

    return make


def test_invalid_front_matter_yaml_is_named_at_the_page_line(site) -> None:
    text = ("---\ntitle: Tips\ndescription: Tips: for a better massage at home, from start to finish.\n"
            "last_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n# Tips\n")
    root, before = site({"tips.md": text})
    out = assert_refused(build(root), 1, place("docs/tips.md", 3, 18, "FM001"), site_dir=root / "site", before=before)
    assert "front matter is not valid YAML" in out


def test_missing_and_misspelt_front_matter_fields(site) -> None:
    misspelt = ("---\ntitle: Tips\ndescripion: Tips for a better massage at home, from start to finish.\n"
                "last_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n# Tips\n")
    missing = "---\ntitle: FAQ\nlast_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n# FAQ\n"
    root, before = site({"tips.md": misspelt, "faq.md": missing})
    out = assert_refused(build(root), 1, place("docs/tips.md", 3, 1, "FM004"), place("docs/faq.md", 5, 1, "FM003"),
                         site_dir=root / "site", before=before)
    assert "did you mean 'description'?" in out
    assert "front matter has no 'description'" in out
    assert "docs/tips.md:" not in out.replace("docs/tips.md:3:1: FM004", ""), "one mistake, one message"


def test_a_date_that_is_not_a_date(site) -> None:
    text = page("Tips", "# Tips\n").replace("next_review: 2027-11-25", "next_review: 2027-02-30")
    root, before = site({"tips.md": text})
    out = assert_refused(build(root), 1, place("docs/tips.md", 5, 14, "FM005"), site_dir=root / "site", before=before)
    assert "day is out of range for month" in out


def test_a_file_that_is_not_utf8_names_the_line_and_byte(site) -> None:
    root, before = site({})
    (root / "docs" / "latin.md").write_bytes(page("Latin", "# Caf").encode() + b"\xe9\n\nNa\xefve.\n")
    out = assert_refused(build(root), 1, place("docs/latin.md", 8, 6, "SRC001"), site_dir=root / "site", before=before)
    assert "not UTF-8: byte 0xe9" in out and "Save the file as UTF-8" in out
    assert out.count("docs/latin.md") == 1, "one mistake, one message"


@pytest.mark.parametrize("content", ["", "\n\n  \n", page("Empty", "\n")],
                         ids=["zero-bytes", "blank", "front-matter-only"])
def test_an_empty_page(site, content: str) -> None:
    root, before = site({"empty.md": content})
    out = assert_refused(build(root), 1, place("docs/empty.md", 0, 0, "SRC002"), site_dir=root / "site", before=before)
    assert out.count("docs/empty.md") == 1, "an empty page is one mistake"


def test_a_5_mb_page_is_refused_without_hanging(site) -> None:
    big = page("Big", "# Big\n\n" + ("Knead the shoulders slowly and evenly. " * 40 + "\n\n") * 3300)
    assert len(big.encode()) > 5_000_000
    root, before = site({"big.md": big})
    result = build(root, timeout=120)  # a hang guard, not a timing target (see benchmarks/)
    out = assert_refused(result, 1, place("docs/big.md", 0, 0, "SRC003"), site_dir=root / "site", before=before)
    assert "page is 5." in out and "under 1 MB" in out


def test_names_that_differ_only_in_case(site) -> None:
    root, before = site({"tips.md": page("Tips", "# Tips\n"), "Tips.md": page("Tips again", "# Tips again\n"),
                         "pics/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
                         "Pics/b.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    out = assert_refused(build(root), 1, place("docs/tips.md", 0, 0, "SRC004"), place("docs/pics", 0, 0, "SRC004"),
                         site_dir=root / "site", before=before)
    assert "'tips.md' and 'Tips.md' differ only in case" in out


def test_symlinks_out_of_docs_are_refused(site, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key.md").write_text(page("Key", "# Key\n\nTOP-SECRET-VALUE\n"), encoding="utf-8")
    root, before = site({})
    os.symlink(secret / "key.md", root / "docs" / "key.md")
    os.symlink(secret, root / "docs" / "more")
    os.symlink(root / "docs" / "index.md", root / "docs" / "home.md")  # inside docs/: harmless
    os.symlink(root / "docs" / "gone.md", root / "docs" / "dangling.md")
    out = assert_refused(build(root), 1, place("docs/key.md", 0, 0, "SRC005"), place("docs/more", 0, 0, "SRC005"),
                         place("docs/dangling.md", 0, 0, "SRC006"), site_dir=root / "site", before=before)
    assert "docs/home.md: SRC" not in out
    assert "TOP-SECRET-VALUE" not in out


@pytest.mark.parametrize("pattern", ["<!--", "<a "])
def test_a_page_built_to_hang_the_parser_is_refused(site, pattern: str) -> None:
    # 120 KB that Python's HTML parser (and so Python-Markdown and MkDocs) needs minutes to read.
    root, before = site({"slow.md": page("Slow", "# Slow\n\n" + pattern * 40_000)})
    result = build(root, env={"GUIDEBUILD_PAGE_SECONDS": "1"}, timeout=120)
    out = assert_refused(result, 1, place("docs/slow.md", 0, 0, "SRC007"), site_dir=root / "site", before=before)
    assert "took over 1 s" in out
    assert "The other checks did not run" in result.stderr  # they would hang on the same page


def test_every_problem_is_listed_not_just_the_first(site) -> None:
    root, before = site({
        "a.md": "---\ntitle: [A\n---\n\n# A\n",
        "b.md": page("B", "# B\n\n<script>alert(1)</script>\n"),
        "c.md": "",
        "d.md": page("D", "# D\n\n![Tracker](https://tracker.example/pixel.gif)\n"),
    })
    out = assert_refused(build(root), 1, place("docs/a.md", 3, 1, "FM001"), place("docs/b.md", 10, 1, "SAFE001"),
                         place("docs/c.md", 0, 0, "SRC002"), place("docs/d.md", 10, 12, "SAFE005"),
                         site_dir=root / "site", before=before)
    assert "4 errors" in out


def test_a_failed_first_build_writes_no_site(mini_site) -> None:
    root = mini_site({**GOOD, "bad.md": page("Bad", "# Bad\n\n<iframe src='https://x.example/'></iframe>\n")})
    assert_refused(build(root), 1, place("docs/bad.md", 10, 1, "SAFE001"), site_dir=root / "site", before=None)
