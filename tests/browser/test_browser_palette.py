"""The page has its own colours from the first paint, before Material's script runs.

Material writes the first palette entry's colours into `<body>`; with none given it writes
indigo, so every first visit showed an indigo header until the script switched it to teal (and a
reader without JavaScript kept indigo). With JavaScript off, the header must already have the
colour it has once the script has run, in the light scheme (the system setting most readers have).
"""

from __future__ import annotations

import json

import pytest
from browser_support import PHONE, Site, new_page, settle
from playwright.sync_api import Browser, Page


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


# docs/javascripts/palette.js runs the colour switch in place of Material's palette code.
SWITCH = "form[data-bmg-palette]"
# Each toggle is a label for the next choice's input; its name says what it switches to.
NAMES = {"__palette_0": "Use system setting", "__palette_1": "Use light mode", "__palette_2": "Use dark mode"}
STATE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  switching: document.body.hasAttribute('data-md-color-switching'),
  metaScheme: [...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content),
  themeColours: document.querySelectorAll('meta[name=theme-color]').length,
  shown: [...document.querySelectorAll('form[data-bmg-palette] label')]
    .filter(label => !label.hidden).map(label => NAMES[label.htmlFor]),
  htmlClasses: [...document.documentElement.classList],
})"""


def state(page: Page) -> dict:
    settle(page)
    return page.evaluate(f"() => {{ const NAMES = {json.dumps(NAMES)}; return ({STATE})(); }}")


@pytest.mark.parametrize("system", ["light", "dark"])
def test_a_first_visit_follows_the_system_setting(browser: Browser, site: Site, system: str) -> None:
    page = new_page(browser, width=PHONE["width"], scheme=system)
    try:
        page.goto(site.url("safety/"), wait_until="load")
        now = state(page)
        assert now["scheme"] == {"light": "default", "dark": "slate"}[system]
        assert now["metaScheme"] == [system], "one color-scheme tag, naming the scheme shown"
        assert now["themeColours"] == 1
        assert now["shown"] == ["Use light mode"], "one toggle shown: the next choice after 'system'"
        assert "js" in now["htmlClasses"] and "no-js" not in now["htmlClasses"]
        assert not now["switching"], "transitions are back on once the colours are in"
        # The phone switches to dark mode while the page is open: the page follows.
        page.emulate_media(color_scheme={"light": "dark", "dark": "light"}[system])
        assert state(page)["scheme"] == {"light": "slate", "dark": "default"}[system]
    finally:
        page.context.close()


def test_the_switch_goes_round_and_the_choice_is_kept_on_the_next_page(browser: Browser, site: Site) -> None:
    page = new_page(browser, width=PHONE["width"], scheme="light")
    try:
        page.goto(site.url("safety/"), wait_until="load")
        seen = []
        for _ in range(3):
            page.click(f"{SWITCH} label:visible")
            now = state(page)
            seen.append((now["scheme"], now["metaScheme"], now["shown"]))
        assert seen == [
            ("default", ["light"], ["Use dark mode"]),       # light, chosen
            ("slate", ["dark"], ["Use system setting"]),     # dark
            ("default", ["light"], ["Use light mode"]),      # the system setting again (light here)
        ]
        page.click(f"{SWITCH} label:visible")  # light
        page.click(f"{SWITCH} label:visible")  # dark
        saved = page.evaluate("() => __md_get('__palette')")
        assert saved["index"] == 2 and saved["color"]["scheme"] == "slate", saved
        # Material's own inline script in the header reads the same key before the first paint.
        page.goto(site.url("routine/"), wait_until="load")
        assert state(page)["scheme"] == "slate"
        assert state(page)["shown"] == ["Use system setting"]
    finally:
        page.context.close()


def test_enter_on_the_switch_moves_to_the_next_choice(browser: Browser, site: Site) -> None:
    page = new_page(browser, scheme="light")
    try:
        page.goto(site.url("safety/"), wait_until="load")
        page.focus(f"{SWITCH} input")
        page.keyboard.press("Enter")
        assert state(page)["shown"] == ["Use dark mode"]
        page.keyboard.press("Enter")
        assert state(page)["scheme"] == "slate"
        assert page.evaluate("() => document.activeElement.closest('form[data-bmg-palette]') !== null")
    finally:
        page.context.close()


def test_the_switch_needs_nothing_from_materials_script(browser: Browser, site: Site) -> None:
    """Material's bundle is kept away from the switch (the form is renamed): with the bundle
    blocked, the switch still works, so nothing in it depends on Material's palette code."""
    page = new_page(browser, scheme="light")
    try:
        page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page.goto(site.url("tips/"), wait_until="load")
        page.click(f"{SWITCH} label:visible")
        page.click(f"{SWITCH} label:visible")
        assert state(page)["scheme"] == "slate"
    finally:
        page.context.close()


