"""Build into a temporary folder beside `site/`, and swap it in only when everything passed.

A failed `mkdocs build --strict` still writes the broken pages into `site/`, and a build killed
half-way leaves half a site. Readers and deploy jobs must only ever see a complete build, so the
build writes into a sibling folder (same file system, so the final `rename` is cheap and cannot
half-happen) and this module is the only code that touches the real output folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from guidebuild.findings import Finding

STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"


@dataclass(frozen=True)
class StagedSite:
    """A build in progress: the temporary `folder` it is written into and the `site_dir` it becomes.

    Output stages work on `folder` but name files in their findings as they will be published, so
    a message points at `site/cheatsheet/…`, not at a temporary folder that is gone when it is read.
    """

    folder: Path
    site_dir: Path

    def published_path(self, path: Path | str) -> Path:
        """Where a file of the staging folder will be once published (other paths unchanged)."""
        try:
            return self.site_dir / Path(path).resolve().relative_to(self.folder.resolve())
        except ValueError:
            return Path(path)


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
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # not readable: treat it as someone else's
        return None
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
    make_readable(staging)
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


def make_readable(folder: Path) -> None:
    """Set folders to 0755 and files to 0644, as a plain web server needs them.

    `mkdtemp` makes the staging folder 0700 (private, rightly, while it is half-built), and a
    strict umask can do the same to what MkDocs writes; nginx or Apache running as another user
    would then answer 403. Symlinks are left alone: chmod would change their targets.
    """
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            path = Path(parent, name)
            if not path.is_symlink():
                path.chmod(0o755)
        for name in files:
            path = Path(parent, name)
            if not path.is_symlink():
                path.chmod(0o644)


def leftovers(site_dir: Path) -> list[Path]:
    """Temporary folders a crashed build may have left beside `site_dir` (for tests and cleanup)."""
    parent = staging_parent(site_dir)
    if not parent.is_dir():  # missing, or a file in the way of the output folder
        return []
    return sorted(p for p in parent.iterdir()
                  if p.name.startswith((f"{STAGING_PREFIX}{site_dir.name}-",
                                        f"{RETIRED_PREFIX}{site_dir.name}-")))


def site_state(site_dir: Path) -> str:
    """What a failed build did to the site folder, for people: it never touches a previous one."""
    if site_dir.exists():
        return f"The previous {site_dir.name}/ was left as it was."
    return f"No {site_dir.name}/ was written."


def shown(site_dir: Path) -> str:
    """The site folder as the person who started the build would write it."""
    relative = os.path.relpath(site_dir)
    return site_dir.as_posix() if relative.startswith("..") else relative + "/"


def environment_finding(error: OSError, site_dir: Path | None = None) -> Finding:
    """Disk full, permission denied and the like: not the content's fault, so exit 2.

    A failed write inside the temporary folder is reported at the output folder (the temporary
    one is gone by the time the message is read); for a copy, `filename2` is the file written.
    """
    hints = {
        errno.ENOSPC: "The disk is full: free some space and build again.",
        errno.EDQUOT: "The disk quota is used up: free some space and build again.",
        errno.EFBIG: "A file is larger than this system allows (`ulimit -f`) or the disk is full: "
                     "raise the limit or free some space.",
        errno.EACCES: "Permission denied: make the output folder writable or pass --site-dir.",
        errno.EPERM: "Permission denied: make the output folder writable or pass --site-dir.",
        errno.EROFS: "The file system is read-only: pass --site-dir to build elsewhere.",
        errno.ENOTDIR: "Part of the output path is a file, not a folder: move it or pass --site-dir.",
        errno.EEXIST: "A file is in the way of the output folder: move it or pass --site-dir.",
    }
    failing = str(error.filename2 or error.filename or "")
    parts = Path(failing).parts
    inside = next((i for i, part in enumerate(parts) if part.startswith((STAGING_PREFIX, RETIRED_PREFIX))), None)
    output = site_dir is not None and (
        inside is not None or not failing
        or Path(failing).resolve() in (site_dir.resolve(), *site_dir.resolve().parents)
        or site_dir.resolve() in Path(failing).resolve().parents)
    if output:
        where = "/".join(parts[inside + 1:]) if inside is not None else ""
        return Finding(str(site_dir), 0, 0, "ENV001",
                       f"cannot write the output: {error.strerror or error}" + (f" (writing {where})" if where else ""),
                       hint=hints.get(error.errno or 0, ""))
    return Finding(failing, 0, 0, "ENV001", f"cannot read or write this file: {error.strerror or error}",
                   hint=hints.get(error.errno or 0, ""))
