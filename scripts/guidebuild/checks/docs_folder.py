"""The content check the build runs before rendering: every file in docs/, every problem listed.

It ties together the file checks (`site.doc_files`), the front matter check (`site.frontmatter`) and the
content-safety rules (`safety`), so that one pull request with ten mistakes gets ten findings in
one run, each at its place. It never writes anything; `scripts/build.py` stops before rendering
when it returns an error, so a refused page is never published, not even into the temporary folder.

Codes are documented in the modules that produce them and in CONTRIBUTING.md ("Content safety").
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.checks import safety
from guidebuild.findings import Finding
from guidebuild.privacy import page_fields
from guidebuild.site import doc_files
from guidebuild.site.addresses import own_prefixes
from guidebuild.site.pages import Page, site_pages

# A page that takes longer than this to check is refused (SRC007). Normal pages take well under a
# second; some inputs make Python's HTML parser (and so Python-Markdown and MkDocs) slow down
# quadratically, and a pull request must not be able to hang the build. Tests lower it.
PAGE_SECONDS = float(os.environ.get("GUIDEBUILD_PAGE_SECONDS", "10"))


# Files refused outright: no later check may read them (see pipeline.Stage.stop_on).
REFUSED = frozenset({"SRC001", "SRC003", "SRC005", "SRC006", "SRC007"})


class _TooSlow(BaseException):
    """Raised by the timer; a BaseException so that no `except Exception` on the way swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `_TooSlow` inside the block after `seconds` (main thread on POSIX only; else no limit)."""
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_docs_folder(config: MkDocsConfig) -> list[Finding]:
    """Check every file under docs/; return all findings (content problems never raise)."""
    model = site_pages(config)
    files, walked = model.walk()
    findings = list(walked)
    own = own_prefixes(config)
    dirs = list(config.theme.dirs)
    theme_files = page_fields.theme_files(dirs)
    for file in files:
        suffix = file.path.suffix.lower()
        try:
            with time_limit(PAGE_SECONDS):
                if file.is_page:
                    findings += _check_page(model.page(file.rel, file.path), own, (dirs, theme_files))
                elif suffix == ".svg":
                    findings += safety.check_svg(str(file.path), file.path.read_bytes(), own)
                elif suffix in doc_files.TEXT_SUFFIXES:
                    _data, text, found = doc_files.read_checked(file)
                    findings += found
                    if text is not None and suffix in (".html", ".htm"):
                        findings += safety.check_html(str(file.path), text, own)
                    elif text is not None and suffix == ".css":
                        findings += safety.check_css(str(file.path), text, own)
        except _TooSlow:
            findings.append(Finding(str(file.path), 0, 0, "SRC007",
                                    f"checking this file took over {PAGE_SECONDS:g} s, so it was refused",
                                    hint="Normal pages take well under a second: look for long runs of `<`, "
                                         "unclosed HTML comments or tags, or split the file."))
    return findings


def _check_page(page: Page, own: tuple[str, ...],
                theme: tuple[list[str], page_fields.ThemeFiles]) -> list[Finding]:
    """Front matter, emptiness and content safety of one page, from the page model.

    The page is rendered here for the first time in a build (inside the time limit, so a page
    built to hang the renderer is refused before any other stage renders it).
    """
    found = list(page.read_findings)
    if page.text is None:
        return found
    file = doc_files.DocFile(page.path, page.src_uri)
    if not page.text.strip():
        empty = doc_files.empty_page(file, "", {})
        return [empty] if empty else []
    matter = page.front_matter
    found += matter.findings + page_fields.check(str(page.path), matter.meta, matter.places, *theme)
    empty = doc_files.empty_page(file, page.body, page.meta)
    if empty:
        return [*found, empty]
    html = None if page.rendered.error else page.html  # a failed render: the raw HTML is checked
    found += safety.check_markdown(str(page.path), page.text, body_offset=page.body_offset, html=html,
                                   snippets=page.includes, own_prefixes=own)
    return found
