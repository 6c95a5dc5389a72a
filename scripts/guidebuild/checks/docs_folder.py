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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.checks import safety
from guidebuild.findings import Finding
from guidebuild.site import doc_files, frontmatter

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


def _renderer(config: MkDocsConfig) -> Callable[[str], str] | None:
    """Markdown → HTML with the site's own extensions and settings, as MkDocs renders a page."""
    import markdown

    try:
        md = markdown.Markdown(extensions=config.markdown_extensions,
                               extension_configs=config.mdx_configs or {})
    except Exception:  # the configuration check reports broken extensions
        return None

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def _snippet_settings(config: MkDocsConfig) -> tuple[list[Path], list[Path]]:
    settings = (config.mdx_configs or {}).get("pymdownx.snippets", {}) or {}
    base = settings.get("base_path", ["."])
    bases = [base] if isinstance(base, str) else list(base)
    root = Path(config.config_file_path).parent
    return [Path(p) for p in settings.get("auto_append", []) or []], [root / b for b in bases]


def _own_prefixes(config: MkDocsConfig) -> tuple[str, ...]:
    site_url = (config.site_url or "").strip().lower()
    if not site_url.startswith(("https://", "http://")):
        return ()
    return (site_url if site_url.endswith("/") else site_url + "/",)  # example.org must not match example.org.evil


def check_docs_folder(config: MkDocsConfig) -> list[Finding]:
    """Check every file under docs/; return all findings (content problems never raise)."""
    docs_dir = config.docs_dir
    files, findings = doc_files.walk(docs_dir, config.get("exclude_docs"))
    own = _own_prefixes(config)
    render = _renderer(config)
    auto_append, bases = _snippet_settings(config)
    for file in files:
        suffix = file.path.suffix.lower()
        try:
            with time_limit(PAGE_SECONDS):
                if file.is_page:
                    findings += _check_page(file, render, auto_append, bases, own)
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


def _check_page(file: doc_files.DocFile, render: Callable[[str], str] | None, auto_append: list[Path],
                bases: list[Path], own: tuple[str, ...]) -> list[Finding]:
    _data, text, found = doc_files.read_checked(file)
    if text is None:
        return found
    path = str(file.path)
    if not text.strip():
        empty = doc_files.empty_page(file, "", {})
        return [empty] if empty else []
    matter = frontmatter.parse(path, text)
    found += matter.findings
    empty = doc_files.empty_page(file, text[matter.body_offset:], matter.meta)
    if empty:
        return [*found, empty]
    snippets = safety.snippet_files(text, auto_append, bases)
    found += safety.check_markdown(path, text, body_offset=matter.body_offset, render=render,
                                   snippets=snippets, own_prefixes=own)
    return found
