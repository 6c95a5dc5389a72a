"""Render a page with the site's own Markdown pipeline and report what the browser will get.

The link check must see exactly the ids and links the built site will have, so it never parses
Markdown itself: each page goes through a fresh `markdown.Markdown` built from the configuration
MkDocs uses (`markdown_extensions` and `mdx_configs`, the real `toc` slugify, `attr_list`,
`md_in_html`, snippets, ...), the way `mkdocs.structure.pages.Page.render` does it. Two small
treeprocessors read the result:

* links that are `<a href>`/`<img src>` elements of the tree when MkDocs' own `relpath`
  treeprocessor runs are the ones MkDocs rewrites (`tips.md` becomes `../tips/`); everything that
  stays raw HTML (the HTML stash) reaches the browser as written, so it is judged as the browser
  will judge it;
* text the reference-link pattern left behind (`[text][ref]` without a definition) is recorded
  before escapes are restored, so `\\[not\\]\\[a link\\]` is not mistaken for one.

Python-Markdown keeps no line numbers, so `locate()` maps a link back to its source: directly when
the URL occurs exactly as often in the source as on the rendered page, and otherwise by rendering
the page once more with a unique marker in front of every occurrence and reading which markers
became links. Occurrences in code spans and code blocks never become links, so they are skipped
without this module having to know what a code block is.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from guidebuild.site.markdown_factory import MarkdownFactory
from guidebuild.site.url_attributes import is_checked_link, urls_in

# Treeprocessors that only decorate text and can neither add nor remove an id or a link:
# `abbr` wraps glossary words in <abbr title> (its definitions are still removed, by its block
# processor). Skipping it saves a sixth of the rendering time on a page with a glossary.
PRESENTATION_ONLY = ("abbr",)
# Raw HTML without one of these attributes has nothing to collect (most stashed blocks are code).
_MAY_HOLD_URL_OR_ID = re.compile(r"(?i)\b(?:id|name|href|src|srcset|poster|data)\s*=")
_CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})

# What an unresolved reference leaves in the text: `[text][ref]`, `[text][]` or `[^note]`.
# A word character or `]` right before the `[` (as in `matrix[i][j]`) means it is not prose.
_UNRESOLVED = re.compile(
    r"(?<![\w\]\\])(!?\[(?:[^\[\]\x00]|\[[^\[\]\x00]*\])+\])\[([^\[\]\x00]*)\]"
    r"|(?<![\]\\])\[\^([^\[\]\s\x00]+)\]"
)
_PROBE = "LnkProbe{}Z"
_PROBE_RE = re.compile(r"LnkProbe(\d+)Z")


@dataclass(frozen=True, slots=True)
class RenderedLink:
    """One URL on a rendered page: `<a href>`, `<img src>`, `<source srcset>` and the like.

    `raw` is True when MkDocs will leave the URL as written (raw HTML, or an attribute MkDocs does
    not rewrite), so the browser resolves it against the page's built URL.
    """

    url: str
    tag: str
    attr: str
    raw: bool


@dataclass
class PageRender:
    """What one page contributes to the built site: its ids and its links, in order."""

    ids: set[str] = field(default_factory=set)
    links: list[RenderedLink] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # "[text][ref]" / "[^note]" left as text
    missing_snippets: list[str] = field(default_factory=list)  # paths or section messages
    included: list[str] = field(default_factory=list)  # absolute paths of snippet files read
    error: str = ""  # an extension failed on this page (the page could not be rendered)
    html: str | None = None  # the page's HTML when rendered in full (`Renderer.render(html=True)`)


class RawHTMLScanner(HTMLParser):
    """Collect ids and URLs from raw HTML (the stash, a static `.html` page, a built page) into a `PageRender`.

    The one link scanner of the checks: the source check feeds it the raw HTML of pages, the
    built-site check whole built pages, with `with_places` to keep each link's line and column.
    """

    def __init__(self, page: PageRender, *, with_places: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.with_places = with_places
        self.places: list[tuple[int, int]] = []  # (line, column) of each link, when with_places

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif is_checked_link(tag, name):
                urls = urls_in(name, value)
                self.page.links.extend(RenderedLink(url, tag, name, True) for url in urls)
                if self.with_places:
                    line, offset = self.getpos()
                    self.places.extend((line, offset + 1) for _ in urls)

    handle_startendtag = handle_starttag


def _visible_text(element: Element, out: list[str]) -> None:
    """Text of the tree in document order, with code replaced by a NUL so nothing spans it."""
    if element.tag in _CODE_TAGS:
        out.append("\x00")
    else:
        if element.text:
            out.append(element.text)
        for child in element:
            _visible_text(child, out)
    if element.tail:
        out.append(element.tail)


class _Current:
    """The page a (possibly reused) Markdown instance is rendering now; its processors write here."""

    page: PageRender


class _UnresolvedReferences(Treeprocessor):
    """Runs before `unescape` (priority 0), so escaped brackets are still placeholders."""

    def __init__(self, md: markdown.Markdown, current: _Current) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: Element) -> None:
        if not any("][" in (e.text or "") or "][" in (e.tail or "") or "[^" in (e.text or "")
                   or "[^" in (e.tail or "") for e in root.iter()):
            return  # nothing that could be a leftover reference (the usual case)
        pieces: list[str] = []
        _visible_text(root, pieces)
        for match in _UNRESOLVED.finditer("".join(pieces)):
            self.current.page.unresolved.append(match.group(0))


class _Collect(Treeprocessor):
    """Runs last: ids and the links MkDocs rewrites (tree `a`/`img`), then raw HTML from the stash."""

    def __init__(self, md: markdown.Markdown, current: _Current) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: Element) -> None:
        page = self.current.page
        for element in root.iter():
            tag = element.tag
            if not element.attrib or not isinstance(tag, str):
                continue
            for name, value in element.items():
                if value is None:
                    continue
                if name == "id" or (name == "name" and tag == "a"):
                    page.ids.add(value)
                elif is_checked_link(tag, name):
                    rewritten = (tag == "a" and name == "href") or (tag == "img" and name == "src")
                    if AMP_SUBSTITUTE in value:  # an obfuscated `mailto:` autolink
                        continue
                    page.links.extend(RenderedLink(url, tag, name, not rewritten) for url in urls_in(name, value))
        parser = RawHTMLScanner(page)
        for block in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(block, str) and _MAY_HOLD_URL_OR_ID.search(block):
                parser.feed(block)
                parser.close()
                parser.reset()


class Renderer:
    """Turns page Markdown into a `PageRender`, rendered the way MkDocs renders the page.

    Its Markdown instances come from the one `MarkdownFactory` (the site's extensions and
    settings, snippet paths anchored to the project, downloads off, missing snippet files
    recorded instead of silently skipped). MkDocs builds a fresh Markdown instance per page; so do
    we, unless every extension is known to reset cleanly (`factory.reusable`), in which case one
    instance per process and kind is reset between pages.

    `render(text)` stops at the element tree: enough for ids and links, and the cheapest render
    (no Pygments colouring, no glossary tooltips, no HTML serialization), so the link check
    alone stays fast. `render(text, html=True)` is the full render, as MkDocs does it, with the
    HTML kept in `PageRender.html`: the page model's one render of each page.
    """

    def __init__(self, factory: MarkdownFactory, *, reuse: bool = True) -> None:
        self.factory = factory
        self.reuse = reuse and factory.reusable
        self._instances: dict[tuple[bool, bool], tuple[markdown.Markdown, _Current]] = {}

    @classmethod
    def for_config(cls, config: Any) -> Renderer:
        return cls(MarkdownFactory.for_config(config))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_instances"] = {}
        return state

    def _build(self, lenient: bool, html: bool) -> tuple[markdown.Markdown, _Current]:
        current = _Current()
        md = self.factory.new(lenient=lenient)
        md.treeprocessors.register(_UnresolvedReferences(md, current), "guidebuild_unresolved", 0.5)
        md.treeprocessors.register(_Collect(md, current), "guidebuild_collect", -100)
        if not html:
            for name in PRESENTATION_ONLY:
                if name in md.treeprocessors:
                    md.treeprocessors.deregister(name)
            _plain_code_blocks(md)
        if "snippet" in md.preprocessors:
            snippet = md.preprocessors["snippet"]
            find = snippet.get_snippet_path

            def recording(path: str) -> str | None:
                found = find(path)
                page = current.page
                if found is None:
                    if path not in page.missing_snippets:
                        page.missing_snippets.append(path)
                elif found not in page.included:
                    page.included.append(found)
                return found

            snippet.get_snippet_path = recording  # type: ignore[method-assign]
        return md, current

    def _convert(self, text: str, page: PageRender, lenient: bool, html: bool) -> None:
        key = (lenient, html)
        if not self.reuse:
            md, current = self._build(lenient, html)
        else:
            if key not in self._instances:
                self._instances[key] = self._build(lenient, html)
            md, current = self._instances[key]
            md.reset()
        current.page = page
        try:
            if html:
                page.html = md.convert(text)
            else:
                _to_tree(md, text)
        except BaseException:
            self._instances.pop(key, None)  # never reuse an instance an error left half-way
            raise

    def render(self, text: str, *, html: bool = False) -> PageRender:
        """Render page Markdown (front matter already removed) and collect ids and links."""
        page = PageRender()
        try:
            self._convert(text, page, lenient=False, html=html)
            return page
        except Exception as error:
            if type(error).__name__ != "SnippetMissingError":
                return PageRender(error=f"{type(error).__name__}: {error}", html="" if html else None)
            message = str(error)
        # A missing snippet stops strict rendering; record it and render leniently for the rest.
        retry = PageRender()
        try:
            self._convert(text, retry, lenient=True, html=html)
        except Exception as error:
            return PageRender(error=f"{type(error).__name__}: {error}", html="" if html else None)
        if not retry.missing_snippets:
            retry.missing_snippets.append(message)
        return retry


_PLAIN_HIGHLIGHT: list[type] = []


def _plain_highlight_class() -> type | None:
    """A `pymdownx.highlight.Highlight` that skips Pygments when its output can hold no id or link."""
    if not _PLAIN_HIGHLIGHT:
        try:
            from pymdownx.highlight import Highlight
        except ImportError:  # pragma: no cover - pymdownx is pinned
            return None

        class PlainHighlight(Highlight):
            def highlight(self, src, language, *args, **kwargs):  # type: ignore[no-untyped-def]
                safe = (not (self.line_spans or self.line_anchors or self.anchor_linenums)
                        and self.title_mode != "html"
                        and not any(isinstance(v, dict) for v in self.auto_title_map.values()))
                if not safe or not self.use_pygments:
                    return super().highlight(src, language, *args, **kwargs)
                self.use_pygments = False
                try:
                    return super().highlight(src, language, *args, **kwargs)
                finally:
                    self.use_pygments = True

        _PLAIN_HIGHLIGHT.append(PlainHighlight)
    return _PLAIN_HIGHLIGHT[0]


def _plain_code_blocks(md: markdown.Markdown) -> None:
    """Let code blocks skip Pygments when its output can hold no id or link.

    Colouring code costs a sixth of a page's rendering time and adds only `<span class>`es. It can
    add ids and links (`line_spans`, `line_anchors`, `anchor_linenums`) and stash an HTML title, so
    those cases keep Pygments. Only this Markdown instance is changed: `pymdownx.highlight` asks
    its extension object for the highlighter class, and we hand this instance's extension ours.
    """
    plain = _plain_highlight_class()
    if plain is None:
        return
    for extension in md.registeredExtensions:
        if hasattr(extension, "get_pymdownx_highlighter"):
            extension.get_pymdownx_highlighter = lambda: plain  # type: ignore[attr-defined]


def _to_tree(md: markdown.Markdown, source: str) -> None:
    """`Markdown.convert()` up to the last treeprocessor: the element tree is all the check needs.

    Serializing the tree and running the postprocessors (which only restore stashed raw HTML
    that `_Collect` reads from the stash directly) would cost a tenth of the time for nothing.
    """
    if not source.strip():
        return
    md.lines = source.split("\n")
    for preprocessor in md.preprocessors:
        md.lines = preprocessor.run(md.lines)
    root = md.parser.parseDocument(md.lines).getroot()
    for treeprocessor in md.treeprocessors:
        new_root = treeprocessor.run(root)
        if new_root is not None:
            root = new_root


def _boundaries_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return before in "(<\"'= \t\n:," and after in ")>\"' \t\n,"


_EMPTY_URL = re.compile(r"""\]\(()\s*\)|\]\(<()>\)|\b(?:href|src)\s*=\s*(?:"()"|'()')""")


def occurrences(text: str, url: str) -> list[int]:
    """Offsets where `url` (or its HTML-escaped form) is written as a whole URL in `text`.

    An empty URL is found where it is written: between the brackets of `[text]()` or the quotes
    of `href=""`.
    """
    if not url:
        return [next(m.start(g) for g in range(1, 5) if m.start(g) != -1) for m in _EMPTY_URL.finditer(text)]
    found: list[int] = []
    variants = dict.fromkeys([url, html.escape(url, quote=False), html.escape(url)])
    for variant in variants:
        if not variant:
            continue
        start = text.find(variant)
        while start != -1:
            if _boundaries_ok(text, start, start + len(variant)):
                found.append(start)
            start = text.find(variant, start + 1)
    return sorted(set(found))


def locate(renderer: Renderer, text: str, rendered: PageRender, wanted: Iterable[tuple[str, bool]],
           elsewhere: Iterable[str] = ()) -> tuple[dict[tuple[str, bool], list[int]], set[tuple[str, bool]]]:
    """Source offsets (in `text`) of the links with these `(url, raw)` keys, and the keys of which
    some link was not written in `text` (it came from an included snippet file).

    A key maps to several offsets when the same URL is written several times. The quick answer (the
    URL is written exactly as often as it is linked, all links of one kind) is trusted only when the
    URL does not also appear in an included file (`elsewhere`); otherwise the page is probed.
    """
    wanted = list(dict.fromkeys(wanted))
    elsewhere = set(elsewhere)
    per_url = Counter(link.url for link in rendered.links)
    kinds: dict[str, set[bool]] = defaultdict(set)
    for link in rendered.links:
        kinds[link.url].add(link.raw)
    result: dict[tuple[str, bool], list[int]] = {}
    probe: list[tuple[str, bool]] = []
    for url, raw in wanted:
        spots = occurrences(text, url)
        if spots and len(spots) == per_url[url] and len(kinds[url]) == 1 and url not in elsewhere:
            result[(url, raw)] = spots
        else:
            probe.append((url, raw))
    unplaced: set[tuple[str, bool]] = set()
    if probe:
        probed, unplaced = _probe(renderer, text, probe)
        result.update(probed)
    return result, unplaced


def _probe(renderer: Renderer, text: str, keys: list[tuple[str, bool]]
           ) -> tuple[dict[tuple[str, bool], list[int]], set[tuple[str, bool]]]:
    """Render again with a numbered marker before each occurrence; read which became links."""
    spots: dict[int, int] = {}  # offset -> length of the URL written there
    for url in sorted({url for url, _ in keys}, key=len, reverse=True):
        for start in occurrences(text, url):
            if not any(s <= start < s + n or start <= s < start + len(url) for s, n in spots.items()):
                spots[start] = len(url)
    result: dict[tuple[str, bool], list[int]] = {key: [] for key in keys}
    unplaced: set[tuple[str, bool]] = set()
    offsets = sorted(spots)
    pieces: list[str] = []
    last = 0
    for number, offset in enumerate(offsets):
        pieces.append(text[last:offset])
        pieces.append(_PROBE.format(number))
        last = offset
    pieces.append(text[last:])
    marked = renderer.render("".join(pieces)) if offsets else None
    for link in marked.links if marked is not None else []:
        match = _PROBE_RE.search(link.url)
        key = (_PROBE_RE.sub("", link.url), link.raw)
        if key not in result:
            continue
        if not match:
            unplaced.add(key)
            continue
        offset = offsets[int(match.group(1))]
        if offset not in result[key]:
            result[key].append(offset)
    if marked is None:
        unplaced.update(keys)
    return result, unplaced


def unresolved_offsets(text: str, leftover: str) -> list[int]:
    """Where an unresolved reference (`[text][ref]`, `[^note]`) is written in the source."""
    match = re.match(r"!?\[(.*)\]\[(.+)\]$", leftover, re.DOTALL)
    # For `[text][ref]` look for `[ref]`: the text may be formatted differently in the source.
    needle = r"(?<=\])\[" + re.escape(match.group(2)) + r"\]" if match else re.escape(leftover)
    return [m.start() for m in re.finditer(needle, text, re.IGNORECASE)]


def line_column(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """1-based line and column of `offset` in `text` whose first line is `first_line`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return first_line + text.count("\n", 0, offset), offset - line_start + 1
