"""The printable cheat sheet: one page holding the whole routine, built from the guide's own pages.

    extract.py     read the steps and the marked sections out of the pages (the single source)
    markup.py      turn them into the sheet's HTML (shared by the site page and the PDFs)
    thumbnails.py  small, text-free copies of the step pictures for the sheet
    pdf.py         print that HTML to one-page A4 and US Letter PDFs with WeasyPrint, and check the fit

The MkDocs hook (scripts/hooks/cheatsheet_hook.py) calls `fill_cheatsheet_page` to fill the site
page; the build (scripts/build.py) calls `check_cheatsheet_sources` before rendering and
`pdf.print_cheatsheet` after it.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from guidebuild.cheatsheet import markup
from guidebuild.cheatsheet.extract import collect
from guidebuild.cheatsheet.pdf import SIZES, sheet_page
from guidebuild.findings import Finding

#: Where the sheet goes in the page's Markdown; without it, the sheet is added at the end.
MARKER = "<!-- cheatsheet -->"


def check_cheatsheet_sources(config: MkDocsConfig) -> list[Finding]:
    """Source check for scripts/build.py: are the sheet's marked sections all there and well formed?

    A site without a cheat sheet page (no page asks for `template: cheatsheet.html`, as in the
    small sites the tests build) has nothing to check.
    """
    if sheet_page(config) is None:
        return []
    _, found = collect(config)
    return found


def downloads_html() -> Markup:
    """The links to the two PDFs, which the build writes into the sheet page's own folder."""
    items = Markup("").join(
        Markup('<li><a href="{}" download type="application/pdf">Download the {} PDF</a> (one page)</li>')
        .format(size.filename, size.label) for size in SIZES)
    return Markup('<ul class="cs-downloads" aria-label="Cheat sheet PDFs">{}</ul>').format(items)


def fill_cheatsheet_page(html: str, config: MkDocsConfig, page_url: str) -> tuple[str, list[Finding]]:
    """The sheet page's HTML with the PDF links and the sheet put in at the marker."""
    sources, found = collect(config)
    links = markup.Links(config, page_url, absolute=False)
    block = str(downloads_html()) + "\n" + str(markup.sheet_html(config, sources, links, heading_level=2))
    if MARKER in html:
        return html.replace(MARKER, block, 1), found
    return html + "\n" + block, found
