"""Use the other cores: a function over many items (`WorkerPool`), or one call beside this one (`Beside`).

Rendering pages is pure CPU work in Python, so threads do not help; worker processes do. They are
started with `fork`, so they inherit everything already loaded (the MkDocs configuration, the
Markdown extensions, the renderer) instead of importing and pickling it again. Small jobs run in
this process: starting workers costs more than rendering a few dozen pages.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, BinaryIO, Generic, TypeVar

T = TypeVar("T")

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


class Beside(Generic[T]):
    """`function(*args)` started now in a forked child process; `result()` waits for what it returned.

    Why: the build's MkDocs render needs nothing the source checks find, and they need nothing it
    writes, so on two cores they can run at once (the build is then about as long as the longer of
    the two, not their sum). The child works on a copy of this process's memory: it can write files
    but changes no object here, so `function` must return everything the caller needs (picklable).

    Where `fork` is missing or only one core may be used, nothing starts early: `result()` runs the
    call in this process, so callers need no second path. Always call `result()` or `cancel()`
    (a `with` block cancels on the way out): both wait for the child, so that nobody deletes a
    folder it is still writing into. An exception in the child is raised again by `result()`, with
    the child's traceback attached as a note.
    """

    def __init__(self, function: Callable[..., T], *args: Any) -> None:
        self._function, self._args = function, args
        self._pid: int | None = None
        self._pipe: BinaryIO | None = None
        self._lifeline = -1
        self._finished = False
        if default_jobs() > 1 and hasattr(os, "fork"):
            self._start()

    @property
    def in_parallel(self) -> bool:
        """Is the call running (or did it run) in another process?"""
        return self._pipe is not None

    def _start(self) -> None:
        reader, writer = os.pipe()
        # The child's lifeline: the parent holds the writing end and never writes. If the parent
        # dies (even by SIGKILL) the child reads end-of-file and exits at once, so a killed build
        # never leaves a render running, or its lock on the staging folder held.
        lifeline, held = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns, so nothing of the parent's (cleanups, atexit) runs twice
            os.close(reader)
            os.close(held)
            self._run_in_child(writer, lifeline)
        os.close(writer)
        os.close(lifeline)
        self._pid, self._pipe, self._lifeline = pid, os.fdopen(reader, "rb"), held

    def _run_in_child(self, writer: int, lifeline: int) -> None:
        # Ctrl-C reaches the whole process group: the parent decides what happens, and cancels us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        threading.Thread(target=_exit_when_parent_is_gone, args=(lifeline,), daemon=True).start()
        status = 0
        try:
            outcome: tuple[str, Any] = ("ok", self._function(*self._args))
        except BaseException as error:  # every outcome goes back to the parent
            outcome = ("error", (error, traceback.format_exc()))
        try:
            with os.fdopen(writer, "wb") as pipe:
                try:
                    data = pickle.dumps(outcome)
                except Exception:  # an unpicklable result or exception: send its text instead
                    text = outcome[1][1] if outcome[0] == "error" else f"cannot send a {type(outcome[1])}"
                    data = pickle.dumps(("error", (RuntimeError(text), text)))
                pipe.write(data)
        except BaseException:  # the parent finds the pipe empty and says so
            status = 1
        os._exit(status)

    def result(self) -> T:
        """What the call returned (waiting for the child), or its exception raised here."""
        if self._finished:
            raise RuntimeError("Beside.result() was called twice")
        self._finished = True
        if self._pipe is None:
            return self._function(*self._args)
        try:
            data = self._pipe.read()
        except BaseException:  # Ctrl-C while waiting: stop the child before anyone removes its files
            self.cancel()
            raise
        self._pipe.close()
        assert self._pid is not None  # set together with the pipe, in _start()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        self._close_lifeline()
        if not data:
            raise RuntimeError(f"the process running {self._function.__qualname__} ended without a result "
                               f"(wait status {status})")
        kind, value = pickle.loads(data)
        if kind == "ok":
            return value
        error, child_traceback = value
        error.add_note(f"In the child process that ran {self._function.__qualname__}:\n{child_traceback}")
        raise error

    def cancel(self) -> None:
        """Stop the child if it is still running and wait until it has gone; nothing when it has."""
        self._finished = True
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
        if self._pipe is not None:
            self._pipe.close()
        self._close_lifeline()

    def _close_lifeline(self) -> None:
        if self._lifeline != -1:
            os.close(self._lifeline)
            self._lifeline = -1

    def __enter__(self) -> Beside[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


def _exit_when_parent_is_gone(lifeline: int) -> None:
    """In a `Beside` child: block until the parent's end of the lifeline closes, then exit."""
    while os.read(lifeline, 1):
        pass
    os._exit(1)
