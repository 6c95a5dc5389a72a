"""Offline reading and installing: the service worker, its precache list and the app manifest.

    precache.py        which built files readers need offline, each with its SHA-256 (`integrity`)
    service_worker.py  write sw.js from worker.js (the worker's code) and that list
    worker.js          the service worker itself, a template with one placeholder
    manifest.py        write manifest.webmanifest (names, colours, icons)
    icons.py           draw the icons from the logo (`make icons`; the PNGs are committed)
    check.py           the built site's check: the list and the manifest name only built files

The page side is docs/javascripts/offline.js (registers the worker after the page has loaded,
shows "Available offline" and the update notice); overrides/main.html links the manifest.
The build runs `write_offline_copy` after every other writing step and `check_offline_copy` after
the built-site link check (guidebuild.pipeline).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import Finding
from guidebuild.publish import StagedSite


def write_offline_copy(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output step: write the manifest, then the worker listing every file (the manifest too)."""
    from guidebuild.offline import precache
    from guidebuild.offline.manifest import write_manifest
    from guidebuild.offline.service_worker import write_worker

    write_manifest(config, staged.folder)
    write_worker(staged.folder, precache.entries(staged.folder))
    return []


def check_offline_copy(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output step: the worker's list and the manifest name only files of this build."""
    from guidebuild.offline.check import check_offline

    return check_offline(staged.folder, staged.site_dir)
