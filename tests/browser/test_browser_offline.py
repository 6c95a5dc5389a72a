"""Offline reading: after one visit the whole guide works with no network, and updates are clean.

Each test serves its own copy of the built site and, for the offline part, stops that server and
sets the browser offline too: a page that loads then can only have come from the service
worker's cache. Service workers run on http://127.0.0.1 (a secure context), under the site's
sub-path `/back-massage-guide/` as on GitHub Pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import Site, build_site, new_page
from playwright.sync_api import Browser, BrowserContext, Page
from test_browser_search import search

from guidebuild.offline.precache import entries
from guidebuild.publish import publish
from guidebuild.site.local_server import Sent, serve

CACHE_NAMES = "async () => (await caches.keys()).filter(name => name.startsWith('back-massage-guide:'))"
PDFS = ("cheatsheet/cheatsheet-a4.pdf", "cheatsheet/cheatsheet-letter.pdf")

# Fetch a file from the page (so the service worker answers) and describe what came back.
FETCH = """async (url) => {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {status: response.status, type: response.headers.get('content-type'),
          start: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length};
}"""

# Ask the registration for an update and wait until the new worker is installed or refused.
UPDATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (!worker) return 'no new worker';
  if (worker.state !== 'installing') return worker.state;
  return new Promise(done => worker.addEventListener('statechange', () => {
    if (worker.state !== 'installing') done(worker.state);
  }));
}"""


def served_copy(directory: Path, tmp_path: Path) -> Path:
    """A copy of a built site, so a test can change or replace it while it is served."""
    copy = tmp_path / "served"
    shutil.copytree(directory, copy)
    return copy


def install(page: Page, url: str) -> None:
    """One visit, then wait until the worker controls the page and says its copy is complete."""
    page.goto(url, wait_until="load")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_selector(".bmg-offline-note", timeout=60_000)


def record_hosts(context: BrowserContext) -> list[str]:
    addresses: list[str] = []
    context.on("request", lambda request: addresses.append(request.url))
    return addresses


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser)
    yield page
    page.context.close()


def test_after_one_visit_every_page_search_404_and_pdfs_work_offline(page: Page, site: Site,
                                                                     tmp_path: Path) -> None:
    addresses = record_hosts(page.context)
    with serve(served_copy(site.directory, tmp_path)) as base_url:
        install(page, base_url)
        note = page.inner_text(".bmg-offline-note")
    page.context.set_offline(True)  # and the server is gone: only the worker can answer now
    offline = Site(site.directory, base_url, site.pages)
    for path in site.pages:
        response = page.goto(offline.url(path), wait_until="load")
        assert response is not None and response.status == 200, f"/{path} offline: {response and response.status}"
        assert page.locator("article h1").count() == 1, f"/{path} offline has no heading"
        assert page.evaluate("() => [...document.styleSheets].every(sheet => sheet.cssRules.length > 0)"), \
            f"/{path} offline lost a stylesheet"
    response = page.goto(offline.url(site.missing), wait_until="load")
    assert response is not None and response.status == 404
    assert page.inner_text("article h1") == "Page not found"
    summary, results = search(page, offline, "effleurage")
    assert results and results[0].endswith("techniques/"), summary
    for pdf in PDFS:
        fetched = page.evaluate(FETCH, offline.url(pdf))
        built = (site.directory / pdf).stat().st_size
        assert fetched == {"status": 200, "type": "application/pdf", "start": "%PDF-", "size": built}, pdf
    assert note == "Available offline: this guide is saved on this device."
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base_url))
    assert len(addresses) > len(site.pages)
    assert [url for url in addresses if not url.startswith((origin, "data:", "blob:"))] == []


def changed_files(before: Path, after: Path) -> set[str]:
    """The addresses (as the worker lists them) of files whose bytes differ between two builds."""
    old = {entry.url: entry.integrity for entry in entries(before)}
    return {entry.url for entry in entries(after) if old.get(entry.url) != entry.integrity}


