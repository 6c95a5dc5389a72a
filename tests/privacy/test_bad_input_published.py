"""What would be published, through scripts/build.py: every fetch from another host and every
script the build did not ship is refused (exit 1) at its place, whatever wrote it, and site/ is kept.

These are the leaks of issue 16: each built with "No problems found" before the output was
allow-listed. The source checks miss them (they are spelt in ways a block-list does not know), so
the finding comes from reading the built files, placed back in the source that produced it.
"""

from __future__ import annotations

import re

import pytest

from support.badinput import assert_refused, build, page, place, seed_previous_site
from support.sitekit import MINI_CONFIG

GOOD = {"index.md": page("Home", "# Home\n\nHello.\n")}
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg" '
       'xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n{body}\n</svg>\n')
CONFIG_LINES = len(MINI_CONFIG.splitlines())


def bad_page(line: str) -> dict[str, str]:
    return {"bad.md": page("Bad", f"# Bad\n\n{line}\n\nMore text.\n")}


# (id, files, path, line, words in the finding). The source check's block-list (SAFE005) catches
# some spellings first; the others reach the output check (PRIV001). Either way: refused, placed.
CASES = [
    ("image-set-in-style", bad_page('<p style="background: image-set(\'https://t.example/a.png\' 1x)">Hi</p>'),
     "docs/bad.md", 10, "https://t.example/a.png"),
    ("webkit-image-set-double-quotes", bad_page('<p style=\'background:-webkit-image-set("//t.example/a.png" 1x)\'>'
                                                "Hi</p>"), "docs/bad.md", 10, "//t.example/a.png"),
    ("import-without-space", {"stylesheets/extra.css": 'p { color: red; }\n@import"https://fonts.example/f.css";\n'},
     "docs/stylesheets/extra.css", 2, "@import in the stylesheet loads https://fonts.example/f.css"),
    ("import-upper-case-comment", {"stylesheets/extra.css": "@IMPORT/**/'https://fonts.example/g.css';\n"},
     "docs/stylesheets/extra.css", 1, "fonts.example/g.css"),
    ("escaped-url", {"stylesheets/extra.css": "p {\n  background: \\75rl(https://t.example/e.png);\n}\n"},
     "docs/stylesheets/extra.css", 0, "t.example/e.png"),
    ("font-face", {"stylesheets/extra.css": "@font-face {\n  font-family: X;\n"
                                            "  src: url(//fonts.example/x.woff2);\n}\n"},
     "docs/stylesheets/extra.css", 3, "fonts.example/x.woff2"),
    ("src-function", {"stylesheets/extra.css": 'p { background-image: src("https://t.example/s.png"); }\n'},
     "docs/stylesheets/extra.css", 1, "src() in the stylesheet"),
    ("svg-prefixed-style", {"assets/bad.svg": SVG.format(body='<svg:style>@import"https://e.example/a.css";</svg:style>')},
     "docs/assets/bad.svg", 2, "@import in an SVG <style> element"),
    ("svg-other-prefix-href", {"assets/bad.svg": SVG.format(body='<image x:href="https://e.example/i.png"/>')},
     "docs/assets/bad.svg", 2, "e.example/i.png"),
    ("style-element-in-page", bad_page("<style>p { background: image-set('https://t.example/s.png' 1x) }</style>"),
     "docs/bad.md", 10, "a <style> element"),
]


@pytest.mark.parametrize(("files", "path", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_fetch_from_another_host_is_refused_at_its_source(mini_site, files: dict[str, str], path: str,
                                                            line: int, words: str) -> None:
    extra = "extra_css:\n  - stylesheets/extra.css\n" if "stylesheets/extra.css" in files else ""
    root = mini_site({**GOOD, **files}, config=extra)
    before = seed_previous_site(root / "site")
    where = re.escape(path) + (f":{line}:" if line else ":\\d+:") + r"\d+"
    out = assert_refused(build(root), 1, rf"^{where}: (PRIV001|SAFE005) ", site_dir=root / "site", before=before)
    finding = next(row for row in out.splitlines() if re.match(rf"{where}: (PRIV001|SAFE005) ", row))
    assert words in finding, finding
    if "PRIV001" in finding:
        assert "(in site/" in finding, finding


SETTINGS = [
    ("extra-javascript-cdn", "extra_javascript:\n  - https://cdn.example/x.js\n", 2, 5, "`extra_javascript` loads"),
    ("extra-javascript-path-form", "extra_javascript:\n  - path: //cdn.example/x.js\n    defer: true\n", 2, 11,
     "`extra_javascript` loads"),
    ("extra-css-cdn", "extra_css:\n  - https://cdn.example/x.css\n", 2, 5, "`extra_css` loads"),
    ("analytics", "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXX\n", 2, 3, "analytics"),
    ("google-font", None, 0, 0, "Google Fonts"),
    ("logo-from-cdn", None, 0, 0, "`theme.logo` loads"),
    ("copyright-script", 'copyright: Hi <img src="https://t.example/p.gif">\n', 1, 12, "`copyright` is printed"),
]


@pytest.mark.parametrize(("extra", "line", "column", "words"), [c[1:] for c in SETTINGS], ids=[c[0] for c in SETTINGS])
def test_a_setting_that_loads_another_host_is_named_at_its_line_in_mkdocs_yml(mini_site, extra: str | None,
                                                                            line: int, column: int,
                                                                            words: str) -> None:
    root = mini_site(GOOD, config=extra or "")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    if extra is None and "font" in words.lower():
        text = text.replace("  font: false\n", "  font:\n    text: Roboto\n")
        line = text.splitlines().index("  font:") + 1
        column = 3
    elif extra is None:
        text = text.replace("  font: false\n", "  font: false\n  logo: https://cdn.example/logo.png\n")
        line = text.splitlines().index("  logo: https://cdn.example/logo.png") + 1
        column = 9
    else:
        line += CONFIG_LINES
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, place("mkdocs.yml", line, column, "PRIV006"), site_dir=root / "site",
                         before=before)
    assert words in out


def test_a_missing_font_setting_means_google_fonts(mini_site) -> None:
    root = mini_site(GOOD)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  font: false\n", "")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    out = assert_refused(build(root), 1, place("mkdocs.yml", text.splitlines().index("theme:") + 1, 1, "PRIV006"),
                         site_dir=root / "site", before=None)
    assert "Google Fonts" in out


