"""Which built files the service worker stores for offline reading, each with its content hash.

The list is made from the staging folder after everything else was written, never by hand, so a
new page, picture or PDF is offline the moment it is built. Each file carries the SHA-256 of its
bytes in the form the browser checks (`integrity`), and the version is a hash of all of them:
change one byte anywhere and readers get a new cache, change nothing and they download nothing.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

#: What a reader's browser loads: pages, styles, scripts, the search index, pictures, fonts,
#: the PDFs and the app manifest. Sitemaps, robots.txt and licence texts are for robots and
#: re-users, not for reading offline.
PRECACHED_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".png", ".ico", ".woff2", ".pdf",
                      ".webmanifest")
WORKER_NAME = "sw.js"
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True, order=True)
class Entry:
    """One precached file: its address relative to the site root, its hash and its size."""

    url: str  # "./", "safety/", "assets/logo.svg": relative, so any sub-path works
    integrity: str  # "sha256-<base64>", what `fetch(…, {integrity})` checks
    size: int  # bytes on disk (uncompressed), for the benchmark and the size budget
    path: str  # the file below the site folder: "safety/index.html"


def url_for(path: str) -> str:
    """The address a reader uses for a built file: folders for pages (`safety/`), else the path."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def integrity_of(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def is_precached(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name != WORKER_NAME and not name.startswith(".") and name.endswith(PRECACHED_SUFFIXES)


def entries(site_dir: Path) -> list[Entry]:
    """Every file under `site_dir` a reader needs offline, sorted by address."""
    found: list[Entry] = []
    root = site_dir.resolve()
    for folder, dirs, names in os.walk(root):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        relative = Path(folder).relative_to(root).as_posix()
        for name in names:
            path = name if relative == "." else f"{relative}/{name}"
            if is_precached(path):
                data = (Path(folder) / name).read_bytes()
                found.append(Entry(url_for(path), integrity_of(data), len(data), path))
    return sorted(found)


def version_of(files: list[Entry]) -> str:
    """A short hash of every address and content hash: the cache's name for this build."""
    digest = hashlib.sha256()
    for entry in sorted(files):
        digest.update(f"{entry.url} {entry.integrity}\n".encode())
    return digest.hexdigest()[:16]
