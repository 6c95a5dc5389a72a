"""The renderer sees exactly the ids MkDocs' own rendering gives, however fast it is made to run."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from guidebuild import config as cfg
from guidebuild.site.markdown_factory import MarkdownFactory
from guidebuild.site.markdown_map import Renderer, locate
from guidebuild.site.pages import SitePages
from support import links_corpus as corpus
from support.links_corpus import write_site

ROOT = Path(__file__).resolve().parents[2]

EXTRA_PAGES = {
    "tabs.md": ('# Tabs\n\n=== "One"\n\n    ## Inside a tab\n\n=== "Two"\n\n    Text.[^a]\n\n'
                '=== "Three"\n\n    ```python title="x.py"\n    print(1)\n    ```\n\n[^a]: Note.\n\n'
                '=== "Again"\n\n    More.[^b]\n\n[^b]: Another note, referenced twice.[^a]\n'),
    "html.md": ('# HTML\n\n<div id="outer" markdown>\n\n## In a div { #in-div }\n\n<span id="inline-id">x</span>\n\n'
                '</div>\n\n<a name="old-style"></a>\n\n<details id="det"><summary>S</summary>Body</details>\n'),
    "dupes.md": "# Dupes\n\n## Same\n\n## Same\n\n## Same { #same }\n\n### *Same*\n\nText ==x==.\n",
}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def _mkdocs_ids(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """Ids in each page's HTML as MkDocs renders it (Page.render, as during `mkdocs build`)."""
    monkeypatch.chdir(root)
    config = cfg.load(str(root / "mkdocs.yml"))
    files = get_files(config)
    get_navigation(files, config)
    result = {}
    for file in files.documentation_pages():
        page = file.page
        assert page is not None
        page.read_source(config)
        page.render(config, files)
        parser = _Ids()
        parser.feed(page.content or "")
        result[file.src_uri] = parser.ids
    return result


def _body(config: object, src_uri: str) -> str:
    """The page's Markdown as MkDocs renders it (front matter removed), from the page model."""
    return SitePages(config).page(src_uri).body


def _our_ids(root: Path, *, reuse: bool) -> dict[str, set[str]]:
    config = cfg.load(str(root / "mkdocs.yml"))
    renderer = Renderer(MarkdownFactory(config.markdown_extensions, config.mdx_configs, str(root)), reuse=reuse)
    result = {}
    for file in sorted(get_files(config).documentation_pages(), key=lambda f: f.src_uri):
        result[file.src_uri] = renderer.render(_body(config, file.src_uri)).ids
    return result


def _sites(tmp_path: Path) -> list[Path]:
    pages = {**corpus.PAGES, **EXTRA_PAGES}
    config = corpus.CONFIG.split("nav:")[0] + "  - pymdownx.emoji\n"
    first = write_site(tmp_path / "corpus", pages, config, corpus.INCLUDES)
    project = tmp_path / "project"
    for part in ("mkdocs.yml", "docs", "includes", "overrides", "scripts", "CONTRIBUTING.md"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            project.mkdir(exist_ok=True)
            shutil.copy2(source, project / part)
    return [first, project]


@pytest.mark.parametrize("reuse", [True, False])
def test_ids_are_the_ones_mkdocs_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reuse: bool) -> None:
    for root in _sites(tmp_path):
        expected = _mkdocs_ids(root, monkeypatch)
        ours = _our_ids(root, reuse=reuse)
        assert ours.keys() == expected.keys()
        for uri in expected:
            assert ours[uri] == expected[uri], (root.name, uri, ours[uri] ^ expected[uri])


def test_reused_instance_renders_like_a_fresh_one(tmp_path: Path) -> None:
    root = _sites(tmp_path)[0]
    config = cfg.load(str(root / "mkdocs.yml"))
    reused = Renderer(MarkdownFactory(config.markdown_extensions, config.mdx_configs, str(root)), reuse=True)
    fresh = Renderer(MarkdownFactory(config.markdown_extensions, config.mdx_configs, str(root)), reuse=False)
    assert reused.reuse and not fresh.reuse
    files = sorted(get_files(config).documentation_pages(), key=lambda f: f.src_uri)
    for file in files + files[::-1]:  # every page after every other kind of page
        text = _body(config, file.src_uri)
        a, b = reused.render(text), fresh.render(text)
        assert (a.ids, a.links, a.unresolved, a.included) == (b.ids, b.links, b.unresolved, b.included), file.src_uri
        full = reused.render(text, html=True)  # the page model's render: the same ids and links, plus HTML
        assert (full.ids, full.links, full.unresolved, full.included) == (a.ids, a.links, a.unresolved, a.included)
        assert full.html is not None and a.html is None


def test_unknown_extension_or_unique_footnote_ids_get_a_fresh_instance(tmp_path: Path) -> None:
    assert not Renderer(MarkdownFactory(["toc", "pymdownx.critic"], {}, str(tmp_path))).reuse
    assert not Renderer(MarkdownFactory(["footnotes"], {"footnotes": {"UNIQUE_IDS": True}}, str(tmp_path))).reuse
    assert Renderer(MarkdownFactory(["toc", "footnotes", "markdown.extensions.tables"], {}, str(tmp_path))).reuse


def test_raw_html_and_markdown_links_are_told_apart(tmp_path: Path) -> None:
    renderer = Renderer(MarkdownFactory(["md_in_html", "attr_list"], {}, str(tmp_path)))
    page = renderer.render('[md](a.md) ![img](b.png)\n\n<a href="c.md">raw</a>\n\n<div markdown>\n[in](d.md)\n'
                           '<img src="e.png">\n</div>\n\n<picture><source srcset="f.png 1x, g.png 2x"></picture>\n')
    assert sorted((link.url, link.raw) for link in page.links) == [
        ("a.md", False), ("b.png", False), ("c.md", True), ("d.md", False), ("e.png", True), ("f.png", True),
        ("g.png", True)]


def test_locate_skips_code_and_finds_each_link(tmp_path: Path) -> None:
    renderer = Renderer(MarkdownFactory(["pymdownx.superfences"], {}, str(tmp_path)))
    text = "`[a](x.md)`\n\n```\n[a](x.md)\n```\n\n[a](x.md) and [b](x.md)\n"
    page = renderer.render(text)
    spots, unplaced = locate(renderer, text, page, [("x.md", False)])
    assert unplaced == set()
    assert [text.count("\n", 0, offset) + 1 for offset in spots[("x.md", False)]] == [7, 7]
    assert len(spots[("x.md", False)]) == 2


def test_raw_html_with_a_greater_than_sign_in_an_attribute(tmp_path: Path) -> None:
    renderer = Renderer(MarkdownFactory(["md_in_html"], {}, str(tmp_path)))
    page = renderer.render('<p><a title="a>b" href="x.md" id="y">t</a></p>\n')
    assert [(link.url, link.raw) for link in page.links] == [("x.md", True)]
    assert page.ids == {"y"}
