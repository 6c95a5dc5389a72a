"""Built-site check: the worker's precache list and the manifest name only files that were built.

A worker that lists one missing file never installs (its install is all or nothing), and one
that lists a file whose bytes changed after the list was made fails the browser's integrity
check the same way: readers would silently never get the offline copy. Both are build errors.
"""

from __future__ import annotations

import json
from pathlib import Path

from guidebuild.findings import Finding
from guidebuild.offline.manifest import MANIFEST_NAME
from guidebuild.offline.precache import WORKER_NAME, integrity_of

HINT_ORDER = ("A build step changed or deleted files after the worker was written: run the offline "
              "step last among the output steps (guidebuild.pipeline).")


def _built_file(site_dir: Path, url: str) -> Path:
    path = site_dir / url.removeprefix("./")
    return path / "index.html" if url.endswith("/") or url == "./" else path


def check_worker(site_dir: Path, shown_root: Path) -> list[Finding]:
    from guidebuild.offline.service_worker import read_precache

    worker = site_dir / WORKER_NAME
    shown = str(shown_root / WORKER_NAME)
    listed = read_precache(worker) if worker.is_file() else None
    if listed is None:
        return [Finding(shown, 0, 0, "OFF003", "the service worker or its precache list is missing",
                        hint=HINT_ORDER)]
    line, data = listed
    findings: list[Finding] = []
    for file in data.get("files", []):
        path = _built_file(site_dir, file["url"])
        if not path.is_file():
            findings.append(Finding(shown, line, 0, "OFF001",
                                    f"the precache list names '{file['url']}', which is not in the built site",
                                    hint=HINT_ORDER))
        elif integrity_of(path.read_bytes()) != file["integrity"]:
            findings.append(Finding(shown, line, 0, "OFF002",
                                    f"'{file['url']}' changed after the precache list was made "
                                    "(readers' browsers would refuse it)", hint=HINT_ORDER))
    return findings


def check_manifest(site_dir: Path, shown_root: Path) -> list[Finding]:
    path = site_dir / MANIFEST_NAME
    shown = str(shown_root / MANIFEST_NAME)
    if not path.is_file():
        return [Finding(shown, 0, 0, "OFF004", "the web app manifest is missing", hint=HINT_ORDER)]
    icons = json.loads(path.read_text(encoding="utf-8")).get("icons", [])
    return [Finding(shown, 0, 0, "OFF004", f"the manifest names the icon '{icon['src']}', which is not built",
                    hint="Run `make icons` and commit docs/assets/icons/.")
            for icon in icons if not (site_dir / icon["src"]).is_file()]


def check_offline(site_dir: Path, shown_root: Path | None = None) -> list[Finding]:
    """Findings for a built site whose worker or manifest names files that are not there."""
    shown = shown_root if shown_root is not None else site_dir
    return check_worker(site_dir, shown) + check_manifest(site_dir, shown)
