"""The content rules as a build stage: reading grade, citations and glossary on every page.

The same rules as the content report (`page_figures.analyse`), so `scripts/build.py`, the
`mkdocs serve` hook and `scripts/content_report.py` judge a page alike: an uncited claim of
benefit stops the build with CIT001 at its line, just as the report points at it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import Finding
from guidebuild.report.page_figures import analyse

# A page that cannot be rendered is reported by the link check (LNK016); once is enough.
REPORTED_ELSEWHERE = frozenset({"RPT001"})


def check_content_rules(config: MkDocsConfig) -> list[Finding]:
    """Build stage: RDG (reading grade), CIT (citations) and GLO (glossary) findings for every page."""
    _figures, found = analyse(config)
    return [finding for finding in found if finding.code not in REPORTED_ELSEWHERE]
