"""Write the service worker (`sw.js`) into the built site from `worker.js` and the precache list.

The worker's code lives in `worker.js` beside this module, as a normal JavaScript file that
editors and linters understand; the build only replaces its `__PRECACHE__` placeholder with the
list of this build's files. Because the list (with its hashes) is inside sw.js, any change to the
site changes the worker's bytes, which is how browsers notice that a new version is out.
"""

from __future__ import annotations

import json
from pathlib import Path

from guidebuild.offline.precache import NOT_FOUND_PAGE, WORKER_NAME, Entry, version_of

TEMPLATE = Path(__file__).with_name("worker.js")
PLACEHOLDER = "__PRECACHE__"
#: The line of sw.js that holds the list; `read_precache` finds it again for the built-site check.
LIST_LINE = "const PRECACHE = "


def precache_data(files: list[Entry]) -> dict:
    """What the worker needs: the version, the files to fetch, and which one is the 404 page."""
    urls = {entry.url for entry in files}
    return {
        "version": version_of(files),
        "notFound": NOT_FOUND_PAGE if NOT_FOUND_PAGE in urls else None,
        "files": [{"url": entry.url, "integrity": entry.integrity} for entry in files],
    }


#: What replaces the template's opening comment in sw.js: browsers fetch sw.js again each time
#: they check for a new version, so the long explanation stays in the template.
GENERATED_NOTE = "/* Back Massage Guide's service worker, written by scripts/guidebuild/offline/service_worker.py " \
                 "from worker.js: edit that, not this. */\n"


def render_worker(files: list[Entry]) -> str:
    template = TEMPLATE.read_text(encoding="utf-8")
    if template.count(PLACEHOLDER) != 1 or f"{LIST_LINE}{PLACEHOLDER};" not in template:
        raise ValueError(f"{TEMPLATE} must hold `{LIST_LINE}{PLACEHOLDER};` exactly once")
    if template.startswith("/*"):
        template = GENERATED_NOTE + template[template.index("*/") + 2:].lstrip("\n")
    data = json.dumps(precache_data(files), separators=(",", ":"), ensure_ascii=True)
    return template.replace(PLACEHOLDER, data)


def write_worker(site_dir: Path, files: list[Entry]) -> Path:
    path = site_dir / WORKER_NAME
    path.write_text(render_worker(files), encoding="utf-8")
    return path


def read_precache(worker: Path) -> tuple[int, dict] | None:
    """The precache list written into a built sw.js, and its line number; None if there is none."""
    for number, line in enumerate(worker.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(LIST_LINE):
            try:
                return number, json.loads(line[len(LIST_LINE):].rstrip().rstrip(";"))
            except json.JSONDecodeError:
                return None
    return None
