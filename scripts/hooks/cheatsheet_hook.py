"""MkDocs hook: fill the cheat sheet page from the other pages under `mkdocs serve` and `mkdocs build`.

Thin on purpose: the work is in scripts/guidebuild/cheatsheet/ so that `scripts/build.py` (which
also prints the PDFs) and this hook show exactly the same sheet. The page that asks for
`template: cheatsheet.html` gets, at its `<!-- cheatsheet -->` marker (or at its end), the links
to the two PDFs and the sheet itself. Problems in the source pages are logged as warnings with
their file and line, so `mkdocs serve` shows them and `mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_SCRIPTS = str(Path(__file__).resolve().parent.parent)
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from guidebuild.cheatsheet import fill_cheatsheet_page, hook_fills_the_sheet  # noqa: E402
from guidebuild.findings import format_text  # noqa: E402

log = get_plugin_logger(__name__)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the sheet into the cheat sheet page; leave every other page alone.

    Under scripts/build.py the build's own step puts the sheet in after the render, so this does nothing.
    """
    if page.meta.get("template") != "cheatsheet.html" or not hook_fills_the_sheet():
        return html
    new_html, findings = fill_cheatsheet_page(html, config, page.url)
    for finding in findings:
        (log.warning if finding.is_error else log.info)(format_text(finding))
    return new_html
