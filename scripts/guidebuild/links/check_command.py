"""`scripts/check_links.py`: the link check on its own, for contributors, CI and other tools.

    python scripts/check_links.py [-f mkdocs.yml] [--format text|json|github] [--site-dir DIR]

Only this module prints and picks the exit code; the checks in `source_links.py` and
`built_links.py` return findings. Usage and configuration problems (bad YAML, no mkdocs.yml, an
unknown option) print one line on stderr and exit 2, never a traceback (see `cli.run_command`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from guidebuild import findings as fnd
from guidebuild.cli import add_generator_option, base_parser, emit, run_command
from guidebuild.findings import Finding, UsageError

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


def _use_generator(argv: Sequence[str] | None) -> None:
    """Load MkDocs or ProperDocs as `--generator` asks, before the parser's help imports `mkdocs`."""
    from guidebuild.site import generator

    early = argparse.ArgumentParser(add_help=False)
    add_generator_option(early)
    known, _ = early.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    generator.use(known.generator if known.generator in generator.CHOICES else "auto")


def _parser() -> argparse.ArgumentParser:
    from guidebuild import codes
    from guidebuild.links.source_links import OMITTED_CHOICES

    parser = base_parser("check_links.py", DESCRIPTION, EPILOG.format(codes=codes.help_list(codes.codes_of("LNK"))))
    for action in parser._actions:
        if action.dest == "site_dir":
            action.help = "also check the built HTML in DIR: every internal href/src and #fragment"
    parser.add_argument("--omitted-pages", choices=OMITTED_CHOICES, default="auto",
                        help="pages missing from the nav (LNK010): warn, error or ignore; auto (default) "
                             "warns unless mkdocs.yml sets validation.nav.omitted_files: ignore")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="worker processes for rendering pages (default: one per core)")
    add_generator_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, run the source check (and the built-site check with --site-dir), print, exit code."""
    def make_parser() -> argparse.ArgumentParser:
        _use_generator(argv)
        return _parser()

    return run_command(make_parser, _check, argv, script="check_links.py", what="the link checker")


def _check(args: argparse.Namespace) -> int:
    from guidebuild import config as cfg
    from guidebuild.links import built_links, source_links
    from guidebuild.site.pages import SitePages

    if args.jobs < 0:
        raise UsageError(Finding("", 0, 0, "LNK902", "--jobs must be 0 (all cores) or more"))
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
    emit(found, args.format)
    return fnd.exit_code(found)
