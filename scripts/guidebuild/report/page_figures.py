"""The content report: per-page reading figures and citations, plus the content findings.

Every page comes from the page model (`site.pages`, rendered once per build), whose tree feeds
the reading measure (`readability`), the citation rule (`claims`) and the glossary check
(`glossary`). This module
only gathers and formats; `scripts/content_report.py` prints and chooses the exit code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guidebuild import findings as fnd
from guidebuild.findings import ERROR, Finding, UsageError
from guidebuild.report import claims, readability
from guidebuild.report.glossary import check_glossary
from guidebuild.site.page_html import Element
from guidebuild.site.page_text import segments
from guidebuild.site.pages import Page, site_pages


@dataclass(frozen=True)
class PageFigures:
    """What the report prints for one page."""

    page: str                 # src_uri, e.g. "safety.md"
    path: str                 # the file
    words: int
    sentences: int
    grade: float
    average_sentence: float
    longest_words: int
    longest_sentence: str
    citations: int


def reference_entry_filter(src_uri: str,
                           references_page: str = claims.REFERENCES_PAGE) -> Callable[[Element], bool] | None:
    """On the References page, leave out the entries (paragraphs with an id): they are sources."""
    if src_uri != references_page:
        return None
    return lambda element: element.tag == "p" and "id" in element.attrs


def analyse_page(page: Page) -> tuple[PageFigures, list[Finding]]:
    """Figures and findings (reading grade, claims) for one rendered page."""
    skip = reference_entry_filter(page.src_uri)
    measured = readability.measure(readability.prose_text(segments(page.tree, skip_tables=True, skip=skip)))
    cited = claims.citations(page)
    path = str(page.path)
    figures = PageFigures(page.src_uri, path, measured.words, measured.sentences, measured.grade,
                          measured.average_sentence, measured.longest_words, measured.longest_sentence,
                          cited.count)
    found = readability.findings(path, measured)
    found += claims.claim_findings(page, path, skip=skip)
    return figures, found


def select_pages(config: MkDocsConfig, wanted: list[str]) -> list[Page]:
    """All pages, or only those named; unknown names exit 2.

    A name may be a path from the current folder or from the project root (`docs/x.md`), or the
    page's name inside docs/ (`x.md`).
    """
    pages = site_pages(config).in_nav_order()
    if not wanted:
        return pages
    by_path = {page.path.resolve(): page for page in pages}
    by_uri = {page.src_uri: page for page in pages}
    project = Path(config.config_file_path).parent
    chosen, unknown = [], []
    for name in wanted:
        item = (by_path.get(Path(name).resolve()) or by_path.get((project / name).resolve())
                or by_uri.get(name.replace("\\", "/")))
        (chosen.append(item) if item else unknown.append(name))
    if unknown:
        raise UsageError(*(Finding(name, 0, 0, "RPT002", "not a page of this site",
                                   ERROR, f"Name a Markdown file under {config.docs_dir}.") for name in unknown))
    return chosen


def analyse(config: MkDocsConfig, wanted: list[str] | None = None) -> tuple[list[PageFigures], list[Finding]]:
    """Judge the chosen pages (all by default) from the page model; the glossary check needs all pages."""
    chosen = select_pages(config, list(wanted or []))
    figures: list[PageFigures] = []
    found: list[Finding] = []
    rendered: list[Page] = []
    for page in chosen:
        problem = (page.read_findings[0].message if page.read_findings else "") if not page.readable \
            else page.rendered.error or _missing_snippets(page)
        if problem:  # not UTF-8, a missing snippet, a broken extension: report and go on
            found.append(Finding(str(page.path), 0, 0, "RPT001", f"cannot render the page: {problem}", ERROR,
                                 "Fix the problem, then run the report again (the build shows the same error)."))
            continue
        rendered.append(page)
        page_figures, page_findings = analyse_page(page)
        figures.append(page_figures)
        found += page_findings
    if not wanted and len(rendered) == len(chosen):
        found += check_glossary(config, rendered)
    return figures, found


def _missing_snippets(page: Page) -> str:
    """The page model renders past a missing snippet (the link check reports it at its line); the
    report cannot judge a page with text missing, so it says so instead of grading what is left."""
    missing = page.rendered.missing_snippets
    return f"a snippet it includes is missing: {', '.join(missing)}" if missing else ""


COLUMNS = ("Page", "Words", "Grade", "Avg sentence", "Longest", "Citations")


def format_table(figures: list[PageFigures]) -> str:
    """A plain-text table, one page a row, with `!` beside a figure over its limit."""
    rows = [COLUMNS]
    for item in figures:
        judged = item.words >= readability.MIN_WORDS_FOR_LIMITS
        over_grade = "!" if judged and item.grade > readability.MAX_GRADE else ""
        over_length = "!" if judged and item.average_sentence > readability.MAX_AVERAGE_SENTENCE else ""
        rows.append((item.page, str(item.words), f"{item.grade:.1f}{over_grade}",
                     f"{item.average_sentence:.1f}{over_length}", str(item.longest_words), str(item.citations)))
    widths = [max(len(row[n]) for row in rows) for n in range(len(COLUMNS))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[n]) for n, cell in enumerate(row) if n]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"Limits: grade <= {readability.MAX_GRADE:g}, average sentence <= "
                 f"{readability.MAX_AVERAGE_SENTENCE:g} words (pages under {readability.MIN_WORDS_FOR_LIMITS} "
                 "words are not judged).")
    return "\n".join(lines)


def as_json(figures: list[PageFigures], found: list[Finding]) -> str:
    """`{"pages": [...], "findings": [...]}` for machines (findings as the other commands print them)."""
    pages = [{**asdict(item), "path": fnd.display_path(item.path)} for item in figures]
    return json.dumps({"pages": pages, "findings": json.loads(fnd.render(found, "json")),
                       "limits": {"grade": readability.MAX_GRADE,
                                  "average_sentence": readability.MAX_AVERAGE_SENTENCE,
                                  "min_words": readability.MIN_WORDS_FOR_LIMITS}},
                      indent=2, ensure_ascii=False)
