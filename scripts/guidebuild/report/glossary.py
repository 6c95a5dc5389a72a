"""Check the glossary of technique words that every page shows as tooltips.

The glossary (`includes/abbreviations.md`, lines like `*[effleurage]: Long, gliding strokes ...`)
is appended to every page by pymdownx.snippets' `auto_append`, and the `abbr` extension turns
each whole-word, case-sensitive match into `<abbr title="...">`. Two things can silently go
wrong: a term that no page uses (a typo, or a word the pages stopped using), and tooltips that
never render at all (the extension or the auto-append switched off). Both are judged on the
rendered pages, so "used" means "a reader sees the tooltip somewhere".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.site.pages import Page, site_pages

_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:[ \t]*(.*)$")


@dataclass(frozen=True)
class Term:
    """One glossary line."""

    word: str
    definition: str
    path: Path
    line: int


def glossary_files(config: MkDocsConfig) -> list[Path]:
    """Auto-appended snippet files that hold abbreviation definitions."""
    appended = site_pages(config).factory.snippets.appended_files()
    return [path for path in appended
            if any(_DEFINITION.match(line) for line in path.read_text(encoding="utf-8-sig").splitlines())]


def read_terms(path: Path) -> list[Term]:
    """Every `*[term]: definition` line of a glossary file, with its line number."""
    terms = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if match := _DEFINITION.match(line):
            terms.append(Term(match.group(1), match.group(2).strip(), path, number))
    return terms


def rendered_terms(pages: Iterable[Page]) -> dict[str, set[str]]:
    """Text of every `<abbr>` that rendered, lower-cased, with the pages it is on."""
    seen: dict[str, set[str]] = {}
    for page in pages:
        for element in page.tree.iter():
            if element.tag == "abbr" and element.attrs.get("title"):
                seen.setdefault(element.text().strip().lower(), set()).add(page.src_uri)
    return seen


def check_glossary(config: MkDocsConfig, pages: list[Page]) -> list[Finding]:
    """GLO001 unused term, GLO002 duplicate term, GLO003 tooltips switched off.

    A term counts as used when any capitalisation of it renders as a tooltip on some page, so the
    capitalised twins the conventions ask for (`*[Effleurage]`) are not reported one by one.
    """
    files = glossary_files(config)
    if not files:
        return []
    findings: list[Finding] = []
    names = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    if not any(name in ("abbr", "markdown.extensions.abbr") for name in names):
        findings.append(Finding(str(config.config_file_path), 0, 0, "GLO003",
                                "the glossary is appended to every page but the `abbr` extension is off, "
                                "so no tooltip renders", ERROR, "Add `- abbr` under markdown_extensions."))
        return findings
    seen = rendered_terms(pages)
    first: dict[str, Term] = {}
    for path in files:
        for term in read_terms(path):
            if term.word in first:
                earlier = first[term.word]
                findings.append(Finding(str(term.path), term.line, 1, "GLO002",
                                        f"“{term.word}” is defined twice (first on line {earlier.line}); "
                                        "the last definition wins", WARNING, "Delete one of the two lines."))
                continue
            first[term.word] = term
    reported: set[str] = set()
    for term in first.values():
        key = term.word.lower()
        if key in seen or key in reported:
            continue
        reported.add(key)
        findings.append(Finding(str(term.path), term.line, 1, "GLO001",
                                f"glossary term “{term.word}” appears on no page, so its tooltip never shows",
                                WARNING, "Remove the line, or check the spelling: terms match whole words and "
                                "are case-sensitive."))
    return findings
