"""Check every internal link, image, nav entry and snippet include before the site is built.

MkDocs' own `validation:` misses raw HTML, nav anchors, letter case and gives no line numbers.
This check renders each page with the site's own Markdown pipeline (see `markdown_map`), so the
ids it knows are exactly the ids the site will have, and judges each link the way it will be
used: links MkDocs rewrites (`[a](tips.md)`) against the source files, everything MkDocs leaves
as written (raw HTML, folder links such as `guide/`) against the page's built URL, as a browser
does. A link that works on the built site and passes `mkdocs build --strict` is never reported.

Pages are rendered on every available core (`jobs`); only pages with a finding are looked at a
second time, to find the line and column of each broken link.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import posixpath
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import meta

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.link_targets import (
    PAGE_EXTENSIONS,
    RELATIVE_TO_DOCS,
    Site,
    Target,
    browser_join,
    close_anchor,
)
from guidebuild.markdown_map import (
    PageRender,
    RawHTMLScanner,
    RenderedLink,
    Renderer,
    line_column,
    locate,
    occurrences,
    unresolved_offsets,
)

# Stable codes: other tools and CI filters depend on them. Never renumber; add new ones at the end.
CODES: dict[str, tuple[str, str]] = {
    "LNK001": ("error", "link to a page that does not exist"),
    "LNK002": ("error", "anchor (#...) not found on the target page or on the same page"),
    "LNK003": ("error", "image or other file that does not exist"),
    "LNK004": ("error", "path differs from the file's name only in letter case (404 on Linux hosts)"),
    "LNK005": ("error", "link leaves docs/ (or climbs above the site root)"),
    "LNK006": ("error", "reference-style link or footnote with no definition"),
    "LNK007": ("error", "raw HTML href/src that does not resolve in the built site"),
    "LNK008": ("error", "nav entry in mkdocs.yml points to a missing file or anchor"),
    "LNK009": ("error", "absolute link (/...): breaks when the site is served from a sub-path"),
    "LNK010": ("warning", "page missing from the nav (--omitted-pages; honours not_in_nav)"),
    "LNK011": ("error", "link to a folder with no index, or a folder link the browser resolves elsewhere"),
    "LNK012": ("error", ".html link to a page that exists as .md"),
    "LNK013": ("error", "missing pymdownx.snippets include"),
    "LNK014": ("error", "empty link or image ([text](), href=\"\")"),
    "LNK015": ("error", "wrong file extension (the file exists with another one)"),
    "LNK016": ("error", "page could not be rendered (a Markdown extension failed)"),
    "LNK101": ("error", "built site: href/src points to a file that was not built (--site-dir)"),
    "LNK102": ("error", "built site: #fragment not found on the target page (--site-dir)"),
}

OMITTED_CHOICES = ("auto", "warn", "error", "ignore")
PARALLEL_THRESHOLD = 48  # pages; below this, starting worker processes costs more than it saves


def codes_table(markdown_table: bool = False) -> str:
    """The codes as a plain list (for --help) or a Markdown table (for the README)."""
    if markdown_table:
        rows = ["| Code | Severity | What it means |", "|---|---|---|"]
        rows += [f"| `{code}` | {sev} | {text} |" for code, (sev, text) in CODES.items()]
        return "\n".join(rows)
    return "\n".join(f"  {code}  {text}{' (warning)' if sev == 'warning' else ''}"
                     for code, (sev, text) in CODES.items())


@dataclass(frozen=True, slots=True)
class Problem:
    """A verdict on one link, before its place in the source is known."""

    code: str
    message: str
    severity: str = ERROR


# -- reading and rendering pages (in worker processes when the site is large) ----------------------

_STATE: dict[str, Renderer] = {}


def read_page(abs_path: str) -> tuple[str, int]:
    """The page's Markdown as MkDocs renders it (front matter removed) and its first line number."""
    with open(abs_path, encoding="utf-8-sig", errors="strict") as handle:
        source = handle.read()
    text, _ = meta.get_data(source)
    first_line = 1
    if text != source and source.endswith(text):
        first_line += source.count("\n", 0, len(source) - len(text))
    return text, first_line


