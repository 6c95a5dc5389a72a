"""The link check inside the build (fails before anything is written) and under `mkdocs serve` (hook)."""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.links_corpus import BASE_CONFIG, write_site
from support.sitekit import snapshot

ROOT = Path(__file__).resolve().parents[2]


def _front(title: str) -> str:
    return (f"---\ntitle: {title}\ndescription: A page called {title} for the link checker's build tests.\n"
            "last_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n")


PAGES = {"index.md": _front("Home") + "# Home\n\nSee [the tips](tips.md#warm-up).\n",
         "tips.md": _front("Tips") + "# Tips\n\n## Warm up\n\nRub your hands.\n"}


def _project(tmp_path: Path, pages: dict[str, str]) -> Path:
    root = write_site(tmp_path / "project", pages, BASE_CONFIG)
    shutil.copytree(ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(root / "scripts" / "build.py")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_build_fails_on_a_raw_html_link_mkdocs_lets_through_and_keeps_site(tmp_path: Path) -> None:
    root = _project(tmp_path, PAGES)
    first = _build(root)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Checking links …" in first.stderr and "Checking links in the built site …" in first.stderr
    before = snapshot(root / "site")
    # MkDocs does not look at raw HTML: only the link check can stop this build.
    (root / "docs" / "tips.md").write_text(PAGES["tips.md"] + '\n<a href="index.md">Home</a>\n', encoding="utf-8")
    result = _build(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/tips.md:14:10: LNK007 raw HTML href 'index.md' is not rewritten by MkDocs" in result.stdout
    assert "Rendering the site" not in result.stderr  # stopped before MkDocs wrote anything
    assert snapshot(root / "site") == before
    assert "Traceback" not in result.stdout + result.stderr


def _load_hook() -> object:
    spec = importlib.util.spec_from_file_location("links_hook_under_test", ROOT / "scripts" / "hooks" / "links_hook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("command", ["serve", "build"])
def test_hook_logs_findings_only_under_serve(tmp_path: Path, command: str, caplog: pytest.LogCaptureFixture,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from guidebuild import config as cfg

    root = write_site(tmp_path / "site", {**PAGES, "tips.md": PAGES["tips.md"] + "[gone](gone.md)\n"})
    hook = _load_hook()
    hook.on_startup(command=command, dirty=False)  # type: ignore[attr-defined]
    config = cfg.load(str(root / "mkdocs.yml"))
    monkeypatch.chdir(root)  # as under `mkdocs serve`, run from the project root (paths are relative to it)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        hook.on_pre_build(config)  # type: ignore[attr-defined]
    messages = [(r.levelno, r.getMessage()) for r in caplog.records if "LNK" in r.getMessage()]
    if command == "serve":
        assert messages == [(logging.WARNING, "docs/tips.md:13:8: LNK001 link to missing page 'gone.md'")]
    else:
        assert messages == []


def test_hook_rerenders_only_changed_pages(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from guidebuild import config as cfg
    from guidebuild.links import source_links

    root = write_site(tmp_path / "site", PAGES)
    hook = _load_hook()
    hook.on_startup(command="serve", dirty=False)  # type: ignore[attr-defined]
    hook.on_pre_build(cfg.load(str(root / "mkdocs.yml")))  # type: ignore[attr-defined]
    cache = hook._state["cache"]  # type: ignore[attr-defined]
    assert isinstance(cache, source_links.RenderCache) and len(cache.entries) == 2
    kept = cache.entries[str(root / "docs" / "index.md")]
    tips = root / "docs" / "tips.md"
    tips.write_text(PAGES["tips.md"] + "[gone](gone.md)\n", encoding="utf-8")
    os.utime(tips, ns=(tips.stat().st_mtime_ns + 10**9, tips.stat().st_mtime_ns + 10**9))
    monkeypatch.chdir(root)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        hook.on_pre_build(cfg.load(str(root / "mkdocs.yml")))  # type: ignore[attr-defined]
    assert cache.entries[str(root / "docs" / "index.md")] is kept
    assert [r.getMessage() for r in caplog.records if "LNK" in r.getMessage()] == [
        "docs/tips.md:13:8: LNK001 link to missing page 'gone.md'"]


def test_mkdocs_yml_uses_the_hook() -> None:
    assert "  - scripts/hooks/links_hook.py\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
