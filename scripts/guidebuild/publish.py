"""Build into a temporary folder beside `site/`, and swap it in only when everything passed.

A failed `mkdocs build --strict` still writes the broken pages into `site/`, and a build killed
half-way leaves half a site. Readers and deploy jobs must only ever see a complete build, so the
build writes into a sibling folder (same file system, so the final `rename` is cheap and cannot
half-happen) and this module is the only code that touches the real output folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"


def staging_parent(site_dir: Path) -> Path:
    """The folder that holds `site_dir`; temporary folders go here so rename stays on one disk."""
    return site_dir.resolve().parent


@contextmanager
def staging_folder(site_dir: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside `site_dir`; remove it on the way out, whatever happens.

    The caller calls `publish()` inside the `with` block on success; afterwards the temporary
    folder no longer exists (it became `site_dir`) and the cleanup has nothing to do. On failure,
    Ctrl-C or any exception the half-built folder is deleted and `site_dir` is untouched.
    """
    parent = staging_parent(site_dir)
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-", dir=parent))
    lock = _lock(staging)  # tells a build that starts meanwhile that this folder is in use
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if lock is not None:
            os.close(lock)


def _lock(folder: Path, *, wait: bool = True) -> int | None:
    """An exclusive `flock` on the folder itself; the kernel drops it when the process dies.

    Returns the open descriptor (keep it open to hold the lock), or None when another live
    process holds it (`wait=False`) or the platform has no `flock` (then nothing is locked).
    """
    try:
        import fcntl
    except ImportError:  # Windows: no flock; leftovers are then removed whatever their state
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Delete the temporary folders a killed build left beside `site_dir`; return what went.

    Only folders with this site's own prefixes (`.staging-site-…`, `.retired-site-…`) are
    touched. A staging folder still locked by a running build (two builds at once) is left alone:
    SIGKILL, an out-of-memory kill or a hard CI cancel end the process, and with it the lock.
    """
    removed = []
    for folder in leftovers(site_dir):
        if folder.is_symlink() or not folder.is_dir():
            continue
        lock = None
        if folder.name.startswith(STAGING_PREFIX):
            lock = _lock(folder, wait=False)
            if lock is None and _has_flock():
                continue  # a live build is using it
        try:
            shutil.rmtree(folder)
            removed.append(folder)
        except OSError:
            pass  # not ours to fight over; the next build tries again
        finally:
            if lock is not None:
                os.close(lock)
    return removed


def _has_flock() -> bool:
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `staging` using renames, keeping the old site until the new is in.

    Each `rename` is atomic. The old site is moved aside first and restored if the second rename
    fails, so at every moment either the old or the new complete site is at `site_dir` (apart from
    the instant between the two renames).
    """
    site_dir = site_dir.resolve()
    if not site_dir.exists():
        os.rename(staging, site_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{site_dir.name}-", dir=site_dir.parent))
    retired.rmdir()  # we only wanted a unique name
    os.rename(site_dir, retired)
    try:
        os.rename(staging, site_dir)
    except BaseException:
        os.rename(retired, site_dir)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def leftovers(site_dir: Path) -> list[Path]:
    """Temporary folders a crashed build may have left beside `site_dir` (for tests and cleanup)."""
    parent = staging_parent(site_dir)
    if not parent.is_dir():  # missing, or a file in the way of the output folder
        return []
    return sorted(p for p in parent.iterdir()
                  if p.name.startswith((f"{STAGING_PREFIX}{site_dir.name}-",
                                        f"{RETIRED_PREFIX}{site_dir.name}-")))