def test_the_focus_marks_are_on_the_page_before_materials_script_and_keyboard_focus_still_shows(
        browser: Browser, site: Site) -> None:
    """palette.js puts the focus-visible polyfill's marks on <html> before the text exists (so
    the polyfill in Material's bundle changes nothing there when it starts, and restyles no
    element). The polyfill must still do its job: a link reached with Tab is marked
    `focus-visible`, and a link clicked with the mouse is not."""
    page = new_page(browser, scheme="light")
    try:
        page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page.goto(site.url("tips/"), wait_until="load")
        marks = page.evaluate("() => [document.documentElement.classList.contains('js-focus-visible'),"
                              " document.documentElement.getAttribute('data-js-focus-visible')]")
        assert marks == [True, ""], marks
    finally:
        page.context.close()
    page = new_page(browser, scheme="light")
    try:
        page.goto(site.url("tips/"), wait_until="load")
        settle(page)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        by_keyboard = page.evaluate("() => [document.activeElement.tagName,"
                                    " document.activeElement.classList.contains('focus-visible')]")
        assert by_keyboard == ["A", True], by_keyboard
        link = page.locator(".md-content a[href]:visible:not(.headerlink)").first
        link.evaluate("a => a.addEventListener('click', event => event.preventDefault())")
        link.click()
        by_mouse = link.evaluate("a => [document.activeElement === a, a.classList.contains('focus-visible')]")
        assert by_mouse == [True, False], by_mouse
    finally:
        page.context.close()


def test_permalinks_and_back_links_show_their_hint_without_a_script_tooltip(browser: Browser, site: Site) -> None:
    """They are named by aria-label (no title, so Material builds no tooltip for each one as the
    page opens) and extra.css shows the same words on hover."""
    page = new_page(browser, scheme="light")
    try:
        page.goto(site.url("safety/"), wait_until="load")
        links = page.evaluate("""() => [...document.querySelectorAll('.md-typeset :is(.headerlink, .footnote-backref)')]
          .map(a => [a.className, a.getAttribute('title'), a.getAttribute('aria-label')])""")
        assert {kind for kind, _, _ in links} == {"headerlink", "footnote-backref"}
        assert all(title is None and label for _, title, label in links), links
        backlink = page.locator(".footnote-backref").first
        backlink.scroll_into_view_if_needed()
        backlink.hover()
        hint = backlink.evaluate("a => getComputedStyle(a, '::after').content")
        assert hint == '"Jump back to footnote 1 in the text"', hint
    finally:
        page.context.close()


GLOSSARY_TIP = """() => {
  const tips = [...document.querySelectorAll('.md-tooltip2')];
  const word = document.querySelector('.md-content abbr[data-preview]');
  return {tips: tips.map(t => [t.textContent, t.classList.contains('md-tooltip2--active'),
                               t.getBoundingClientRect().left >= 0,
                               t.firstElementChild.getBoundingClientRect().right <= innerWidth]),
          title: word.getAttribute('title'), describedBy: word.getAttribute('aria-describedby')};
}"""


@pytest.mark.parametrize("width", [PHONE["width"], 1280], ids=["phone", "desktop"])
def test_a_glossary_word_shows_its_meaning_when_pointed_at(browser: Browser, site: Site, width: int) -> None:
    """docs/javascripts/accessibility.js (its second part), in place of Material's tooltip for each word as the page
    opens: one tooltip, Material's look, inside the screen, and no browser tooltip on top."""
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=width == PHONE["width"])
    try:
        page = context.new_page()
        page.goto(site.url("safety/"), wait_until="load")
        word = page.locator(".md-content abbr[data-preview]").first
        meaning = word.get_attribute("title")
        assert meaning, "a glossary word keeps its title for readers without scripts"
        assert page.evaluate(GLOSSARY_TIP)["tips"] == [], "no tooltip is built before it is wanted"
        word.scroll_into_view_if_needed()
        if width == PHONE["width"]:
            word.tap()
        else:
            word.hover()
        settle(page)
        shown = page.evaluate(GLOSSARY_TIP)
        assert shown["tips"] == [[meaning, True, True, True]], shown
        assert shown["title"] is None and shown["describedBy"] == "__bmg_glossary_tip"
        page.mouse.move(5, 400)  # away from the word (a tap elsewhere on a phone)
        page.wait_for_timeout(400)
        gone = page.evaluate(GLOSSARY_TIP)
        assert gone == {"tips": [], "title": meaning, "describedBy": None}, gone
    finally:
        context.close()
