"""Follow-along mode on the routine page (docs/javascripts/follow-along.js), in headless Chromium.

What the mode shows is compared with what the build's own reader (the cheat sheet's extract.py and
cheatsheet/follow.py) finds in docs/routine.md, so the two readers of the one markup must agree.
Time is Playwright's clock (`install`, then `pause_at`, then `run_for`): no test waits for real
minutes. The browser features headless Chromium lacks or must not use (sound, vibration, wake lock,
speech) are replaced by small recorders through `add_init_script`, which is how the tests see the
chime, the buzz and the lock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import DESKTOP, PHONE, ROOT, Site, settle
from playwright.sync_api import Browser, Page
from test_browser_accessibility import AXE_SOURCE, AXE_TAGS, SCHEMES, describe

from guidebuild import config as cfg
from guidebuild.cheatsheet import extract as sources
from guidebuild.site.local_server import serve
from support.sitekit import run_script

T0 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)

# Recorders for what headless Chromium cannot do or must not do in a test.
RECORDERS = """
window.__fa = {oscillators: 0, vibrations: [], wake: [], spoken: [], blocked: []};
document.addEventListener('securitypolicyviolation', e => __fa.blocked.push(e.violatedDirective + ' ' + e.blockedURI));
window.AudioContext = class {
  constructor() { this.currentTime = 0; this.state = 'running'; this.destination = {}; }
  createOscillator() { return {frequency: {}, connect() {}, start() { __fa.oscillators++; }, stop() {}}; }
  createGain() { return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}}, connect() {}}; }
  resume() { return Promise.resolve(); }
};
Object.defineProperty(navigator, 'vibrate',
  {configurable: true, value: p => { __fa.vibrations.push(p); return true; }});
let hidden = false;
Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => hidden ? 'hidden' : 'visible'});
window.__hide = h => { hidden = h; document.dispatchEvent(new Event('visibilitychange')); };
"""
WAKE_LOCK = """
Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {request(type) {
  __fa.wake.push('request ' + type);
  const sentinel = new EventTarget();
  sentinel.release = () => {
    __fa.wake.push('release');
    sentinel.dispatchEvent(new Event('release'));
    return Promise.resolve();
  };
  return Promise.resolve(sentinel);
}}});
"""
NO_WAKE_LOCK = "Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: undefined});"
VOICES = """
const voice = (name, local) => ({name, lang: 'en-GB', localService: local, default: !local, voiceURI: name});
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  getVoices: () => [%s], addEventListener() {}, cancel() {},
  speak(u) { __fa.spoken.push([u.voice.name, u.text]); },
}});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""

CARD = """() => {
  const card = document.querySelector('dialog.fa[open] .fa-card');
  return card && {
    count: card.querySelector('.fa-count').textContent,
    title: card.querySelector('h2').textContent,
    cue: card.querySelector('.fa-cue').textContent,
    items: [...card.querySelectorAll('.fa-item')].map(p => p.textContent),
    alt: card.querySelector('img') && card.querySelector('img').alt,
    links: card.querySelectorAll('a').length,
    time: document.querySelector('.fa-time').textContent,
    hash: location.hash,
  };
}"""


@pytest.fixture(scope="module")
def guide() -> sources.Sources:
    """The routine as the build reads it (the cheat sheet's reader and the mode's marker checks)."""
    read, found = sources.collect(cfg.load(str(ROOT / "mkdocs.yml")))
    assert not [f for f in found if f.is_error], found
    assert read.follow is not None, "routine.md offers no follow-along mode (#follow-along section)"
    return read


@pytest.fixture
def routine(browser: Browser, site: Site) -> Iterator:
    """Open the routine page in a fresh context: `routine(hash, width=…, init=…)` -> Page."""
    contexts = []

    def open_page(hash_: str = "", *, width: int = PHONE["width"], height: int | None = None,
                  scheme: str = "light", init: str = RECORDERS + WAKE_LOCK, touch: bool = False,
                  motion: str = "no-preference", path: str = "routine/") -> Page:
        size = {"width": width, "height": height or (PHONE["height"] if width <= PHONE["width"] else DESKTOP["height"])}
        context = browser.new_context(viewport=size, color_scheme=scheme, has_touch=touch, reduced_motion=motion)
        contexts.append(context)
        context.add_init_script(init)
        page = context.new_page()
        page.clock.install(time=T0)
        page.goto(site.url(path) + hash_, wait_until="load")
        page.clock.pause_at(T0 + dt.timedelta(minutes=1))
        return page

    yield open_page
    for context in contexts:
        context.close()


