"""The Content-Security-Policy in the built pages: nothing the site does trips it, a planted
third-party picture is blocked by the browser itself.

Violations are collected by an init script (`securitypolicyviolation` on the document, before
any page script runs) and from the console ("Refused to …"), which also shows what a worker was
refused. Each page is read at phone width, then the features that run scripts are used: search
(typing, results, Enter on the form, which `form-action 'none'` would catch), the colour switch
and the phone menu.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from browser_support import PHONE, Site, new_page, settle
from playwright.sync_api import Browser, Page

from guidebuild.site.local_server import serve

COLLECT = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || 0})`));
"""


def _watch(page: Page) -> list[str]:
    """Console lines in which the browser says it refused something because of the policy."""
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    page.add_init_script(COLLECT)
    return refused


def _violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__violations")


def test_every_page_carries_the_policy_first_in_its_head(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            head = page.evaluate("""() => [...document.head.children].slice(0, 2).map(e => e.outerHTML)""")
            policies = page.eval_on_selector_all('meta[http-equiv="Content-Security-Policy"]', "m => m.length")
            assert policies == 1, f"/{path}: {policies} policies"
            assert head[0].startswith("<meta charset"), f"/{path}: {head[0]}"
            policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") or ""
            assert head[1].startswith('<meta http-equiv="Content-Security-Policy"'), f"/{path}: {head[1]}"
            for directive in ("default-src 'self'", "img-src 'self' data:", "connect-src 'self'",
                              "object-src 'none'", "base-uri 'self'", "form-action 'none'", "worker-src 'self'",
                              "manifest-src 'self'"):
                assert directive in policy, f"/{path}: no {directive!r} in {policy}"
            assert "unsafe-eval" not in policy and "unsafe-inline" not in policy, policy
    finally:
        page.context.close()


def test_reading_every_page_and_using_its_features_trips_no_policy(browser: Browser, site: Site) -> None:
    page = new_page(browser, width=PHONE["width"])
    refused = _watch(page)
    found: list[str] = []
    try:
        for path in site.all_pages:
            page.goto(site.url(path), wait_until="load")
            page.wait_for_load_state("networkidle")
            found += [f"/{path}: {v}" for v in _violations(page)]
        page.goto(site.url(""), wait_until="load")
        # The phone menu.
        page.click("button.bmg-menu-button")
        settle(page)
        assert page.get_attribute("button.bmg-menu-button", "aria-expanded") == "true"
        page.keyboard.press("Escape")
        settle(page)
        # The colour switch, twice round (system -> light -> dark).
        for _ in range(2):
            page.click("form[data-bmg-palette] label:visible")
            settle(page)
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        # Search: the worker, the index, the results; Enter submits the form (form-action 'none').
        page.keyboard.press("/")
        page.keyboard.type("massage")
        page.wait_for_selector(".md-search-result__item")
        # Enter opens the first result (Material's script follows its link): wait for that page,
        # not for the load state of the page that is about to go away.
        with page.expect_navigation(wait_until="load"):
            page.keyboard.press("Enter")
        settle(page)
        found += [f"after using the features: {v}" for v in _violations(page)]
    finally:
        page.context.close()
    assert not found, "the Content-Security-Policy blocked something the site does:\n" + "\n".join(found)
    assert not refused, "the browser refused something:\n" + "\n".join(refused)


class _Counter(http.server.BaseHTTPRequestHandler):
    """Another origin with a picture; counts what it is asked for."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        body = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _other_origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"  # localhost ≠ 127.0.0.1: another origin
    finally:
        server.shutdown()
        server.server_close()


def test_a_third_party_picture_planted_past_the_checks_is_blocked_by_the_browser(browser: Browser, site: Site,
                                                                                  tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site.directory, tmp_path / "site"))
    _Counter.hits = []
    with _other_origin() as other:
        page_file = copy / "tips" / "index.html"
        html = page_file.read_text(encoding="utf-8")
        planted = f'<img id="planted" alt="" src="{other}/pixel.gif">'
        page_file.write_text(html.replace("</article>", planted + "</article>", 1), encoding="utf-8")
        # Control: the same picture on a page with no policy loads, so the server and the test work.
        (copy / "control.html").write_text(f"<!doctype html><title>Control</title>{planted}", encoding="utf-8")
        with serve(copy) as base_url:
            page = new_page(browser)
            _watch(page)
            try:
                page.goto(base_url + "control.html", wait_until="load")
                assert page.eval_on_selector("#planted", "i => i.naturalWidth") == 1
                assert _Counter.hits == ["/pixel.gif"], _Counter.hits
                _Counter.hits = []
                page.goto(base_url + "tips/", wait_until="load")
                page.wait_for_load_state("networkidle")
                width = page.eval_on_selector("#planted", "i => i.naturalWidth")
                violations = _violations(page)
            finally:
                page.context.close()
    assert width == 0 and _Counter.hits == [], "the planted picture loaded"
    assert any(v.startswith("img-src blocked http://localhost:") for v in violations), violations
