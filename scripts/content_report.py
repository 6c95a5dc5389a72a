#!/usr/bin/env python3
"""Content report: reading grade, sentence length and citations for every page, plus findings.

    python scripts/content_report.py [-f mkdocs.yml] [--format text|json|github] [PAGE ...]

Prints one row per page (words, Flesch-Kincaid grade, average and longest sentence, citations),
then the findings as `path:line:col: CODE message`: a grade above 8 or sentences averaging more
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

from guidebuild import config as cfg
from guidebuild import findings as fnd
from guidebuild.cli import base_parser, emit
from guidebuild.findings import ExitCode, UsageError
from guidebuild.report import page_figures


def main(argv: list[str] | None = None) -> int:
    parser = base_parser("content_report.py", __doc__ or "")
    parser.description = ("Print words, reading grade, sentence length and citations for every page, "
                          "and fail when a page is too hard to read or a claim has no source.")
    parser.add_argument("pages", nargs="*", metavar="PAGE",
                        help="pages to report on, e.g. docs/safety.md (default: every page)")
    args = parser.parse_args(argv)
    try:
        config = cfg.load(args.config_file)
        figures, found = page_figures.analyse(config, args.pages)
    except UsageError as error:
        emit(error.findings, args.format)
        return ExitCode.USAGE
    if args.format == "json":
        sys.stdout.write(page_figures.as_json(figures, found) + "\n")
    else:
        sys.stdout.write(page_figures.format_table(figures) + "\n\n")
        emit(found, args.format)
    return fnd.exit_code(found)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
