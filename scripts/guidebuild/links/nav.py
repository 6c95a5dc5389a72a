"""Check the `nav:` of mkdocs.yml: entries that point nowhere, and pages left out of it.

MkDocs turns a nav entry it cannot match to a file into a plain link published as written, so
`tips.md#scale` becomes a 404 in the built nav; entries are judged the way they will be published.
Each finding points at the entry's line and column in mkdocs.yml (from the YAML node's position).
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.links.judge import Problem, mean
from guidebuild.links.targets import RELATIVE_TO_DOCS, Site, browser_join, close_anchor


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
                                     + mean("#" + best if best else ""))
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
                                         f"'{target.src_uri}'" + mean("#" + best if best else ""))
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
    return Problem("LNK008", f"nav entry '{entry}' points to a file that is not in docs/" + mean(close))
