"""`pre-commit run --all-files` passes on a fresh clone with the network off.

Every hook in .pre-commit-config.yaml is local and runs a tool from the pinned .venv, so the run
must not clone or download anything. The test clones this repository into tmp_path, lends it
this project's .venv (which `make` would build there from the same hashed requirements), and
runs pre-commit inside a network namespace with no network where the machine allows one
(`unshare -n`, as root); everywhere git is also allowed only local file transport, and the
pre-commit cache must hold no cloned hook repository afterwards.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

from support.sitekit import ROOT

VENV = Path(sys.executable).parent.parent
OFFLINE_ENV = {"GIT_ALLOW_PROTOCOL": "file", "PIP_NO_INDEX": "1", "NO_PROXY": "*",
               "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}


def _no_network_prefix() -> list[str]:
    """`unshare -n` when this machine lets us drop the network, else nothing (the env still blocks)."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def _fresh_clone(tmp_path: Path) -> Path:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to(VENV, target_is_directory=True)
    return clone


def _pre_commit(clone: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **OFFLINE_ENV, "PRE_COMMIT_HOME": str(home), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*_no_network_prefix(), str(VENV / "bin" / "pre-commit"), "run", *args],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=600)


def test_every_hook_is_local() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    for hook in config["repos"][0]["hooks"]:
        assert hook["language"] == "system", hook["id"]
        assert hook["entry"].startswith(".venv/bin/"), hook["id"]


def test_pre_commit_passes_offline_on_a_fresh_clone(tmp_path: Path) -> None:
    clone = _fresh_clone(tmp_path)
    home = tmp_path / "pre-commit-home"
    result = _pre_commit(clone, home, "--all-files", "--show-diff-on-failure")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Failed" not in result.stdout
    for hook in ("ruff", "codespell", "end files with one newline", "check internal links", "content rules"):
        assert hook in result.stdout
    # Nothing was cloned: pre-commit records every hook repository it fetched in its database.
    with sqlite3.connect(home / "db.db") as db:
        assert db.execute("SELECT repo FROM repos").fetchall() == []
    # And nothing was changed by the fixers.
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_the_hooks_catch_and_fix_problems(tmp_path: Path) -> None:
    """The passing run above can fail: a missing final newline and a broken link are caught."""
    clone = _fresh_clone(tmp_path)
    page = clone / "docs" / "tips.md"
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\nSee [nowhere](nowhere.md).",
                    encoding="utf-8")
    result = _pre_commit(clone, tmp_path / "home", "--files", "docs/tips.md")
    assert result.returncode == 1
    assert "Fixing docs/tips.md" in result.stdout
    assert "docs/tips.md:" in result.stdout and "LNK001" in result.stdout
    assert page.read_text(encoding="utf-8").endswith("(nowhere.md).\n")
