#!/usr/bin/env python3
"""Weight of the follow-along mode: its script and stylesheet, raw and gzip-compressed; print only.

    python benchmarks/follow_along_size.py

Issue 13 allows the mode at most 8 KB compressed (script and styles together), because it loads
on the routine page, which readers open on phones. The figures are for the files as shipped
(no minifier): gzip level 6 is what most servers use, level 9 the smallest gzip gives.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("docs/javascripts/follow-along.js", "docs/stylesheets/follow-along.css")
BUDGET = 8 * 1024


def main() -> int:
    total = {"raw": 0, "gzip -6": 0, "gzip -9": 0}
    print(f"{'file':<40} {'raw':>7} {'gzip -6':>8} {'gzip -9':>8}")
    for name in FILES:
        data = (ROOT / name).read_bytes()
        sizes = {"raw": len(data), "gzip -6": len(gzip.compress(data, 6, mtime=0)),
                 "gzip -9": len(gzip.compress(data, 9, mtime=0))}
        for key, value in sizes.items():
            total[key] += value
        print(f"{name:<40} {sizes['raw']:>7} {sizes['gzip -6']:>8} {sizes['gzip -9']:>8}")
    print(f"{'together':<40} {total['raw']:>7} {total['gzip -6']:>8} {total['gzip -9']:>8}")
    verdict = "within" if total["gzip -6"] <= BUDGET else "OVER"
    print(f"budget {BUDGET} bytes compressed: {verdict} ({total['gzip -6']} at gzip -6)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
