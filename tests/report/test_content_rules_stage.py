"""The content rules are a build stage: an uncited claim stops `scripts/build.py` and shows in `mkdocs serve`.

Both run on a full copy of the project with one sentence added to one page, the way a contributor
would make the mistake: the build must exit 1 with CIT001 at that sentence's line (and leave
no site behind), and `mkdocs serve` must log the very same line while it starts.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from support.sitekit import run_script

CLAIM = "A back massage lowers your blood pressure for the rest of the day."


def add_claim(project: Path) -> tuple[str, int]:
    """Put an uncited claim of benefit under the first heading of tips.md; return its place."""
    page = project / "docs" / "tips.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    heading = next(n for n, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1:heading + 1] = ["\n", CLAIM + "\n"]
    page.write_text("".join(lines), encoding="utf-8")
    return "docs/tips.md", heading + 3


def test_the_build_refuses_an_uncited_claim_at_its_line(project_copy: Path) -> None:
    path, line = add_claim(project_copy)
    result = run_script("build.py", cwd=project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    findings = [row for row in result.stdout.splitlines() if " CIT001 " in row]
    assert len(findings) == 1, result.stdout
    assert findings[0].startswith(f"{path}:{line}:1: CIT001 claim without a citation"), findings
    assert "Checking reading grade, citations and glossary" in result.stderr
    assert not (project_copy / "site").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mkdocs_serve_shows_the_same_line(project_copy: Path, tmp_path: Path) -> None:
    path, line = add_claim(project_copy)
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRICT": "false"}  # as `make serve`
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload",
                                   "-a", f"127.0.0.1:{_free_port()}"],
                                  cwd=project_copy, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and server.poll() is None:
                if f"{path}:{line}:1: CIT001 " in log.read_text(encoding="utf-8"):
                    break
                time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=60)
    text = log.read_text(encoding="utf-8")
    shown = [row for row in text.splitlines() if " CIT001 " in row]
    assert len(shown) == 1, text
    assert f"{path}:{line}:1: CIT001 " in shown[0], text
