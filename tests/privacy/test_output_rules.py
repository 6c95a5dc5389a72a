"""The allow-list rules on their own: CSS spellings, HTML and SVG references, the theme's own files."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import material
import pytest

from guidebuild.privacy import csp, html_refs
from guidebuild.privacy.css_refs import declarations_refs, stylesheet_refs
from guidebuild.privacy.html_refs import Context

OWN = ("https://example.org/guide/",)
CONTEXT = Context(OWN, lambda key, src: src.endswith("ok.js"), lambda text: text == "theme();")

CSS_SPELLINGS = [
    '@import"https://a.example/x.css";',
    "@import 'https://a.example/x.css';",
    "@IMPORT url( https://a.example/x.css ) screen;",
    "@import/**/url('https://a.example/x.css');",
    'p{background:image-set("https://a.example/i.png" 1x, "i2.png" 2x)}',
    "p{background:-webkit-image-set(url(//a.example/i.png) 1x)}",
    "p{background:\\75rl(https://a.example/i.png)}",
    "p{background:URL(https://a.example/i.png)}",
    "p{background:u\\72l('https://a.example/i.png')}",
    'p{background:src("https://a.example/i.png")}',
    "@font-face{font-family:x;src:local(x),url(https://a.example/f.woff2)format('woff2')}",
    "@media print{@supports(display:grid){p{background:url(https://a.example/i.png)}}}",
    "p{cursor:url(https://a.example/c.cur),auto}",
    "p{background:url(\\68ttps://a.example/i.png)}",
    "p{background:url(https:\\2f\\2f a.example/i.png)}",
]


@pytest.mark.parametrize("css", CSS_SPELLINGS)
def test_every_spelling_of_a_css_fetch_is_read(css: str) -> None:
    problems = html_refs.css_problems(css, 1, 1, "the stylesheet", CONTEXT)
    assert [p.code for p in problems] == ["PRIV001"], (css, stylesheet_refs(css))
    assert "a.example" in problems[0].message


@pytest.mark.parametrize("css", ["p{background:url(../i.png)}", "p{background:url(data:image/svg+xml;utf8,<svg/>)}",
                                 'p{content:"https://a.example/"}', "@namespace svg url(http://www.w3.org/2000/svg);",
                                 "@import 'local.css';", "p{background:url(https://example.org/guide/i.png)}"])
def test_what_stays_on_this_site_is_fine(css: str) -> None:
    assert html_refs.css_problems(css, 1, 1, "the stylesheet", CONTEXT) == []


def test_an_import_of_a_data_url_is_refused() -> None:
    assert html_refs.css_problems("@import url(data:image/png;base64,AAAA);", 1, 1, "x", CONTEXT)


def test_style_attribute_declarations_are_read() -> None:
    refs = declarations_refs("color: red; --x: image-set('https://a.example/i.png' 1x)")
    assert [r.url for r in refs] == ["https://a.example/i.png"]


HTML_CASES = [
    ('<link rel="stylesheet" href="https://a.example/x.css">', "PRIV001"),
    ('<link rel="PRELOAD" as="font" href="//a.example/f.woff2">', "PRIV001"),
    ('<link rel="dns-prefetch" href="https://a.example">', "PRIV001"),
    ('<link rel="icon" href="https://a.example/f.ico">', "PRIV001"),
    ('<link rel="manifest" href="https://a.example/m.json">', "PRIV001"),
    ('<link rel="canonical preconnect" href="https://a.example/">', "PRIV001"),
    ('<link rel="made-up" href="https://a.example/">', "PRIV001"),
    ('<link imagesrcset="https://a.example/a.png 2x" rel="preload" as="image">', "PRIV001"),
    ('<meta http-equiv="Refresh" content="0;URL=\'//a.example/\'">', "PRIV001"),
    ('<base href="https://a.example/">', "PRIV001"),
    ('<form action="https://a.example/collect"></form>', "PRIV001"),
    ('<button formaction="https://a.example/collect">x</button>', "PRIV001"),
    ('<video poster="https://a.example/p.png"></video>', "PRIV001"),
    ('<table background="https://a.example/p.png"></table>', "PRIV001"),
    ('<a href="/x" ping="https://a.example/ping">x</a>', "PRIV001"),
    ('<img src="\\\\a.example\\p.png" alt="">', "PRIV001"),
    ('<img src=" https://a.example/p.png" alt="">', "PRIV001"),
    ('<img src="ftp://a.example/p.png" alt="">', "PRIV001"),
    ('<object data="x.swf"></object>', "PRIV001"),
    ('<iframe src="page.html"></iframe>', "PRIV001"),
    ('<iframe srcdoc="<script>x()</script>"></iframe>', "PRIV002"),
    ('<script src="https://a.example/x.js"></script>', "PRIV001"),
    ('<script src="../evil.js"></script>', "PRIV002"),
    ('<script type="module" src="../evil.js"></script>', "PRIV002"),
    ("<script>notTheTheme();</script>", "PRIV002"),
    ('<a href="java&#x09;script:x()">x</a>', "PRIV002"),
    ('<p onclick="x()">x</p>', "PRIV002"),
    ('<svg><use href="https://a.example/s.svg#i"/></svg>', "PRIV001"),
    ('<svg><image xlink:href="https://a.example/i.png"/></svg>', "PRIV001"),
    ('<svg><svg:style>@import"https://a.example/x.css";</svg:style></svg>', "PRIV001"),
    ('<svg><animate attributeName="href" to="https://a.example/"/></svg>', "PRIV002"),
    ('<p style="color: red">x</p>', "PRIV005"),
]


@pytest.mark.parametrize(("html", "code"), HTML_CASES)
def test_each_fetch_or_foreign_script_in_a_page_is_found(html: str, code: str) -> None:
    codes = {p.code for p in html_refs.html_problems("page/index.html", html, CONTEXT)}
    assert code in codes, (html, codes)


@pytest.mark.parametrize("html", [
    '<a href="https://example.com/">a link</a>', '<link rel="canonical" href="https://example.com/x/">',
    '<link rel="alternate prev" href="https://example.com/">', '<script src="ok.js"></script>',
    "<script>theme();</script>", '<script type="application/json">{"url": "https://a.example/"}</script>',
    '<img src="data:image/png;base64,AAAA" alt="">', '<img src="https://example.org/guide/a.png" alt="">',
    '<meta http-equiv="refresh" content="0; url=../other/">', '<svg><a href="https://example.com/"><rect/></a></svg>',
])
def test_links_own_files_and_theme_scripts_are_fine(html: str) -> None:
    assert html_refs.html_problems("page/index.html", html, CONTEXT) == []


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:q="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(("body", "code"), [
    ('<q:style>@import"https://a.example/x.css";</q:style>', "PRIV001"),
    ("<style><![CDATA[ p { background: url(//a.example/i.png) } ]]></style>", "PRIV001"),
    ('<image l:href="https://a.example/i.png"/>', "PRIV001"),
    ('<q:image q:href="https://a.example/i.png"/>', "PRIV001"),
    ("<q:script>alert(1)</q:script>", "PRIV002"),
    ('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>', "PRIV002"),
    ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "PRIV002"),
    ('<rect onload="x()"/>', "PRIV002"),
    ('<feImage href="https://a.example/i.png"/>', "PRIV001"),
])
def test_svg_is_read_namespace_aware(body: str, code: str) -> None:
    codes = {p.code for p in html_refs.xml_problems(SVG.format(body).encode(), CONTEXT)}
    assert code in codes, (body, codes)


def test_an_xml_stylesheet_and_entities_are_refused() -> None:
    assert html_refs.xml_problems(b'<?xml-stylesheet href="https://a.example/x.css"?><svg/>', CONTEXT)
    assert html_refs.xml_problems(b'<!DOCTYPE svg [<!ENTITY u "https://a.example/">]><svg/>', CONTEXT)


def test_the_theme_s_own_assets_pass_the_same_rules() -> None:
    """The build skips byte-identical copies of the theme's files; this is where they are checked,
    so that a theme update that starts fetching from elsewhere fails here."""
    assets = Path(material.__file__).parent / "templates" / "assets"
    checked = 0
    for path in sorted(assets.rglob("*")):
        if path.suffix == ".css":
            problems = html_refs.css_problems(path.read_text(encoding="utf-8"), 1, 1, path.name, CONTEXT)
        elif path.suffix == ".svg":
            problems = html_refs.xml_problems(path.read_bytes(), CONTEXT)
        else:
            continue
        checked += 1
        assert problems == [], (path, problems[:3])
    assert checked >= 2  # main and palette stylesheets at least


def test_the_policy_goes_right_after_the_charset_with_a_hash_per_inline_script() -> None:
    page = '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>x</title><script>a()</script></head></html>'
    changed = csp.with_policy(page)
    assert changed is not None
    head = changed[changed.index("<head>"):]
    assert head.index("<meta charset") < head.index("Content-Security-Policy") < head.index("<title>")
    expected = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert f"'sha256-{expected}'" in changed
    assert csp.with_policy("<p>no head</p>") is None
