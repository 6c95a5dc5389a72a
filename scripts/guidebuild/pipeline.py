"""The list of checks and outputs the build runs, in order, so adding one is a one-line change.

Each stage is a plain function returning findings. The build script runs source checks before
anything is rendered (fast feedback, nothing written on failure), built-site checks and outputs
after MkDocs has rendered into the staging folder, and publishes only when all came back clean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guidebuild.findings import Finding


@dataclass(frozen=True)
class Stage:
    """A named step; `title` is what the build prints while it runs.

    `stop_on`: error codes after which no later source check may run, because they would read a
    file this stage refused (not UTF-8, too big, a symlink out of docs/, a page built to hang).
    """

    title: str
    run: Callable[..., list[Finding]]
    stop_on: frozenset[str] = frozenset()


def source_checks() -> list[Stage]:
    """Checks that read `docs/` and `mkdocs.yml` only (run before rendering)."""
    from guidebuild.cheatsheet import check_cheatsheet_sources
    from guidebuild.checks.docs_folder import REFUSED, check_docs_folder
    from guidebuild.checks.review_dates import check_review_dates
    from guidebuild.links.source_links import check_source_links
    from guidebuild.privacy.settings import check_privacy_settings

    return [
        # First: it refuses files the other checks should never parse (not UTF-8, huge, hostile).
        Stage("Checking files, front matter and content safety", check_docs_folder, stop_on=REFUSED),
        Stage("Checking links", check_source_links),  # pages, anchors, images, raw HTML, nav, snippets
        Stage("Checking the cheat sheet's sources", check_cheatsheet_sources),
        Stage("Checking review dates", check_review_dates),  # overdue → warning
        Stage("Checking privacy settings and file types", check_privacy_settings),
    ]


def output_steps() -> list[Stage]:
    """Checks and generated files that need the rendered site in the staging folder."""
    from guidebuild.cheatsheet import fill_built_sheet_page
    from guidebuild.cheatsheet.pdf import print_cheatsheet
    from guidebuild.links.built_links import check_built_links
    from guidebuild.privacy.csp import add_content_security_policy
    from guidebuild.privacy.output import check_published_files

    return [
        # First, so that checks of the built site find the sheet and the PDFs its page links to.
        Stage("Putting the cheat sheet into its page", fill_built_sheet_page),
        Stage("Printing the cheat sheet (A4 and US Letter PDFs)", print_cheatsheet),
        # Writes into every page: before anything lists the files with their hashes (privacy/csp.py).
        Stage("Adding the Content-Security-Policy to every page", add_content_security_policy),
        Stage("Checking links in the built site", check_built_links),  # templates, hooks, PDFs
        # Last: reads every file exactly as it will be published (privacy/output.py).
        Stage("Checking every file to be published (privacy allow-list)", check_published_files),
    ]
