#!/usr/bin/env python3
"""Time the link checker against `mkdocs build --strict` on synthetic sites; print, assert nothing.

    python benchmarks/bench_links.py [--pages 500 2000 10000] [--build-max 10000] [--jobs N]

For each size N a site is generated (benchmarks/generate_site.py: about 20 internal links per
page, 2 % broken), then both commands run as separate processes, cold, one after the other:

* `scripts/check_links.py -f <site>/mkdocs.yml --format json` (all cores unless --jobs);
* `mkdocs build --strict` on the same site with MkDocs' validation raised to warnings (it ends
  with "Aborted with N warnings", after rendering every page, so its time is a full build).

Printed per N: wall time and CPU time (user + system, all processes) of each, their ratios, and
the peak memory of the checker (the sum of its processes' resident sets, sampled every 20 ms).
Wall time depends on what else the machine is doing; CPU time much less, so both are shown, and
the load average before and after each run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_site import generate  # noqa: E402


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    stdout: str


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (from /proc, Linux only)."""
    found = [pid]
    for current in found:
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    found.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total / 1024


def measure(command: list[str], cwd: Path) -> Run:
    """Run a command; return wall and CPU seconds and the peak summed RSS of its process tree."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss_mb(_tree(process.pid)))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak, process.returncode, stdout)


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--build-max", type=int, default=10000, help="skip the MkDocs build above this size")
    parser.add_argument("--jobs", type=int, default=0, help="checker worker processes (default: all cores)")
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    args = parser.parse_args()
    python = sys.executable
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; load average 1/5/15 min shown per run.")
    header = (f"{'pages':>6} | {'checker wall':>12} {'cpu':>7} {'peak MB':>7} {'findings':>8} | "
              f"{'build wall':>10} {'cpu':>7} | {'ratio wall':>10} {'ratio cpu':>9}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="bench-links-") as scratch:
        base = args.keep or Path(scratch)
        for pages in args.pages:
            site = base / f"site-{pages}"
            config = generate(site, pages)
            check_cmd = [python, str(ROOT / "scripts" / "check_links.py"), "-f", str(config), "--format", "json"]
            if args.jobs:
                check_cmd += ["--jobs", str(args.jobs)]
            load_before = load()
            checker = measure(check_cmd, cwd=site)
            findings = len(json.loads(checker.stdout)) if checker.stdout.strip().startswith("[") else -1
            row = (f"{pages:>6} | {checker.wall:>10.1f} s {checker.cpu:>5.1f} s {checker.peak_mb:>7.0f} "
                   f"{findings:>8} | ")
            if pages <= args.build_max:
                out = Path(scratch) / f"out-{pages}"
                build_cmd = [python, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]
                build = measure(build_cmd, cwd=site)
                row += (f"{build.wall:>8.1f} s {build.cpu:>5.1f} s | {checker.wall / build.wall:>10.2f} "
                        f"{checker.cpu / build.cpu:>9.2f}")
            else:
                row += f"{'skipped':>10} {'':>7} | {'':>10} {'':>9}"
            print(row + f"   (load {load_before} -> {load()})", flush=True)
    print("\nratio = checker / build. The checker renders every page with the site's Markdown pipeline;")
    print("the build also renders Material's templates, builds the search index and writes the site.")


if __name__ == "__main__":
    main()