def clock_text(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def start(page: Page, *, short: bool = False, settings: tuple[str, ...] = ()) -> None:
    """Open the mode with the page's button, choose the routine and settings, press Start."""
    page.click(".fa-entry")
    if short:
        page.get_by_label(re.compile("5-minute version")).check()
    for label in settings:
        page.get_by_label(label).check()
    page.click(".fa-go")


def expected_card(guide: sources.Sources, number: int, count: str, minutes: float) -> dict:
    step = next(s for s in guide.steps if s.number == number)
    items = guide.follow.items[number]
    return {"count": count, "title": f"{number}. {step.name}", "cue": step.cue,
            "items": [f"Pressure: {items['Pressure']}", f"Ask: {items['Ask']}"], "alt": step.picture_alt,
            "links": 0, "time": clock_text(minutes)}


def card(page: Page) -> dict:
    shown = page.evaluate(CARD)
    assert shown, "no step on screen"
    shown["time"] = shown["time"].split(" ")[0]
    return shown


def test_every_step_of_the_full_routine_in_order_from_the_page(routine, guide: sources.Sources) -> None:
    page = routine()
    assert page.locator("dialog.fa").is_hidden()
    start(page)
    assert len(guide.steps) == 12
    for position, step in enumerate(guide.steps, start=1):
        shown = card(page)
        assert shown.pop("hash") == f"#follow-along/full/{position}"
        assert shown == expected_card(guide, step.number, f"Step {position} of 12", step.minutes)
        page.keyboard.press("ArrowRight")
    assert page.locator("dialog.fa[data-view=done] h2").inner_text() == "Afterwards"


def test_the_five_minute_version_has_its_own_steps_and_minutes(routine, guide: sources.Sources) -> None:
    page = routine()
    start(page, short=True)
    assert [n for n, _ in guide.follow.short] == [2, 4, 7, 12]
    for position, (number, minutes) in enumerate(guide.follow.short, start=1):
        shown = card(page)
        assert shown.pop("hash") == f"#follow-along/short/{position}"
        assert shown == expected_card(guide, number, f"{position} of 4 · The 5-minute version", minutes)
        page.get_by_role("button", name="Next step").click()


def test_it_opens_from_the_home_page(routine) -> None:
    page = routine(path="")
    page.get_by_role("link", name=re.compile("Open follow-along mode")).click()
    page.wait_for_selector("dialog.fa[open][data-view=menu]")
    assert urlsplit(page.url).path.endswith("/routine/")
    assert page.locator("dialog.fa h2").first.inner_text() == "Follow along on your phone"
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus moved into the dialog


def test_countdown_reaches_zero_then_chime_buzz_and_next_step(routine) -> None:
    page = routine()
    start(page, settings=("Chime when a step's time is up", "Buzz when a step's time is up"))
    assert card(page)["time"] == "1:00"
    page.clock.run_for(30_000)
    assert page.inner_text(".fa-time") == "0:30"
    width = page.evaluate("document.querySelector('.fa-fill').getBoundingClientRect().width")
    track = page.evaluate("document.querySelector('.fa-track').clientWidth")
    assert abs(width - track / 2) < 3, "the progress bar should be half full"
    assert page.evaluate("__fa.oscillators") == 0
    page.clock.run_for(30_500)
    assert page.evaluate("__fa.oscillators") == 2, "one chime of two notes"
    assert page.evaluate("__fa.vibrations") == [[200, 100, 200]]
    shown = card(page)
    assert shown["title"] == "2. Spread the oil" and shown["time"] == "2:00"
    assert page.inner_text(".fa-sr").startswith("Time is up. Step 2 of 12: Spread the oil.")


def test_sound_and_buzz_start_off_and_waiting_is_a_choice(routine) -> None:
    page = routine()
    page.click(".fa-entry")
    assert not page.get_by_label("Chime when a step's time is up").is_checked()
    assert not page.get_by_label("Buzz when a step's time is up").is_checked()
    page.get_by_label("Go on to the next step by itself").uncheck()
    page.click(".fa-go")
    page.clock.run_for(61_000)
    assert page.evaluate("[__fa.oscillators, __fa.vibrations.length]") == [0, 0]
    assert card(page)["title"] == "1. Settle in"
    assert page.inner_text(".fa-time") == "0:00 · Time is up"
    page.reload(wait_until="load")  # the choice is kept in the browser
    page.get_by_role("button", name="Steps").click()
    assert not page.get_by_label("Go on to the next step by itself").is_checked()
    assert page.evaluate("JSON.parse(localStorage.getItem('bmg-follow-along')).auto") is False


def test_pause_stops_the_clock(routine) -> None:
    page = routine()
    start(page)
    page.clock.run_for(10_000)
    assert page.inner_text(".fa-time") == "0:50"
    page.keyboard.press(" ")
    assert page.inner_text(".fa-time") == "0:50 · Paused"
    assert page.get_by_role("button", name="Resume").is_visible()
    page.clock.run_for(300_000)
    assert card(page)["title"] == "1. Settle in" and page.inner_text(".fa-time") == "0:50 · Paused"
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(10_000)
    assert page.inner_text(".fa-time") == "0:40"


def test_keyboard_tap_halves_and_swipes_move_between_steps(routine) -> None:
    page = routine(touch=True)
    start(page)
    title = lambda: card(page)["title"].split(".")[0]  # noqa: E731
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert title() == "3"
    page.keyboard.press("ArrowLeft")
    assert title() == "2"
    box = page.locator(".fa-stage").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    assert title() == "3"
    page.mouse.click(box["x"] + box["width"] * 0.2, box["y"] + box["height"] / 2)
    assert title() == "2"
    page.get_by_role("button", name="Next step").click()
    assert title() == "3"
    cdp = page.context.new_cdp_session(page)

    def swipe(x0: float, x1: float) -> None:
        y = box["y"] + box["height"] / 2
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y}]})
        for k in range(1, 6):
            cdp.send("Input.dispatchTouchEvent",
                     {"type": "touchMove", "touchPoints": [{"x": x0 + (x1 - x0) * k / 5, "y": y}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    swipe(box["x"] + 300, box["x"] + 60)  # to the left: on
    assert title() == "4"
    swipe(box["x"] + 60, box["x"] + 300)  # to the right: back
    assert title() == "3"
    page.get_by_role("button", name="Previous step").click()
    page.get_by_role("button", name="Previous step").click()
    assert title() == "1"
    page.keyboard.press("ArrowLeft")  # nothing before step 1
    assert title() == "1" and page.get_attribute(".fa-prev", "aria-disabled") == "true"


def test_the_step_survives_a_reload(routine) -> None:
    page = routine()
    start(page)
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == "#follow-along/full/5"
    page.reload(wait_until="load")
    shown = card(page)
    assert shown["title"] == "5. Circle around the shoulder blades"
    assert page.inner_text(".fa-time") == "2:00 · Paused", "after a reload it waits for the reader"
    page.goto(page.url.split("#")[0] + "#follow-along/short/3")
    page.reload(wait_until="load")
    assert card(page)["title"] == "7. Palm presses down the back"


def test_jump_to_any_step_from_the_list(routine) -> None:
    page = routine()
    start(page)
    page.get_by_role("button", name="Steps").click()
    page.get_by_role("button", name=re.compile(r"^9\. Soothe the lower back")).click()
    assert card(page)["title"] == "9. Soothe the lower back"


def test_wake_lock_is_requested_and_released(routine) -> None:
    page = routine()
    start(page)
    page.wait_for_function("__fa.wake.length === 1")
    assert page.evaluate("__fa.wake") == ["request screen"]
    page.keyboard.press(" ")  # pause
    count = "__fa.wake.length === {}"
    assert page.evaluate("__fa.wake") == ["request screen", "release"]
    page.keyboard.press(" ")  # resume
    page.wait_for_function(count.format(3))
    page.evaluate("__hide(true)")  # the tab is hidden: the lock goes, and the clock holds
    assert page.evaluate("__fa.wake")[-1] == "release"
    before = page.inner_text(".fa-time")
    page.clock.run_for(20_000)
    assert page.inner_text(".fa-time") == before
    page.evaluate("__hide(false)")  # back again: the lock comes back
    page.wait_for_function(count.format(5))
    assert page.evaluate("__fa.wake")[-1] == "request screen"
    page.keyboard.press("Escape")  # close
    assert page.evaluate("__fa.wake") == ["request screen", "release"] * 3
    assert page.locator(".fa-note").count() == 0


def test_without_a_wake_lock_it_says_so_once(routine) -> None:
    page = routine(init=RECORDERS + NO_WAKE_LOCK)
    start(page)
    note = page.locator(".fa-note")
    assert note.count() == 1 and "cannot keep the screen on" in note.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press(" ")
    page.keyboard.press(" ")
    assert note.count() == 0


def test_spoken_cues_use_only_voices_on_the_device(routine, guide: sources.Sources) -> None:
    page = routine(init=RECORDERS + WAKE_LOCK + VOICES % "voice('Cloud', false)")
    page.click(".fa-entry")
    assert page.get_by_label("Read each step aloud").count() == 0, "no local voice: not offered"
    page = routine(init=RECORDERS + WAKE_LOCK + VOICES % "voice('Cloud', false), voice('Phone', true)")
    page.click(".fa-entry")
    assert not page.get_by_label("Read each step aloud").is_checked()
    start_button = page.locator(".fa-go")
    page.get_by_label("Read each step aloud").check()
    start_button.click()
    first = guide.steps[0]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("__fa.spoken")[0] == ["Phone", f"{first.name}. {first.cue} {guide.follow.items[1]['Ask']}"]
    assert [name for name, _ in page.evaluate("__fa.spoken")] == ["Phone", "Phone"]


def test_stop_shows_the_safety_pages_stop_signs(routine, site: Site) -> None:
    page = routine()
    start(page)
    page.clock.run_for(5_000)
    page.get_by_role("button", name="Stop").click()
    page.wait_for_selector("dialog.fa[data-view=stop]")
    safety = routine(path="safety/")
    expected = safety.evaluate("""() => { const h = document.getElementById('stop-signs'), out = [h];
      for (let n = h.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) out.push(n);
      return out.map(e => {
        const c = e.cloneNode(true);
        c.querySelectorAll('sup, .headerlink').forEach(x => x.remove());
        return c.textContent; }).join(' ').replace(/\\s+/g, ' ').trim(); }""")
    shown = page.evaluate("""() => [...document.querySelector('.fa-menu').children].slice(0, -1)
      .map(e => e.textContent).join(' ').replace(/\\s+/g, ' ').trim()""")
    assert shown == expected
    assert "Sharp or shooting pain" in shown and page.locator(".fa-menu a").count() == 0
    assert page.evaluate("document.activeElement.textContent") == "Stop at once if"
    page.clock.run_for(60_000)
    page.get_by_role("button", name="Back to the step").click()
    assert page.inner_text(".fa-time") == "1:00 · Paused"


def test_focus_stays_inside_and_returns_on_close(routine) -> None:
    page = routine()
    page.click(".fa-entry")
    assert page.evaluate("document.querySelector('dialog.fa').matches(':modal')")
    assert page.get_attribute("dialog.fa", "aria-label") == "Follow along on your phone"
    page.click(".fa-go")
    inside = "document.querySelector('dialog.fa').contains(document.activeElement)"
    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate(inside)
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(inside)
    page.keyboard.press("Escape")
    assert page.locator("dialog.fa").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('fa-entry')")
    assert page.evaluate("location.hash") == ""


def test_step_text_is_large_and_fits_small_and_landscape_screens(routine) -> None:
    for width, height in ((320, 568), (844, 390), (390, 844)):
        page = routine(width=width, height=height)
        start(page)
        sizes = page.eval_on_selector_all(".fa-card :is(p, h2, strong)",
                                          "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert min(sizes) >= 24, (width, sizes)
        assert page.evaluate("document.querySelector('dialog.fa').scrollWidth") <= width
        for name in ("Pause", "Steps", "Stop", "Close", "Previous step", "Next step"):
            box = page.get_by_role("button", name=name, exact=True).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height, name
            assert box["height"] >= 44, (name, box)


def test_reduced_motion_means_nothing_moves(routine) -> None:
    moving = ("() => [...document.querySelectorAll('.fa, .fa *')].map(getComputedStyle)"
              ".filter(s => s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0.001).length")
    page = routine()
    start(page)
    page.keyboard.press("ArrowRight")
    assert page.evaluate(moving) > 0  # the check can see the gentle fade
    page = routine(motion="reduce")
    start(page)
    page.keyboard.press("ArrowRight")
    assert page.evaluate(moving) == 0


def test_with_javascript_off_the_page_is_unchanged(browser: Browser, site: Site) -> None:
    """Without the script the page is the built HTML; with it, the article only gains the start button."""
    def article_text(enabled: bool) -> str:
        context = browser.new_context(java_script_enabled=enabled, viewport=PHONE)
        try:
            page = context.new_page()
            page.goto(site.url("routine/"), wait_until="load")
            page.evaluate("document.querySelectorAll('.fa-start').forEach(e => e.remove())") if enabled else None
            assert page.locator("dialog").count() == 0 or enabled
            assert page.locator(".routine-step").count() == 12
            return page.inner_text("article")
        finally:
            context.close()

    built = (site.directory / "routine" / "index.html").read_text(encoding="utf-8")
    assert "follow-along.js" in built and "fa-entry" not in built
    assert article_text(False) == article_text(True)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]], ids=["phone", "desktop"])
def test_axe_finds_no_violations_in_the_mode(routine, scheme: str, width: int) -> None:
    page = routine(width=width, scheme=scheme)
    axe = AXE_SOURCE.read_text(encoding="utf-8")
    page.evaluate(axe)
    problems: list[str] = []

    def check(view: str) -> None:
        page.wait_for_selector(f"dialog.fa[data-view={view}]")
        page.clock.resume()
        settle(page)
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        results = page.evaluate(
            "tags => axe.run(document.querySelector('dialog.fa'), "
            "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
        problems.extend(describe(f"routine/ ({view})", v) for v in results["violations"])

    page.click(".fa-entry")
    check("menu")
    page.click(".fa-go")
    check("step")
    page.get_by_role("button", name="Stop").click()
    check("stop")
    assert not problems, "\n".join(problems)


def test_it_asks_no_other_site_and_sets_no_cookie(routine, site: Site) -> None:
    page = routine()
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site.base_url))
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.reload(wait_until="load")
    start(page, settings=("Chime when a step's time is up",))
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    page.wait_for_selector("dialog.fa[data-view=done]")
    page.get_by_role("button", name="Stop").click()
    page.wait_for_selector("dialog.fa[data-view=stop]")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/safety/") for url in requests), "the stop signs come from the Safety page"
    assert [url for url in requests if not url.startswith((origin, "data:", "blob:"))] == []
    assert page.context.cookies() == [] and page.evaluate("document.cookie") == ""
    assert page.evaluate("__fa.blocked") == [], "the Content-Security-Policy blocked part of the mode"
    kept = page.evaluate("Object.keys(localStorage)")
    assert [key for key in kept if not key.endswith("/.__palette")] == ["bmg-follow-along"], kept
    about = (site.directory / "about" / "index.html").read_text(encoding="utf-8")
    assert "<code>bmg-follow-along</code>" in about, "the About page names what the mode keeps"



