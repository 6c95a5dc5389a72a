#!/usr/bin/env python3
"""Content report: reading grade, sentence length and citations for every page, plus findings.

    python scripts/content_report.py [-f mkdocs.yml] [--format text|json|github] [PAGE ...]

Prints one row per page (words, Flesch-Kincaid grade, average and longest sentence, citations),
then the findings as `path:line:col: CODE message`: a grade above 6 or sentences averaging more
than 20 words (RDG001, RDG002), a claim of benefit or risk without a citation (CIT001), a
footnote that cites nothing (CIT002), glossary terms no page uses (GLO001, GLO002). Name pages
to report on only those (the glossary check then is skipped). `--format json` prints one JSON
object with "pages" and "findings".
Exit codes: 0 no errors (warnings allowed), 1 the content has errors, 2 usage, configuration or
environment problem (for example textstat not installed).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guidebuild.cli import exit_now
from guidebuild.report.report_command import main  # main(argv: Sequence[str] | None = None) -> int

if __name__ == "__main__":
    exit_now(main())
