"""Check every internal link, image, nav entry and snippet include before the site is built.

MkDocs' own `validation:` misses raw HTML, nav anchors, letter case and gives no line numbers.
This check renders each page with the site's own Markdown pipeline (see `site.markdown_map`), so the
ids it knows are exactly the ids the site will have, and judges each link the way it will be
used: links MkDocs rewrites (`[a](tips.md)`) against the source files, everything MkDocs leaves
as written (raw HTML, folder links such as `guide/`) against the page's built URL, as a browser
does. A link that works on the built site and passes `mkdocs build --strict` is never reported.

Pages are rendered on every available core (`jobs`); only pages with a finding are looked at a
second time, to find the line and column of each broken link.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from guidebuild.findings import Finding
from guidebuild.links.judge import Judge, Problem
from guidebuild.links.nav import check_nav
from guidebuild.links.targets import PAGE_EXTENSIONS, Site
from guidebuild.site import doc_files
from guidebuild.site.markdown_map import (
    PageRender,
    RawHTMLScanner,
    Renderer,
    line_column,
    locate,
    occurrences,
    unresolved_offsets,
)
from guidebuild.site.pages import SitePages, site_pages
from guidebuild.workers import WorkerPool, default_jobs

# The LNK codes, their severities and meanings are in guidebuild/codes.toml (the one registry).

OMITTED_CHOICES = ("auto", "warn", "error", "ignore")



# -- placing broken links (in worker processes when there are many) --------------------------------

_STATE: dict[str, Renderer] = {}


def _locate_chunk(items: list[tuple[str, str, str, int, PageRender, list[tuple[str, bool]]]]
                  ) -> list[tuple[str, dict[tuple[str, bool], list[tuple[str, int, int]]]]]:
    renderer = _STATE["renderer"]
    return [(uri, _locate_page(renderer, path, body, body_line, rendered, wanted))
            for uri, path, body, body_line, rendered, wanted in items]


def _locate_page(renderer: Renderer, abs_path: str, text: str, first_line: int, rendered: PageRender,
                 wanted: list[tuple[str, bool]]) -> dict[tuple[str, bool], list[tuple[str, int, int]]]:
    """Place every broken link: (file, line, column), in the page or in a snippet it includes.

    `text` is the page's Markdown body, whose first line is line `first_line` of the file.
    """
    snippets = {path: _snippet_text(path) for path in rendered.included}
    elsewhere = {url for url, _ in wanted if any(url in snippet for snippet in snippets.values())}
    spots, unplaced = locate(renderer, text, rendered, wanted, elsewhere)
    placed: dict[tuple[str, bool], list[tuple[str, int, int]]] = {}
    for key in wanted:
        places = [(abs_path, *line_column(text, offset, first_line)) for offset in spots.get(key, [])]
        if key in unplaced or not places:
            places += _in_snippets(snippets, key[0])
        placed[key] = places or [(abs_path, 0, 0)]
    return placed


def _snippet_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _locate_static(path: str, wanted: Iterable[tuple[str, bool]]) -> dict[tuple[str, bool], list[tuple[str, int, int]]]:
    """Place links in a `.html` page copied from docs/: it is all raw HTML, so a text search will do."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    return {key: [(path, *line_column(text, offset)) for offset in occurrences(text, key[0])] for key in wanted}


def _in_snippets(snippets: dict[str, str], url: str) -> list[tuple[str, int, int]]:
    """Where `url` is written in the first included file that has it."""
    for path, text in snippets.items():
        found = occurrences(text, url)
        if found:
            return [(path, *line_column(text, offset)) for offset in found]
    return []


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class RenderCache:
    """Renders kept between runs in one process (the `mkdocs serve` hook), keyed by file stamps.

    An entry is reused only while the page and every snippet file it included are unchanged and
    the Markdown configuration is the same; pages with a missing snippet are always rendered again
    (the file may have appeared since).
    """

    def __init__(self) -> None:
        self.config_key = ""
        self.entries: dict[str, tuple[tuple, PageRender]] = {}

    @staticmethod
    def _key(path: str, rendered: PageRender) -> tuple | None:
        stamps = [_stamp(path), *(_stamp(p) for p in rendered.included)]
        if any(stamp is None for stamp in stamps):
            return None
        return (*stamps, tuple(rendered.included))

    def get(self, path: str) -> PageRender | None:
        entry = self.entries.get(path)
        if entry is None or self._key(path, entry[1]) != entry[0]:
            return None
        return entry[1]

    def put(self, path: str, rendered: PageRender) -> None:
        key = self._key(path, rendered)
        if key is not None and not rendered.missing_snippets and not rendered.error:
            self.entries[path] = (key, rendered)

    def use_config(self, key: str) -> None:
        """Forget every entry when the Markdown settings changed (`MarkdownFactory.key`)."""
        if key != self.config_key:
            self.config_key = key
            self.entries.clear()


# -- static HTML pages copied from docs/ -------------------------------------------------------------

def _read_static(file: File) -> PageRender:
    """A `.html` file in docs/ is copied as it is: its ids and links are read like raw HTML."""
    page = PageRender()
    try:
        path = file.abs_src_path or ""
        if not doc_files.is_regular_file(path) or os.path.getsize(path) > doc_files.MAX_PAGE_BYTES:
            raise OSError(f"{path} is not a regular file of a sane size")
        scanner = RawHTMLScanner(page)
        scanner.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
        scanner.close()
    except OSError as error:
        page.error = f"cannot read the page: {error}"
    return page


# -- the whole check ---------------------------------------------------------------------------------

