"""What a link can point at: the documentation files and the URLs the built site will serve.

Everything here comes from MkDocs itself: `get_files()` decides which files are pages, assets or
excluded (`exclude_docs`, `draft_docs`, `not_in_nav`), `File.url`/`File.dest_uri` give each file's
built address (honouring `use_directory_urls`), and the theme's own files and static templates
(`404.html`, `sitemap.xml`) are added the way `mkdocs build` adds them. Lookups are exact, so a
link that only matches when letter case is ignored is caught on every disk.
"""

from __future__ import annotations

import difflib
import fnmatch
import logging
import os
import posixpath
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import _AbsoluteLinksValidationValue
from mkdocs.utils import get_relative_url, markdown_extensions

PAGE_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
RELATIVE_TO_DOCS = _AbsoluteLinksValidationValue.RELATIVE_TO_DOCS
# Files plugins write that are not in docs/ or the theme: (plugin name, site path).
PLUGIN_OUTPUTS = (("search", "search/search_index.json"),)


def _theme_file_wanted(name: str, config: MkDocsConfig) -> bool:
    """`Files.add_files_from_theme`'s filter: which theme files MkDocs copies into the site."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                *(f"*{suffix}" for suffix in markdown_extensions), *config.theme.static_templates]
    lowered = name.lower()
    return not any(fnmatch.fnmatch(lowered, pattern) for pattern in patterns)


def theme_static_files(config: MkDocsConfig) -> list[str]:
    """The site paths of the theme files `mkdocs build` copies, as `Files.add_files_from_theme` finds them.

    MkDocs lists every template of the theme through Jinja and filters them; Material's folders
    hold some ten thousand icons in hidden folders that the filter throws away. Walking the same
    folders without entering hidden ones (and the top-level `locales/`) gives the same list in a
    fraction of the time. The first theme folder holding a path wins, as in MkDocs.
    """
    found: dict[str, None] = {}
    for theme_dir in config.theme.dirs:
        for folder, dirnames, filenames in os.walk(theme_dir):
            relative = os.path.relpath(folder, theme_dir)
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and not (relative == "." and d == "locales")]
            for name in filenames:
                path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
                if path not in found and _theme_file_wanted(path, config):
                    found[path] = None
    return list(found)


@dataclass(frozen=True, slots=True)
class Target:
    """Something the built site serves at a URL: a page, a copied file, or a theme/plugin file."""

    src_uri: str  # path in docs/ (or in the theme for theme files)
    url: str  # the built URL relative to the site root, as MkDocs writes it (`tips/`, `img/a.png`)
    is_page: bool
    from_docs: bool


def browser_join(base_dir: str, path: str) -> str | None:
    """Resolve a relative URL path against a folder of the site the way a browser does.

    `base_dir` is `''` (the site root) or ends with `/`. Returns the site-relative path (ending in
    `/` for folders), or None when the path climbs above the site root.
    """
    combined = base_dir + path
    trailing = path.endswith(("/", "/.", "/..")) or path in (".", "..")
    normal = posixpath.normpath(combined) if combined else "."
    if normal == ".." or normal.startswith("../"):
        return None
    if normal == ".":
        return ""
    return normal + "/" if trailing else normal


def url_folder(url: str) -> str:
    """The folder a built URL's relative links resolve against (`tips/` for `tips/`, `` for `a.html`)."""
    url = unquote(url)
    if url in (".", "./"):
        return ""
    return url if url.endswith("/") else url.rpartition("/")[0] + ("/" if "/" in url else "")


