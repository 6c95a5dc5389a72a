"""workers.Beside: one call in a second process, its result or its exception back here, never left running."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from guidebuild import workers


def _pid_and_sum(numbers: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


def _fail(message: str) -> None:
    raise ValueError(message)


def _write_then_wait(flag: Path) -> None:
    flag.write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)


def _running(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False


needs_two_cores = pytest.mark.skipif(workers.default_jobs() < 2 or not hasattr(os, "fork"),
                                     reason="Beside runs the call in this process on one core or without fork")


@needs_two_cores
def test_the_call_runs_in_another_process_and_its_result_comes_back() -> None:
    with workers.Beside(_pid_and_sum, [1, 2, 3]) as call:
        assert call.in_parallel
        pid, total = call.result()
    assert total == 6
    assert pid != os.getpid()
    assert not _running(pid)


@needs_two_cores
def test_an_exception_in_the_child_is_raised_here_with_the_childs_traceback() -> None:
    call = workers.Beside(_fail, "the page is broken")
    with pytest.raises(ValueError, match="the page is broken") as caught:
        call.result()
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "In the child process that ran _fail" in notes and "raise ValueError(message)" in notes


@needs_two_cores
def test_cancel_stops_a_child_that_is_still_working(tmp_path: Path) -> None:
    flag = tmp_path / "started"
    call = workers.Beside(_write_then_wait, flag)
    deadline = time.monotonic() + 30
    while not (flag.exists() and flag.read_text(encoding="utf-8")) and time.monotonic() < deadline:
        time.sleep(0.01)
    child = int(flag.read_text(encoding="utf-8"))
    started = time.monotonic()
    call.cancel()
    assert time.monotonic() - started < 5  # killed, not waited for
    assert not _running(child)
    call.cancel()  # a second cancel is harmless


def test_on_one_core_the_call_runs_here_when_the_result_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "default_jobs", lambda: 1)
    call = workers.Beside(_pid_and_sum, [4, 5])
    assert not call.in_parallel
    assert call.result() == (os.getpid(), 9)
    with pytest.raises(RuntimeError, match="called twice"):
        call.result()


_ORPHAN = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from guidebuild import workers
from test_beside import _write_then_wait
call = workers.Beside(_write_then_wait, Path(sys.argv[3]))
time.sleep(60)
"""


@needs_two_cores
def test_a_child_whose_parent_is_killed_exits_too(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    flag = tmp_path / "started"
    here = Path(__file__).resolve()
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(here.parents[2] / "scripts"), str(here.parent),
                               str(flag)])
    try:
        deadline = time.monotonic() + 30
        while not (flag.exists() and flag.read_text(encoding="utf-8")) and time.monotonic() < deadline:
            time.sleep(0.01)
        child = int(flag.read_text(encoding="utf-8"))
        assert _running(child)
        parent.send_signal(signal.SIGKILL)  # no clean-up code of the parent's can run
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _running(child) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not _running(child), "the child outlived its killed parent"
    finally:
        parent.kill()
