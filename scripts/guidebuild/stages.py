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
    from guidebuild import cheatsheet, content
    from guidebuild.links import check_site as check_links
    from guidebuild.privacy import settings as privacy_settings
    from guidebuild.reviews import check_site as check_review_dates

    return [
        # First: it refuses files the other checks should never parse (not UTF-8, huge, hostile).
        Stage("Checking files, front matter and content safety", content.check, stop_on=content.REFUSED),
        Stage("Checking links", check_links),  # links.py: pages, anchors, images, raw HTML, nav, snippets
        Stage("Checking the cheat sheet's sources", cheatsheet.check_sources),
        Stage("Checking review dates", check_review_dates),  # reviews.py: overdue → warning
        Stage("Checking privacy settings and file types", privacy_settings.check),  # privacy/settings.py
    ]


def output_steps() -> list[Stage]:
    """Checks and generated files that need the rendered site in the staging folder."""
    from guidebuild.built import check_output as check_built_links
    from guidebuild.cheatsheet import pdf as cheatsheet_pdf
    from guidebuild.privacy import csp
    from guidebuild.privacy import output as privacy_output

    return [
        # First, so that checks of the built site find the PDFs the cheat sheet page links to.
        Stage("Printing the cheat sheet (A4 and US Letter PDFs)", cheatsheet_pdf.print_step),
        Stage("Checking links in the built site", check_built_links),  # built.py: templates, hooks, PDFs
        # Last two, after everything that writes into the output: privacy/csp.py, privacy/output.py.
        Stage("Adding the Content-Security-Policy to every page", csp.add_policy),
        Stage("Checking every file to be published (privacy allow-list)", privacy_output.check_output),
    ]