def check_source_links(config: MkDocsConfig, *, omitted: str = "auto", jobs: int | None = None,
                       extra_outputs: tuple[str, ...] = (), cache: RenderCache | None = None,
                       pages: SitePages | None = None) -> list[Finding]:
    """Every link finding for the site described by `config` (a loaded, validated MkDocs config).

    Pages come from the page model (`pages`, by default the one the build's other stages share),
    which renders each page once; `jobs` worker processes render them (default: one per core;
    small sites stay in this process). `cache` keeps renders of unchanged pages between calls
    (for `mkdocs serve`).
    """
    site = Site(config, extra_outputs=extra_outputs)
    model = pages if pages is not None else site_pages(config)
    wanted: list[tuple[str, str]] = []
    kept: set[str] = set()
    if cache is not None:
        cache.use_config(model.factory.key)
    for file in site.pages:
        path = file.abs_src_path or ""
        hit = cache.get(path) if cache is not None else None
        if hit is not None and model.adopt(file.src_uri, path, hit):
            kept.add(file.src_uri)
        wanted.append((file.src_uri, path))
    model.prepare(wanted, jobs or default_jobs())
    renders: dict[str, PageRender] = {}
    for uri, path in wanted:
        renders[uri] = model.page(uri, path).rendered
        if cache is not None and uri not in kept:
            cache.put(path, renders[uri])
    for file in site.static_pages:
        renders[file.src_uri] = _read_static(file)
    for uri, rendered in renders.items():
        site.page_ids[uri] = rendered.ids
    findings, to_locate = _judge_all(site, model, renders)
    work = []
    for uri, problems in to_locate.items():
        if uri.endswith(PAGE_EXTENSIONS):
            page = model.page(uri, site.included[uri].abs_src_path)
            work.append((uri, str(page.path), page.body, page.body_line, renders[uri], list(problems)))
    _STATE["renderer"] = model.renderer  # inherited by the forked workers
    try:
        with WorkerPool(jobs or default_jobs(), len(work)) as pool:
            located = dict(pool.map(_locate_chunk, work)) if work else {}
    finally:
        _STATE.pop("renderer", None)
    for uri, problems in to_locate.items():
        file = site.included[uri]
        places = located.get(uri) or _locate_static(file.abs_src_path or "", problems)
        for key, problem in problems.items():
            for path, line, column in places.get(key) or [(file.abs_src_path or "", 0, 0)]:
                findings.append(Finding(path, line, column, problem.code, problem.message, problem.severity))
    findings += check_nav(site, omitted)
    return sorted(set(findings))


def _judge_all(site: Site, model: SitePages, renders: dict[str, PageRender]
               ) -> tuple[list[Finding], dict[str, dict[tuple[str, bool], Problem]]]:
    judge = Judge(site)
    findings: list[Finding] = []
    to_locate: dict[str, dict[tuple[str, bool], Problem]] = {}
    for uri, rendered in renders.items():
        file = site.included[uri]
        path = file.abs_src_path or uri
        if rendered.error:
            findings.append(Finding(path, 0, 0, "LNK016", f"page could not be rendered: {rendered.error}"))
            continue
        verdicts: dict[tuple[str, bool], Problem | None] = {}
        for link in rendered.links:
            key = (link.url, link.raw)
            if key not in verdicts:
                verdicts[key] = judge.link(file, link)
        broken = {key: problem for key, problem in verdicts.items() if problem is not None}
        if broken:
            to_locate[uri] = broken
        if rendered.unresolved or rendered.missing_snippets:
            findings += _text_findings(site, model, file, rendered)
    return findings, to_locate


def _text_findings(site: Site, model: SitePages, file: File, rendered: PageRender) -> list[Finding]:
    """Unresolved references and missing snippets: placed by searching the page's source."""
    path = file.abs_src_path or file.src_uri
    page = model.page(file.src_uri, path)
    text, first_line = page.body, page.body_line
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for leftover in rendered.unresolved:
        count = seen.get(leftover, 0)
        seen[leftover] = count + 1
        offsets = unresolved_offsets(text, leftover)
        line, column = line_column(text, offsets[min(count, len(offsets) - 1)], first_line) if offsets else (0, 0)
        if leftover.startswith("[^"):
            message = f"footnote '{leftover}' has no definition: add '{leftover}: ...' to the page"
        else:
            label = re.match(r"!?\[(.*)\]\[(.*)\]$", leftover, re.DOTALL)
            ref = (label.group(2) or label.group(1)) if label else leftover
            message = f"reference link '{leftover}' has no definition: add '[{ref}]: <url>' or fix the label"
        findings.append(Finding(path, line, column, "LNK006", message))
    config_path = str(site.config.config_file_path)
    appended = model.factory.snippets.auto_append
    for missing in rendered.missing_snippets:
        place = (path, 0, 0)
        offsets = [m.start() for m in re.finditer(re.escape(missing), text)]
        if offsets:
            place = (path, *line_column(text, offsets[0], first_line))
        elif missing in appended:
            from guidebuild.config import key_line

            config_text = Path(config_path).read_text(encoding="utf-8")
            place = (config_path, key_line(config_text, "markdown_extensions.auto_append"), 1)
        else:
            for included in rendered.included:
                try:
                    snippet_text = Path(included).read_text(encoding="utf-8")
                except OSError:
                    continue
                if missing in snippet_text:
                    place = (included, *line_column(snippet_text, snippet_text.index(missing)))
                    break
        detail = missing if missing.startswith("Snippet") else f"snippet '{missing}' not found"
        findings.append(Finding(*place, "LNK013", f"missing include: {detail} (paths are relative to the "
                                                  "project root or a snippets base_path)"))
    return findings