def test_a_changed_cue_and_minutes_show_in_the_mode_after_a_rebuild(browser: Browser, project_copy: Path,
                                                                    tmp_path: Path) -> None:
    """Edit only docs/routine.md in a copy of the project, rebuild it, and the mode follows."""
    routine_md = project_copy / "docs" / "routine.md"
    text = routine_md.read_text(encoding="utf-8")
    heading = re.search(r'^### 3\. .*\bdata-minutes="([^"]+)".*$', text, re.MULTILINE)
    assert heading, "routine.md has no step 3 heading in the team's markup"
    cue = re.compile(r"\n\n((?:.+\n)+?)\{ \.cue \}").search(text, heading.end())
    assert cue, "step 3 has no `{ .cue }` paragraph"
    new_cue = "Sweep both palms up the back in one long, slow line."
    assert new_cue not in text and heading.group(1) != "7"
    new_heading = heading.group(0).replace(f'data-minutes="{heading.group(1)}"', 'data-minutes="7"')
    edited = (text[:heading.start()] + new_heading + text[heading.end():cue.start(1)] + new_cue + "\n"
              + text[cue.end(1):])
    routine_md.write_text(edited, encoding="utf-8")
    result = run_script("build.py", "--site-dir", str(tmp_path / "site"), cwd=project_copy, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context(viewport=PHONE)
    try:
        with serve(tmp_path / "site") as base_url:
            page = context.new_page()
            page.goto(base_url + "routine/#follow-along/full/3", wait_until="load")
            page.wait_for_selector("dialog.fa[open] .fa-card")
            assert page.inner_text(".fa-cue") == new_cue
            assert page.inner_text(".fa-time") == "7:00 · Paused"
    finally:
        context.close()
