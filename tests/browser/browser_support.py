"""Helpers for the browser tests: build the real site, serve it locally, open pages in Chromium.

The fixtures that use them live in `conftest.py` beside this file. The site is served under the
path of `site_url` (`/back-massage-guide/`), exactly as GitHub Pages serves it, because Material
writes absolute asset URLs into `404.html`: served from `/`, the 404 page would load without its
styles and the tests would check a page no reader sees.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# The flags toolchain.md lists: no sandbox (containers), and nothing that phones home by itself.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def site_prefix(site_dir: Path) -> str:
    """The URL path the site lives under, read from the built sitemap (`/back-massage-guide/`)."""
    first = re.search(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert first, "sitemap.xml lists no pages"
    path = urlsplit(first.group(1)).path
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def sitemap_pages(site_dir: Path) -> list[str]:
    """Every page the sitemap lists, as paths relative to the site root (`""`, `safety/`, …)."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    prefix = site_prefix(site_dir)
    return [urlsplit(loc).path.removeprefix(prefix) for loc in locs]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the site below `prefix`, answer everything else with `404.html` like GitHub Pages."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: pytest shows output only for failures, and requests are not failures."""

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if not local.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + local.removeprefix(self.prefix))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass(frozen=True)
class Site:
    """A built and served copy of the site: its folder, its base URL and its pages."""

    directory: Path
    base_url: str  # http://127.0.0.1:PORT/back-massage-guide/
    pages: tuple[str, ...]  # relative paths from the sitemap: "", "safety/", …

    # Readers reach the 404 page at any address that does not exist, as on GitHub Pages.
    missing: str = "no-such-page/"

    def url(self, page: str) -> str:
        return self.base_url + page

    @property
    def all_pages(self) -> tuple[str, ...]:
        """Every page a reader can land on: the sitemap's pages and the 404 page."""
        return (*self.pages, self.missing)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port) under its `site_url` path; yield the base URL."""
    prefix = site_prefix(site_dir)
    handler = type("SiteHandler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_site(site_dir: Path) -> Path:
    """Build the real project with the real build script into `site_dir` (fails the test if it fails)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site_dir)],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


def new_page(browser: Browser, *, width: int = DESKTOP["width"], scheme: str = "light",
             reduced_motion: str = "no-preference") -> Page:
    """A page in a fresh browser context (its own storage and cookies) at a given width and scheme.

    `scheme` is the reader's system setting (`prefers-color-scheme`); the site's palette follows
    it until the reader picks one with the toggle. Close the page's context when done.
    """
    height = PHONE["height"] if width <= PHONE["width"] else DESKTOP["height"]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                  reduced_motion=reduced_motion)
    return context.new_page()


def settle(page: Page) -> None:
    """Wait until the page has reacted and its transitions are over (focus rings fade in, menus slide).

    Material reacts to focus after a 1 ms timer, so give it a moment and two frames to start
    its transitions before waiting for them to finish.
    """
    page.evaluate("""async () => {
      await new Promise(done => setTimeout(done, 20));
      await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
      await Promise.allSettled(document.getAnimations().map(animation => animation.finished));
    }""")
