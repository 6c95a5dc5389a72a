"""What the benchmarks share: build the real site into a temporary folder, or use one given."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path) -> None:
    """Build the project with scripts/build.py into `site_dir`; exit with its output if it fails."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site_dir)],
                            cwd=ROOT, capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"the site did not build:\n{result.stdout}{result.stderr}")


@contextmanager
def built_site(site_dir: Path | None, prefix: str) -> Iterator[Path]:
    """`site_dir` as it is, or a fresh build in a temporary folder that is removed afterwards."""
    if site_dir is not None:
        yield site_dir
        return
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        print("Building the site …", file=sys.stderr)
        build(scratch / "site")
        yield scratch / "site"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
