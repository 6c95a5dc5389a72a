"""Helpers for the browser tests: build the real site, list its pages, open pages in Chromium.

The fixtures that use them live in `conftest.py` beside this file; the site is served by
`guidebuild.site.local_server`, the same server the Lighthouse benchmark uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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


def build_site(site_dir: Path, project: Path = ROOT) -> Path:
    """Build the real project (or a copy) with its build script into `site_dir` (fails the test if it fails)."""
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), "--site-dir", str(site_dir)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
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
