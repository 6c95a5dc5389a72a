"""Print the cheat sheet to one-page PDFs (A4 and US Letter) with WeasyPrint, and prove they fit.

The PDFs are drawn from a small document of our own (the sheet's `<article>` and its stylesheet),
not from the whole Material page: WeasyPrint would log hundreds of warnings for Material's screen
CSS and the result would change with every theme release. Resources are read only from the built
site through `SiteOnlyFetcher`, because the sheet carries text from contributors' Markdown and a
stray `<img src="file:///etc/…">` or `http://…` must not end up in (or be fetched for) the PDF.

"Fits" means: exactly one page, and the sheet ends at least `BOTTOM_MM` above the paper's edge
(printers cannot print there). When it does not fit, the build fails and says by how much, and
which source sections feed the sheet; text is never shrunk to make it fit.
"""

from __future__ import annotations

import logging
import os
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from guidebuild.cheatsheet import article
from guidebuild.cheatsheet.extract import Place, Sources, collect
from guidebuild.findings import ERROR, WARNING, Finding, UsageError, display_path
from guidebuild.logcapture import Collect, capture
from guidebuild.publish import StagedSite
from guidebuild.site.pages import site_pages

PX_PER_MM = 96 / 25.4
#: Space the sheet keeps free at the top and bottom of the paper (see cheatsheet.css).
TOP_MM = 10.0
BOTTOM_MM = 10.0
#: The smallest text the sheet may print (the stylesheet's base size is above it; tests check it).
MIN_FONT_PT = 8.5
#: Largest PDF we publish: a one-page text PDF with two subset fonts is far smaller.
MAX_BYTES = 200 * 1024
#: The shipped font: the build checks that every character of the sheet is in it.
FONT_DIR = "assets/fonts/atkinson-hyperlegible"
FONT_FAMILY = "Atkinson Hyperlegible"


@dataclass(frozen=True)
class PaperSize:
    key: str        # in the file name: cheatsheet-<key>.pdf
    label: str      # in messages: "US Letter"
    css: str        # the @page size
    width_mm: float
    height_mm: float

    @property
    def filename(self) -> str:
        return f"cheatsheet-{self.key}.pdf"


SIZES = (
    PaperSize("a4", "A4", "A4", 210.0, 297.0),
    PaperSize("letter", "US Letter", "letter", 215.9, 279.4),
)


@dataclass(frozen=True)
class Printed:
    """One PDF written: where, how big, and how much room the sheet left at the bottom."""

    size: PaperSize
    path: Path
    pages: int
    bytes: int
    spare_mm: float


# --------------------------------------------------------------------------------------------
# Finding the sheet page and its place in the built site
# --------------------------------------------------------------------------------------------

def sheet_page(config: MkDocsConfig) -> str | None:
    """The docs/ page whose front matter asks for `template: cheatsheet.html` (None if none)."""
    for page in site_pages(config):
        if page.readable and page.meta.get("template") == article.TEMPLATE:
            return page.src_uri
    return None


def page_file(config: MkDocsConfig, src: str) -> File:
    return File(src, config.docs_dir, config.site_dir, config.use_directory_urls)


# --------------------------------------------------------------------------------------------
# WeasyPrint, kept on a short leash
# --------------------------------------------------------------------------------------------

def _weasyprint() -> Any:
    """Import WeasyPrint, or explain what to install (an environment problem: exit 2)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise UsageError(Finding("requirements.txt", 0, 0, "ENV010",
                                 f"cannot load WeasyPrint, which prints the cheat sheet: {error}",
                                 hint="Install the pinned requirements (`make site` does it). On Debian "
                                      "WeasyPrint also needs Pango: `apt-get install libpango-1.0-0 "
                                      "libpangoft2-1.0-0`.")) from None
    return weasyprint


def _fetcher_class(weasyprint: Any) -> type:
    class SiteOnlyFetcher(weasyprint.urls.URLFetcher):  # type: ignore[name-defined,misc]
        """Fetch `file:` URLs inside the allowed folders (and `data:` URLs); refuse everything else.

        Refusals and failures are remembered so the build can report them instead of letting
        WeasyPrint quietly print a sheet without its font or picture.
        """

        def __init__(self, roots: list[Path]) -> None:
            super().__init__(timeout=5, allowed_protocols=("file", "data"), allow_redirects=False)
            self.roots = [root.resolve() for root in roots]
            self.problems: list[tuple[str, str]] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":  # the step thumbnails: inside the document already
                return super().fetch(url, headers)
            if parts.scheme != "file":
                self.problems.append((url, "only files of the built site may be used"))
                raise ValueError(f"refused to fetch {url}: only files of the built site may be used")
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if not any(path == root or root in path.parents for root in self.roots):
                self.problems.append((url, "outside the built site"))
                raise ValueError(f"refused to fetch {url}: outside the built site")
            if not path.is_file():
                self.problems.append((url, "no such file"))
                raise FileNotFoundError(f"no such file: {path}")
            return super().fetch(path.as_uri(), headers)

    return SiteOnlyFetcher


def quiet_weasyprint() -> AbstractContextManager[Collect]:
    """Keep WeasyPrint's and fontTools' chatter off the terminal; hand back what they logged."""
    return capture("weasyprint", "fontTools", silence=True, level=logging.WARNING)


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------

def pdf_document(config: MkDocsConfig, sources: Sources, page_url: str) -> str:
    """A complete small HTML document holding the sheet, with the PDF's metadata in its head."""
    links = article.Links(config, page_url, absolute=True)
    sheet = article.sheet_html(config, sources, links, heading_level=1)
    relative = article.Links(config, page_url, absolute=False)
    stylesheets = [relative.asset(article.FONT_STYLESHEET), relative.asset(article.STYLESHEET)]
    lang = config.theme.get("language") or "en"
    head = [
        Markup('<meta charset="utf-8">'),
        Markup("<title>{}</title>").format(article.sheet_title(config)),
        Markup('<meta name="author" content="{}">').format(config.site_author or config.site_name),
        Markup('<meta name="description" content="{}">').format(
            f"The whole {len(sources.steps)}-step routine, the comfort scale and the safety checks on "
            f"one page. Full guide: {article.site_url(config)}"),
        Markup('<meta name="keywords" content="back massage, cheat sheet, routine, safety">'),
        *(Markup('<link rel="stylesheet" href="{}">').format(href) for href in stylesheets),
    ]
    if sources.last_updated:
        head.append(Markup('<meta name="dcterms.modified" content="{}">').format(sources.last_updated))
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n'
            + "\n".join(str(item) for item in head) + "\n</head>\n<body class=\"cs-pdf\">\n"
            + str(sheet) + "\n</body>\n</html>\n")


