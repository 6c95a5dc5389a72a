#!/usr/bin/env python3
"""Lighthouse scores and page weight of every page of the built site; print, assert nothing.

    npm ci --prefix benchmarks        # once: Lighthouse 12.2.3, pinned in benchmarks/package.json
    python benchmarks/lighthouse.py [--site-dir DIR] [--pages "" safety/ …] [--runs 3] [--json FILE]

Builds the site with scripts/build.py into a temporary folder (or uses --site-dir as it is),
serves it gzip-compressed on 127.0.0.1 under its site_url path the way GitHub Pages does
(guidebuild.site.local_server), and runs Lighthouse on each page with its default mobile settings
(a mid-range phone on a slow 4G connection, simulated). Prints per page the four category
scores and the page weight: the bytes transferred, compressed, to load the page.
Targets: 100 in every category on every page; the home page under 100 KB. The last line gives
Lighthouse's CPU benchmark of the machine, because the simulated phone is this machine slowed 4x.

With --runs N each page is measured N times and the median of every figure is shown; the
performance score moves by a point or two between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchkit import built_site  # noqa: E402
from guidebuild.site.local_server import serve, sitemap_pages  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# toolchain.md's flags. Lighthouse's launcher adds a fresh temporary --user-data-dir itself.
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HEADINGS = ("Perf", "A11y", "Best", "SEO")
HOME_BUDGET = 100 * 1024
# The benchmarkIndex that Lighthouse's CPU throttling calculator maps to its default 4x slowdown.
CALIBRATED_FOR = 1530


def lighthouse(url: str) -> dict:
    """One Lighthouse run on `url` with mobile settings; its JSON report."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={scratch}/report.json",
                   f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
        report = Path(scratch) / "report.json"
        if result.returncode != 0 or not report.is_file():
            sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def figures(report: dict) -> dict:
    """Scores (0-100), transferred bytes, and what cost points: the audits that did not pass."""
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    lost = sorted({
        f"{name}: {report['audits'][ref['id']]['title']}"
        for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (report["audits"][ref["id"]].get("score") is not None)
        and report["audits"][ref["id"]]["score"] < 1
    })
    return {**scores, "bytes": int(report["audits"]["total-byte-weight"]["numericValue"]), "lost": lost,
            "cpu": round(report["environment"]["benchmarkIndex"])}


def median_of(runs: list[dict]) -> dict:
    merged = {key: statistics.median_low(run[key] for run in runs) for key in (*CATEGORIES, "bytes")}
    merged["lost"] = sorted({item for run in runs for item in run["lost"]})
    merged["cpu"] = [run["cpu"] for run in runs]  # every run's, not a median: see machine_speed
    return merged


def machine_speed(results: dict[str, dict]) -> str:
    """Lighthouse's own CPU benchmark of this machine over all runs, because the simulated phone
    is this machine slowed down 4 times: on a slower machine (or a busier one) every task counts
    for more Total Blocking Time, and the same site scores lower."""
    indexes = [index for result in results.values() for index in result["cpu"]]
    runs = f"{len(indexes)} run" + ("s" if len(indexes) != 1 else "")
    return (f"Lighthouse's CPU benchmark of this machine (benchmarkIndex): {min(indexes)} to {max(indexes)}, "
            f"median {statistics.median(indexes):.0f}, over {runs}. Its 4x slowdown is meant "
            f"for a machine of about {CALIBRATED_FOR:,}; lower means a slower simulated phone.")


def table(results: dict[str, dict]) -> str:
    width = max(len("/" + page) for page in results)
    lines = [f"{'Page':<{width}}  " + "  ".join(f"{h:>4}" for h in HEADINGS) + "  Transferred",
             f"{'-' * width}  " + "  ".join("----" for _ in HEADINGS) + "  -----------"]
    for page, result in results.items():
        lines.append(f"{'/' + page:<{width}}  " + "  ".join(f"{result[name]:>4}" for name in CATEGORIES)
                     + f"  {result['bytes'] / 1024:>8.1f} KB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--pages", nargs="*", help='pages to measure, e.g. "" safety/ (default: the sitemap)')
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown (default 1)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci --prefix benchmarks` first.", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROME_PATH).", file=sys.stderr)
        return 2

    with built_site(args.site_dir, "lighthouse-site-") as site_dir:
        pages = args.pages if args.pages is not None else sitemap_pages(site_dir)
        results: dict[str, dict] = {}
        with serve(site_dir) as base_url:
            for page in pages:
                print(f"Lighthouse /{page} ({args.runs} run{'s' if args.runs > 1 else ''}) …", file=sys.stderr)
                results[page] = median_of([figures(lighthouse(base_url + page)) for _ in range(args.runs)])

    print(table(results))
    perfect = [page for page, result in results.items() if all(result[name] == 100 for name in CATEGORIES)]
    print(f"\n{len(perfect)} of {len(results)} pages score 100 in all four categories.")
    if "" in results:
        home = results[""]["bytes"]
        verdict = "under" if home < HOME_BUDGET else "OVER"
        print(f"Home page: {home / 1024:.1f} KB transferred, {verdict} the 100 KB budget.")
    print(machine_speed(results))
    for page, result in results.items():
        if result["lost"]:
            print(f"/{page} lost points on: " + "; ".join(result["lost"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
