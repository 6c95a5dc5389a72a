"""Content that must not ship, through scripts/build.py: each refused at its line, exit 1, site/ kept.

Pages have the team's front matter, so a page body starts on line 8 and the unsafe line in these
pages is line 10 (a heading, a blank line, then the line under test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.badinput import assert_refused, build, page, place, seed_previous_site

GOOD = {"index.md": page("Home", "# Home\n\nHello.\n")}
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'


def bad_page(line: str) -> dict[str, str]:
    return {"bad.md": page("Bad", f"# Bad\n\n{line}\n\nMore text.\n")}


def bad_svg(body: str, prolog: str = "") -> dict[str, str]:
    return {"assets/bad.svg": f"{prolog}{SVG_OPEN}{body}\n</svg>\n"}


# (id, files, path, line, column, code, words in the message)
CASES = [
    ("script", bad_page("<script>alert(1)</script>"), "docs/bad.md", 10, 1, "SAFE001", "<script>"),
    ("script-src", bad_page('Text <script src="https://cdn.example/x.js"></script>'), "docs/bad.md", 10, 6,
     "SAFE001", "<script>"),
    ("iframe", bad_page('<iframe src="https://video.example/embed/1"></iframe>'), "docs/bad.md", 10, 1, "SAFE001",
     "<iframe>"),
    ("object", bad_page('<object data="movie.swf"></object>'), "docs/bad.md", 10, 1, "SAFE001", "<object>"),
    ("embed", bad_page('<embed src="movie.swf">'), "docs/bad.md", 10, 1, "SAFE001", "<embed>"),
    ("onclick", bad_page('<span onclick="steal()">Tap</span>'), "docs/bad.md", 10, 7, "SAFE002", "onclick="),
    ("onerror-uppercase", bad_page('<img src="x.png" alt="" ONERROR="steal()">'), "docs/bad.md", 10, 25,
     "SAFE002", "onerror="),
    ("attr-list-handler", bad_page('[Tap](index.md){ onclick="steal()" }'), "docs/bad.md", 10, 18, "SAFE002",
     "onclick="),
    ("javascript-link", bad_page("[Tap](javascript:alert(1))"), "docs/bad.md", 10, 7, "SAFE003", "javascript:"),
    ("javascript-entities", bad_page('<a href="jav&#x61;script&colon;alert(1)">Tap</a>'), "docs/bad.md", 10, 4,
     "SAFE003", "javascript:"),
    ("javascript-reference", bad_page("[Tap][t]\n\n[t]: javascript:alert(1)"), "docs/bad.md", 12, 6, "SAFE003",
     "javascript:"),
    ("vbscript-link", bad_page('<a href=" VBScript:msgbox">Tap</a>'), "docs/bad.md", 10, 4, "SAFE003", "vbscript:"),
    ("data-link", bad_page("[Open](data:text/html;base64,PHNjcmlwdD4=)"), "docs/bad.md", 10, 8, "SAFE004", "data:"),
    ("image-from-another-site", bad_page("![Pixel](https://tracker.example/p.gif)"), "docs/bad.md", 10, 10,
     "SAFE005", "tracker.example"),
    ("raw-image-protocol-relative", bad_page('<img src="//tracker.example/p.gif" alt="">'), "docs/bad.md", 10, 6,
     "SAFE005", "tracker.example"),
    ("srcset", bad_page('<img src="a.png" srcset="a.png 1x, https://cdn.example/a2.png 2x" alt="">'), "docs/bad.md",
     10, 18, "SAFE005", "cdn.example"),
    ("css-background", bad_page("<div style=\"background: url('https://t.example/bg.png')\">Hi</div>"), "docs/bad.md",
     10, 25, "SAFE005", "t.example"),
    ("inline-svg-use", bad_page('<svg><use href="https://icons.example/s.svg#i"/></svg>'), "docs/bad.md", 10, 11,
     "SAFE005", "icons.example"),
    ("front-matter-title", {"bad.md": page("Bad", "# Bad\n").replace("title: Bad", 'title: Bad</title><script>x()')},
     "docs/bad.md", 2, 8, "SAFE008", "unescaped"),
    ("svg-script", bad_svg("<script>alert(1)</script>"), "docs/assets/bad.svg", 2, 1, "SAFE001", "<script>"),
    ("svg-onload", bad_svg('<rect width="5" height="5" onload="x()"/>'), "docs/assets/bad.svg", 2, 28, "SAFE002",
     "onload="),
    ("svg-external-image", bad_svg('<image xlink:href="https://evil.example/a.png" width="5" height="5"/>'),
     "docs/assets/bad.svg", 2, 8, "SAFE005", "evil.example"),
    ("svg-foreign-object", bad_svg("<foreignObject><p>Hi</p></foreignObject>"), "docs/assets/bad.svg", 2, 1,
     "SAFE001", "foreignObject"),
    ("svg-javascript-link", bad_svg('<a href="javascript:alert(1)"><text>x</text></a>'), "docs/assets/bad.svg", 2, 4,
     "SAFE003", "javascript:"),
    ("svg-stylesheet", bad_svg("", prolog='<?xml-stylesheet href="https://evil.example/a.css"?>\n'),
     "docs/assets/bad.svg", 1, 1, "SAFE001", "xml-stylesheet"),
    ("svg-entities", bad_svg("<text>&a;</text>", prolog='<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n'),
     "docs/assets/bad.svg", 1, 15, "SAFE006", "entities"),
    ("svg-not-xml", bad_svg("<g>"), "docs/assets/bad.svg", 3, 3, "SAFE007", "not well-formed"),
    ("css-import", {"stylesheets/extra.css": "p { color: red; }\n@import url('https://fonts.example/f.css');\n"},
     "docs/stylesheets/extra.css", 2, 9, "SAFE005", "fonts.example"),
]


@pytest.mark.parametrize(("files", "path", "line", "column", "code", "words"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_unsafe_content_is_refused_at_its_line(mini_site, files: dict[str, str], path: str, line: int,
                                               column: int, code: str, words: str) -> None:
    root = mini_site({**GOOD, **files})
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, place(path, line, column, code), site_dir=root / "site", before=before)
    finding = next(row for row in out.splitlines() if row.startswith(f"{path}:{line}:{column}: {code} "))
    assert words in finding, finding


def test_unsafe_html_in_an_included_snippet_is_named_in_the_snippet(mini_site) -> None:
    config = ("  - pymdownx.snippets:\n      base_path: ['.', 'includes']\n"
              "      auto_append: [includes/glossary.md]\n      check_paths: true\n")
    root = mini_site(GOOD, config=config)
    (root / "includes").mkdir()
    (root / "includes" / "glossary.md").write_text("*[HTML]: Hypertext\n\n<img src=x onerror=steal()>\n",
                                                  encoding="utf-8")
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, place("includes/glossary.md", 3, 12, "SAFE002"),
                         site_dir=root / "site", before=before)
    assert out.count("SAFE002") == 1, "one snippet, many pages: one finding"


def test_unsafe_html_in_part_of_an_included_file_is_named_in_that_file(mini_site) -> None:
    config = "  - pymdownx.snippets:\n      base_path: ['.']\n      check_paths: true\n"
    root = mini_site({**GOOD, "about.md": page("About", '# About\n\n--8<-- "PARTS.md:3:4"\n')}, config=config)
    (root / "PARTS.md").write_text("# Parts\n\nWelcome.\n<b onclick='x()'>Hi</b>\n", encoding="utf-8")
    out = assert_refused(build(root), 1, place("PARTS.md", 4, 4, "SAFE002"), site_dir=root / "site", before=None)
    assert "docs/about.md" not in out


def test_everything_on_one_page_is_listed_each_at_its_line(mini_site) -> None:
    body = ("# Bad\n\n<script>a()</script>\n\n[Tap](javascript:b())\n\n![P](https://t.example/p.gif)\n\n"
            "<b onmouseover=\"c()\">x</b>\n\n<iframe src=\"https://v.example/\"></iframe>\n")
    root = mini_site({**GOOD, "bad.md": page("Bad", body)})
    out = assert_refused(build(root), 1, place("docs/bad.md", 10, 1, "SAFE001"), place("docs/bad.md", 12, 7, "SAFE003"),
                         place("docs/bad.md", 14, 6, "SAFE005"), place("docs/bad.md", 16, 4, "SAFE002"),
                         place("docs/bad.md", 18, 1, "SAFE001"), site_dir=root / "site", before=None)
    assert "5 errors" in out


def test_writing_about_unsafe_html_in_code_is_fine(mini_site) -> None:
    body = (
        "# Writing safe pages\n\n"
        "Never paste `<script>` or `<iframe src=\"https://x.example/\">`, nor ``<a onclick=\"x()\">``.\n\n"
        "```html\n<script src=\"https://cdn.example/x.js\"></script>\n"
        "<img src=\"https://tracker.example/p.gif\" onerror=\"x()\">\n```\n\n"
        "~~~\n[Tap](javascript:alert(1))\n~~~\n\n"
        "    <embed src=\"movie.swf\">\n\n"
        "A link to [another site](https://example.org/) is fine: it is a link, not a request.\n\n"
        "![A local picture](pic.svg)\n"
    )
    root = mini_site({**GOOD, "writing.md": page("Writing", body),
                      "pic.svg": f'{SVG_OPEN}<a href="https://example.org/"><rect width="5" height="5"/></a>\n'
                                 '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>\n'})
    result = build(root)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "SAFE" not in output
    built = (root / "site" / "writing" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in built


def test_a_site_with_no_problems_publishes(mini_site, tmp_path: Path) -> None:
    root = mini_site(GOOD)
    seed_previous_site(root / "site")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Hello." in (root / "site" / "index.html").read_text(encoding="utf-8")
