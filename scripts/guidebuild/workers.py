"""Run a function over many items on every core, or in this process when that is quicker.

Rendering pages is pure CPU work in Python, so threads do not help; worker processes do. They are
started with `fork`, so they inherit everything already loaded (the MkDocs configuration, the
Markdown extensions, the renderer) instead of importing and pickling it again. Small jobs run in
this process: starting workers costs more than rendering a few dozen pages.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

PARALLEL_THRESHOLD = 48  # items; below this, starting worker processes costs more than it saves
CHUNK = 64


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: Sequence[Any], parts: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // parts))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


class WorkerPool:
    """`map(function, items)` where `function` takes a list of items and returns a list of results.

    Use as a context manager. With `jobs` > 1, at least `PARALLEL_THRESHOLD` items and `fork`
    available, the items are split into chunks handed out to the workers as they finish the last
    (so a slow chunk does not leave a core idle); otherwise the function runs here on all items.
    """

    def __init__(self, jobs: int, size: int) -> None:
        self.jobs = jobs
        self.executor: ProcessPoolExecutor | None = None
        if jobs > 1 and size >= PARALLEL_THRESHOLD and "fork" in multiprocessing.get_all_start_methods():
            self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))

    def map(self, function: Callable[[list[Any]], list[Any]], items: Sequence[Any]) -> list[Any]:
        if self.executor is None or len(items) < 2:
            return function(list(items))
        results: list[Any] = []
        # Chunks of about CHUNK items: few enough to keep pickling cheap, small enough that a worker
        # that the system slows down (other jobs on the machine) does not hold up the end.
        for part in self.executor.map(function, _chunks(items, max(self.jobs * 4, len(items) // CHUNK))):
            results.extend(part)
        return results

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown()
