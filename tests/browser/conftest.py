"""Fixtures for the browser tests: the real site, built once per test process, and Chromium.

Building the real project (not a sample) is the point: the tests check what readers get. With
pytest-xdist each worker process builds its own copy once.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, Site, build_site
from playwright.sync_api import Browser, sync_playwright

from guidebuild.site.local_server import serve, sitemap_pages


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built once per test process and served on 127.0.0.1 while the tests run."""
    directory = build_site(tmp_path_factory.mktemp("browser") / "site")
    with serve(directory) as base_url:
        yield Site(directory, base_url, tuple(sitemap_pages(directory)))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, with a fresh profile that Playwright deletes afterwards.

    One per test module, not per session: an open Playwright keeps its event loop running, and
    any later test in the same worker that starts Playwright itself (the cheat sheet's and the
    pictures' tests) would fail with "using Playwright Sync API inside the asyncio loop".
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
