"""Capture what MkDocs, WeasyPrint and friends log, so it can become findings instead of noise.

Those libraries report problems as log lines; the build turns them into `Finding`s with a place.
One small handler and one context manager serve every stage that needs this.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class Collect(logging.Handler):
    """Keep log records at or above a level (warnings by default) for later inspection."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def capture(*names: str, silence: bool = False, level: int | None = None) -> Iterator[Collect]:
    """Collect the warnings of the named loggers while the block runs.

    With `silence`, the records stop there (not printed by other handlers); with `level`, the
    loggers' own level is set for the duration (fontTools logs chatter at INFO otherwise).
    Everything is restored afterwards, so `mkdocs serve` keeps its normal output.
    """
    collector = Collect()
    saved = []
    for name in names:
        logger = logging.getLogger(name)
        saved.append((logger, logger.propagate, logger.level))
        logger.addHandler(collector)
        if silence:
            logger.propagate = False
        if level is not None:
            logger.setLevel(level)
    try:
        yield collector
    finally:
        for logger, propagate, old_level in saved:
            logger.removeHandler(collector)
            logger.propagate = propagate
            logger.setLevel(old_level)
