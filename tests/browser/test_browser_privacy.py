"""Privacy of the built site: reading it calls no other site and leaves no cookie.

Every page is loaded in Chromium at phone and desktop widths, scrolled to the end (so lazy
pictures load) and searched (so the search worker and its index load); every request the browser
makes is recorded. The only host allowed is the local test server.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_support import DESKTOP, PHONE, Site, new_page, settle
from playwright.sync_api import Browser

REPOSITORY = "https://github.com/back-massage-guide/back-massage-guide"

# Things on a page that fetch, connect or embed by themselves (a plain <a href> does not).
FETCHERS = """() => [
  ...[...document.querySelectorAll('[src], [srcset], object[data], link[href]')]
    .filter(e => !(e.tagName === 'LINK' && /^(canonical|prev|next|alternate|author|license)$/i.test(e.rel)))
    .map(e => e.src || e.srcset || e.data || e.href),
  ...[...document.querySelectorAll('iframe, embed, object, frame')].map(e => `<${e.tagName.toLowerCase()}> embed`),
]"""

SCROLL_TO_END = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    window.scrollTo(0, y);
    await new Promise(done => requestAnimationFrame(done));
  }
}"""


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]], ids=["phone", "desktop"])
def test_reading_every_page_calls_no_other_site_and_sets_no_cookie(browser: Browser, site: Site,
                                                                    width: int) -> None:
    page = new_page(browser, width=width)
    context = page.context
    requests: list[tuple[str, str, str]] = []  # (page being read, address, kind of request)
    reading = ["/"]
    context.on("request", lambda request: requests.append((reading[0], request.url, request.resource_type)))
    page.on("websocket", lambda socket: requests.append((reading[0], socket.url, "websocket")))
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site.base_url))
    embedded: list[str] = []
    try:
        for path in site.all_pages:
            reading[0] = f"/{path}"
            page.goto(site.url(path), wait_until="load")
            page.evaluate(SCROLL_TO_END)
            page.wait_for_load_state("networkidle")
            embedded += [f"/{path}: {url}" for url in page.evaluate(FETCHERS)
                         if not url.startswith((origin, "data:", "blob:"))]
        # Searching loads the worker and the index: they must come from here too.
        reading[0] = "search"
        page.keyboard.press("/")
        page.keyboard.type("massage")
        page.wait_for_selector(".md-search-result__item")
        cookies = context.cookies()
        document_cookie = page.evaluate("() => document.cookie")
    finally:
        context.close()
    assert len(requests) > len(site.all_pages), "too few requests recorded: the recorder is not working"
    elsewhere = sorted({f"{where}: {url}" for where, url, _ in requests
                        if not url.startswith((origin, "data:", "blob:"))})
    assert not elsewhere, "requests to other sites:\n" + "\n".join(elsewhere)
    assert not embedded, "pages embed or preload from other sites:\n" + "\n".join(embedded)
    fonts = sorted({f"{where}: {url}" for where, url, kind in requests if kind == "font"})
    assert not fonts, "webfonts downloaded (the site uses the reader's system fonts):\n" + "\n".join(fonts)
    assert cookies == [] and document_cookie == "", f"cookies were set: {cookies or document_cookie}"


def test_repository_link_stays_but_its_statistics_widget_is_off(browser: Browser, site: Site) -> None:
    """Material fetches star and fork counts from api.github.com for the repository link."""
    page = new_page(browser)
    try:
        page.goto(site.url(""), wait_until="load")
        settle(page)
        links = page.eval_on_selector_all(".md-header a.md-source", "links => links.map(a => a.href)")
        facts = page.eval_on_selector_all(".md-source__facts, [data-md-component=source]", "nodes => nodes.length")
    finally:
        page.context.close()
    assert links == [REPOSITORY]
    assert facts == 0, "the repository statistics widget is still wired up"


def test_about_page_promises_no_tracking_in_one_sentence(site: Site) -> None:
    html = (site.directory / "about" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    sentences = re.split(r"(?<=[.!?])\s+", text)
    promise = [s for s in sentences if "cookies" in s and "analytics" in s and "other sites" in s]
    assert promise, "the About page should say in one sentence: no cookies, no analytics, no other sites"
