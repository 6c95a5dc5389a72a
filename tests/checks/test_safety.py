"""Content-safety rules (scripts/guidebuild/checks/safety.py): what is refused, where, and what is not."""

from __future__ import annotations

import time

import markdown
import pytest

from guidebuild.checks import safety
from guidebuild.checks.safety import check_css, check_markdown, check_svg, mask_code, scan_html

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "admonition", "pymdownx.superfences", "pymdownx.details"]


@pytest.fixture(scope="module")
def render():
    md = markdown.Markdown(extensions=EXTENSIONS)

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


def found(text: str, render=None, **kwargs) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in check_markdown("p.md", text, render=render, **kwargs)]


def test_mask_code_keeps_length_and_lines() -> None:
    text = "a `<script>` b\n\n```html\n<iframe>\n```\nc ``x ` y`` d\n"
    masked = mask_code(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "<script>" not in masked and "<iframe>" not in masked
    assert masked.startswith("a ") and masked.rstrip().endswith("d")


def test_unclosed_backticks_do_not_hide_the_rest_of_the_page() -> None:
    masked = mask_code("A lone ` here.\n\n<script>x()</script>\n")
    assert "<script>" in masked


@pytest.mark.parametrize(("html", "code"), [
    ("<script>x()</script>", "SAFE001"),
    ("<SCRIPT SRC=//x.example/a.js></SCRIPT>", "SAFE001"),
    ("<iframe srcdoc='<p>x'></iframe>", "SAFE001"),
    ("<base href='https://x.example/'>", "SAFE001"),
    ("<meta http-equiv=refresh content='0;url=https://x.example/'>", "SAFE001"),
    ("<link rel=stylesheet href='https://x.example/a.css'>", "SAFE001"),
    ("<form action='https://x.example/'><input name=a></form>", "SAFE001"),
    ("<svg><set attributeName='href' to='javascript:x()'/></svg>", "SAFE001"),
    ("<div onmouseover='x()'>", "SAFE002"),
    ("<svg onload='x()'></svg>", "SAFE002"),
    ("<a href='\tjava\nscript:x()'>", "SAFE003"),
    ("<a href='&#106;avascript:x()'>", "SAFE003"),
    ("<a href='data:text/html,<script>x()</script>'>", "SAFE004"),
    ("<img src='data:image/svg+xml;base64,PHN2Zz4='>", "SAFE004"),
    ("<img src='https://x.example/p.gif'>", "SAFE005"),
    ("<img src='HTTP://x.example/p.gif'>", "SAFE005"),
    ("<img src='\\\\x.example/p.gif'>", "SAFE005"),
    ("<video poster='https://x.example/p.jpg'></video>", "SAFE005"),
    ("<a href='x.md' ping='https://x.example/track'>", "SAFE005"),
    ("<p style='background:u\\72l(https://x.example/p.gif)'>", "SAFE005"),
    ("<style>@import 'https://x.example/a.css';</style>", "SAFE005"),
])
def test_refused_html(html: str, code: str) -> None:
    assert [hit.code for hit in scan_html(html)] == [code]


@pytest.mark.parametrize("html", [
    "<a href='https://example.org/'>a link is not a request</a>",
    "<a href='mailto:editors@example.org'>mail</a>",
    "<img src='assets/p.png' alt='local'>",
    "<img src='data:image/png;base64,iVBORw0KGgo=' alt='inline raster'>",
    "<p style='color: red'>styled</p>",
    "<style>.a { background: url(assets/a.png) }</style>",
    "<svg><use href='#icon'/><a href='tips.md'>x</a></svg>",
    "<details><summary>More</summary>text</details>",
    "<button type='button'>not a form</button>",
])
def test_allowed_html(html: str) -> None:
    assert scan_html(html) == []


def test_own_site_is_not_another_site() -> None:
    html = "<img src='https://back-massage-guide.github.io/back-massage-guide/assets/a.png'>"
    assert scan_html(html, ("https://back-massage-guide.github.io/back-massage-guide/",)) == []
    assert [h.code for h in scan_html(html)] == ["SAFE005"]


def test_rendered_page_is_the_truth_and_source_gives_the_place(render) -> None:
    text = ("# T\n\nShow `<script>` in code.\n\n```\n<script>in a block</script>\n```\n\n"
            "    <script>indented code</script>\n\n<script>real()</script>\n\n[a](javascript:x()){ onclick=\"y()\" }\n")
    assert found(text, render) == [(11, 1, "SAFE001"), (13, 5, "SAFE003"), (13, 22, "SAFE002")]


def test_without_a_renderer_the_raw_html_is_still_checked() -> None:
    assert found("# T\n\n<script>x()</script>\n\n[a](javascript:x())\n") == [(3, 1, "SAFE001")]


def test_repeated_needles_are_placed_in_order(render) -> None:
    text = "[a](javascript:x())\n\n`[a](javascript:x())`\n\n[b](javascript:x())\n"
    assert found(text, render) == [(1, 5, "SAFE003"), (5, 5, "SAFE003")]


def test_front_matter_is_not_scanned_as_page_text(render) -> None:
    text = "---\ntitle: T\nnote: <script>\n---\n\n# T\n"
    assert found(text, render, body_offset=text.index("# T")) == []


def test_too_many_findings_are_summarised(render) -> None:
    text = "".join(f"[{n}](javascript:x({n}))\n\n" for n in range(200))
    findings = check_markdown("p.md", text, render=render)
    assert len(findings) == safety.MAX_PER_FILE + 1
    assert findings[-1].code == "SAFE000" and "150 more" in findings[-1].message


def test_css_file_external_import_is_placed(tmp_path) -> None:
    findings = check_css("a.css", "p { color: red }\n\n@import url(\"https://fonts.example/a.css\");\n")
    assert [(f.line, f.column, f.code) for f in findings] == [(3, 9, "SAFE005")]


def test_svg_without_problems_passes() -> None:
    svg = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
           b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t">'
           b'<title id="t">A hand</title><style>.a{fill:#123}</style><path class="a" d="M0 0h5v5z"/></svg>\n')
    assert check_svg("a.svg", svg) == []


def test_svg_billion_laughs_is_refused_before_it_expands() -> None:
    entities = "".join(f'<!ENTITY l{n} "&l{n - 1};&l{n - 1};&l{n - 1};&l{n - 1};">' for n in range(1, 12))
    svg = f'<!DOCTYPE svg [<!ENTITY l0 "ha">{entities}]><svg><text>&l11;</text></svg>'.encode()
    started = time.perf_counter()
    findings = check_svg("a.svg", svg)
    assert time.perf_counter() - started < 5  # a hang guard; the expansion would be 8 GB
    assert [f.code for f in findings] == ["SAFE006"]


def test_svg_with_namespace_prefixes_is_still_read() -> None:
    svg = (b'<s:svg xmlns:s="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">\n'
           b'<s:script>x()</s:script>\n<s:image x:href="https://x.example/a.png"/>\n</s:svg>\n')
    assert [(f.line, f.code) for f in check_svg("a.svg", svg)] == [(2, "SAFE001"), (3, "SAFE005")]
