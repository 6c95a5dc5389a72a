"""Keyboard use of the home page, on a phone and on a desktop, with Tab, Enter and Escape only.

A reader who cannot use a mouse must find a skip link first, see where the focus is at every
stop, and be able to search, switch the colour scheme and (on a phone) open the menu.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import DESKTOP, PHONE, Site, new_page, settle
from playwright.sync_api import Browser, Page

WIDTHS = pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]], ids=["phone", "desktop"])

# What a sighted keyboard user sees of the focused element. Material's palette switch and some
# toggles are visually hidden inputs whose visible part is the next <label>: judge that label.
FOCUS = """() => {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  const shown = active.matches('.md-option') ? active.nextElementSibling : active;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  let opacity = 1;
  for (let e = shown; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const hit = box.width && box.height ? document.elementFromPoint(x, y) : null;
  return {
    element: active.outerHTML.slice(0, 120).replace(/\\s+/g, ' '),
    name: (active.getAttribute('aria-label') || active.textContent || '').trim().slice(0, 40),
    classes: active.className,
    ring: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    box: [box.left, box.top, box.right, box.bottom],
    window: [innerWidth, innerHeight],
    opacity,
    visibility: style.visibility,
    covered: !hit || !(shown.contains(hit) || hit.contains(shown)),
  };
}"""


def focus_problems(stop: dict[str, Any]) -> list[str]:
    left, top, right, bottom = stop["box"]
    width, height = stop["window"]
    checks = {
        "no visible focus ring (outline under 2 px)": stop["ring"] < 2,
        "focused element is invisible": stop["visibility"] != "visible" or stop["opacity"] < 0.5,
        "focused element is outside the window": right <= 0 or bottom <= 0 or left >= width or top >= height
        or right - left < 1 or bottom - top < 1,
        "focused element is hidden under something else": stop["covered"],
    }
    return [f"{problem}: {stop['element']}" for problem, failed in checks.items() if failed]


def tab(page: Page) -> dict[str, Any] | None:
    page.keyboard.press("Tab")
    settle(page)
    return page.evaluate(FOCUS)


def tab_to(page: Page, selector: str, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            settle(page)
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


@WIDTHS
def test_every_tab_stop_on_the_home_page_shows_its_focus(browser: Browser, site: Site, width: int) -> None:
    page = new_page(browser, width=width)
    stops: list[dict[str, Any]] = []
    try:
        page.goto(site.url(""), wait_until="load")
        for _ in range(300):
            stop = tab(page)
            if stop is None or (stops and stop["element"] == stops[0]["element"]):
                break  # focus left the page or came round again: every stop has been seen
            stops.append(stop)
    finally:
        page.context.close()
    assert len(stops) > 10, f"only {len(stops)} tab stops: {[s['name'] for s in stops]}"
    assert "md-skip" in stops[0]["classes"], f"the first tab stop is {stops[0]['element']}, not the skip link"
    names = {stop["name"] for stop in stops}
    assert {"Search", "Use light mode"} <= names, f"search or colour switch not reachable: {sorted(names)}"
    if width == PHONE["width"]:
        assert "Navigation" in names, "the menu button cannot be reached with the keyboard"
    problems = [problem for stop in stops for problem in focus_problems(stop)]
    assert not problems, "\n".join(problems)


@WIDTHS
def test_skip_link_moves_past_the_header_and_menu(browser: Browser, site: Site, width: int) -> None:
    page = new_page(browser, width=width)
    try:
        page.goto(site.url(""), wait_until="load")
        tab(page)
        assert page.evaluate("() => document.activeElement.matches('.md-skip')")
        page.keyboard.press("Enter")
        settle(page)
        # (The address bar is no proof: navigation.tracking rewrites the #fragment as the page scrolls.)
        stop = tab(page)
        assert page.evaluate("() => !!document.activeElement.closest('article')"), \
            f"after the skip link, Tab should land in the page's own content, not on {stop and stop['element']}"
    finally:
        page.context.close()


@WIDTHS
def test_search_works_from_the_keyboard(browser: Browser, site: Site, width: int) -> None:
    page = new_page(browser, width=width)
    try:
        page.goto(site.url(""), wait_until="load")
        tab_to(page, ".md-search__input")
        page.wait_for_function("() => document.getElementById('__search').checked", timeout=5000)
        page.keyboard.type("effleurage")
        page.wait_for_selector(".md-search-result__item a[href*='techniques/']")
        page.keyboard.press("ArrowDown")
        assert page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"), \
            "the arrow key does not move into the results"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/techniques/" in page.url
    finally:
        page.context.close()


@WIDTHS
def test_colour_scheme_switch_works_from_the_keyboard(browser: Browser, site: Site, width: int) -> None:
    page = new_page(browser, width=width, scheme="light")
    try:
        page.goto(site.url(""), wait_until="load")
        tab_to(page, ".md-option")
        # The switch cycles: follow the system (light here) -> light -> dark.
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert page.evaluate("() => document.activeElement.matches('.md-option')"), "focus fell off the switch"
        page.reload(wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate", "the choice was not remembered"
    finally:
        page.context.close()


def test_phone_menu_opens_and_closes_from_the_keyboard(browser: Browser, site: Site) -> None:
    page = new_page(browser, width=PHONE["width"])
    try:
        page.goto(site.url(""), wait_until="load")
        tab_to(page, "button.bmg-menu-button")
        assert page.get_attribute("button.bmg-menu-button", "aria-expanded") == "false"
        page.keyboard.press("Enter")
        settle(page)
        assert page.get_attribute("button.bmg-menu-button", "aria-expanded") == "true"
        stop = page.evaluate(FOCUS)
        assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), \
            f"opening the menu left focus on {stop and stop['element']}"
        assert not focus_problems(stop)
        page.keyboard.press("Escape")
        settle(page)
        assert page.get_attribute("button.bmg-menu-button", "aria-expanded") == "false"
        assert page.evaluate("() => document.activeElement.matches('button.bmg-menu-button')")
        # Closed again, the menu's links are out of the tab order.
        assert page.eval_on_selector(".md-sidebar--primary", "e => getComputedStyle(e).visibility") == "hidden"
    finally:
        page.context.close()
