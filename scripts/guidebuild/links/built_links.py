"""Check the built HTML: every internal href/src and #fragment must resolve in the output folder.

The source check (`source_links.py`) sees what contributors write; this one sees what readers get,
including links that come from templates, theme overrides and hooks (the cheat sheet's PDF links,
the nav, the footer, `extra_css`). It reads the output folder only, like a static host would
serve it: `tips/` opens `tips/index.html`, and an absolute URL must stay inside `site_url`'s path.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import Finding
from guidebuild.links.targets import browser_join
from guidebuild.publish import StagedSite
from guidebuild.site.addresses import site_path
from guidebuild.site.markdown_map import PageRender, RawHTMLScanner
from guidebuild.workers import WorkerPool, default_jobs

HTML_SUFFIXES = (".html", ".htm")


@dataclass
class BuiltPage:
    """The ids of one built HTML file and its links with their places (line, column)."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int, int]] = field(default_factory=list)


def scan_html(path: str) -> BuiltPage:
    """The ids of one built HTML file and its links with their places."""
    found = PageRender()
    scanner = RawHTMLScanner(found, with_places=True)
    with open(path, encoding="utf-8", errors="replace") as handle:
        scanner.feed(handle.read())
    scanner.close()
    places = zip(found.links, scanner.places, strict=True)
    return BuiltPage(found.ids, [(link.url, line, column) for link, (line, column) in places])


def _scan_chunk(items: list[tuple[str, str]]) -> list[tuple[str, BuiltPage]]:
    return [(key, scan_html(path)) for key, path in items]


def _folder(key: str) -> str:
    return key.rpartition("/")[0] + "/" if "/" in key else ""


def check_built(site_dir: Path, config: MkDocsConfig | None = None, *, jobs: int | None = None,
                shown_as: Path | None = None) -> list[Finding]:
    """Findings for every internal link in the HTML under `site_dir` that does not resolve.

    `shown_as` names the folder in messages when the check runs on a temporary build folder
    (the build script checks its staging folder, which becomes `site/` only if this passes).
    """
    root = site_dir.resolve()
    files: set[str] = set()
    html: list[tuple[str, str]] = []
    for folder, _dirs, names in os.walk(root):
        relative = os.path.relpath(folder, root)
        for name in names:
            key = name if relative == "." else f"{Path(relative).as_posix()}/{name}"
            files.add(key)
            if name.endswith(HTML_SUFFIXES):
                html.append((key, os.path.join(folder, name)))
    html.sort()
    with WorkerPool(jobs or default_jobs(), len(html)) as pool:
        pages: dict[str, BuiltPage] = dict(pool.map(_scan_chunk, html))
    prefix = site_path(config)
    shown_root = shown_as if shown_as is not None else root
    findings: list[Finding] = []
    for key, page in pages.items():
        problems = _check_page(key, page, pages, files, prefix)
        shown = str(shown_root / key)
        findings += [Finding(shown, line, column, code, message) for code, message, line, column in problems]
    return sorted(set(findings))


def _lookup(key: str, files: set[str]) -> str | None:
    if key == "" or key.endswith("/"):
        return key + "index.html" if key + "index.html" in files else None
    if key in files:
        return key
    if not posixpath.splitext(key)[1] and key + "/index.html" in files:
        return key + "/index.html"
    return None


def _check_page(key: str, page: BuiltPage, pages: dict[str, BuiltPage], files: set[str],
                prefix: str) -> list[tuple[str, str, int, int]]:
    problems: list[tuple[str, str, int, int]] = []
    cache: dict[str, tuple[str, str] | None] = {}
    for url, line, column in page.links:
        if url not in cache:
            cache[url] = _judge(url, key, pages, files, prefix)
        verdict = cache[url]
        if verdict is not None:
            problems.append((verdict[0], verdict[1], line, column))
    return problems


def _judge(url: str, key: str, pages: dict[str, BuiltPage], files: set[str],
           prefix: str) -> tuple[str, str] | None:
    """None when `url` (on the page `key`) works; else a code and a message."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//") or not url.strip():
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(prefix) and path + "/" != prefix:
            return "LNK101", f"'{url}' is outside the site's path '{prefix}' (from site_url)"
        resolved: str | None = browser_join("", path[len(prefix):]) if path.startswith(prefix) else ""
    elif not path:
        resolved = key  # `#fragment` or `?query` alone: this page
    else:
        resolved = browser_join(_folder(key), path)
    if resolved is None:
        return "LNK101", f"'{url}' climbs above the site root"
    target = _lookup(resolved, files) if path else key
    if target is None:
        return "LNK101", f"'{url}' points to '{resolved or './'}', which is not in the built site"
    fragment = parts.fragment
    if fragment and target in pages:
        ids = pages[target].ids
        decoded = unquote(fragment)
        if fragment not in ids and decoded not in ids and decoded.lower() != "top":
            return "LNK102", f"'{url}': no element with id '{decoded}' in '{target}'"
    return None


def check_built_links(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage: check the freshly built site (in the staging folder) before it is published."""
    return check_built(staged.folder, config, shown_as=staged.site_dir)
