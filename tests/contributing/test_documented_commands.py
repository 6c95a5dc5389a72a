"""Every command the README and CONTRIBUTING show in a shell block works as written.

The commands are read from the documents themselves (every ```sh, ```bash or ```console block),
so a command someone adds is run too. They run one after the other, in the order a reader meets
them, from the root of a copy of the repository (its tracked files, with this project's .venv
lent to it: `make` sees the same pinned packages already installed). Each must exit 0.
A few are not run here; SKIPPED says why for each, and a skip that matches no documented
command fails, so the list cannot go stale.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support.sitekit import ROOT

DOCUMENTS = ("README.md", "CONTRIBUTING.md")
SHELL_BLOCK = re.compile(r"^```(?:sh|bash|console|shell)\n(.*?)^```", re.MULTILINE | re.DOTALL)
VENV = Path(sys.executable).parent.parent

# Command (as written, without its comment) -> why this test does not run it.
SKIPPED = {
    "make test": "it is the test suite that runs this test",
    "make serve": "a server that runs until stopped; tests/contributing/test_preview.py runs it",
    "make lint": "CI runs it first (.ci/run); test_precommit.py runs its commit checks offline",
    "npm ci --prefix benchmarks": "downloads Lighthouse from the npm registry (network)",
    ".venv/bin/python benchmarks/lighthouse.py [--runs 3] [--pages \"\" safety/]":
        "a benchmark of several minutes that needs `npm ci --prefix benchmarks`; the brackets are options",
    ".venv/bin/python -m pytest tests/browser": "part of `make test`, which runs it",
}


def documented_commands() -> list[tuple[str, str]]:
    """(document, command) for each command line of each shell block, in reading order."""
    found: list[tuple[str, str]] = []
    for name in DOCUMENTS:
        for block in SHELL_BLOCK.findall((ROOT / name).read_text(encoding="utf-8")):
            for line in block.splitlines():
                command = re.sub(r"\s+#.*$", "", line.removeprefix("$ ")).strip()
                if command and not command.startswith("#"):
                    found.append((name, command))
    return found


def _copy_of_the_repository(dest: Path) -> Path:
    """The tracked files, with their times (so make sees .venv as up to date), in a new git repo."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        source = ROOT / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel, follow_symlinks=False)
    (dest / ".venv").symlink_to(VENV, target_is_directory=True)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-qm", "copy"], cwd=dest, check=True)
    return dest


def test_every_skip_names_a_documented_command_and_a_reason() -> None:
    commands = {command for _, command in documented_commands()}
    assert commands, "no shell blocks found: did the documents change format?"
    for command, reason in SKIPPED.items():
        assert command in commands, f"stale skip (no longer documented): {command}"
        assert len(reason) > 20


def test_each_documented_command_works_from_the_project_root(tmp_path: Path) -> None:
    root = _copy_of_the_repository(tmp_path / "repo")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "VIRTUAL_ENV")}
    failures, ran = [], []
    for document, command in dict.fromkeys(documented_commands()):
        if command in SKIPPED:
            continue
        result = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True,
                                timeout=900)
        ran.append(command)
        if result.returncode != 0:
            failures.append(f"{document}: `{command}` exited {result.returncode}:\n"
                            f"{result.stdout[-1500:]}{result.stderr[-1500:]}")
    assert "make site" in ran
    assert not failures, "\n\n".join(failures)