def _render_one(renderer: Renderer, abs_path: str) -> PageRender:
    try:
        text, _ = read_page(abs_path)
    except (OSError, UnicodeDecodeError) as error:
        return PageRender(error=f"cannot read the page: {error}")
    return renderer.render(text)


def _render_chunk(items: list[tuple[str, str]]) -> list[tuple[str, PageRender]]:
    renderer = _STATE["renderer"]
    return [(uri, _render_one(renderer, path)) for uri, path in items]


def _locate_chunk(items: list[tuple[str, str, PageRender, list[tuple[str, bool]]]]
                  ) -> list[tuple[str, dict[tuple[str, bool], list[tuple[str, int, int]]]]]:
    renderer = _STATE["renderer"]
    return [(uri, _locate_page(renderer, path, rendered, wanted)) for uri, path, rendered, wanted in items]


def _locate_page(renderer: Renderer, abs_path: str, rendered: PageRender,
                 wanted: list[tuple[str, bool]]) -> dict[tuple[str, bool], list[tuple[str, int, int]]]:
    """Place every broken link: (file, line, column), in the page or in a snippet it includes."""
    text, first_line = read_page(abs_path)
    spots = locate(renderer, text, rendered, wanted)
    placed: dict[tuple[str, bool], list[tuple[str, int, int]]] = {}
    for key in wanted:
        offsets = spots.get(key, [])
        places = [(abs_path, *line_column(text, offset, first_line)) for offset in offsets]
        if len(places) < sum(1 for link in rendered.links if (link.url, link.raw) == key):
            places += _in_snippets(rendered.included, key[0])
        if not places:
            places = [(abs_path, 0, 0)]
        placed[key] = places
    return placed


def _in_snippets(included: Iterable[str], url: str) -> list[tuple[str, int, int]]:
    for path in included:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError:
            continue
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

    def use_config(self, config: MkDocsConfig) -> None:
        key = repr((config.markdown_extensions, sorted((config.mdx_configs or {}).items())))
        if key != self.config_key:
            self.config_key = key
            self.entries.clear()


def _chunks(items: Sequence, parts: int) -> list[list]:
    size = max(1, -(-len(items) // parts))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Pool:
    """A fork-based process pool when it pays off, else plain in-process calls."""

    def __init__(self, jobs: int, size: int) -> None:
        self.executor: ProcessPoolExecutor | None = None
        self.jobs = jobs
        if jobs > 1 and size >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
            self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))

    def map(self, function, items: Sequence) -> list:
        if self.executor is None or len(items) < 2:
            return function(list(items))
        results: list = []
        for part in self.executor.map(function, _chunks(items, self.jobs * 4)):
            results.extend(part)
        return results

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()


# -- judging one link --------------------------------------------------------------------------------

