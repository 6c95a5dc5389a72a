#!/usr/bin/env python3
"""What offline reading costs and saves: the precache's size and the bytes a visit downloads.

    python benchmarks/offline.py [--site-dir DIR] [--second-page safety/]

Builds the site with scripts/build.py into a temporary folder (or uses --site-dir as it is),
serves it gzip-compressed on 127.0.0.1 under its site_url path, as GitHub Pages does
(guidebuild.site.local_server, which counts every byte it sends), and drives Debian's Chromium:

1. the precache: every file the service worker stores, as listed in the built sw.js (target at
   most 1.5 MB stored), and what downloading it costs, compressed, in the background;
2. a first visit to the home page, with service workers blocked so that only what the page itself
   needs is counted, up to the network going quiet (target under 100 KB);
3. a repeat visit: once the worker is in charge, the bytes downloaded to open each other page
   with the browser's HTTP cache emptied first (a reader coming back after the host's ten minutes
   of HTTP caching). Pages go to the network first; the worker asks with the ETag of its copy, so
   a page the host has not changed costs a `304 Not Modified` (target at most 10 KB for the
   second page); everything else comes from the worker's cache. Beside it, what the same page
   costs when it has changed since the copy was saved (the whole page, as the precache fetched
   it), and apart from that the browser's own checks of sw.js for a new version.

Prints figures and asserts nothing. Byte counts are exact (headers plus bodies as sent);
nothing here depends on how busy the machine is.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit import built_site  # noqa: E402
from guidebuild.offline.precache import entries  # noqa: E402
from guidebuild.site.local_server import Sent, serve, sitemap_pages  # noqa: E402

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KB = 1024
PRECACHE_BUDGET = 1.5 * KB * KB
HOME_BUDGET = 100 * KB
SECOND_PAGE_BUDGET = 10 * KB


def total(traffic: list[Sent]) -> int:
    return sum(size for _, _, size in traffic)


def verdict(value: float, budget: float, *, strict: bool = False) -> str:
    ok = value < budget if strict else value <= budget
    return "within" if ok else "OVER"


def measure(site_dir: Path, second_page: str) -> None:
    from playwright.sync_api import sync_playwright

    files = entries(site_dir)
    stored = sum(entry.size for entry in files)
    largest = sorted(files, key=lambda entry: -entry.size)[:5]
    print(f"Precache: {len(files)} files, {stored / KB:.1f} KB stored "
          f"({verdict(stored, PRECACHE_BUDGET)} the 1.5 MB budget)")
    print("  largest: " + ", ".join(f"{entry.url} {entry.size / KB:.0f} KB" for entry in largest))

    traffic: list[Sent] = []
    pages = [page for page in sitemap_pages(site_dir) if page]
    with serve(site_dir, traffic=traffic) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            first = browser.new_context(service_workers="block")
            first.new_page().goto(base_url, wait_until="networkidle")
            first.close()
            home = total(traffic)
            print(f"First visit, home page: {home / KB:.1f} KB in {len(traffic)} files "
                  f"({verdict(home, HOME_BUDGET, strict=True)} the 100 KB budget)")

            traffic.clear()
            context = browser.new_context()
            page = context.new_page()
            page.goto(base_url, wait_until="load")
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
            page.wait_for_selector(".bmg-offline-note", timeout=120_000)
            print(f"First visit with the worker: {total(traffic) / KB:.1f} KB in {len(traffic)} files, "
                  "the page and then, in the background, the offline copy")
            # What each page costs in full, compressed: as the precache fetched it (status 200).
            prefix = urlsplit(base_url).path
            whole = {name.removeprefix(prefix): size for name, status, size in traffic if status == 200}

            # Empty the browser's HTTP cache before each page (the worker's cache stays): the worst
            # case, a reader coming back after the host's 10 minutes of HTTP caching are over.
            session = context.new_cdp_session(page)
            repeat: dict[str, int] = {}
            checks: list[int] = []
            worker = urlsplit(base_url).path + "sw.js"
            for path in pages:
                session.send("Network.clearBrowserCache")
                traffic.clear()
                page.goto(base_url + path, wait_until="networkidle")
                repeat[path] = total([sent for sent in traffic if sent[0] != worker])
                checks += [size for name, _, size in traffic if name == worker]
            context.close()
        finally:
            browser.close()
    second = repeat.get(second_page)
    if second is not None:
        print(f"Repeat visit, second page /{second_page}: {second / KB:.1f} KB "
              f"({verdict(second, SECOND_PAGE_BUDGET)} the 10 KB budget); "
              f"{whole.get(second_page, 0) / KB:.1f} KB if it has changed since the copy was saved")
    print("Repeat visit, every other page (KB downloaded; the rest comes from the worker's cache):")
    print(f"  {'page':<15} {'unchanged':>9}  {'':6}  {'changed since the copy':>22}")
    for path, size in sorted(repeat.items(), key=lambda item: -item[1]):
        changed = whole.get(path, 0)
        print(f"  /{path:<14} {size / KB:9.1f}  {verdict(size, SECOND_PAGE_BUDGET):6}  {changed / KB:22.1f}")
    if checks:
        print(f"The browser also fetched sw.js to look for a new version on {len(checks)} of {len(repeat)} "
              f"pages, {max(checks) / KB:.1f} KB at most each time (304 Not Modified while sw.js is unchanged)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--second-page", default="safety/", help="the page opened second (default: safety/)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROME_PATH).", file=sys.stderr)
        return 2
    with built_site(args.site_dir, "offline-bench-") as site_dir:
        measure(site_dir, args.second_page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
