"""Build step: read every file about to be published and refuse what would leak or run foreign code.

Runs after every step that writes into the staging folder (MkDocs, the cheat-sheet PDFs, the
Content-Security-Policy, the service worker and manifest) and before publishing, so it judges
the exact bytes readers get, whatever produced them: Markdown, a template in overrides/, a hook,
`mkdocs.yml` or the theme.

    PRIV001  a reference that makes the browser fetch from another host (or embed a document)
    PRIV002  code the build did not ship: a script file not from the theme or docs/javascripts/,
             an inline script no template contains, an `on*=` handler, a `javascript:` URL
    PRIV003  a file type the site does not publish
    PRIV005  a `style=` attribute (the Content-Security-Policy blocks inline style attributes)

Each finding is placed in the source that produced it when the offending text can be found there
(the page's Markdown, mkdocs.yml, a template in overrides/, a file copied from docs/), and names
the built file too; otherwise it is placed in the built file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, Finding, display_path
from guidebuild.privacy import html_refs
from guidebuild.privacy.html_refs import Context, Problem
from guidebuild.privacy.urls import own_prefixes, short, stays_here
from guidebuild.publish import StagedSite

HTML = (".html", ".htm")
XML = (".svg", ".xml", ".xhtml", ".xht")
# What the site publishes. Pictures, fonts and PDFs are read by the browser as data, never run.
PUBLISHED = frozenset({*HTML, ".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico",
                       ".woff2", ".woff", ".pdf", ".txt", ".xml", ".json", ".webmanifest"})
COMPRESSED_COPIES = frozenset({"sitemap.xml.gz"})  # MkDocs writes it; browsers never load it
# Script files an output step writes from the build's own code (not copied from docs/): the
# service worker, which must sit at the site's root to serve every page (guidebuild/offline/).
GENERATED_SCRIPTS: frozenset[str] = frozenset({"sw.js"})
PROJECT_SCRIPTS = "javascripts/"  # docs/javascripts/*.js: the project's own scripts
MANIFEST_URL_KEYS = frozenset({"src", "start_url", "scope", "url", "id", "action"})
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
# A template value inside an inline script may only be URL-like text (`..`, `../..`, an id):
# a value that could close a string or call something does not match, so it is refused.
_VALUE = r"[\w./:#?&=%~+\-]*"


def template_scripts(dirs: list[str]) -> Callable[[str], bool]:
    """A test for "this inline script is written in one of the theme's templates"."""
    patterns = []
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            if "/.icons/" in path.as_posix():
                continue
            for body in _SCRIPT.findall(path.read_text(encoding="utf-8", errors="replace")):
                if body.strip():
                    pieces = _JINJA.split(body.strip())
                    patterns.append(_VALUE.join(re.escape(piece) for piece in pieces))
    compiled = re.compile("|".join(f"(?:{p})" for p in patterns), re.DOTALL) if patterns else None

    def written_in_a_template(text: str) -> bool:
        return compiled is not None and compiled.fullmatch(text.strip()) is not None

    return written_in_a_template


def theme_copies(out_dir: Path, config: MkDocsConfig) -> set[str]:
    """Output files that are byte-identical copies of the installed theme's own files.

    They are not read again on every build (Material's CSS alone takes a second to tokenize):
    the theme is pinned by hash in requirements.txt, and a test scans all of its assets with the
    same rules (tests/test_privacy_output.py), so a theme update that fetches elsewhere fails there.
    A file from docs/ or overrides/ with a theme file's name is not identical, so it is read.
    """
    theme_dirs = [Path(d) for d in config.theme.dirs[1:]] if config.theme.custom_dir else \
        [Path(d) for d in config.theme.dirs]
    copies = set()
    for path in (out_dir / "assets").rglob("*"):
        key = path.relative_to(out_dir).as_posix()
        theirs = next((d / key for d in theme_dirs if (d / key).is_file()), None)
        if theirs is not None and path.is_file() and theirs.stat().st_size == path.stat().st_size \
                and theirs.read_bytes() == path.read_bytes():
            copies.add(key)
    return copies


def shipped_scripts(out_dir: Path, config: MkDocsConfig, copies: set[str]) -> tuple[set[str], list[str]]:
    """Script files in the output the build may run, and those it may not.

    Material's own files must be byte-identical to the installed theme's (a file in docs/ with the
    same name would replace the theme's in the output); the project's are docs/javascripts/.
    """
    docs = Path(config.docs_dir)
    shipped: set[str] = set()
    foreign: list[str] = []
    for path in sorted(out_dir.rglob("*.js")):
        key = path.relative_to(out_dir).as_posix()
        if key in copies or (key.startswith(PROJECT_SCRIPTS) and (docs / key).is_file()) or key in GENERATED_SCRIPTS:
            shipped.add(key)
        else:
            foreign.append(key)
    return shipped, foreign


class _Sources:
    """Find where a problem in a built file came from, by looking for its text in likely sources."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.docs = Path(config.docs_dir)
        self.config_file = Path(config.config_file_path)
        custom = config.theme.custom_dir
        self.templates = sorted(Path(custom).rglob("*.html")) if custom else []
        self.custom = Path(custom) if custom else None

    def for_key(self, key: str) -> list[Path]:
        candidates = [self.docs / key]
        if key.endswith(HTML):
            stem = key[: -len("index.html")] if key.endswith("index.html") else key.rsplit(".", 1)[0]
            stem = stem.rstrip("/")
            for name in ((stem + ".md") if stem else "index.md", f"{stem}/index.md", f"{stem}/README.md"):
                candidates.append(self.docs / name.lstrip("/"))
        if self.custom is not None:
            candidates.append(self.custom / key)
        return [c for c in candidates if c.is_file()] + [self.config_file, *self.templates]

    @staticmethod
    @lru_cache(maxsize=256)
    def _lines(path: Path) -> tuple[str, ...]:
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())

    def locate(self, key: str, needle: str) -> tuple[str, int, int] | None:
        """The first place of `needle` in the page's own sources, then (for a distinctive needle,
        such as a URL) in mkdocs.yml and the templates."""
        if len(needle.strip()) < 3:
            return None
        candidates = self.for_key(key)
        if len(needle) < 8:
            candidates = [c for c in candidates if c != self.config_file and c not in self.templates]
        for path in candidates:
            for number, line in enumerate(self._lines(path), start=1):
                column = line.find(needle)
                if column < 0:
                    column = line.lower().find(needle.lower())
                if column >= 0:
                    return str(path), number, column + 1
        return None


def _manifest_problems(text: str, context: Context) -> list[Problem]:
    try:
        data = json.loads(text)
    except ValueError as error:
        return [Problem(0, 0, html_refs.PRIV_FETCH, f"not valid JSON ({error}), so it cannot be checked", "")]
    problems = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in MANIFEST_URL_KEYS and isinstance(value, str) and not stays_here(value, context.own_prefixes):
                    line = text[: text.find(value)].count("\n") + 1 if value in text else 0
                    problems.append(Problem(line, 0, html_refs.PRIV_FETCH,
                                            f"`{key}` names {short(value)}, which is not a file of this site", value))
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return problems


def _file_problems(path: Path, key: str, context: Context) -> list[Problem]:
    suffix = path.suffix.lower()
    if key in COMPRESSED_COPIES:
        return []
    if suffix not in PUBLISHED:
        return [Problem(0, 0, "PRIV003", f"'{path.name}': files of type '{suffix or path.name}' are not published", "")]
    if suffix in HTML:
        return html_refs.html_problems(key, path.read_text(encoding="utf-8", errors="replace"), context)
    if suffix in XML:
        return html_refs.xml_problems(path.read_bytes(), context)
    if suffix == ".css":
        text = path.read_text(encoding="utf-8", errors="replace")
        return html_refs.css_problems(text, 1, 1, "the stylesheet", context)
    if suffix == ".webmanifest" or (suffix == ".json" and "manifest" in path.name):
        return _manifest_problems(path.read_text(encoding="utf-8", errors="replace"), context)
    return []


def check_built_files(config: MkDocsConfig, out_dir: Path, shown_as: Path | None = None) -> list[Finding]:
    """Every problem in the output folder, as findings placed in their sources where possible."""
    copies = theme_copies(out_dir, config)
    shipped, foreign = shipped_scripts(out_dir, config, copies)
    site_path = urlsplit(config.site_url or "").path or "/"
    site_path = site_path if site_path.endswith("/") else site_path + "/"
    prefixes = own_prefixes(config.site_url)

    def shipped_script(key: str, src: str) -> bool:
        return html_refs.resolve(key, src, site_path, prefixes) in shipped

    # Inline scripts only from the theme's own templates: overrides/ loads scripts from files.
    theme_dirs = list(config.theme.dirs[1:] if config.theme.custom_dir else config.theme.dirs)
    context = Context(prefixes, shipped_script, template_scripts(theme_dirs))
    sources = _Sources(config)
    shown_root = shown_as or out_dir
    findings: list[Finding] = []
    for folder, _dirs, names in os.walk(out_dir):
        for name in sorted(names):
            path = Path(folder) / name
            key = path.relative_to(out_dir).as_posix()
            problems = [] if key in copies else _file_problems(path, key, context)
            if key in foreign:
                problems.append(Problem(0, 0, html_refs.PRIV_CODE, "a script file the build did not ship: only the "
                                        f"theme's scripts and docs/{PROJECT_SCRIPTS} may run", ""))
            built = shown_root / key
            findings += [_finding(problem, key, built, sources) for problem in problems]
    return sorted(set(findings))


HINTS = {
    html_refs.PRIV_FETCH: "Save a copy under docs/assets/ (if its licence allows) and use a relative path; "
                       "link to other sites with a plain link instead.",
    html_refs.PRIV_CODE: "Scripts belong in docs/javascripts/ and are loaded by a template block; pages run no code.",
    "PRIV003": "Publish pages as Markdown, pictures as SVG/PNG/JPEG/WebP/AVIF/GIF, styles as .css and scripts "
               "from docs/javascripts/.",
    html_refs.PRIV_STYLE_ATTRIBUTE: "Give the element a class and style it in docs/stylesheets/*.css.",
}


def _finding(problem: Problem, key: str, built: Path, sources: _Sources) -> Finding:
    place = sources.locate(key, problem.needle) if problem.needle else None
    if place is None and problem.code in ("PRIV003", html_refs.PRIV_CODE) and not problem.needle:
        source = Path(sources.docs) / key
        place = (str(source), 0, 0) if source.is_file() else None
    if place is None:
        return Finding(str(built), problem.line, problem.column, problem.code, problem.message, ERROR,
                       HINTS.get(problem.code, ""))
    where = display_path(str(built)) + (f":{problem.line}" if problem.line else "")
    return Finding(place[0], place[1], place[2], problem.code, f"{problem.message} (in {where})", ERROR,
                   HINTS.get(problem.code, ""))


def check_published_files(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage: the allow-list check of the staging folder, named as the site folder."""
    return check_built_files(config, staged.folder, staged.site_dir)