class Judge:
    """Decides whether a link on a page works on the built site, and says how to fix it if not."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.links = site.links_validation

    def link(self, page: File, link: RenderedLink) -> Problem | None:
        url = link.url
        if not url.strip():
            return Problem("LNK014", f"empty {_what(link)}: it points nowhere; write the target between the brackets")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            return None  # external: out of scope, never fetched
        path = parts.path
        if path.startswith(("/", "\\")):
            if not link.raw and self.links.absolute_links is RELATIVE_TO_DOCS:
                return self._markdown(page, link, path.lstrip("/\\"), parts.fragment, "#" in url)
            return self._absolute(page, link, path)
        if not path:
            if "#" in url:
                return self._anchor(page, page, parts.fragment, link, validated=not link.raw)
            return None
        if link.raw:
            return self._browser(page, link, path, parts.fragment, "#" in url)
        return self._markdown(page, link, path, parts.fragment, "#" in url)

    # Markdown links: MkDocs rewrites them when the target is a docs file.
    def _markdown(self, page: File, link: RenderedLink, path: str, fragment: str, has_fragment: bool) -> Problem | None:
        site = self.site
        decoded = unquote(path)
        target_uri = site.source_target(page, decoded)
        file = site.included.get(target_uri)
        if file is not None:
            if has_fragment and fragment and file.is_documentation_page():
                return self._anchor(page, file, fragment, link, validated=True)
            return None
        excluded = site.excluded.get(target_uri)
        if excluded is not None:
            code = "LNK001" if excluded.is_documentation_page() else "LNK003"
            return Problem(code, f"'{link.url}' is excluded from the built site (exclude_docs or draft_docs in "
                                 "mkdocs.yml), so the link would 404")
        # MkDocs leaves the URL as written: the browser resolves it against the page's URL.
        unrecognized = not posixpath.splitext(decoded)[1]
        level = self.links.unrecognized_links if unrecognized else self.links.not_found
        resolved = browser_join(site.page_folder(page), decoded)
        target = site.lookup_built(resolved) if resolved is not None else None
        if target is not None:
            if site.mkdocs_fails(level):
                return self._rejected(page, link, decoded, target, unrecognized)
            if has_fragment and fragment and target.is_page and target.from_docs:
                return self._anchor(page, site.included[target.src_uri], fragment, link, validated=False)
            return None
        return self._broken(page, link, decoded, target_uri, resolved)

    def _rejected(self, page: File, link: RenderedLink, decoded: str, target: Target, unrecognized: bool) -> Problem:
        """Works in the browser, but MkDocs' own validation will stop `mkdocs build --strict`."""
        setting = "unrecognized_links" if unrecognized else "not_found"
        better = self.site.relative_source(target.src_uri, page) if target.from_docs else ""
        fix = f"; link to '{better}' instead" if better else ""
        if decoded.endswith("/") or unrecognized:
            code = "LNK011"
        elif decoded.endswith((".html", ".htm")):
            code = "LNK012"
        else:
            code = "LNK001" if target.is_page else "LNK003"
        return Problem(code, f"MkDocs leaves '{link.url}' as written and `mkdocs build --strict` rejects it "
                             f"(validation.links.{setting}), although a browser would find it{fix}")

    def _broken(self, page: File, link: RenderedLink, decoded: str, target_uri: str,
                resolved: str | None) -> Problem:
        """A Markdown link that reaches nothing: name the most likely mistake."""
        site = self.site
        rel = lambda uri: site.relative_source(uri, page)  # noqa: E731
        ext = posixpath.splitext(decoded)[1].lower()
        url = link.url
        if target_uri == ".." or target_uri.startswith("../"):
            return Problem("LNK005", f"'{url}' leaves the docs folder: only files under docs/ are published"
                                     + _mean(self._source_guess(page, decoded, resolved)))
        if ext in (".html", ".htm"):
            stem = target_uri[: -len(ext)]
            for candidate in (stem + ".md", posixpath.join(stem, "index.md"),
                              stem.removesuffix("index").rstrip("/") + ("/" if stem != "index" else "") + "index.md"):
                candidate = posixpath.normpath(candidate)
                if candidate in site.included and site.included[candidate].is_documentation_page():
                    return Problem("LNK012", f"'.html' link '{url}' to a page written in Markdown: link to "
                                             f"'{rel(candidate)}' and MkDocs writes the right URL")
        case = site.case_match(target_uri) or self._case_variants(target_uri)
        if case:
            return Problem("LNK004", f"'{url}' differs in letter case from '{rel(case)}': it works on "
                                     "case-insensitive disks (macOS, Windows) but 404s on Linux hosts")
        other = site.other_extension(target_uri)
        if other:
            return Problem("LNK015", f"wrong file extension: '{url}' does not exist but '{rel(other)}' does")
        if decoded.endswith("/") or not ext:
            return self._folder(page, link, target_uri, resolved, raw=False)
        if ext in PAGE_EXTENSIONS:
            close = site.close_file(target_uri, pages=True)
            return Problem("LNK001", f"link to missing page '{url}'" + _mean(_rel(close, rel)))
        what = "image" if link.tag == "img" else "file"
        close = site.close_file(target_uri, pages=False)
        return Problem("LNK003", f"{what} '{url}' not found in docs/" + _mean(_rel(close, rel)))

    def _case_variants(self, target_uri: str) -> str | None:
        for variant in (target_uri + ".md", posixpath.join(target_uri, "index.md")):
            found = self.site.case_match(variant)
            if found:
                return found
        return None

    def _source_guess(self, page: File, decoded: str, resolved: str | None) -> str:
        """For a link that leaves docs/: the page the browser would have found, if any."""
        if resolved is None:
            return ""
        target = self.site.lookup_built(resolved)
        if target is not None and target.from_docs:
            return self.site.relative_source(target.src_uri, page)
        return ""

    def _folder(self, page: File, link: RenderedLink, target_uri: str, resolved: str | None, *, raw: bool) -> Problem:
        site = self.site
        url = link.url
        for index in ("index.md", "README.md"):
            candidate = posixpath.normpath(posixpath.join(target_uri, index))
            if candidate in site.included:
                fix = (site.relative_url(site.included[candidate], page) if raw
                       else site.relative_source(candidate, page))
                opened = f"'/{resolved}'" if resolved is not None else "a URL above the site root"
                how = "raw HTML is not rewritten" if raw else "MkDocs leaves folder links as written"
                return Problem("LNK011", f"folder link '{url}': {how}, so from '/{_shown_url(page)}' the "
                                         f"browser opens {opened}; link to '{fix}' instead")
        if target_uri in site.folders:
            pages = sorted(u for u in site.included if u.startswith(target_uri + "/") and u.endswith(PAGE_EXTENSIONS))
            hint = f"; add {target_uri}/index.md or link to a page in it" + (
                f", e.g. '{site.relative_source(pages[0], page)}'" if pages and not raw else "")
            return Problem("LNK011", f"folder '{url}' has no index page, so the link has nothing to open{hint}")
        for ext in PAGE_EXTENSIONS:
            if target_uri + ext in site.included:
                fix = (site.relative_url(site.included[target_uri + ext], page) if raw
                       else site.relative_source(target_uri + ext, page))
                return Problem("LNK007" if raw else "LNK001", f"link to missing page '{url}'; did you mean '{fix}'?")
        close = site.close_file(target_uri + ".md", pages=True)
        if raw:
            return Problem("LNK007", f"raw HTML {link.attr} '{url}' does not resolve in the built site"
                                     + _mean(site.relative_url(site.included[close], page) if close else ""))
        fix = site.relative_source(close, page) if close else ""
        return Problem("LNK001", f"link to missing page '{url}'" + _mean(fix))

    # Raw HTML (and anything else MkDocs leaves alone): the browser's view only.
    def _browser(self, page: File, link: RenderedLink, path: str, fragment: str, has_fragment: bool) -> Problem | None:
        site = self.site
        decoded = unquote(path)
        url = link.url
        resolved = browser_join(site.page_folder(page), decoded)
        if resolved is None:
            return Problem("LNK005", f"raw HTML {link.attr} '{url}' climbs above the site root from "
                                     f"'/{_shown_url(page)}'")
        target = site.lookup_built(resolved)
        if target is not None:
            if has_fragment and fragment and target.is_page and target.from_docs:
                return self._anchor(page, site.included[target.src_uri], fragment, link, validated=False)
            return None
        ext = posixpath.splitext(decoded)[1].lower()
        if ext in (".html", ".htm"):
            meant = site.page_by_url_stem(resolved)
            if meant is not None:
                return Problem("LNK012", f"'.html' link '{url}' to a page written in Markdown: the page is "
                                         f"published at '{site.relative_url(meant, page)}'")
        case = site.built_case_match(resolved)
        if case is not None:
            target = site.built[case]
            return Problem("LNK004", f"'{url}' differs in letter case from '{site.relative_url(target, page)}': it "
                                     "works on case-insensitive disks (macOS, Windows) but 404s on Linux hosts")
        source_uri = site.source_target(page, decoded)
        file = site.included.get(source_uri)
        if file is not None:
            fix = site.relative_url(file, page)
            if file.is_documentation_page():
                return Problem("LNK007", f"raw HTML {link.attr} '{url}' is not rewritten by MkDocs, so the "
                                         f"browser asks for '/{resolved}', which is not built; use '{fix}'")
            return Problem("LNK007", f"raw HTML {link.attr} '{url}' is resolved against the page's URL "
                                     f"'/{_shown_url(page)}' (not the source file), giving '/{resolved}'; use '{fix}'")
        if decoded.endswith("/") or not ext:
            return self._folder(page, link, source_uri, resolved, raw=True)
        other = site.other_extension(source_uri)
        if other:
            return Problem("LNK015", f"wrong file extension: '{url}' does not exist but "
                                     f"'{site.relative_url(site.included[other], page)}' does")
        close = site.close_file(source_uri, pages=ext in PAGE_EXTENSIONS)
        return Problem("LNK007", f"raw HTML {link.attr} '{url}' does not resolve in the built site "
                                 f"('/{resolved}' is not built)"
                                 + _mean(site.relative_url(site.included[close], page) if close else ""))

    def _absolute(self, page: File, link: RenderedLink, path: str) -> Problem:
        site = self.site
        prefix = _site_path(site)
        key = unquote(path.lstrip("/\\"))
        if prefix != "/" and ("/" + key).startswith(prefix):
            key = ("/" + key)[len(prefix):]
        target = site.lookup_built(key) or (site.lookup_built(key.rstrip("/")) if key else None)
        docs_file = site.included.get(posixpath.normpath(key)) if key else None
        fix = ""
        if docs_file is not None:
            fix = (site.relative_url(docs_file, page) if link.raw else site.relative_source(docs_file.src_uri, page))
        elif target is not None:
            fix = (site.relative_source(target.src_uri, page) if target.from_docs and not link.raw
                   else site.relative_url(target, page))
        where = f" ({prefix} here)" if prefix != "/" else ""
        return Problem("LNK009", f"absolute link '{link.url}' breaks when the site is served from a sub-path{where}"
                                 + (f"; use the relative link '{fix}'" if fix else ""))

    def _anchor(self, page: File, target: File, fragment: str, link: RenderedLink, *,
                validated: bool) -> Problem | None:
        """`validated`: MkDocs checks this anchor too (it compares it literally, without decoding)."""
        ids = self.site.page_ids.get(target.src_uri)
        if ids is None or not fragment:
            return None
        if fragment in ids:
            return None
        decoded = unquote(fragment)
        where = "this page" if target is page else f"'{self.site.relative_source(target.src_uri, page)}'"
        if decoded in ids or decoded.lower() == "top":
            if validated and self.site.mkdocs_fails(self.links.anchors):
                spelled = "the top of the page has no id 'top'" if decoded.lower() == "top" and decoded not in ids \
                    else f"write it as '#{decoded}'"
                return Problem("LNK002", f"MkDocs' anchor check (validation.links.anchors) rejects '#{fragment}' on "
                                         f"{where} although a browser would accept it: {spelled}")
            return None
        best = close_anchor(decoded, ids)
        what = f"no anchor '#{fragment}' on this page" if target is page else \
            f"'{link.url}': no anchor '#{fragment}' on {where}"
        return Problem("LNK002", what + _mean("#" + best if best else ""))


