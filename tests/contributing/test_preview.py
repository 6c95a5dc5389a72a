"""`mkdocs serve` (which is all `make serve` runs): forgiving, quiet, at the real address, watching.

A real preview server runs on a copy of the project with a broken link added: it must keep
serving, print the link finding once with its line (not again as MkDocs' own warning without
one), print no end-of-life banner, announce the address the site really lives at, and rebuild
when the glossary in includes/ changes. The same copy still fails `mkdocs build`.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.sitekit import copy_project

MKDOCS = Path(sys.executable).parent / "mkdocs"
BROKEN = "\nSee [the missing page](nowhere.md).\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _plain_env() -> dict[str, str]:
    """The contributor's environment: no variable that quiets Material or relaxes strict mode."""
    return {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "STRICT")}


class Server:
    """A running `mkdocs serve` whose output lines are collected as they come."""

    def __init__(self, root: Path, port: int) -> None:
        self.port = port
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=_plain_env(),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 240) -> str:
        """Collect output until a line matches `pattern`; fail with everything seen so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "mkdocs serve stopped:\n" + "\n".join(self.lines)
                continue
            self.lines.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.lines))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    root = copy_project(tmp_path / "project")
    with (root / "docs" / "tips.md").open("a", encoding="utf-8") as page:
        page.write(BROKEN)
    server = Server(root, _free_port())
    try:
        yield root, server
    finally:
        server.process.terminate()
        server.process.wait(timeout=30)


def test_preview_shows_each_finding_once_and_keeps_serving(served: tuple[Path, Server]) -> None:
    _root, server = served
    address = server.wait_for(r"Serving on ")
    assert address.endswith(f"Serving on http://127.0.0.1:{server.port}/back-massage-guide/")
    output = "\n".join(server.lines)
    assert "end of life" not in output
    mentions = [line for line in server.lines if "nowhere.md" in line]
    assert len(mentions) == 1, output
    assert re.search(r"WARNING +- +docs/tips\.md:\d+:\d+: LNK001 ", mentions[0]), mentions[0]
    assert "Aborted" not in output
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/back-massage-guide/tips/", timeout=30) as page:
        assert page.status == 200
        assert b"nowhere" in page.read()


def test_preview_watches_includes_overrides_and_code(served: tuple[Path, Server]) -> None:
    root, server = served
    watching = server.wait_for(r"Watching paths for changes")
    for path in ("'docs'", "'mkdocs.yml'", "'includes'", "'overrides'", "'scripts'"):
        assert path in watching
    server.wait_for(r"Serving on ")
    with (root / "includes" / "abbreviations.md").open("a", encoding="utf-8") as glossary:
        glossary.write("\n*[Zzyzx]: A word only this test uses\n")
    server.wait_for(r"Detected file changes")
    server.wait_for(r"Documentation built in")


def test_the_same_copy_still_fails_mkdocs_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    with (root / "docs" / "tips.md").open("a", encoding="utf-8") as page:
        page.write(BROKEN)
    result = subprocess.run([str(MKDOCS), "build", "--site-dir", str(tmp_path / "out")], cwd=root,
                            env=_plain_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "in strict mode" in result.stdout + result.stderr
    assert "contains a link 'nowhere.md'" in result.stderr  # MkDocs' own check is still on here