def _page_css(width_mm: float, height_mm: float) -> str:
    return f"@page {{ size: {width_mm}mm {height_mm}mm; margin: 0 }}"


def _render(weasyprint: Any, html: str, base_url: str, fetcher: Any, page_css: str) -> Any:
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    extra = weasyprint.CSS(string=page_css, font_config=fonts, url_fetcher=fetcher)
    return document.render(stylesheets=[extra], font_config=fonts, pdf_variant="pdf/ua-1")


def _sheet_bottom_mm(page: Any) -> float | None:
    """Where the sheet's box ends on a rendered page (WeasyPrint's anchors are CSS px)."""
    box = page.anchors.get("cheatsheet")
    return box[3] / PX_PER_MM if box and len(box) >= 4 else None


def natural_height_mm(weasyprint: Any, html: str, base_url: str, fetcher: Any) -> float | None:
    """The sheet's height with no page limit: rendered once on a 2-metre-tall page."""
    document = _render(weasyprint, html, base_url, fetcher, _page_css(SIZES[0].width_mm, 2000))
    bottom = _sheet_bottom_mm(document.pages[0]) if document.pages else None
    return bottom - TOP_MM if bottom is not None else None


def _shown(place: Place) -> str:
    return f"{display_path(place.path)}:{place.line}" if place.line else display_path(place.path)


def _overflow_finding(size: PaperSize, sources: Sources, height_mm: float | None, pages: int,
                      config: MkDocsConfig) -> Finding:
    room = size.height_mm - TOP_MM - BOTTOM_MM
    if height_mm is not None:
        over = max(height_mm - room, 0.1)
        amount = f"{over:.1f} mm too tall ({height_mm:.1f} mm of content, {room:.1f} mm of room)"
    else:
        amount = f"too tall: it needs {pages} pages"
    feeds = ", ".join(_shown(place) for place in sources.places())
    longest = sorted(sources.steps, key=lambda s: len(s.cue), reverse=True)[:2]
    shorten = "; ".join(f"step {s.number} at {_shown(s.place)} ({len(s.cue.split())} words)" for s in longest)
    hint = (f"It is filled from: {feeds}. Shorten or remove text there (longest cues: {shorten}), "
            "or make the layout in docs/stylesheets/cheatsheet.css tighter. Text is never shrunk "
            f"to make it fit (the floor is {MIN_FONT_PT:g} pt).")
    place = sources.steps_place or (sources.places()[0] if sources.places() else None)
    return Finding(place.path if place else str(config.config_file_path), place.line if place else 0,
                   1 if place and place.line else 0, "CHS020",
                   f"the cheat sheet does not fit on one {size.label} page: it is {amount}",
                   ERROR, hint)


