"""Each link code, caught where it is written (file, line, column) and silent once fixed.

Every case is a real small MkDocs site in tmp_path with the pages of `links_corpus.BASE_PAGES`
plus the case's own page; the check runs in this process with the site's own configuration.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.links_corpus import BASE_CONFIG, BASE_PAGES, check, places, write_site

# id: (pages added to the base site, [(path, line, column, code), ...])
BROKEN: dict[str, tuple[dict[str, str | bytes], list[tuple[str, int, int, str]]]] = {
    "LNK001-missing-page": ({"case.md": "# Case\n\nSee [it](nope.md).\n"},
                            [("docs/case.md", 3, 10, "LNK001")]),
    "LNK001-reference-points-nowhere": ({"case.md": "# Case\n\nSee [it][r].\n\n[r]: gone.md\n"},
                                        [("docs/case.md", 5, 6, "LNK001")]),
    "LNK002-missing-anchor-other-page": ({"case.md": "[a](tips.md#nope)\n"}, [("docs/case.md", 1, 5, "LNK002")]),
    "LNK002-missing-anchor-same-page": ({"case.md": "# Case\n\n[a](#nope)\n"}, [("docs/case.md", 3, 5, "LNK002")]),
    "LNK003-missing-image": ({"case.md": "![A picture](assets/nope.png)\n"}, [("docs/case.md", 1, 14, "LNK003")]),
    "LNK003-missing-file": ({"case.md": "[Leaflet](files/leaflet.pdf)\n"}, [("docs/case.md", 1, 11, "LNK003")]),
    "LNK004-wrong-case-page": ({"case.md": "[a](Tips.md)\n"}, [("docs/case.md", 1, 5, "LNK004")]),
    "LNK004-wrong-case-image": ({"case.md": "![a](Assets/pic.svg)\n"}, [("docs/case.md", 1, 6, "LNK004")]),
    "LNK004-wrong-case-raw": ({"case.md": '<a href="../Tips/">a</a>\n'}, [("docs/case.md", 1, 10, "LNK004")]),
    "LNK005-leaves-docs": ({"case.md": "[readme](../README.md)\n"}, [("docs/case.md", 1, 10, "LNK005")]),
    "LNK005-raw-above-root": ({"case.md": '<a href="../../x/">a</a>\n'}, [("docs/case.md", 1, 10, "LNK005")]),
    "LNK006-undefined-reference": ({"case.md": "A [link][nope] here.\n"}, [("docs/case.md", 1, 9, "LNK006")]),
    "LNK006-undefined-footnote": ({"case.md": "A claim.[^nope]\n"}, [("docs/case.md", 1, 9, "LNK006")]),
    "LNK007-raw-md-link": ({"case.md": 'Raw <a href="tips.md">tips</a>.\n'}, [("docs/case.md", 1, 14, "LNK007")]),
    "LNK007-raw-image-source-relative": ({"case.md": '<img src="assets/pic.svg" alt="">\n'},
                                         [("docs/case.md", 1, 11, "LNK007")]),
    "LNK007-md-in-html": ({"case.md": '<div markdown>\n\n<a href="nowhere/">x</a> [ok](tips.md)\n\n</div>\n'},
                          [("docs/case.md", 3, 10, "LNK007")]),
    "LNK009-absolute": ({"case.md": "[a](/tips/)\n"}, [("docs/case.md", 1, 5, "LNK009")]),
    "LNK009-absolute-raw": ({"case.md": '<a href="/mini/tips/">a</a>\n'}, [("docs/case.md", 1, 10, "LNK009")]),
    "LNK011-folder-without-index": ({"case.md": "[a](empty/)\n"}, [("docs/case.md", 1, 5, "LNK011")]),
    "LNK011-folder-resolved-against-page-url": ({"case.md": "[a](guide/)\n"}, [("docs/case.md", 1, 5, "LNK011")]),
    "LNK011-folder-mkdocs-strict-rejects": ({"index.md": "# Home\n\n[a](guide/)\n"},
                                            [("docs/index.md", 3, 5, "LNK011")]),
    "LNK012-html-link": ({"case.md": "[a](tips.html)\n"}, [("docs/case.md", 1, 5, "LNK012")]),
    "LNK012-html-link-raw": ({"case.md": '<a href="../tips.html">a</a>\n'}, [("docs/case.md", 1, 10, "LNK012")]),
    "LNK013-missing-snippet": ({"case.md": '# Case\n\n--8<-- "nope.md"\n'}, [("docs/case.md", 3, 9, "LNK013")]),
    "LNK014-empty-link": ({"case.md": "An [empty]() link.\n"}, [("docs/case.md", 1, 12, "LNK014")]),
    "LNK014-empty-href": ({"case.md": 'An <a href="">empty</a> link.\n'}, [("docs/case.md", 1, 13, "LNK014")]),
    "LNK015-wrong-extension": ({"case.md": "![a](assets/pic.png)\n"}, [("docs/case.md", 1, 6, "LNK015")]),
    "LNK016-unreadable-page": ({"case.md": b"# Case\n\n\xff\xfe not UTF-8\n"}, [("docs/case.md", 0, 0, "LNK016")]),
}

# The same situations, written correctly: nothing may be reported.
FIXED: dict[str, dict[str, str]] = {
    "LNK001-missing-page": {"case.md": "# Case\n\nSee [it](tips.md).\n"},
    "LNK001-reference-points-nowhere": {"case.md": "# Case\n\nSee [it][r].\n\n[r]: guide/page.md\n"},
    "LNK002-missing-anchor-other-page": {"case.md": "[a](tips.md#scale_1)\n"},
    "LNK002-missing-anchor-same-page": {"case.md": "# Case\n\n[a](#case)\n"},
    "LNK003-missing-image": {"case.md": "![A picture](assets/pic.svg)\n"},
    "LNK004-wrong-case-page": {"case.md": "[a](tips.md)\n"},
    "LNK004-wrong-case-raw": {"case.md": '<a href="../tips/">a</a>\n'},
    "LNK005-leaves-docs": {"case.md": "[a](guide/../tips.md)\n"},
    "LNK006-undefined-reference": {"case.md": "A [link][yes] here.\n\n[yes]: tips.md\n"},
    "LNK006-undefined-footnote": {"case.md": "A claim.[^yes]\n\n[^yes]: A source.\n"},
    "LNK007-raw-md-link": {"case.md": 'Raw <a href="../tips/">tips</a>.\n'},
    "LNK007-raw-image-source-relative": {"case.md": '<img src="../assets/pic.svg" alt="">\n'},
    "LNK007-md-in-html": {"case.md": '<div markdown>\n\n<a href="../guide/">x</a> [ok](tips.md)\n\n</div>\n'},
    "LNK009-absolute": {"case.md": "[a](tips.md)\n"},
    "LNK011-folder-without-index": {"case.md": "[a](empty/a.md)\n"},
    "LNK011-folder-resolved-against-page-url": {"case.md": "[a](guide/index.md) <a href=\"../guide/\">b</a>\n"},
    "LNK012-html-link": {"case.md": "[a](tips.md)\n"},
    "LNK013-missing-snippet": {"case.md": '# Case\n\n--8<-- "part.md"\n'},
    "LNK014-empty-link": {"case.md": "A [full](tips.md) link.\n"},
    "LNK015-wrong-extension": {"case.md": "![a](assets/pic.svg)\n"},
    "LNK003-missing-file": {"case.md": "[Leaflet](assets/pic.svg)\n"},
    "LNK004-wrong-case-image": {"case.md": "![a](assets/pic.svg)\n"},
    "LNK005-raw-above-root": {"case.md": '<a href="../">a</a>\n'},
    "LNK009-absolute-raw": {"case.md": '<a href="../tips/">a</a>\n'},
    "LNK011-folder-mkdocs-strict-rejects": {"index.md": "# Home\n\n[a](guide/index.md) <a href=\"guide/\">b</a>\n"},
    "LNK012-html-link-raw": {"case.md": '<a href="../tips/">a</a>\n'},
    "LNK014-empty-href": {"case.md": 'A <a href="../tips/">full</a> link.\n'},
    "LNK016-unreadable-page": {"case.md": "# Café\n\nUTF-8 text: naïve, “quotes”.\n"},
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_link_is_reported_at_its_place(tmp_path: Path, case: str) -> None:
    pages, expected = BROKEN[case]
    root = write_site(tmp_path / "site", {**BASE_PAGES, **pages}, includes={"part.md": "Included.\n"})
    found = check(root, jobs=1)
    assert places(found, root) == expected, [f.message for f in found]
    assert all(f.message and f.is_error for f in found)


@pytest.mark.parametrize("case", sorted(FIXED))
def test_fixed_link_is_not_reported(tmp_path: Path, case: str) -> None:
    root = write_site(tmp_path / "site", {**BASE_PAGES, **FIXED[case]}, includes={"part.md": "Included.\n"})
    assert check(root, jobs=1) == []


def test_every_code_has_a_broken_and_a_fixed_case() -> None:
    from guidebuild.links.source_links import CODES

    source_codes = {code for code in CODES if not code.startswith("LNK1")} - {"LNK008", "LNK010"}  # see nav tests
    assert source_codes == {case.split("-")[0] for case in BROKEN}
    assert set(FIXED) == set(BROKEN)


def _message(tmp_path: Path, text: str, name: str = "case.md") -> str:
    root = write_site(tmp_path / "site", {**BASE_PAGES, name: text})
    found = check(root, jobs=1)
    assert len(found) == 1, found
    return found[0].message


@pytest.mark.parametrize(("text", "suggestion"), [
    ("[a](tisp.md)", "did you mean 'tips.md'?"),
    ("[a](tips.md#scal)", "did you mean '#scale'?"),
    ("[a](tips.md#SCALE)", "did you mean '#scale'?"),
    ("[a](Tips.md)", "'tips.md'"),
    ("[a](tips)", "did you mean 'tips.md'?"),
    ("[a](tips.html)", "link to 'tips.md'"),
    ("[a](tips/index.html)", "link to 'tips.md'"),
    ("[a](guide/)", "link to 'guide/index.md' instead"),
    ("[a](/tips/)", "use the relative link 'tips.md'"),
    ('<a href="tips.md">a</a>', "use '../tips/'"),
    ('<img src="assets/pic.svg" alt="">', "use '../assets/pic.svg'"),
    ("![a](assets/pic.png)", "'assets/pic.svg' does"),
])
def test_message_names_the_fix(tmp_path: Path, text: str, suggestion: str) -> None:
    assert suggestion in _message(tmp_path, text + "\n")


def test_suggestion_from_a_nested_page_is_relative_to_it(tmp_path: Path) -> None:
    assert "did you mean '../tips.md'?" in _message(tmp_path, "[a](../tipz.md)\n", "guide/case.md")


def test_front_matter_lines_count(tmp_path: Path) -> None:
    text = "---\ntitle: Case\ndescription: A page.\n---\n\n# Case\n\nText and [broken](nope.md).\n"
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text})
    assert places(check(root, jobs=1), root) == [("docs/case.md", 8, 19, "LNK001")]


def test_code_spans_and_blocks_are_ignored_and_do_not_shift_the_place(tmp_path: Path) -> None:
    text = ("# Case\n\nIn code: `[x](nope.md)`.\n\n```markdown\n[x](nope.md)\n```\n\n"
            "    [x](nope.md)\n\nReal: [x](nope.md)\n")
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text})
    assert places(check(root, jobs=1), root) == [("docs/case.md", 11, 11, "LNK001")]


def test_nested_blocks_are_checked(tmp_path: Path) -> None:
    text = ('# Case\n\n!!! note\n    [a](nope-1.md)\n\n- item\n    - [b](nope-2.md)\n\n'
            'Claim.[^1]\n\n[^1]: [c](nope-3.md)\n\n| A |\n|---|\n| [d](nope-4.md) |\n\n'
            '??? tip "Details"\n    [e](nope-5.md)\n\n=== "Tab"\n\n    !!! warning\n        [f](nope-6.md)\n')
    config = BASE_CONFIG + "  - tables\n  - pymdownx.details\n  - pymdownx.superfences\n  - pymdownx.tabbed\n"
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text}, config=config)
    assert places(check(root, jobs=1), root) == [
        ("docs/case.md", 4, 9, "LNK001"), ("docs/case.md", 7, 11, "LNK001"),
        ("docs/case.md", 11, 11, "LNK001"), ("docs/case.md", 15, 7, "LNK001"),
        ("docs/case.md", 18, 9, "LNK001"), ("docs/case.md", 23, 13, "LNK001")]


def test_same_url_twice_is_reported_twice(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": "[a](nope.md)\n\n[b](nope.md)\n"})
    assert places(check(root, jobs=1), root) == [("docs/case.md", 1, 5, "LNK001"), ("docs/case.md", 3, 5, "LNK001")]


def test_reference_used_twice_is_reported_once_at_its_definition(tmp_path: Path) -> None:
    text = "[a][r] and [b][r]\n\n[r]: nope.md\n"
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text})
    assert places(check(root, jobs=1), root) == [("docs/case.md", 3, 6, "LNK001")]


def test_same_url_in_markdown_and_raw_html_is_judged_separately(tmp_path: Path) -> None:
    text = '[fine](tips.md)\n\n<a href="tips.md">broken: raw HTML is not rewritten</a>\n'
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text})
    assert places(check(root, jobs=1), root) == [("docs/case.md", 3, 10, "LNK007")]


def test_broken_link_in_a_snippet_is_reported_in_the_snippet(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": '# Case\n\n--8<-- "part.md"\n'},
                      includes={"part.md": "Intro.\n\nSee [gone](gone.md).\n"})
    assert places(check(root, jobs=1), root) == [("includes/part.md", 3, 12, "LNK001")]


def test_same_broken_url_in_code_on_the_page_and_as_a_link_in_a_snippet(tmp_path: Path) -> None:
    text = '# Case\n\n`[gone](gone.md)` in code\n\n--8<-- "part.md"\n'
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text},
                      includes={"part.md": "See [gone](gone.md).\n"})
    assert places(check(root, jobs=1), root) == [("includes/part.md", 1, 12, "LNK001")]


def test_heading_from_a_snippet_is_an_anchor(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": '# Case\n\n--8<-- "part.md"\n',
                                          "other.md": "[a](case.md#from-the-snippet)\n"},
                      includes={"part.md": "## From the snippet\n"})
    assert check(root, jobs=1) == []


def test_custom_slugify_from_the_config_is_used(tmp_path: Path) -> None:
    slugify = ("      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
               "        kwds: {case: lower, percent_encode: false}\n")
    config = BASE_CONFIG.replace("      permalink: true\n", "      permalink: true\n" + slugify)
    pages = {**BASE_PAGES, "case.md": "# Case\n\n## Café au lait\n\n[a](#café-au-lait) [b](#cafe-au-lait)\n"}
    root = write_site(tmp_path / "site", pages, config=config)
    # The site keeps the accent (`#café-au-lait`); MkDocs' default slugify would have dropped it.
    assert places(check(root, jobs=1), root) == [("docs/case.md", 5, 24, "LNK002")]


def test_excluded_page_is_a_missing_target(tmp_path: Path) -> None:
    config = BASE_CONFIG + "exclude_docs: |\n  drafts/\n"
    pages = {**BASE_PAGES, "drafts/wip.md": "# WIP\n", "case.md": "[a](drafts/wip.md)\n"}
    root = write_site(tmp_path / "site", pages, config=config)
    found = check(root, jobs=1)
    assert places(found, root) == [("docs/case.md", 1, 5, "LNK001")]
    assert "excluded" in found[0].message


def test_external_links_are_never_checked(tmp_path: Path) -> None:
    text = ("[a](https://example.invalid/x.md) [b](http://x.invalid) [c](mailto:a@b.invalid) [d](tel:+1) "
            "<https://example.invalid/> <a href=\"//cdn.invalid/x.js\">e</a>\n")
    root = write_site(tmp_path / "site", {**BASE_PAGES, "case.md": text})
    assert check(root, jobs=1) == []


# -- nav -----------------------------------------------------------------------------------------------

NAV_PAGES = {**BASE_PAGES}


def _nav_site(tmp_path: Path, nav: str, extra: str = "") -> Path:
    return write_site(tmp_path / "site", NAV_PAGES, config=BASE_CONFIG + extra + "nav:\n" + nav)


ALL_IN_NAV = ("  - index.md\n  - tips.md\n  - Guide:\n      - guide/index.md\n      - guide/page.md\n"
              "  - empty/a.md\n")


def test_nav_with_every_page_is_clean(tmp_path: Path) -> None:
    assert check(_nav_site(tmp_path, ALL_IN_NAV), jobs=1) == []


@pytest.mark.parametrize(("entry", "code", "words"), [
    ("missing.md", "LNK008", "not in docs/"),
    ("tips.md#nope", "LNK008", "anchor '#nope' not found"),
    ("tips.md#scale", "LNK008", "does not resolve a file name with an anchor"),
    ("Tips.md", "LNK004", "letter case"),
    ("/tips/", "LNK009", "absolute"),
])
def test_broken_nav_entry_is_reported_at_its_line(tmp_path: Path, entry: str, code: str, words: str) -> None:
    root = _nav_site(tmp_path, ALL_IN_NAV + f"  - Broken: {entry}\n")
    found = check(root, jobs=1)
    config_lines = (root / "mkdocs.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(config_lines, 1) if text.endswith(f"Broken: {entry}"))
    assert places(found, root) == [("mkdocs.yml", line, 13, code)]
    assert words in found[0].message


def test_page_missing_from_nav_is_a_warning(tmp_path: Path) -> None:
    root = _nav_site(tmp_path, ALL_IN_NAV.replace("  - empty/a.md\n", ""))
    found = check(root, jobs=1)
    assert [(f.code, f.severity) for f in found] == [("LNK010", "warning")]
    assert "empty/a.md" in found[0].message
    assert [f.severity for f in check(root, jobs=1, omitted="error")] == ["error"]
    assert check(root, jobs=1, omitted="ignore") == []


def test_not_in_nav_and_ignored_omissions_are_honoured(tmp_path: Path) -> None:
    nav = ALL_IN_NAV.replace("  - empty/a.md\n", "")
    assert check(_nav_site(tmp_path / "a", nav, "not_in_nav: |\n  empty/\n"), jobs=1) == []
    config = BASE_CONFIG.replace("  omitted_files: warn\n", "  omitted_files: ignore\n") + "nav:\n" + nav
    assert check(write_site(tmp_path / "b", NAV_PAGES, config=config), jobs=1) == []


# -- several worker processes give the same answer as one -------------------------------------------

def test_parallel_and_serial_checks_agree(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from generate_site import generate
    from guidebuild import workers

    config = generate(tmp_path / "synthetic", pages=120, broken=0.05)
    serial = check(config.parent, jobs=1)
    parallel = check(config.parent, jobs=2)
    assert len(serial) > 10
    assert parallel == serial
    assert workers.PARALLEL_THRESHOLD <= 120  # so jobs=2 really used worker processes


def test_a_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    import os

    root = write_site(tmp_path / "site", BASE_PAGES)
    os.mkfifo(root / "docs" / "pipe.md")  # reading it would block for ever
    found = check(root, jobs=1)
    assert places(found, root) == [("docs/pipe.md", 0, 0, "LNK016")]
    assert "not a regular file" in found[0].message


def test_static_html_pages_are_checked_and_can_be_linked(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "extra.html": '<p id="frag">x</p>\n<a href="tips/">ok</a>\n<a href="nope/">broken</a>\n',
             "case.md": "[a](extra.html#frag) [b](extra.html#nope)\n"}
    root = write_site(tmp_path / "site", pages)
    assert places(check(root, jobs=1), root) == [("docs/case.md", 1, 26, "LNK002"),
                                                 ("docs/extra.html", 3, 10, "LNK007")]


def test_absolute_links_relative_to_docs(tmp_path: Path) -> None:
    config = BASE_CONFIG.replace("  absolute_links: warn\n", "  links:\n    absolute_links: relative_to_docs\n")
    pages = {**BASE_PAGES, "case.md": '[a](/tips.md#scale) [b](/nope.md)\n\n<a href="/tips/">raw</a>\n'}
    root = write_site(tmp_path / "site", pages, config=config)
    assert places(check(root, jobs=1), root) == [("docs/case.md", 1, 25, "LNK001"), ("docs/case.md", 3, 10, "LNK009")]


def test_readme_documents_every_code() -> None:
    from guidebuild.links.source_links import CODES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Checking links", 1)[1].split("\n## ", 1)[0]
    for code in CODES:
        assert f"| `{code}` |" in section, code