def _what(link: RenderedLink) -> str:
    if link.raw:
        return f"raw HTML {link.attr}"
    return "image" if link.tag == "img" else "link"


def _mean(suggestion: str | None) -> str:
    return f"; did you mean '{suggestion}'?" if suggestion else ""


def _rel(uri: str | None, rel) -> str:
    return rel(uri) if uri else ""


def _shown_url(page: File) -> str:
    return "" if page.url in ("./", ".") else unquote(page.url)


def _site_path(site: Site) -> str:
    url = site.config.site_url or ""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


# -- nav -------------------------------------------------------------------------------------------

def _nav_places(config_path: str) -> tuple[list[tuple[str, int, int]], int]:
    """(value, line, column) of every string in `nav:`, in order, and the line of `nav:` itself."""
    try:
        text = Path(config_path).read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return [], 0
    if not isinstance(root, yaml.MappingNode):
        return [], 0
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "nav":
            places: list[tuple[str, int, int]] = []
            _walk_nav_node(value, places)
            return places, key.start_mark.line + 1
    return [], 0


def _walk_nav_node(node: yaml.Node, out: list[tuple[str, int, int]]) -> None:
    if isinstance(node, yaml.ScalarNode):
        out.append((node.value, node.start_mark.line + 1, node.start_mark.column + 1))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk_nav_node(item, out)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _walk_nav_node(value, out)


