"""Turn the gathered sources into the sheet's HTML: one fragment for the site page and the PDFs.

The site page (through the MkDocs hook) and the PDFs (through WeasyPrint) show the very same
`<article>`, styled by the same stylesheet, so what the browser prints and what the PDFs hold
cannot drift apart. Only the links differ: relative on the site, absolute in the PDFs (a PDF
is read away from the site, so its links must name the whole address).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
import segno
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from guidebuild.cheatsheet.extract import ROUTINE_PAGE, SCALE_COLUMNS, Sources
from guidebuild.cheatsheet.thumbnails import thumbnail_data_url
from guidebuild.site.pages import site_pages

#: The page template (in overrides/) that marks a page as the cheat sheet.
TEMPLATE = "cheatsheet.html"
#: The stylesheet the sheet is drawn with, on the site and in the PDFs (inside docs/).
STYLESHEET = "stylesheets/cheatsheet.css"
#: The PDFs' fonts, kept apart so the website itself never downloads a font.
FONT_STYLESHEET = "stylesheets/cheatsheet-fonts.css"
#: Order of the boxes beside the steps: before you start, then while you work, then what to have.
BOXES = ("do_not", "stop", "light", "no_press", "checklist")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent),
                          autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=False, lstrip_blocks=False)


@dataclass(frozen=True)
class Links:
    """How the sheet links out: relative to the page it sits on, or absolute (PDF)."""

    config: MkDocsConfig
    page_url: str      # the sheet page's URL relative to the site root, e.g. "cheatsheet/"
    absolute: bool

    def page(self, src: str, anchor: str = "") -> str:
        url = _page_url(self.config, src)
        if self.absolute:
            url = urljoin(site_url(self.config), url)
        else:
            url = get_relative_url(url, self.page_url) if url else "./"
        return f"{url}#{anchor}" if anchor else url

    def asset(self, docs_path: str) -> str:
        """Files of the site (the stylesheet) are always relative: the PDF renderer reads only
        the built site, never the published one."""
        return get_relative_url(docs_path, self.page_url)


def _page_url(config: MkDocsConfig, src: str) -> str:
    return File(src, config.docs_dir, config.site_dir, config.use_directory_urls).url


def site_url(config: MkDocsConfig) -> str:
    url = config.site_url or ""
    return url if url.endswith("/") else url + "/"


def human_date(iso: str) -> str:
    """`2026-11-25` → `25 November 2026`: no locale, no ambiguity between day and month."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def minutes_text(value: float) -> str:
    return f"{value:g}"


def qr_svg(url: str, lang: str = "en") -> Markup:
    """The site's address as a QR code, drawn as inline SVG (crisp at any size, no image file).

    `make_qr` (not `make`) so that a short address never becomes a Micro QR code, which most
    phone cameras cannot read. Error level M survives a crease or a coffee ring.
    """
    code = segno.make_qr(url, error="m")
    svg = code.svg_inline(omitsize=True, border=2, svgclass="cs-qr__code", title=f"QR code for {url}")
    # A tagged PDF wants a language on every root, and the inline SVG is one; role/label for screens.
    svg = svg.replace("<svg ", f'<svg lang="{lang}" role="img" aria-label="{escape(f"QR code for {url}")}" ', 1)
    return Markup(svg)


def address_html(url: str) -> Markup:
    """The printed address without `https://`, with a break point after each `/` (never inside
    a name, so a reader copying it by hand sees where each part ends)."""
    shown = url.split("://", 1)[-1].rstrip("/")
    return Markup("/<wbr>").join(Markup('<span class="cs-nowrap">{}</span>').format(part)
                                 for part in shown.split("/"))


def _thumbnail(config: MkDocsConfig, picture: str | None) -> str:
    if not picture:
        return ""
    return thumbnail_data_url(Path(config.docs_dir) / picture) or ""


def _page_title(config: MkDocsConfig, src: str, fallback: str) -> str:
    page = site_pages(config).get(src)
    if page is None or not page.readable:
        return fallback
    return str(page.meta.get("title") or fallback)


def sheet_title(config: MkDocsConfig) -> str:
    return f"{config.site_name}: cheat sheet"


def sheet_html(config: MkDocsConfig, sources: Sources, links: Links, *, heading_level: int = 2) -> Markup:
    """The `<article class="cheatsheet">` for the site page (level 2) or the PDF (level 1)."""
    steps = [
        {
            "number": step.number,
            "name": step.name,
            "cue": step.cue,
            "minutes": minutes_text(step.minutes),
            "href": links.page(ROUTINE_PAGE, step.anchor),
            "picture_href": _thumbnail(config, step.picture),
            "picture_alt": step.picture_alt,
            "pressure": step.pressure,
        }
        for step in sources.steps
    ]
    boxes: list[dict[str, Any]] = []
    for key in BOXES:
        section = sources.sections.get(key)
        if section is not None:
            boxes.append({"key": key.replace("_", "-"), "title": section.title, "entries": section.items,
                          "href": links.page(section.page, section.anchor)})
    scale_section = sources.sections.get("scale")
    scale = None
    if scale_section is not None:
        scale = {"title": scale_section.title, "rows": scale_section.rows, "columns": SCALE_COLUMNS,
                 "href": links.page(scale_section.page, scale_section.anchor)}
    emergency_section = sources.sections.get("emergency")
    emergency = None
    if emergency_section is not None:
        emergency = {"label": emergency_section.title, "text": emergency_section.items[0],
                     "href": links.page(emergency_section.page, emergency_section.anchor)}
    url = site_url(config)
    html = _ENV.get_template("sheet.html").render(
        h=heading_level,
        lang=config.theme.get("language") or "en",
        title=sheet_title(config),
        site_name=config.site_name,
        site_url=url,
        address_html=address_html(url),
        qr_svg=qr_svg(url, config.theme.get("language") or "en"),
        steps=steps,
        pictures=any(step.picture for step in sources.steps),
        minutes=minutes_text(sources.total_minutes),
        routine_title=_page_title(config, ROUTINE_PAGE, "The routine"),
        routine_href=links.page(ROUTINE_PAGE),
        scale=scale,
        boxes=boxes,
        emergency=emergency,
        updated_iso=sources.last_updated,
        updated=human_date(sources.last_updated) if sources.last_updated else "",
    )
    return Markup(html)
