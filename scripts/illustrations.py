"""Write the guide's SVG illustrations (docs/assets/illustrations/) from one set of shared parts.

The drawing code lives in scripts/guidebuild/illustrations/ (see its __init__ for the map); this
script is its command line. Standard library only, so it runs anywhere the site is built.

Usage (from the repository root):
    python scripts/illustrations.py             # write every file
    python scripts/illustrations.py --check     # exit 1, listing files that differ
    python scripts/illustrations.py --out DIR   # write (or check) another folder
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from guidebuild.illustrations.catalogue import differences, pictures, render_all, write_all
from guidebuild.illustrations.steps import STEPS
from guidebuild.illustrations.style import PALETTE

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "docs" / "assets" / "illustrations"

__all__ = ["OUT_DIR", "PALETTE", "STEPS", "differences", "main", "pictures", "render_all", "write_all"]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the files, or with --check report stale ones (exit 1) without writing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list files that differ; write nothing")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write or check")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences(args.out)
        for name in stale:
            print(f"{args.out / name}:1:1: ILL001 differs from scripts/illustrations.py; "
                  "run python scripts/illustrations.py")
        return 1 if stale else 0
    for target in write_all(args.out):
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
