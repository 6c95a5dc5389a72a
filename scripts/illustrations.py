"""Write the guide's SVG illustrations (docs/assets/illustrations/) from one set of shared parts.

The drawing code lives in scripts/guidebuild/illustrations/ (see its __init__ for the map); this
script is its command line. Standard library only, so it runs anywhere the site is built.

Usage (from the repository root):
    python scripts/illustrations.py             # write every file
    python scripts/illustrations.py --check     # exit 1, listing files that differ
    python scripts/illustrations.py --out DIR   # write (or check) another folder
    python scripts/illustrations.py --sheet docs-dev/illustrations-contact-sheet.png
                                                # contact sheet: every picture 390 px, light and dark
    python scripts/illustrations.py --png-dir DIR --dark [--only step-] [--width 390]
                                                # one PNG per picture, to look at

The PNG options render with headless Chromium (Playwright, from the test requirements).
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
    parser.add_argument("--sheet", type=Path, help="write a contact sheet PNG of the pictures in --out")
    parser.add_argument("--png-dir", type=Path, help="write one PNG per picture in --out into this folder")
    parser.add_argument("--width", type=int, default=390, help="PNG display width in px (default 390)")
    parser.add_argument("--dark", action="store_true", help="with --png-dir, also write dark-mode copies")
    parser.add_argument("--only", default="", help="with --png-dir or --sheet, only names starting with this")
    args = parser.parse_args(argv)
    if args.sheet or args.png_dir:
        return _preview(args)
    if args.check:
        stale = differences(args.out)
        for name in stale:
            print(f"{args.out / name}:1:1: ILL001 differs from scripts/illustrations.py; "
                  "run python scripts/illustrations.py")
        return 1 if stale else 0
    for target in write_all(args.out):
        print(target)
    return 0


def _preview(args: argparse.Namespace) -> int:
    """Render PNGs of the written pictures (exit 2 when Chromium or Playwright is missing)."""
    from guidebuild.illustrations import preview

    problem = preview.missing_tools()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    files = sorted(p for p in args.out.glob("*.svg") if p.name.startswith(args.only))
    if args.sheet:
        preview.write_sheet(files, args.sheet, args.width, columns=2)
        print(args.sheet)
    if args.png_dir:
        for target in preview.write_pngs(files, args.png_dir, args.width, args.dark):
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
