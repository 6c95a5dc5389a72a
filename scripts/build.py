#!/usr/bin/env python3
"""Build Back Massage Guide: check the sources, render the site and its printouts, publish.

    python scripts/build.py [-f mkdocs.yml] [--site-dir DIR] [--format text|json|github]

Everything is written to a temporary folder beside the site folder and moved into place only
when every stage passed, so a failed or interrupted build never leaves a broken `site/`.
Exit codes: 0 built, 1 the content has problems, 2 usage, configuration or environment problem,
130 interrupted (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guidebuild.cli import exit_now, main  # main(argv: Sequence[str] | None = None) -> int

if __name__ == "__main__":
    exit_now(main())
