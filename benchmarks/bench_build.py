#!/usr/bin/env python3
"""Time `scripts/build.py` against a bare `mkdocs build` of the same tree; print, assert nothing.

    python benchmarks/bench_build.py [--runs 5] [-f mkdocs.yml]

Each run builds the site twice, as separate cold processes, into temporary folders:

* `python -m mkdocs build -f <config> -d <tmp>` (the bare build, hooks included, as a
  contributor would run it);
* `python scripts/build.py -f <config> -d <tmp>` (checks, render, cheat-sheet PDFs, built-site
  check, publish).

The build prints each stage with its wall time on stderr; the PDF step's wall time is read from
there (the stage whose title starts with "Printing"). Its CPU time is measured apart: after each
build, a fresh process runs the same step (`print_cheatsheet`) on the built site, timing only the
step (WeasyPrint's import included, as in the build; the sheet's sources gathered before, as the
build has them by then). "Without PDF" is the build minus that step.

Printed: the median of the runs (wall and CPU seconds) of each, and the ratios of the build
without its PDF step to the bare build. On a loaded machine wall times mostly measure the load;
CPU time (user + system) is the steadier figure. The two commands alternate so that a change of
load hits both alike; the load average is shown before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "[7/9] Printing the cheat sheet (A4 and US Letter PDFs) … 2.4 s"
_STAGE = re.compile(r"^\[\d+/\d+\] (?P<title>.*?) …\s*(?P<seconds>\d+(?:\.\d+)?) s$", re.MULTILINE)


@dataclass
class Run:
    wall: float
    cpu: float
    stages: dict[str, float]
    pdf_cpu: float = 0.0


_PDF_STEP = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from guidebuild import config as cfg
from guidebuild.cheatsheet.extract import collect
from guidebuild.cheatsheet.pdf import print_cheatsheet
from guidebuild.publish import StagedSite
config = cfg.load(sys.argv[2])
collect(config)  # in the build, the sheet's sources are gathered before this step
started = time.process_time()
found = print_cheatsheet(config, StagedSite(Path(sys.argv[3]), Path(sys.argv[3])))
print(time.process_time() - started, len(found))
"""


def pdf_step_cpu(python: str, config: str, built: str) -> float:
    """CPU seconds of the build's PDF step alone, run again on a built site in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([python, "-c", _PDF_STEP, str(ROOT / "scripts"), config, built], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"timing the PDF step failed:\n{done.stdout}{done.stderr}")
    return float(done.stdout.split()[0])


def measure(command: list[str]) -> Run:
    """Run `command` from the project root; wall and CPU seconds and the stage times it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with exit {done.returncode}:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stages = {m.group("title"): float(m.group("seconds")) for m in _STAGE.finditer(done.stderr)}
    return Run(wall, cpu, stages)


def pdf_seconds(run: Run) -> float:
    return sum(seconds for title, seconds in run.stages.items() if title.startswith("Printing"))


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (the median is shown)")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--generator", help="passed on to scripts/build.py as --generator")
    args = parser.parse_args(argv)
    python = sys.executable
    config = str(args.config_file.resolve())
    bare_runs: list[Run] = []
    build_runs: list[Run] = []
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs; load before {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        for number in range(args.runs):
            bare_cmd = [python, "-m", "mkdocs", "build", "-f", config, "-d", f"{scratch}/bare-{number}"]
            build_cmd = [python, str(ROOT / "scripts" / "build.py"), "-f", config, "-d", f"{scratch}/build-{number}"]
            if args.generator:
                build_cmd += ["--generator", args.generator]
            order = [(bare_cmd, bare_runs), (build_cmd, build_runs)]
            for command, runs in order if number % 2 == 0 else reversed(order):
                runs.append(measure(command))
            build_runs[-1].pdf_cpu = pdf_step_cpu(python, config, f"{scratch}/build-{number}")
    bare_wall = statistics.median(r.wall for r in bare_runs)
    bare_cpu = statistics.median(r.cpu for r in bare_runs)
    build_wall = statistics.median(r.wall for r in build_runs)
    build_cpu = statistics.median(r.cpu for r in build_runs)
    pdf = statistics.median(pdf_seconds(r) for r in build_runs)
    pdf_cpu = statistics.median(r.pdf_cpu for r in build_runs)
    without_pdf = statistics.median(r.wall - pdf_seconds(r) for r in build_runs)
    without_pdf_cpu = statistics.median(r.cpu - r.pdf_cpu for r in build_runs)
    print(f"bare mkdocs build            wall {bare_wall:6.2f} s   cpu {bare_cpu:6.2f} s")
    print(f"scripts/build.py             wall {build_wall:6.2f} s   cpu {build_cpu:6.2f} s")
    print(f"  its PDF step               wall {pdf:6.2f} s   cpu {pdf_cpu:6.2f} s")
    print(f"  without the PDF step       wall {without_pdf:6.2f} s   cpu {without_pdf_cpu:6.2f} s")
    print(f"ratio build / bare, wall     {build_wall / bare_wall:.2f}x with PDF, "
          f"{without_pdf / bare_wall:.2f}x without PDF")
    print(f"ratio build / bare, cpu      {build_cpu / bare_cpu:.2f}x with PDF, "
          f"{without_pdf_cpu / bare_cpu:.2f}x without PDF")
    stages = sorted({title for run in build_runs for title in run.stages})
    print("build stages (median wall):")
    for title in [t for t in build_runs[0].stages if t in stages]:
        print(f"  {statistics.median(r.stages.get(title, 0.0) for r in build_runs):5.2f} s  {title}")
    print(f"load after {load()} (medians of {args.runs}; on a shared machine wall times move with the load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
