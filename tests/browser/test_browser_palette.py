"""The page has its own colours from the first paint, before Material's script runs.

Material writes the first palette entry's colours into `<body>`; with none given it writes
indigo, so every first visit showed an indigo header until the script switched it to teal (and a
reader without JavaScript kept indigo). With JavaScript off, the header must already have the
colour it has once the script has run, in the light scheme (the system setting most readers have).
"""

from __future__ import annotations

from browser_support import Site
from playwright.sync_api import Browser


def header_colour(browser: Browser, site: Site, *, scripts: bool) -> str:
    context = browser.new_context(color_scheme="light", java_script_enabled=scripts)
    try:
        page = context.new_page()
        page.goto(site.url("safety/"), wait_until="load")
        # Playwright's own evaluation runs even where the page's scripts may not.
        return page.locator(".md-header").evaluate("header => getComputedStyle(header).backgroundColor")
    finally:
        context.close()


def test_the_header_is_teal_before_any_script_runs(browser: Browser, site: Site) -> None:
    after_scripts = header_colour(browser, site, scripts=True)
    before_scripts = header_colour(browser, site, scripts=False)
    assert after_scripts == "rgb(0, 121, 107)", after_scripts  # Material's teal, #00796b
    assert before_scripts == after_scripts
