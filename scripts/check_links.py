#!/usr/bin/env python3
"""Check the site's internal links, anchors, images, nav entries and snippet includes.

    python scripts/check_links.py [-f mkdocs.yml] [--format text|json|github] [--site-dir DIR]

Exit codes: 0 no errors, 1 broken links, 2 usage or configuration problem. `--help` lists the
finding codes (LNK001 ...); the README's "Checking links" section explains each one.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guidebuild.cli import exit_now
from guidebuild.links.check_command import main  # main(argv: Sequence[str] | None = None) -> int

if __name__ == "__main__":
    exit_now(main())
