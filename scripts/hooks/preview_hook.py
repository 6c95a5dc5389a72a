"""MkDocs hook: the live preview forgives, the build does not.

`mkdocs serve` (which is all `make serve` runs) keeps serving when a page has a broken link, so
a contributor sees the problem in the terminal, fixes it, and watches the page reload. Every
other command stays strict: `mkdocs build` fails on any warning (`strict: true` in mkdocs.yml)
and `scripts/build.py` is strict whatever the settings say. This hook is the one place that
decides, by the command MkDocs reports at startup.

Under `mkdocs serve` it also drops MkDocs' own link and nav warnings: the link hook
(scripts/hooks/links_hook.py) reports each of those problems already, with its file, line and column,
so without this every finding would show twice, once without a line number.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

# MkDocs' link validation messages (mkdocs/structure/pages.py and nav.py, MkDocs 1.6).
_DUPLICATE_STARTS = {
    "mkdocs.structure.pages": ("Doc file '",),
    "mkdocs.structure.nav": ("A reference to '", "An absolute path to '", "The following pages exist in the docs"),
}
_state: dict[str, str | None] = {"command": None}


class _DropLinkWarnings(logging.Filter):
    """Hide MkDocs' link warnings, which the link hook reports with their line and column."""

    def __init__(self, starts: tuple[str, ...]) -> None:
        super().__init__()
        self._starts = starts

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self._starts)


def on_startup(command: str, dirty: bool) -> None:
    """Remember the command; under `serve`, stop MkDocs repeating the link hook's findings."""
    _state["command"] = command
    if command != "serve":
        return
    for name, starts in _DUPLICATE_STARTS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, _DropLinkWarnings) for f in logger.filters):
            logger.addFilter(_DropLinkWarnings(starts))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Under `serve`, show warnings without aborting the (re)build.

    MkDocs reads `strict` and attaches its warning counter just before it calls this hook, so
    turning strict off here also detaches that counter: the rebuild then never aborts.
    """
    if _state["command"] != "serve":
        return config
    config.strict = False
    mkdocs_logger = logging.getLogger("mkdocs")
    for handler in [h for h in mkdocs_logger.handlers if isinstance(h, CountHandler)]:
        mkdocs_logger.removeHandler(handler)
    return config
