"""The build as one function: the stages it runs, in order, and everything they found.

`build()` runs the source checks (nothing is written if they find an error), renders the site
into a staging folder (in a second process, beside the checks, where the machine has two cores),
runs the output stages on it, and publishes it only when every stage came back clean. It returns
the findings and a note on what became of the site folder; it never prints a finding or picks an
exit code (`cli` does). Adding a stage is one line below.

A source check is `check(config) -> list[Finding]`; an output stage is
`stage(config, staged: StagedSite) -> list[Finding]` and works on `staged.folder`, naming files in
its findings as they will be published (`staged.published_path(...)`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from mkdocs.config.defaults import MkDocsConfig

from guidebuild import cheatsheet, publish, render, workers
from guidebuild.findings import ExitCode, Finding, UsageError
from guidebuild.publish import StagedSite
from guidebuild.site import generator


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
    from guidebuild.illustrations.rules import check_illustrations
    from guidebuild.links.source_links import check_source_links
    from guidebuild.privacy.settings import check_privacy_settings
    from guidebuild.report.content_rules import check_content_rules

    return [
        # First: it refuses files the other checks should never parse (not UTF-8, huge, hostile).
        Stage("Checking files, front matter and content safety", check_docs_folder, stop_on=REFUSED),
        Stage("Checking links", check_source_links),  # pages, anchors, images, raw HTML, nav, snippets
        Stage("Checking reading grade, citations and glossary", check_content_rules),
        Stage("Checking the cheat sheet's sources", check_cheatsheet_sources),
        Stage("Checking review dates", check_review_dates),  # overdue → warning
        Stage("Checking the pictures", check_illustrations),  # SVG standards, generated pictures current
        Stage("Checking privacy settings and file types", check_privacy_settings),
    ]


def output_stages() -> list[Stage]:
    """Stages that need the rendered site in the staging folder, in order."""
    from guidebuild.cheatsheet import fill_built_sheet_page
    from guidebuild.cheatsheet.pdf import print_cheatsheet
    from guidebuild.links.built_links import check_built_links
    from guidebuild.offline import check_offline_copy, write_offline_copy
    from guidebuild.privacy.csp import add_content_security_policy
    from guidebuild.privacy.output import check_published_files

    return [
        # Before any check of the built site, so that the tree checked is the tree published.
        Stage("Removing files the site never uses", render.remove_unused_files),
        # Before printing and the link check: the sheet is in its page, whatever rendered it.
        Stage("Putting the cheat sheet into its page", fill_built_sheet_page),
        # Before the link check, so that it finds the PDFs the cheat sheet page links to.
        Stage("Printing the cheat sheet (A4 and US Letter PDFs)", print_cheatsheet),
        # Writes into every page: before anything lists the files with their hashes (privacy/csp.py).
        Stage("Adding the Content-Security-Policy to every page", add_content_security_policy),
        # Last of the writers: the worker lists every file the steps above left in the site.
        Stage("Writing the offline copy (service worker and app manifest)", write_offline_copy),
        Stage("Checking links in the built site", check_built_links),  # templates, hooks, PDFs
        Stage("Checking the offline copy", check_offline_copy),  # every listed file was built, unchanged
        # Last: reads every file exactly as it will be published (privacy/output.py).
        Stage("Checking every file to be published (privacy allow-list)", check_published_files),
    ]


def stage_count() -> int:
    """How many progress lines `build()` prints: the stages, rendering and publishing."""
    return len(source_checks()) + len(output_stages()) + 2


class Reporter(Protocol):
    """Shows progress; `cli.Progress` prints `[2/5] Title … 1.2 s`."""

    def stage(self, title: str) -> AbstractContextManager[None]: ...


@dataclass
class BuildResult:
    """What the build found, its exit code, and one sentence on what became of the site folder."""

    findings: list[Finding] = field(default_factory=list)
    exit_code: int = ExitCode.OK
    note: str = ""

    @property
    def published(self) -> bool:
        return self.exit_code == ExitCode.OK


def _errors(found: list[Finding]) -> bool:
    return any(f.is_error for f in found)


def build(config: MkDocsConfig, progress: Reporter) -> BuildResult:
    """Check, render, run the output stages and publish `config.site_dir`, atomically."""
    from guidebuild.render import project_cwd

    site_dir = Path(config.site_dir)
    result = BuildResult()
    try:
        # pymdownx.snippets resolves include paths against the working folder; pin it to the project.
        with project_cwd(config), publish.staging_folder(site_dir) as staging:
            staged = StagedSite(staging, site_dir)
            # The render needs nothing the source checks find, so it starts now, in a second process
            # beside them (workers.Beside); after an error in the checks it is stopped and the
            # staging folder goes, so nothing is written.
            with cheatsheet.left_to_the_build(), \
                    workers.Beside(render.render_site, config, staged.folder) as rendering:
                skipped = _run_source_checks(config, progress, result.findings)
                if _errors(result.findings):
                    return _failed(result, f"Nothing was written: fix the errors above. {skipped}"
                                           f"{publish.site_state(site_dir)}")
                if not _render_and_check(config, staged, rendering, progress, result.findings):
                    return _failed(result, f"The build failed. {publish.site_state(site_dir)}")
            with progress.stage("Publishing"):
                publish.publish(staged.folder, site_dir)
        result.note = f"Built {publish.shown(site_dir)}"
        return result
    except UsageError as error:
        result.findings += error.findings
        return _failed(result, publish.site_state(site_dir), ExitCode.USAGE)
    except KeyboardInterrupt:
        return _failed(result, f"Interrupted. {publish.site_state(site_dir)}", ExitCode.INTERRUPTED)
    except OSError as error:
        result.findings.append(publish.environment_finding(error, site_dir))
        return _failed(result, f"The build stopped. {publish.site_state(site_dir)}", ExitCode.USAGE)


def _failed(result: BuildResult, note: str, code: int = ExitCode.FINDINGS) -> BuildResult:
    result.exit_code, result.note = code, note
    return result


def _run_source_checks(config: MkDocsConfig, progress: Reporter, found: list[Finding]) -> str:
    """Run the source checks into `found`; say which were skipped after a refused file."""
    for stage in source_checks():
        with progress.stage(stage.title):
            found += stage.run(config)
        if any(f.is_error and f.code in stage.stop_on for f in found):
            return "The other checks did not run, so as not to read the refused files. "
    return ""


def _render_and_check(config: MkDocsConfig, staged: StagedSite, rendering: workers.Beside[list[Finding]],
                      progress: Reporter, found: list[Finding]) -> bool:
    """Finish the render into the staging folder, run the output stages; False at the first error."""
    begun = " (begun beside the checks)" if rendering.in_parallel else ""
    with progress.stage(f"Rendering the site with {generator.title()}{begun}"):
        found += rendering.result()
    if _errors(found):
        return False
    for stage in output_stages():
        with progress.stage(stage.title):
            found += stage.run(config, staged)
        if _errors(found):
            return False
    return True