class Site:
    """The documentation files and the built site's URL space, for one configuration."""

    def __init__(self, config: MkDocsConfig, files: Files | None = None,
                 extra_outputs: tuple[str, ...] = ()) -> None:
        self.config = config
        self.files = files if files is not None else get_files(config)
        self.strict = bool(config.strict)
        validation = config.validation
        self.links_validation = validation.links
        self.nav_validation = validation.nav
        self.included: dict[str, File] = {}
        self.excluded: dict[str, File] = {}
        for file in self.files:
            (self.included if file.inclusion.is_included() else self.excluded)[file.src_uri] = file
        self.pages = [f for f in self.included.values() if f.is_documentation_page()]
        self.static_pages = [f for f in self.included.values() if f.src_uri.endswith((".html", ".htm"))]
        self.src_lower: dict[str, list[str]] = defaultdict(list)
        self.folders: set[str] = set()
        for uri in self.included:
            self.src_lower[uri.lower()].append(uri)
            folder = posixpath.dirname(uri)
            while folder and folder not in self.folders:
                self.folders.add(folder)
                folder = posixpath.dirname(folder)
        self.built: dict[str, Target] = {}
        for file in self.included.values():
            self.built[unquote(file.dest_uri)] = Target(file.src_uri, file.url, file.is_documentation_page(), True)
        self._add_theme_files()
        for path in extra_outputs:
            self.built.setdefault(path, Target(path, path, False, False))
        self.built_lower: dict[str, list[str]] = defaultdict(list)
        for key in self.built:
            self.built_lower[key.lower()].append(key)
        self.page_ids: dict[str, set[str]] = {}
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._by_folder: dict[tuple[str, bool], dict[str, str]] = defaultdict(dict)
        for uri, file in self.included.items():
            folder, _, name = uri.rpartition("/")
            self._by_name[posixpath.splitext(name)[0].lower()].append(uri)
            self._by_folder[(folder, file.is_documentation_page())][name] = uri

    def _add_theme_files(self) -> None:
        config = self.config
        try:
            theme_files = theme_static_files(config)
        except Exception:  # a broken theme is MkDocs' to report; links to it are then unknown
            theme_files = []
        for path in theme_files:
            self.built.setdefault(path, Target(path, path, False, False))
        outputs = [*config.theme.static_templates, "sitemap.xml.gz"]
        plugins = set(config.plugins)
        outputs += [path for name, path in PLUGIN_OUTPUTS if name in plugins or f"material/{name}" in plugins]
        for path in outputs:
            self.built.setdefault(path, Target(path, path, path.endswith(".html"), False))

    # -- MkDocs' view: source paths -----------------------------------------------------------

    @staticmethod
    def source_target(page: File, path: str) -> str:
        """`_RelativePathTreeprocessor._target_uri`: where MkDocs looks for a relative link."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path).lstrip("/"))

    def mkdocs_fails(self, level: int) -> bool:
        """Would MkDocs stop the build on a message at this level? (`--strict` and at least a warning)"""
        return self.strict and level >= logging.WARNING

    # -- the browser's view: built URLs -------------------------------------------------------

    def lookup_built(self, key: str) -> Target | None:
        """The file served at a site-relative path (already percent-decoded), as a static host would."""
        if key == "" or key.endswith("/"):
            return self.built.get(key + "index.html")
        found = self.built.get(key)
        if found is None and not posixpath.splitext(key)[1]:
            found = self.built.get(key + "/index.html")  # hosts redirect `tips` to `tips/`
        return found

    def page_folder(self, page: File) -> str:
        return url_folder(page.url)

    @staticmethod
    def relative_url(target: Target | File, page: File) -> str:
        """The URL a raw HTML link on `page` should use to reach `target`."""
        return get_relative_url(target.url, page.url)

    @staticmethod
    def relative_source(src_uri: str, page: File) -> str:
        """The path a Markdown link on `page` should use to reach the docs file `src_uri`."""
        return get_relative_url(src_uri, page.src_uri)

    # -- suggestions ----------------------------------------------------------------------------

    def case_match(self, uri: str) -> str | None:
        """The one included file whose path equals `uri` when case is ignored."""
        matches = [m for m in self.src_lower.get(uri.lower(), []) if m != uri]
        return matches[0] if len(matches) == 1 else None

    def built_case_match(self, key: str) -> str | None:
        candidates = [key, key + "index.html"] if key.endswith("/") or not key else [key, key + "/index.html"]
        for candidate in candidates:
            matches = [m for m in self.built_lower.get(candidate.lower(), []) if m != candidate]
            if len(matches) == 1:
                return matches[0]
        return None

    def close_file(self, uri: str, *, pages: bool) -> str | None:
        """The nearest existing page (or other file) to a missing path, for a "did you mean" hint.

        Looks in the same folder first and then for files with a similar name anywhere, so the cost
        stays small on large sites (this runs only for broken links).
        """
        folder, _, name = uri.rpartition("/")
        stem = posixpath.splitext(name)[0]
        names = self._by_folder.get((folder, pages), {})
        stems = {posixpath.splitext(n)[0]: uri for n, uri in names.items()}
        best = difflib.get_close_matches(stem, list(stems), n=1, cutoff=0.6)
        if best:
            return stems[best[0]]
        same = [u for u in self._by_name.get(stem.lower(), []) if
                (self.included[u].is_documentation_page() == pages)]
        if len(same) == 1:
            return same[0]
        return None

    def other_extension(self, uri: str) -> str | None:
        """An included file with the same path but another extension (`a.png` for `a.svg`)."""
        stem, ext = posixpath.splitext(uri)
        if not ext:
            return None
        name = stem.rpartition("/")[2].lower()
        for candidate in self._by_name.get(name, []):
            if posixpath.splitext(candidate)[0] == stem and candidate != uri:
                return candidate
        return None

    def page_by_url_stem(self, key: str) -> Target | None:
        """The page a `.html` URL was meant for: `tips.html` -> `tips/`, `a/index.html` -> `a/`."""
        stem = key[: -len(posixpath.splitext(key)[1])]
        for candidate in (stem + "/index.html", stem + ".html", stem.removesuffix("index") + "index.html"):
            target = self.built.get(candidate)
            if target is not None and target.is_page and candidate != key:
                return target
        return None


def close_anchor(anchor: str, ids: set[str]) -> str | None:
    """The nearest id on the target page to a missing anchor (case first, then spelling)."""
    lowered = [i for i in ids if i.lower() == anchor.lower()]
    if lowered:
        return lowered[0]
    visible = [i for i in ids if not i.startswith("__")]
    best = difflib.get_close_matches(anchor, visible, n=1, cutoff=0.6)
    return best[0] if best else None