def _nav_entries(nav: object) -> list[str]:
    out: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)

    walk(nav)
    return out


def check_nav(site: Site, omitted: str = "auto") -> list[Finding]:
    """Nav entries that point nowhere, and pages left out of the nav."""
    config = site.config
    if config.nav is None:
        return []
    config_path = str(config.config_file_path)
    places, nav_line = _nav_places(config_path)
    findings: list[Finding] = []
    in_nav: set[str] = set()
    cursor = 0
    nav_validation = site.nav_validation
    for entry in _nav_entries(config.nav):
        line, column = nav_line, 1 if nav_line else 0
        for index in range(cursor, len(places)):
            if places[index][0] == entry:
                line, column = places[index][1], places[index][2]
                cursor = index + 1
                break
        problem = _nav_entry(site, entry, in_nav, nav_validation)
        if problem is not None:
            findings.append(Finding(config_path, line, column, problem.code, problem.message, problem.severity))
    level = _omitted_severity(omitted, nav_validation.omitted_files)
    if level is not None:
        for file in site.pages:
            if file.src_uri not in in_nav and file.inclusion.is_in_nav():
                findings.append(Finding(config_path, nav_line, 1 if nav_line else 0, "LNK010",
                                        f"page '{file.src_uri}' is not in the nav: add it to `nav` or list it "
                                        "under `not_in_nav` in mkdocs.yml", level))
    return findings


