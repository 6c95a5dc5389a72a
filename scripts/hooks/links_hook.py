"""MkDocs hook: show the link check's findings while `mkdocs serve` runs.

Thin on purpose: the check lives in scripts/guidebuild/links/source_links.py, shared with
`scripts/check_links.py` and `scripts/build.py`. On each (re)build of `mkdocs serve` the
findings are logged as `path:line:col: CODE message`: errors as warnings (so `strict` treats them
like MkDocs' own link warnings), warnings such as pages missing from the nav as info.
Pages that did not change since the last rebuild are not rendered again.

Quiet for every other command: `scripts/build.py` runs the same check before it builds (and
starts MkDocs with `command="build"`), and a plain `mkdocs build` has MkDocs' own validation.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_SCRIPTS = str(Path(__file__).resolve().parent.parent)
if _SCRIPTS not in sys.path:
    sys.path.insert(0, _SCRIPTS)

from guidebuild.findings import format_text  # noqa: E402
from guidebuild.links import source_links  # noqa: E402

# A plain logger under "mkdocs." (not get_plugin_logger, which prefixes the module name), so each
# line starts with `path:line:col:` and editors can jump to it; strict mode still counts it.
log = logging.getLogger("mkdocs.hooks.links")
_state: dict[str, object] = {"command": None, "cache": source_links.RenderCache()}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`; MkDocs calls this once per process."""
    _state["command"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the links on disk before MkDocs renders them, so findings show up first."""
    if _state["command"] != "serve":
        return
    cache = _state["cache"]
    assert isinstance(cache, source_links.RenderCache)
    # One process: `mkdocs serve` runs a web server thread, and forking beside it is not worth the risk.
    for finding in source_links.check_source_links(config, jobs=1, cache=cache):
        (log.warning if finding.is_error else log.info)(format_text(finding))
