"""What search engines and link previews read from the built pages: titles, descriptions, Open
Graph tags, canonical addresses and the sitemap. Read from the built HTML (no browser needed).
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from browser_support import Site

SITE_URL = "https://back-massage-guide.github.io/back-massage-guide/"


class Head(HTMLParser):
    """Collect <title>, <meta name|property=… content=…> and <link rel=canonical> from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head_of(site: Site, page: str) -> Head:
    head = Head()
    head.feed((site.directory / page / "index.html").read_text(encoding="utf-8"))
    return head


def repeated(values: list[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


def test_sitemap_lists_every_page(site: Site) -> None:
    built = sorted(path.parent.relative_to(site.directory).as_posix().removeprefix(".") for path in
                   site.directory.rglob("index.html"))
    built = [f"{path}/" if path else "" for path in built]
    assert sorted(site.pages) == built
    assert {"", "safety/", "techniques/", "routine/", "cheatsheet/", "about/"} <= set(site.pages)
    locations = re.findall(r"<loc>([^<]+)</loc>", (site.directory / "sitemap.xml").read_text(encoding="utf-8"))
    assert all(location.startswith(SITE_URL) for location in locations), locations


def test_every_page_has_its_own_title_and_description(site: Site) -> None:
    heads = {page: head_of(site, page) for page in site.pages}
    titles = [head.title.strip() for head in heads.values()]
    descriptions = [head.meta.get("description", "").strip() for head in heads.values()]
    assert all(titles), titles
    assert not repeated(titles), f"titles used by more than one page: {repeated(titles)}"
    missing = [f"/{page}" for page, head in heads.items() if not head.meta.get("description", "").strip()]
    assert not missing, f"pages without a meta description: {missing}"
    assert not repeated(descriptions), f"descriptions used by more than one page: {repeated(descriptions)}"


def test_every_page_has_a_canonical_address_and_open_graph_tags(site: Site) -> None:
    problems: list[str] = []
    for page in site.pages:
        head = head_of(site, page)
        address = SITE_URL + page
        if head.canonical != address:
            problems.append(f"/{page}: canonical link is {head.canonical!r}, not {address!r}")
        expected = {
            "og:type": "website",
            "og:site_name": "Back Massage Guide",
            "og:url": address,
            "og:description": head.meta.get("description"),
        }
        problems += [f"/{page}: {name} is {head.meta.get(name)!r}, expected {value!r}"
                     for name, value in expected.items() if head.meta.get(name) != value]
        if not head.meta.get("og:title") or head.meta["og:title"] not in head.title:
            problems.append(f"/{page}: og:title {head.meta.get('og:title')!r} does not match <title> {head.title!r}")
    assert not problems, "\n".join(problems)


def test_published_site_ships_no_source_maps_or_unused_search_languages(site: Site) -> None:
    maps = sorted(str(path.relative_to(site.directory)) for path in site.directory.rglob("*.map"))
    assert not maps, f"source maps were published: {maps}"
    lunr = site.directory / "assets" / "javascripts" / "lunr"
    # English search needs no lunr language file at all (tests/core/test_render_prune.py covers other languages).
    leftovers = sorted(str(path.relative_to(lunr)) for path in lunr.rglob("*")) if lunr.exists() else []
    assert not leftovers, f"unused search language files were published: {leftovers}"
