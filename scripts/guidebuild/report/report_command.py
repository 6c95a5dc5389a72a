"""`scripts/content_report.py`: the content report on its own, for writers and CI.

    python scripts/content_report.py [-f mkdocs.yml] [--format text|json|github] [PAGE ...]

Only this module prints and picks the exit code; `page_figures` gathers the figures and findings.
Usage and configuration problems print on stderr and exit 2 (see `cli.run_command`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from guidebuild import findings as fnd
from guidebuild.cli import base_parser, emit, run_command

DESCRIPTION = ("Print words, reading grade, sentence length and citations for every page, "
               "and fail when a page is too hard to read or a claim has no source.")
EPILOG = """\
exit codes: 0 no errors (warnings allowed), 1 the content has errors, 2 usage, configuration or
environment problem

codes:
{codes}"""


def _parser() -> argparse.ArgumentParser:
    from guidebuild import codes

    parser = base_parser("content_report.py", DESCRIPTION,
                         EPILOG.format(codes=codes.help_list(codes.codes_of("RDG", "CIT", "GLO", "RPT"))))
    parser.add_argument("pages", nargs="*", metavar="PAGE",
                        help="pages to report on, e.g. docs/safety.md (default: every page)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, analyse the pages, print the table and the findings, exit code."""
    return run_command(_parser, _report, argv, script="content_report.py", what="the content report")


def _report(args: argparse.Namespace) -> int:
    from guidebuild import config as cfg
    from guidebuild.report import page_figures

    config = cfg.load(args.config_file)
    figures, found = page_figures.analyse(config, args.pages)
    if args.format == "json":
        sys.stdout.write(page_figures.as_json(figures, found) + "\n")
    else:
        sys.stdout.write(page_figures.format_table(figures) + "\n\n")
        emit(found, args.format)
    return fnd.exit_code(found)