def _omitted_severity(choice: str, mkdocs_level: int) -> str | None:
    if choice == "ignore":
        return None
    if choice == "error":
        return ERROR
    if choice == "auto" and mkdocs_level < logging.INFO:  # `omitted_files: ignore` in mkdocs.yml
        return None
    return WARNING


def _nav_entry(site: Site, entry: str, in_nav: set[str], nav_validation) -> Problem | None:
    parts = urlsplit(entry)
    if parts.scheme or parts.netloc:
        return None
    lookup = entry
    if entry.startswith("/"):
        if nav_validation.absolute_links is not RELATIVE_TO_DOCS:
            return Problem("LNK009", f"absolute nav entry '{entry}' breaks when the site is served from a sub-path; "
                                     "name the page's file instead (e.g. 'tips.md')")
        lookup = entry.lstrip("/")
    file = site.files.get_file_from_path(lookup)
    if file is not None:
        if file.inclusion.is_excluded():
            return Problem("LNK008", f"nav entry '{entry}' is excluded from the built site (exclude_docs or "
                                     "draft_docs), so the nav link would 404")
        in_nav.add(file.src_uri)
        return None
    # MkDocs publishes anything else as a plain link, relative to the site root.
    path = unquote(parts.path)
    named = site.included.get(posixpath.normpath(path)) if path else None
    if named is not None and named.is_documentation_page():
        ids = site.page_ids.get(named.src_uri, set())
        if parts.fragment and parts.fragment not in ids and unquote(parts.fragment) not in ids:
            best = close_anchor(unquote(parts.fragment), ids)
            return Problem("LNK008", f"nav entry '{entry}': anchor '#{parts.fragment}' not found on '{named.src_uri}'"
                                     + _mean("#" + best if best else ""))
        rejected = site.mkdocs_fails(nav_validation.not_found)
        fix = f"'{named.url}#{parts.fragment}'" if not rejected else f"'{named.src_uri}' without the anchor"
        return Problem("LNK008", f"nav entry '{entry}': MkDocs does not resolve a file name with an anchor in the "
                                 f"nav, so the published link 404s; write {fix}")
    resolved = browser_join("", path)
    target = site.lookup_built(resolved) if resolved is not None else None
    if target is not None:
        if parts.fragment and target.is_page and target.from_docs:
            ids = site.page_ids.get(target.src_uri, set())
            if parts.fragment not in ids and unquote(parts.fragment) not in ids:
                best = close_anchor(unquote(parts.fragment), ids)
                return Problem("LNK008", f"nav entry '{entry}': anchor '#{parts.fragment}' not found on "
                                         f"'{target.src_uri}'" + _mean("#" + best if best else ""))
        if site.mkdocs_fails(nav_validation.not_found):
            fix = f"write '{target.src_uri}'" if target.from_docs and not parts.fragment else \
                "name a page's file, without an anchor"
            return Problem("LNK008", f"nav entry '{entry}' works in the browser but `mkdocs build --strict` rejects "
                                     f"it (validation.nav.not_found); {fix}")
        return None
    case = site.case_match(posixpath.normpath(path)) if path else None
    if case:
        return Problem("LNK004", f"nav entry '{entry}' differs in letter case from '{case}': it works on "
                                 "case-insensitive disks (macOS, Windows) but 404s on Linux hosts")
    close = site.close_file(posixpath.normpath(path) if path else "", pages=True)
    return Problem("LNK008", f"nav entry '{entry}' points to a file that is not in docs/" + _mean(close))