def changed_build(tmp_path: Path, *, new_text: str) -> Path:
    """Build the real project again with one sentence added under the Tips page's heading."""
    from support.sitekit import copy_project

    project = copy_project(tmp_path / "project")
    tips = project / "docs" / "tips.md"
    text = tips.read_text(encoding="utf-8")
    assert "\n# Tips\n" in text
    tips.write_text(text.replace("\n# Tips\n", f"\n# Tips\n\n{new_text}\n", 1), encoding="utf-8")
    return build_site(tmp_path / "rebuilt", project=project)


def test_a_new_build_replaces_the_old_cache_and_a_broken_one_never_does(page: Page, site: Site,
                                                                       tmp_path: Path) -> None:
    new_text = "This sentence was added by the update test."
    rebuilt = changed_build(tmp_path, new_text=new_text)
    changed = changed_files(site.directory, rebuilt)
    assert "tips/" in changed and "assets/stylesheets/extra.css" not in changed, changed
    served = served_copy(site.directory, tmp_path)
    traffic: list[Sent] = []
    with serve(served, traffic=traffic) as base_url:
        install(page, base_url)
        old_caches = page.evaluate(CACHE_NAMES)
        assert len(old_caches) == 1, old_caches

        # A deploy that lost one of the files that changed: the new worker must not install, and
        # the old one stays in charge.
        broken = tmp_path / "broken"
        shutil.copytree(rebuilt, broken)
        (broken / "tips" / "index.html").unlink()
        publish(broken, served)
        assert page.evaluate(UPDATE) == "redundant"
        assert page.evaluate(CACHE_NAMES) == old_caches

        # The real new build: an online reload shows the new text at once (pages are network first).
        publish(rebuilt, served)
        traffic.clear()
        page.goto(base_url + "tips/", wait_until="load")
        page.reload(wait_until="load")
        assert new_text in page.inner_text("article")
        page.wait_for_selector(".bmg-update-notice button", timeout=60_000)
        notice = page.inner_text(".bmg-update-notice")
        # The new worker has taken over once its activation (which deletes old caches) is done.
        page.wait_for_function("() => navigator.serviceWorker.controller.state === 'activated'")
        new_caches = page.evaluate(CACHE_NAMES)
    prefix = urlsplit(base_url).path
    downloaded = {path.removeprefix(prefix) or "./" for path, _, _ in traffic}
    assert {"tips/", "sw.js"} <= downloaded, "the traffic recorder missed the update"
    assert downloaded - changed <= {"sw.js"}, "the update downloaded files it already had"
    assert "A newer version of this guide is ready." in notice
    assert len(new_caches) == 1 and new_caches != old_caches, (old_caches, new_caches)
    page.context.set_offline(True)
    page.goto(base_url + "tips/", wait_until="load")
    assert new_text in page.inner_text("article"), "offline, the new cache should serve the new text"
    assert page.locator(".bmg-update-notice").count() == 0, "the notice is shown once, not on every page"


def test_an_unchanged_page_costs_a_304_and_a_changed_one_is_shown_new(page: Page, site: Site,
                                                                        tmp_path: Path) -> None:
    served = served_copy(site.directory, tmp_path)
    traffic: list[Sent] = []
    with serve(served, traffic=traffic) as base_url:
        install(page, base_url)
        session = page.context.new_cdp_session(page)
        prefix = urlsplit(base_url).path

        def open_safety() -> list[Sent]:
            session.send("Network.clearBrowserCache")  # only the worker's copy is left
            traffic.clear()
            page.goto(base_url + "safety/", wait_until="load")
            return [sent for sent in traffic if sent[0] == prefix + "safety/"]

        unchanged = open_safety()
        assert [status for _, status, _ in unchanged] == [304], unchanged
        assert unchanged[0][2] < 1024, "a 304 answer is headers only"
        assert page.inner_text("article h1").startswith("Safety first")

        built = served / "safety" / "index.html"
        html = built.read_text(encoding="utf-8")
        built.write_text(html.replace("<h1 ", "<p>Changed on the host.</p><h1 ", 1), encoding="utf-8")
        changed = open_safety()
        assert [status for _, status, _ in changed] == [200], changed
        assert "Changed on the host." in page.inner_text("article")
