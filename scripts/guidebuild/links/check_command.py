"""`scripts/check_links.py`: the link check on its own, for contributors, CI and other tools.

    python scripts/check_links.py [-f mkdocs.yml] [--format text|json|github] [--site-dir DIR]

Only this module prints and picks the exit code; the checks in `source_links.py` and `built_links.py` return
findings. Usage and configuration problems (bad YAML, no mkdocs.yml, an unknown option) print
one line and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from guidebuild import findings as fnd
from guidebuild.cli import add_generator_option, base_parser, emit
from guidebuild.findings import ExitCode, Finding, UsageError
from guidebuild.site import generator

DESCRIPTION = """\
Check every internal link of the site before it is built: pages, #anchors, images and other
files, raw HTML href/src, nav entries, snippet includes and reference-style links. Pages are
rendered with the site's own Markdown configuration, so anchors are exactly the site's ids.
External links (http, https, mailto, tel) are not checked and never fetched."""

EPILOG = """\
exit codes: 0 no errors (warnings allowed), 1 link errors, 2 usage or configuration error

codes:
{codes}

With --site-dir DIR the built HTML in DIR is checked too (links from templates, overrides
and hooks): LNK101/LNK102. Findings print as `path:line:col: CODE message`."""


def _parser():
    from guidebuild.links.source_links import OMITTED_CHOICES, codes_table

    parser = base_parser("check_links.py", DESCRIPTION)
    add_generator_option(parser)
    parser.epilog = EPILOG.format(codes=codes_table())
    for action in parser._actions:
        if action.dest == "site_dir":
            action.help = "also check the built HTML in DIR: every internal href/src and #fragment"
    parser.add_argument("--omitted-pages", choices=OMITTED_CHOICES, default="auto",
                        help="pages missing from the nav (LNK010): warn, error or ignore; auto (default) "
                             "warns unless mkdocs.yml sets validation.nav.omitted_files: ignore")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="worker processes for rendering pages (default: one per core)")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks for unexpected errors (for developers)")
    return parser


def _usage(found: list[Finding], fmt: str) -> int:
    if fmt == "text":
        for finding in found:
            sys.stderr.write(fnd.format_text(finding) + "\n")
    else:
        emit(found, fmt)
    return ExitCode.USAGE


def _use_generator(argv: Sequence[str] | None) -> None:
    """Load MkDocs or ProperDocs as `--generator` asks, before the parser's help imports `mkdocs`."""
    early = argparse.ArgumentParser(add_help=False)
    add_generator_option(early)
    known, _ = early.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    generator.use(known.generator if known.generator in generator.CHOICES else "auto")


def run_check_links(argv: Sequence[str] | None = None) -> int:
    """Parse options, run the source check (and the built-site check with --site-dir), print, exit code."""
    try:
        _use_generator(argv)
    except UsageError as error:
        return _usage(error.findings, "text")
    from guidebuild import config as cfg
    from guidebuild.links import built_links, source_links
    from guidebuild.site.pages import SitePages

    args = _parser().parse_args(argv)
    if args.jobs < 0:
        return _usage([Finding("", 0, 0, "LNK902", "--jobs must be 0 (all cores) or more")], args.format)
    try:
        config = cfg.load(args.config_file)
        site_dir = Path(args.site_dir) if args.site_dir else None
        if site_dir is not None and not site_dir.is_dir():
            raise UsageError(Finding(str(site_dir), 0, 0, "LNK901", "built site folder not found",
                                     hint="Build first (python scripts/build.py) or pass the right --site-dir."))
        # Alone, the check needs no page's HTML: the page model renders for ids and links only.
        found = source_links.check_source_links(config, omitted=args.omitted_pages, jobs=args.jobs or None,
                                                pages=SitePages(config, html=False))
        if site_dir is not None:
            found += built_links.check_built(site_dir, config, jobs=args.jobs or None)
    except UsageError as error:
        return _usage(error.findings, args.format)
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return 130
    except Exception as error:
        if args.debug:
            raise
        return _usage([Finding("", 0, 0, "INT001", f"internal error: {type(error).__name__}: {error}",
                               hint="This is a bug in the link checker; run again with --debug and report it.")],
                      args.format)
    emit(found, args.format)
    return fnd.exit_code(found)
