"""Accessibility of the built site (WCAG 2.2 AA), checked in headless Chromium.

axe-core runs on every page, light and dark, at phone and desktop widths; the checks axe cannot
make (or makes only in part) are explicit tests below: the language, heading order, alternative
text, reflow when zoomed, and reduced motion.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import axe_playwright_python
import pytest
from browser_support import DESKTOP, PHONE, Site, new_page, settle
from playwright.sync_api import Browser

AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = {"light": "default", "dark": "slate"}  # system setting -> Material's colour scheme


def axe_version() -> tuple[int, ...]:
    match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", AXE_SOURCE.read_text(encoding="utf-8")[:200])
    assert match, f"cannot read the axe-core version from {AXE_SOURCE}"
    return tuple(int(part) for part in match.groups())


def describe(page_path: str, violation: dict) -> str:
    nodes = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    more = f" (+{len(violation['nodes']) - 5} more)" if len(violation["nodes"]) > 5 else ""
    return f"/{page_path}: {violation['id']} ({violation['impact']}): {violation['help']} at {nodes}{more}"


def test_axe_is_recent_enough_for_wcag_22() -> None:
    """The bundled axe-core (axe-playwright-python) must know the WCAG 2.2 rules: 4.10 or newer."""
    assert axe_version() >= (4, 10, 0)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_any_page(browser: Browser, site: Site, scheme: str, width: int) -> None:
    axe = AXE_SOURCE.read_text(encoding="utf-8")
    page = new_page(browser, width=width, scheme=scheme)
    problems: list[str] = []
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            settle(page)
            # Prove the scheme under test is the one on screen (a light run twice proves nothing).
            assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], path
            page.evaluate(axe)
            results = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            problems += [describe(path, violation) for violation in results["violations"]]
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


def test_every_page_sets_the_language_and_orders_its_headings(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    problems: list[str] = []
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            if page.get_attribute("html", "lang") != "en":
                problems.append(f"/{path}: <html lang> is {page.get_attribute('html', 'lang')!r}, not 'en'")
            levels = page.eval_on_selector_all(
                "article h1, article h2, article h3, article h4, article h5, article h6",
                "headings => headings.map(h => Number(h.tagName[1]))",
            )
            if levels[:1] != [1] or levels.count(1) != 1:
                problems.append(f"/{path}: the article must open with its only h1, found levels {levels}")
            problems += [f"/{path}: heading level jumps from h{before} to h{after}"
                         for before, after in itertools.pairwise(levels) if after > before + 1]
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


def test_every_image_has_alternative_text(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    missing: list[str] = []
    images = 0
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            found = page.eval_on_selector_all(
                "img, svg[role=img], [role=img]:not(svg)",
                """nodes => nodes.map(n => [n.tagName.toLowerCase(), n.getAttribute('src') || n.outerHTML.slice(0, 80),
                                          (n.getAttribute('alt') ?? n.getAttribute('aria-label') ?? '').trim()])""",
            )
            images += len(found)
            missing += [f"/{path}: <{tag}> {src} has no alternative text" for tag, src, alt in found if not alt]
    finally:
        page.context.close()
    assert images > 0, "no images found at all: the check looked in the wrong place"
    assert not missing, "\n".join(missing)


# WCAG 1.4.10 Reflow: 320 CSS pixels wide is a 1280-pixel window zoomed to 400 %, and nothing may
# then stick out sideways (html has `overflow-x: hidden`, so it would be cut off, not scrollable).
# WCAG 1.4.4 Resize text: text alone at 200 % on a phone and on a desktop, the same.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  // Wide tables may scroll in their own box; closed panels (opacity 0) are not on screen.
  const exempt = el => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.opacity === '0' || (e !== el && ['auto', 'scroll'].includes(style.overflowX))) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('.md-content *, .md-header *, .md-footer *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.height && getComputedStyle(el).visibility === 'visible' && (r.right > width + 1 || r.left < -1)
        && !exempt(el)) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""


@pytest.mark.parametrize(("width", "text_zoom"), [(320, 100), (PHONE["width"], 200), (DESKTOP["width"], 200)],
                         ids=["reflow-320px", "text-200-phone", "text-200-desktop"])
def test_pages_reflow_and_resize_text_without_loss(browser: Browser, site: Site, width: int, text_zoom: int) -> None:
    page = new_page(browser, width=width)
    problems: list[str] = []
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            if text_zoom != 100:
                # Material sizes text in rem, so scaling the root font is what a browser's text zoom does.
                page.evaluate("""zoom => { const root = document.documentElement;
                    root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * zoom / 100 + 'px'; }""",
                              text_zoom)
            settle(page)
            result = page.evaluate(OVERFLOW)
            if result["scrollWidth"] > result["width"] or result["out"]:
                problems.append(f"/{path}: content {result['scrollWidth']} px wide in a {result['width']} px "
                                f"window; sticking out: {result['out']}")
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


MOTION = """() => {
  const seconds = value => Math.max(...value.split(',')
    .map(v => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
  const styles = ['.md-sidebar--primary', '.md-search__output', '.md-skip', '.md-header__button']
    .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e));
  return Math.max(...styles.map(s => seconds(s.transitionDuration) + seconds(s.transitionDelay)));
}"""

SMOOTH_SCROLL = """async () => {
  window.scrollTo({top: 0});
  window.scrollTo({top: 600, behavior: 'smooth'});
  return window.scrollY;
}"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_turns_off_transitions_and_smooth_scrolling(browser: Browser, site: Site, motion: str) -> None:
    """With `prefers-reduced-motion: reduce` nothing slides or glides; without it, Material animates."""
    page = new_page(browser, width=PHONE["width"], reduced_motion=motion)
    try:
        page.goto(site.url("routine/"), wait_until="load")
        longest = page.evaluate(MOTION)
        scrolled = page.evaluate(SMOOTH_SCROLL)
    finally:
        page.context.close()
    if motion == "reduce":
        assert longest <= 0.001, f"a transition still lasts {longest} s"
        assert scrolled == 600, "a scripted smooth scroll still glides instead of jumping"
    else:
        assert longest >= 0.1, "Material's transitions are gone even without the preference"
        assert scrolled < 600, "smooth scrolling jumps even without the preference"
