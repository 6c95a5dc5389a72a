"""The real site's web app manifest: linked from every page, complete, and its icons real.

Read from the built files (no browser needed); "real" means each PNG's pixel size is what the
manifest says, checked with Pillow.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from browser_support import ROOT, Site
from PIL import Image

REQUIRED = ("name", "short_name", "description", "start_url", "scope", "display", "theme_color",
            "background_color", "icons")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("rel") in ("manifest", "apple-touch-icon"):
            self.links[values["rel"]] = values["href"]


def built_html(site: Site, page: str) -> str:
    path = site.directory / ("404.html" if page == site.missing else page + "index.html")
    return path.read_text(encoding="utf-8")


def resolve(site: Site, page: str, href: str) -> str:
    """The file below the site's root that `href` on `page` points to (as a browser resolves it)."""
    prefix = urlsplit(site.base_url).path
    if href.startswith("/"):
        assert href.startswith(prefix), href
        return href.removeprefix(prefix)
    folder = "" if page == site.missing else page
    return posixpath.normpath(posixpath.join(folder, href))


def manifest(site: Site) -> dict:
    return json.loads((site.directory / "manifest.webmanifest").read_text(encoding="utf-8"))


def test_every_page_links_the_manifest_and_the_apple_touch_icon(site: Site) -> None:
    for page in site.all_pages:
        links = Links()
        links.feed(built_html(site, page))
        assert resolve(site, page, links.links.get("manifest", "?")) == "manifest.webmanifest", page
        assert resolve(site, page, links.links.get("apple-touch-icon", "?")) == "assets/icons/apple-touch-icon.png"
    with Image.open(site.directory / "assets/icons/apple-touch-icon.png") as image:
        assert image.size == (180, 180) and image.mode == "RGB"


def test_the_manifest_has_every_required_field(site: Site) -> None:
    data = manifest(site)
    assert [field for field in REQUIRED if not data.get(field)] == []
    assert data["name"] == "Back Massage Guide" and len(data["short_name"]) <= 12
    assert (data["start_url"], data["scope"], data["display"]) == ("./", "./", "standalone")
    # The light palette: the header's teal (extra.css) and the page's white.
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    teal = re.search(r'\[data-md-color-primary="teal"\] \{\s*--md-primary-fg-color: (#[0-9a-f]{6})', css)
    assert teal and data["theme_color"] == teal.group(1)
    assert data["background_color"] == "#ffffff"


def test_every_icon_exists_and_has_the_size_it_states(site: Site) -> None:
    icons = manifest(site)["icons"]
    for icon in icons:
        path = site.directory / icon["src"]
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/svg+xml":
            assert icon["sizes"] == "any" and path.read_text(encoding="utf-8").startswith("<svg")
            continue
        assert icon["type"] == "image/png"
        with Image.open(path) as image:
            assert image.format == "PNG" and f"{image.size[0]}x{image.size[1]}" == icon["sizes"], icon
    offered = {(icon["sizes"], icon.get("purpose", "any")) for icon in icons}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable"), ("any", "any")} <= offered
