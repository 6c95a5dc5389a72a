"""Search in the built site: techniques are found by name, and what a misspelling does.

Material's search runs lunr in a web worker over `search/search_index.json`. Its English setup
has no stemmer and no fuzzy matching: a query matches words that start with what was typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import Site, new_page
from playwright.sync_api import Browser, Page

NO_RESULTS = "No matching documents"


def search(page: Page, site: Site, query: str) -> tuple[str, list[str]]:
    """Type `query` into the search box; return the result summary and the result pages."""
    page.goto(site.url(""), wait_until="load")
    page.focus(".md-search__input")
    # The worker answers "Initializing search" until lunr has built its index.
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent"
                           ".includes('Initializing')")
    # Material searches on every key release; typing letter by letter would show the results for
    # "e", "ef", … first. Put the whole query in, then release one key to search once.
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function("() => { const meta = document.querySelector('.md-search-result__meta').textContent;"
                           " return /matching document|No matching/.test(meta); }")
    summary = page.inner_text(".md-search-result__meta").strip()
    paths = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.pathname)")
    prefix = urlsplit(site.base_url).path
    return summary, [path.removeprefix(prefix) for path in paths]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.mark.parametrize("query", ["effleurage", "Effleurage", "petrissage", "tapotement", "kneading"])
def test_search_finds_a_technique_by_its_name(page: Page, site: Site, query: str) -> None:
    summary, pages = search(page, site, query)
    assert pages and pages[0].endswith("techniques/"), f"{query!r}: {summary}; first results {pages[:3]}"


def test_a_misspelt_technique_is_not_found_unless_asked_for_fuzzily(page: Page, site: Site) -> None:
    """What lunr does with "efleurage" (one f): finds nothing, because Material's English search
    matches words by their beginning, not by similarity. lunr's own fuzzy syntax, "efleurage~1"
    (at most one letter different), does find the Techniques page."""
    summary, pages = search(page, site, "efleurage")
    assert (summary, pages) == (NO_RESULTS, [])
    summary, pages = search(page, site, "efleurage~1")
    assert pages and pages[0].endswith("techniques/"), summary


def is_search_worker(url: str) -> bool:
    """Material's search worker script, assets/javascripts/workers/search.<hash>.min.js."""
    return "/assets/javascripts/workers/search." in urlsplit(url).path


def test_the_search_index_loads_only_when_the_reader_opens_the_search(page: Page, site: Site) -> None:
    """docs/javascripts/search-on-demand.js: a page that is only read never downloads the index
    and never starts the search worker; the "/" key (Material's shortcut, which focuses the
    field) starts both, and a search typed straight away still finds its page."""
    asked: list[str] = []
    workers: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site.url(""), wait_until="networkidle")
    page.wait_for_timeout(300)  # the bundle has started and sent what it sends at once
    assert not [path for path in asked if path.endswith("/search/search_index.json")], asked
    assert not [path for path in asked if is_search_worker(path)], asked
    assert workers == []
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")), \
            page.expect_worker(lambda worker: is_search_worker(worker.url)):
        page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("tapotement")
    page.wait_for_function("() => /matching document/.test("
                           "document.querySelector('.md-search-result__meta').textContent)")
    first = page.eval_on_selector(".md-search-result__item > a", "link => link.pathname")
    assert first.endswith("techniques/")


def test_an_address_with_a_search_in_it_loads_the_index_at_once(page: Page, site: Site) -> None:
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.goto(site.url("") + "?q=effleurage", wait_until="load")


def test_the_search_worker_answers_more_than_once_and_other_workers_are_real(page: Page, site: Site) -> None:
    """The stand-in passes every answer of the real worker on, not only the first: a second
    search in the same page is answered. Once search has started, `new Worker` is the browser's
    own again (the stand-in is only for Material's first start of the search worker)."""
    started: list[str] = []
    page.on("worker", lambda worker: started.append(worker.url))
    summary, pages = search(page, site, "effleurage")
    assert pages and pages[0].endswith("techniques/"), summary
    page.fill(".md-search__input", "efleurage")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                           f".includes({NO_RESULTS!r})")
    worker_url = next(url for url in started if is_search_worker(url))
    assert page.evaluate("""url => {
        const worker = new Worker(url);
        const real = worker instanceof Worker && Object.getPrototypeOf(worker) === Worker.prototype;
        worker.terminate();
        return real;
    }""", worker_url)