# -- static HTML pages copied from docs/ -------------------------------------------------------------

def _read_static(file: File) -> PageRender:
    """A `.html` file in docs/ is copied as it is: its ids and links are read like raw HTML."""
    page = PageRender()
    try:
        scanner = RawHTMLScanner(page)
        scanner.feed(Path(file.abs_src_path or "").read_text(encoding="utf-8", errors="replace"))
        scanner.close()
    except OSError as error:
        page.error = f"cannot read the page: {error}"
    return page


# -- the whole check ---------------------------------------------------------------------------------

def renderer_for(config: MkDocsConfig) -> Renderer:
    return Renderer(config.markdown_extensions, config.mdx_configs or {},
                    os.path.dirname(os.path.abspath(str(config.config_file_path))))


def check_site(config: MkDocsConfig, *, omitted: str = "auto", jobs: int | None = None,
               extra_outputs: tuple[str, ...] = (), cache: RenderCache | None = None) -> list[Finding]:
    """Every link finding for the site described by `config` (a loaded, validated MkDocs config).

    `jobs` worker processes render the pages (default: one per core; small sites stay in this
    process). `cache` keeps renders of unchanged pages between calls (for `mkdocs serve`).
    """
    site = Site(config, extra_outputs=extra_outputs)
    renderer = renderer_for(config)
    renders: dict[str, PageRender] = {}
    pages: list[tuple[str, str]] = []
    if cache is not None:
        cache.use_config(config)
    for file in site.pages:
        path = file.abs_src_path or ""
        hit = cache.get(path) if cache is not None else None
        if hit is not None:
            renders[file.src_uri] = hit
        else:
            pages.append((file.src_uri, path))
    _STATE["renderer"] = renderer
    pool = _Pool(jobs or default_jobs(), len(pages))
    try:
        for uri, rendered in pool.map(_render_chunk, pages):
            renders[uri] = rendered
            if cache is not None:
                cache.put(site.included[uri].abs_src_path or "", rendered)
        for file in site.static_pages:
            renders[file.src_uri] = _read_static(file)
        for uri, rendered in renders.items():
            site.page_ids[uri] = rendered.ids
        findings, to_locate = _judge_all(site, renders)
        work = [(uri, site.included[uri].abs_src_path or "", renders[uri], list(problems))
                for uri, problems in to_locate.items() if uri.endswith(PAGE_EXTENSIONS)]
        located = dict(pool.map(_locate_chunk, work)) if work else {}
    finally:
        pool.close()
        _STATE.pop("renderer", None)
    for uri, problems in to_locate.items():
        file = site.included[uri]
        places = located.get(uri, {})
        for key, problem in problems.items():
            for path, line, column in places.get(key, [(file.abs_src_path or "", 0, 0)]):
                findings.append(Finding(path, line, column, problem.code, problem.message, problem.severity))
    findings += check_nav(site, omitted)
    return sorted(set(findings))


def _judge_all(site: Site, renders: dict[str, PageRender]
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
            findings += _text_findings(site, file, rendered)
    return findings, to_locate


def _text_findings(site: Site, file: File, rendered: PageRender) -> list[Finding]:
    """Unresolved references and missing snippets: placed by searching the page's source."""
    path = file.abs_src_path or file.src_uri
    try:
        text, first_line = read_page(path)
    except (OSError, UnicodeDecodeError):
        text, first_line = "", 1
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
    appended = [str(p) for p in (site.config.mdx_configs or {}).get("pymdownx.snippets", {}).get("auto_append", [])]
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
