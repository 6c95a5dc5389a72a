"""Render one page's Markdown exactly as the site does, and parse the HTML into a small tree.

The content checks (reading grade, citations, glossary) must judge what readers see, not the
Markdown source: a footnote marker, a glossary tooltip or an included snippet only exist after
rendering. So each page goes through Python-Markdown with the site's own `markdown_extensions`
and `mdx_configs` (what MkDocs itself does in `Page.render`), with the front matter removed by
MkDocs' own `meta.get_data`. MkDocs' link rewriting is left out on purpose, so links keep their
source form (`references.md#furlan-2015`) and can be matched against the References page.

The tree is deliberately tiny (the standard library has no HTML DOM and none is pinned): enough
to walk elements, read attributes and collect text.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files
from mkdocs.utils import meta

VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                           "source", "track", "wbr"})


@dataclass(eq=False)
class Element:
    """An HTML element: tag, attributes and children (elements or text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def text(self) -> str:
        """All text below this element, as a browser's `textContent` would give it."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag (hand-written HTML) is ignored.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    """Parse an HTML fragment into a tree under a synthetic `root` element."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass
class RenderedPage:
    """One page: where it is, its source, its front matter and its rendered HTML as a tree."""

    src_uri: str          # e.g. "safety.md" (relative to docs_dir, forward slashes)
    path: Path            # the file on disk
    source: str           # the whole file, front matter included
    body_line: int        # 1-based line in `source` where the Markdown body starts
    meta: dict[str, object]
    html: str
    tree: Element
    includes: list[Path] = field(default_factory=list)  # files pulled in with `--8<-- "file"`


@contextmanager
def project_cwd(config: MkDocsConfig) -> Iterator[None]:
    """Run with the project root as the working folder, as the build does.

    pymdownx.snippets resolves `base_path` and `auto_append` against the working folder, so the
    glossary is only appended when we render from the folder that holds mkdocs.yml.
    """
    before = os.getcwd()
    os.chdir(Path(config.config_file_path).parent)
    try:
        yield
    finally:
        os.chdir(before)


def documentation_pages(config: MkDocsConfig) -> list[tuple[str, Path]]:
    """(src_uri, path) of every Markdown page MkDocs would build, in nav order, then the rest."""
    files = get_files(config)
    pages = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
    order = {uri: n for n, uri in enumerate(_nav_files(config.nav or []))}
    return sorted(pages.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _nav_files(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def site_extension_configs(config: MkDocsConfig) -> dict[str, dict[str, object]]:
    """The site's extension settings, with snippet paths made absolute.

    pymdownx.snippets resolves `base_path` against the working folder; MkDocs is normally run from
    the project root, but a hook or a test may not be, so anchor the paths to mkdocs.yml's folder.
    """
    configs = copy.deepcopy(dict(config.mdx_configs or {}))
    snippets = configs.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        root = Path(config.config_file_path).parent
        paths = snippets["base_path"]
        paths = [paths] if isinstance(paths, str) else list(paths)
        snippets["base_path"] = [str(root / p) if not os.path.isabs(p) else p for p in paths]
    return configs


def render_markdown(config: MkDocsConfig, text: str) -> str:
    """Markdown (front matter already removed) to HTML with the site's extensions, as MkDocs does."""
    md = markdown.Markdown(extensions=config.markdown_extensions,
                           extension_configs=site_extension_configs(config))
    return md.convert(text)


_SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])([^"']+)\1\s*$""", re.MULTILINE)


def included_files(config: MkDocsConfig, source: str) -> list[Path]:
    """Files a page includes with one-line `--8<-- "file"` snippets, resolved like pymdownx.snippets.

    Used to point a finding at the file a sentence really comes from (e.g. CONTRIBUTING.md on
    the About page). Block-form snippets and auto-appended files are not followed.
    """
    settings = (config.mdx_configs or {}).get("pymdownx.snippets", {})
    bases = settings.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else list(bases)
    root = Path(config.config_file_path).parent
    found: list[Path] = []
    for match in _SNIPPET_LINE.finditer(source):
        name = re.sub(r"(?::\d*){1,2}$", "", match.group(2).strip())  # "file.md:3:20" takes lines 3-20
        for base in bases:
            candidate = (root / base / name).resolve()
            if candidate.is_file():
                found.append(candidate)
                break
    return found


def render_page(config: MkDocsConfig, src_uri: str, path: Path) -> RenderedPage:
    """Read and render one page (call inside `project_cwd`). Rendering errors propagate."""
    source = path.read_text(encoding="utf-8-sig")
    body, data = meta.get_data(source)
    body_line = source.count("\n", 0, len(source) - len(body)) + 1
    html = render_markdown(config, body)
    return RenderedPage(src_uri, path, source, body_line, dict(data or {}), html, parse_html(html),
                        included_files(config, body))
