"""The printable cheat sheet: one page holding the whole routine, built from the guide's own pages.

    extract.py     read the steps and the marked sections out of the pages (the single source)
    follow.py      read and check the extra markers the follow-along mode's script relies on
    article.py     turn them into the sheet's HTML (shared by the site page and the PDFs)
    thumbnails.py  small, text-free copies of the step pictures for the sheet
    pdf.py         print that HTML to one-page A4 and US Letter PDFs with WeasyPrint, and check the fit

The build (scripts/build.py) needs nothing of the generator for the sheet: it calls
`check_cheatsheet_sources` before rendering, then `fill_built_sheet_page` and `pdf.print_cheatsheet`
after it, whichever program rendered the site. The MkDocs hook (scripts/hooks/cheatsheet_hook.py)
calls `fill_cheatsheet_page` while MkDocs or ProperDocs renders, for `mkdocs serve` and a plain
`mkdocs build`; under scripts/build.py it stays out of the way (`left_to_the_build()`), because
the render runs in a process of its own, where the hook would render the sheet's source pages a
second time. The sheet's own text is therefore not in the search index of the published site (it
repeats the Routine and Safety pages, which are); the page's introduction is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from guidebuild.cheatsheet import article
from guidebuild.cheatsheet.extract import collect
from guidebuild.cheatsheet.pdf import SIZES, page_file, sheet_page
from guidebuild.findings import Finding
from guidebuild.publish import StagedSite

#: Where the sheet goes in the page's Markdown; without it, the sheet is added at the end.
MARKER = "<!-- cheatsheet -->"
#: Around the template's "not generated" warning (overrides/cheatsheet.html), which the build's
#: own step takes out when it puts the sheet in.
MISSING_NOTE = re.compile(r"<!-- cheatsheet-missing -->.*?<!-- /cheatsheet-missing -->\s*", re.DOTALL)


_BUILD_FILLS_THE_SHEET = {"active": False}


@contextmanager
def left_to_the_build() -> Iterator[None]:
    """While this runs (scripts/build.py's render), the hook leaves the sheet page as it is."""
    before = _BUILD_FILLS_THE_SHEET["active"]
    _BUILD_FILLS_THE_SHEET["active"] = True
    try:
        yield
    finally:
        _BUILD_FILLS_THE_SHEET["active"] = before


def hook_fills_the_sheet() -> bool:
    """Should the MkDocs hook put the sheet in? Yes, except while scripts/build.py renders."""
    return not _BUILD_FILLS_THE_SHEET["active"]


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
    links = article.Links(config, page_url, absolute=False)
    block = str(downloads_html()) + "\n" + str(article.sheet_html(config, sources, links, heading_level=2))
    if MARKER in html:
        return html.replace(MARKER, block, 1), found
    end = html.rfind("</article>")  # a built page: at the end of the page's text
    if end != -1:
        return html[:end] + block + "\n" + html[end:], found
    return html + "\n" + block, found


def fill_built_sheet_page(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage: put the PDF links and the sheet into the built sheet page.

    The render left the page with the template's "not generated" note (the hook stays out of
    scripts/build.py's render, and Zensical runs no hooks), which is replaced here. A page that
    holds a sheet already (some other program ran the hook) is left alone.
    """
    src = sheet_page(config)
    if src is None:
        return []
    file = page_file(config, src)
    built = staged.folder / file.dest_uri
    if not built.is_file():
        return [Finding(str(Path(config.docs_dir) / src), 0, 0, "CHS027",
                        f"the cheat sheet page was not built (no {file.dest_uri} in the output)",
                        hint="Check the page's front matter and that the site generator builds it.")]
    html = built.read_text(encoding="utf-8")
    if 'class="cheatsheet' in html:  # already filled (a generator that ran the hook)
        return []
    html, found = fill_cheatsheet_page(MISSING_NOTE.sub("", html, count=1), config, file.url)
    built.write_text(html, encoding="utf-8")
    return found
