"""MkDocs hook: show the content checks' findings while `mkdocs serve` runs.

Thin on purpose: the checks are the build's own source stages, shared with `scripts/build.py`:
files, front matter and content safety (guidebuild/checks/docs_folder.py), then reading grade,
citations and glossary (guidebuild/report/content_rules.py). On each (re)build of `mkdocs serve`
the findings are logged as `path:line:col: CODE message`, errors as warnings so that `strict`
stops the rebuild just as the build would refuse the page.

Quiet for every other command: `scripts/build.py` runs the same checks before it renders (and
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

from guidebuild.checks.docs_folder import REFUSED, check_docs_folder  # noqa: E402
from guidebuild.findings import Finding, UsageError, format_text  # noqa: E402
from guidebuild.report.content_rules import check_content_rules  # noqa: E402

# A plain logger under "mkdocs." so each line starts with `path:line:col:`; strict mode counts it.
log = logging.getLogger("mkdocs.hooks.checks")
_state: dict[str, str | None] = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`; MkDocs calls this once per process."""
    _state["command"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    """Check docs/ before MkDocs renders it, so the findings show up first."""
    if _state["command"] != "serve":
        return
    found = check_docs_folder(config)
    if not any(f.is_error and f.code in REFUSED for f in found):  # as the build: never read a refused file
        try:
            found += check_content_rules(config)
        except UsageError as error:  # textstat missing: say so, and keep serving
            found += error.findings
    _log(found)


def _log(found: list[Finding]) -> None:
    for finding in found:
        (log.warning if finding.is_error else log.info)(format_text(finding))