FILE_TYPES = [
    ("xhtml-with-script", "page.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'),
    ("xht", "page.xht", "<html/>"),
    ("xml", "data/feed.xml", "<?xml-stylesheet href='https://e.example/a.xsl'?><feed/>"),
    ("svgz", "assets/pic.svgz", "not really gzip"),
    ("module-script", "javascripts/x.mjs", "alert(1)"),
    ("wasm", "assets/x.wasm", "\0asm"),
    ("flash", "assets/movie.swf", "FWS"),
    ("php", "contact.php", "<?php echo 1;"),
    ("shtml", "page.shtml", "<!--#include virtual='/etc/passwd' -->"),
    ("script-outside-javascripts", "assets/javascripts/bundle.js", "alert(1)"),
    ("script-at-the-root", "sw2.js", "self.addEventListener('fetch', () => {})"),
]


@pytest.mark.parametrize(("rel", "content"), [c[1:] for c in FILE_TYPES], ids=[c[0] for c in FILE_TYPES])
def test_a_file_type_the_site_does_not_publish_is_refused_by_name(mini_site, rel: str, content: str) -> None:
    root = mini_site({**GOOD, rel: content})
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, place(f"docs/{rel}", 0, 0, "PRIV003"), site_dir=root / "site",
                         before=before)
    assert "not published" in out or "outside docs/javascripts/" in out


HOOK = '''
def on_page_content(html, page, config, files):
    """A hook (or a plugin) that adds a tracking pixel: no source has the text, the output does."""
    return html + '<img alt="" src="https://pixel.example/p.gif?page=' + page.url + '">'
'''


def test_a_fetch_added_by_a_hook_is_refused_in_the_built_page(mini_site) -> None:
    root = mini_site(GOOD, config="hooks:\n  - pixel_hook.py\n")
    (root / "pixel_hook.py").write_text(HOOK, encoding="utf-8")
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, r"^site/index\.html:\d+:\d+: PRIV001 ", site_dir=root / "site",
                         before=before)
    assert "pixel.example" in out


OVERRIDES = [
    ("inline-script", '{% block scripts %}{{ super() }}<script>fetch("/x")</script>{% endblock %}', "PRIV002",
     "not one of the theme's own"),
    ("script-from-cdn", '{% block scripts %}{{ super() }}<script src="https://cdn.example/a.js"></script>'
                        "{% endblock %}", "PRIV001", "cdn.example/a.js"),
    ("font-preconnect", '{% block extrahead %}<link rel="preconnect" href="https://fonts.example">{% endblock %}',
     "PRIV001", "fonts.example"),
    ("handler", '{% block content %}<div onmouseover="x()">{{ super() }}</div>{% endblock %}', "PRIV002",
     "onmouseover="),
    ("refresh", '{% block extrahead %}<meta http-equiv="refresh" content="5;URL=\'https://e.example/\'">'
                "{% endblock %}", "PRIV001", "sends readers to https://e.example/"),
]


@pytest.mark.parametrize(("template", "code", "words"), [c[1:] for c in OVERRIDES], ids=[c[0] for c in OVERRIDES])
def test_a_template_in_overrides_that_leaks_is_named_at_its_line(mini_site, template: str, code: str,
                                                                 words: str) -> None:
    root = mini_site(GOOD)
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n' + template + "\n", encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
                                     encoding="utf-8")
    before = seed_previous_site(root / "site")
    out = assert_refused(build(root), 1, rf"^overrides/main\.html:2:\d+: {code} ", site_dir=root / "site",
                         before=before)
    assert words in out


def test_links_to_other_sites_and_local_pictures_still_publish(mini_site) -> None:
    body = ("# Fine\n\nA [link](https://example.org/) and ![a picture](pic.svg).\n\n"
            '<p class="x">Text</p>\n')
    root = mini_site({**GOOD, "fine.md": page("Fine", body),
                      "pic.svg": SVG.format(body='<a x:href="https://example.org/"><rect width="5" height="5"/></a>'),
                      "stylesheets/extra.css": "p { background: url(../pic.svg); }\n@import 'more.css';\n",
                      "stylesheets/more.css": "a { color: red; }\n"},
                     config="extra_css:\n  - stylesheets/extra.css\n")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site" / "fine" / "index.html").read_text(encoding="utf-8")
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<title>")
