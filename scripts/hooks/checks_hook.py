"""MkDocs hook: show the content check's findings while `mkdocs serve` runs.

Thin on purpose: the check lives in scripts/guidebuild/checks/docs_folder.py (files, front matter, content
safety), shared with `scripts/build.py`. On each (re)build of `mkdocs serve` the findings are
logged as `path:line:col: CODE message`, errors as warnings so that `strict` stops the rebuild
just as the build would refuse the page.

Quiet for every other command: `scripts/build.py` runs the same check before it renders (and
starts MkDocs with `command="build"`), so nothing is reported twice.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_SCRIPTS = str(Path(__file__).resolve().parent.parent)
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from guidebuild.checks import docs_folder  # noqa: E402
from guidebuild.findings import format_text  # noqa: E402

# A plain logger under "mkdocs." so each line starts with `path:line:col:`; strict mode counts it.
log = logging.getLogger("mkdocs.hooks.content")
_state: dict[str, str | None] = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`; MkDocs calls this once per process."""
    _state["command"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    """Check docs/ before MkDocs renders it, so the findings show up first."""
    if _state["command"] != "serve":
        return
    for finding in docs_folder.check_docs_folder(config):
        (log.warning if finding.is_error else log.info)(format_text(finding))