def _glyph_findings(sources: Sources, font_dir: Path) -> list[Finding]:
    """Characters the shipped font lacks would come from whatever fonts a machine has installed."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - fontTools comes with WeasyPrint
        return []
    covered: set[int] = set()
    for path in sorted(font_dir.glob("*-400-normal.woff2")):
        try:
            covered |= set(TTFont(path).getBestCmap())
        except Exception:  # a broken font file is reported by the fetcher check
            continue
    if not covered:
        return []
    missing = sorted({char for char in sources.text() if ord(char) not in covered and not char.isspace()})
    if not missing:
        return []
    place = sources.steps_place
    shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:8])
    return [Finding(place.path if place else "", place.line if place else 0, 0, "CHS023",
                    f"the cheat sheet's font ({FONT_FAMILY}) has no glyph for {shown}",
                    WARNING, "Those characters are drawn with DejaVu Sans instead; use plain "
                             "letters and punctuation in the sheet's sections.")]


# --------------------------------------------------------------------------------------------
# The output step
# --------------------------------------------------------------------------------------------

def print_pdfs(config: MkDocsConfig, staging: Path) -> tuple[list[Printed], list[Finding]]:
    """Write cheatsheet-a4.pdf and cheatsheet-letter.pdf beside the built sheet page.

    Returns what was written and the findings; writes nothing when the sheet does not fit.
    A site with no cheat sheet page (no page asks for `template: cheatsheet.html`) gets no PDFs.
    """
    src = sheet_page(config)
    if src is None:
        return [], []
    sources, found = collect(config)
    if any(f.is_error for f in found):
        return [], found
    # Warnings about the sources (a long cue, a step without a pressure) were reported by the
    # source check already; they must neither repeat here nor stop the printing.
    found = []
    weasyprint = _weasyprint()
    file = page_file(config, src)
    out_dir = (staging / file.dest_uri).parent
    for stylesheet in (article.FONT_STYLESHEET, article.STYLESHEET):
        if not (staging / stylesheet).is_file():
            found.append(Finding(str(Path(config.docs_dir) / stylesheet), 0, 0, "CHS022",
                                 "a stylesheet of the cheat sheet is missing",
                                 hint=f"Restore docs/{stylesheet}; the PDFs are drawn with it."))
    if found:
        return [], found
    html = pdf_document(config, sources, file.url)
    base_url = (out_dir / "index.html").as_uri()
    fetcher = _fetcher_class(weasyprint)([staging])
    printed: list[Printed] = []
    results = []
    with quiet_weasyprint() as log:
        for size in SIZES:
            document = _render(weasyprint, html, base_url, fetcher, _page_css(size.width_mm, size.height_mm))
            bottom = _sheet_bottom_mm(document.pages[0]) if document.pages else None
            results.append((size, document, bottom))
        problems = list(fetcher.problems)
        errors = [r for r in log.records if r.levelno >= logging.ERROR]
        misfits = [(size, document, bottom) for size, document, bottom in results
                   if len(document.pages) != 1 or bottom is None
                   or bottom > size.height_mm - BOTTOM_MM + 0.01]
        height = natural_height_mm(weasyprint, html, base_url, fetcher) if misfits else None
        for size, document, _ in misfits:
            found.append(_overflow_finding(size, sources, height, len(document.pages), config))
        for url, reason in dict(problems).items():
            found.append(_resource_finding(config, staging, url, reason))
        for record in errors:
            # At the stylesheet's source in docs/: the staging copy is gone when the message is read.
            found.append(Finding(str(Path(config.docs_dir) / article.STYLESHEET), 0, 0, "CHS024",
                                 f"WeasyPrint: {record.getMessage().splitlines()[0]}"))
        if any(f.is_error for f in found):
            return [], found
        out_dir.mkdir(parents=True, exist_ok=True)
        for size, document, bottom in results:
            target = out_dir / size.filename
            data = document.write_pdf(pdf_variant="pdf/ua-1")
            target.write_bytes(data)
            printed.append(Printed(size, target, len(document.pages), len(data),
                                   size.height_mm - BOTTOM_MM - (bottom or 0)))
            if len(data) > MAX_BYTES:
                found.append(Finding(str(Path(config.docs_dir) / src), 0, 0, "CHS025",
                                     f"{size.filename} is {len(data) // 1024} KB; the limit is "
                                     f"{MAX_BYTES // 1024} KB",
                                     hint="Use smaller step pictures (simple SVG) on the sheet."))
    found += _glyph_findings(sources, staging / FONT_DIR)
    return printed, found


def _resource_finding(config: MkDocsConfig, staging: Path, url: str, reason: str) -> Finding:
    path = urlsplit(url).path
    shown = url
    if urlsplit(url).scheme == "file":
        try:
            rel = Path(url2pathname(unquote(path))).resolve().relative_to(staging.resolve())
            shown = str(Path(config.docs_dir) / rel)
        except ValueError:
            shown = url
    if FONT_DIR in url:
        hint = (f"Restore the font files in docs/{FONT_DIR}/ (Atkinson Hyperlegible, from the npm "
                "package @fontsource/atkinson-hyperlegible); the PDFs must embed the shipped font.")
    elif reason == "no such file":
        hint = "Restore the file or fix the address that points at it."
    else:
        hint = "The cheat sheet may only use files of the built site (no web addresses, no other folders)."
    return Finding(shown if reason == "no such file" else str(config.config_file_path), 0, 0, "CHS026",
                   f"the cheat sheet PDF could not use {os.path.basename(path) or url}: {reason}", ERROR, hint)


def print_cheatsheet(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage for scripts/build.py (see pipeline.output_stages): print both PDFs."""
    _, found = print_pdfs(config, staged.folder)
    return found
