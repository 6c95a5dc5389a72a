"""The page model: each page of the guide read, parsed and rendered once per build.

Every check, the cheat sheet, the review dates and the content report used to read and render
the pages on their own (three renders of every page per build, front matter parsed four ways).
Now they all ask one `SitePages` for a `Page`: the source file, its text, its front matter with
line offsets, the HTML it renders to with the site's own Markdown settings, that HTML as a tree,
and the ids and links it will have on the built site. Each part is computed the first time a
reader asks for it and kept, so a page nobody renders costs nothing, and no page is rendered
twice. `SitePages.renders` counts renders (the tests hold the model to one per page).

The files are the ones MkDocs publishes (`exclude_docs` and its default exclusions honoured),
listed by `doc_files.walk`; pages are read through `doc_files.read_checked`, so one size limit
and one decoding apply everywhere.

Rendering leaves out MkDocs' own link rewriting on purpose: links keep their source form
(`references.md#furlan-2015`), which is what the checks judge and report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidebuild.findings import Finding
from guidebuild.site import doc_files, frontmatter
from guidebuild.site.markdown_factory import MarkdownFactory
from guidebuild.site.markdown_map import PageRender, RenderedLink, Renderer
from guidebuild.site.page_html import Element, parse_html
from guidebuild.workers import WorkerPool


@dataclass(eq=False)
class Page:
    """One Markdown page of the site. Read on creation; front matter, render and tree on first use."""

    src_uri: str                  # e.g. "safety.md" (relative to docs_dir, forward slashes)
    path: Path                    # the file on disk
    owner: SitePages = field(repr=False)
    data: bytes | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)  # None when the file was refused
    read_findings: list[Finding] = field(default_factory=list)  # not UTF-8, too big
    read_error: str | None = field(default=None, repr=False)  # why the file was not read at all
    _front_matter: frontmatter.FrontMatter | None = field(default=None, repr=False)
    _rendered: PageRender | None = field(default=None, repr=False)
    _tree: Element | None = field(default=None, repr=False)

    @property
    def readable(self) -> bool:
        return self.text is not None

    @property
    def source(self) -> str:
        """The whole file, front matter included ('' when it could not be read)."""
        return self.text or ""

    @property
    def front_matter(self) -> frontmatter.FrontMatter:
        """Parsed and checked once (`frontmatter.parse`: the one front-matter parser)."""
        if self._front_matter is None:
            self._front_matter = frontmatter.parse(str(self.path), self.source)
        return self._front_matter

    @property
    def meta(self) -> dict[str, Any]:
        return self.front_matter.meta

    @property
    def body_offset(self) -> int:
        """Offset in `source` where MkDocs starts rendering (after the front matter)."""
        return self.front_matter.body_offset

    @property
    def body(self) -> str:
        return self.source[self.body_offset:]

    @property
    def body_line(self) -> int:
        """1-based line of `source` where the Markdown body starts."""
        return self.source.count("\n", 0, self.body_offset) + 1

    @property
    def rendered(self) -> PageRender:
        """The render: ids, links, leftover references, snippet files read (or an error), and the
        HTML unless the model renders for links only (`SitePages(html=False)`, the link check alone)."""
        if self._rendered is None:
            self._rendered = self.owner.render(self)
        return self._rendered

    @property
    def html(self) -> str:
        """The page's HTML as the site renders it (without MkDocs' link rewriting)."""
        if self.rendered.html is None:  # rendered for links only: render in full once more
            self._rendered = self.owner.render(self, html=True)
        return self.rendered.html or ""

    @property
    def tree(self) -> Element:
        """The rendered HTML as a small tree (`page_html.Element`), parsed once."""
        if self._tree is None:
            self._tree = parse_html(self.html)
        return self._tree

    @property
    def ids(self) -> set[str]:
        return self.rendered.ids

    @property
    def links(self) -> list[RenderedLink]:
        return self.rendered.links

    @property
    def includes(self) -> list[Path]:
        """Snippet files the render read (includes and auto-appended files), in order."""
        return [Path(path) for path in self.rendered.included]


class SitePages:
    """The pages of one configuration, each created once; `renders` counts Markdown renders."""

    def __init__(self, config: Any, *, html: bool = True) -> None:
        self.config = config
        self.factory = MarkdownFactory.for_config(config)
        self.renderer = Renderer(self.factory)
        #: Render pages in full (HTML kept) or only to their element tree (ids and links: the
        #: link check on its own, which needs nothing else and so stays fast on large sites).
        self.full = html
        self.renders = 0
        #: What readers work out from the pages once per model (the cheat sheet's sources).
        self.derived: dict[str, Any] = {}
        self._walk: tuple[list[doc_files.DocFile], list[Finding]] | None = None
        self._pages: dict[str, Page] = {}

    # -- the files --------------------------------------------------------------------------------

    def walk(self) -> tuple[list[doc_files.DocFile], list[Finding]]:
        """Every file MkDocs will publish from docs/, and the findings of the walk (symlinks, names)."""
        if self._walk is None:
            self._walk = doc_files.walk(self.config.docs_dir, self.config.get("exclude_docs"))
        return self._walk

    def files(self) -> list[doc_files.DocFile]:
        return self.walk()[0]

    def page_files(self) -> list[doc_files.DocFile]:
        return [file for file in self.files() if file.is_page]

    # -- the pages --------------------------------------------------------------------------------

    def page(self, src_uri: str, path: Path | str | None = None) -> Page:
        """The page at `src_uri` (read on first request; `path` for a file the walk did not list)."""
        found = self._pages.get(src_uri)
        if found is None:
            where = Path(path) if path is not None else Path(self.config.docs_dir) / src_uri
            found = self._read(doc_files.DocFile(where, src_uri))
            self._pages[src_uri] = found
        return found

    def get(self, src_uri: str) -> Page | None:
        """The page at `src_uri` if docs/ has it (MkDocs publishes it), else None."""
        if src_uri in self._pages:
            return self._pages[src_uri]
        file = next((f for f in self.page_files() if f.rel == src_uri), None)
        return self.page(src_uri, file.path) if file is not None else None

    def __iter__(self) -> Iterator[Page]:
        """Every Markdown page in docs/, in the walk's (sorted) order."""
        for file in self.page_files():
            yield self.page(file.rel, file.path)

    def in_nav_order(self) -> list[Page]:
        """Every page, in nav order first, then the rest by name (as the reports list them)."""
        order = {uri: n for n, uri in enumerate(nav_files(self.config.nav or []))}
        return sorted(self, key=lambda page: (order.get(page.src_uri, len(order)), page.src_uri))

    def _read(self, file: doc_files.DocFile) -> Page:
        page = Page(file.rel, file.path, self)
        # An OSError (permission denied, a folder where a file was) is the computer's problem, not
        # the page's: it reaches the command, which reports it as ENV001 (exit 2).
        if not doc_files.is_regular_file(file.path):
            page.data, page.text = b"", None
            page.read_error = "it is not a regular file (a named pipe or a device), so it was not read"
            return page
        page.data, page.text, page.read_findings = doc_files.read_checked(file)
        return page

    def render(self, page: Page, *, html: bool | None = None) -> PageRender:
        """Render one page's body (called once per page, by `Page.rendered`)."""
        self.renders += 1
        if not page.readable:
            return PageRender(error=page.read_error or "the page could not be read", html="")
        return self.renderer.render(page.body, html=self.full if html is None else html)

    def prepare(self, wanted: list[tuple[str, str]], jobs: int) -> None:
        """Read and render these `(src_uri, path)` pages now, on `jobs` cores when there are many.

        Worker processes are forked (see `workers`), so they share this model's renderer; each
        sends back the page's text, front matter and render, which are kept here as if this
        process had made them. Pages already rendered are left alone.
        """
        todo = [(uri, path) for uri, path in wanted
                if uri not in self._pages or self._pages[uri]._rendered is None]
        if not todo:
            return
        _WORKER_MODEL["model"] = self
        try:
            with WorkerPool(jobs, len(todo)) as pool:
                results = pool.map(_prepare_chunk, todo)
        finally:
            _WORKER_MODEL.pop("model", None)
        for uri, path, text, read_findings, matter, rendered in results:
            page = self._pages.get(uri)
            if page is not None and page._rendered is not None:
                continue  # rendered in this process (a small job)
            page = Page(uri, Path(path), self, text=text, read_findings=read_findings,
                        _front_matter=matter, _rendered=rendered)
            self._pages[uri] = page
            self.renders += 1

    def adopt(self, src_uri: str, path: str, rendered: PageRender) -> bool:
        """Use a render kept from an earlier run (the `mkdocs serve` cache) for a page not rendered
        yet; True if it was taken (a render of the right kind, for a page not rendered since)."""
        page = self.page(src_uri, path)
        if page._rendered is None and (rendered.html is not None or not self.full):
            page._rendered = rendered
            return True
        return False


_WORKER_MODEL: dict[str, SitePages] = {}


def _prepare_chunk(items: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    model = _WORKER_MODEL["model"]
    done = []
    for uri, path in items:
        page = model.page(uri, path)
        rendered = page.rendered
        done.append((uri, path, page.text, page.read_findings, page.front_matter, rendered))
    return done


def nav_files(nav: object) -> Iterator[str]:
    """The Markdown files a nav names, in order."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_files(value)


_ATTRIBUTE = "_guidebuild_site_pages"


def site_pages(config: Any, *, html: bool = True) -> SitePages:
    """The one page model of this configuration object (one build, or one `mkdocs serve` rebuild).

    Every stage of a build receives the same loaded configuration, so they all share one model;
    a new configuration (the next rebuild under `mkdocs serve`) gets a new one, so nothing stale
    is ever reused. The model is kept on the configuration object itself, so it lives exactly as
    long as the configuration does.
    """
    model = getattr(config, _ATTRIBUTE, None)
    if not isinstance(model, SitePages):
        model = SitePages(config, html=html)
        setattr(config, _ATTRIBUTE, model)
    return model
