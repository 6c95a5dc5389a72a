"""Bad input in mkdocs.yml: each mistake is named at its line, exits 2 (1 for the nav), keeps site/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.badinput import assert_refused, build, page, place, seed_previous_site
from support.sitekit import MINI_CONFIG

PAGES = {"index.md": page("Home", "# Home\n\nHello.\n")}


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


@pytest.fixture
def site(mini_site):
    """A mini site with a previous build in site/; returns (root, snapshot)."""

    def make(config_text: str | None = None, extra: str = "") -> tuple[Path, dict]:
        root = mini_site(PAGES, config=extra)
        if config_text is not None:
            (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
        return root, seed_previous_site(root / "site")

    return make


def test_invalid_yaml_names_line_and_column(site) -> None:
    root, before = site(extra="site_description: Tips: for backs\n")
    line = len(MINI_CONFIG.splitlines()) + 1
    result = build(root)
    out = assert_refused(result, 2, place("mkdocs.yml", line, 23, "CFG002"), site_dir=root / "site", before=before)
    assert "mapping values are not allowed here" in out


def test_a_tab_in_the_yaml_is_named_at_its_line(site) -> None:
    root, before = site(extra="extra:\n\tkey: value\n")
    line = len(MINI_CONFIG.splitlines()) + 2
    assert_refused(build(root), 2, place("mkdocs.yml", line, 1, "CFG002"), site_dir=root / "site", before=before)


def test_unknown_key_is_named_with_a_suggestion(site) -> None:
    root, before = site(extra="extra_csss:\n  - extra.css\n")
    line = len(MINI_CONFIG.splitlines()) + 1
    out = assert_refused(build(root), 2, place("mkdocs.yml", line, 1, "CFG004"), site_dir=root / "site", before=before)
    assert "extra_csss" in out and "Did you mean 'extra_css'?" in out


def test_unknown_theme_option_is_named_at_its_line_and_column(site) -> None:
    config = MINI_CONFIG.replace("  font: false\n", "  font: false\n  pallete:\n    scheme: slate\n")
    root, before = site(config)
    out = assert_refused(build(root), 2, place("mkdocs.yml", line_of(config, "  pallete:"), 3, "CFG004"),
                         site_dir=root / "site", before=before)
    assert "Did you mean 'palette'?" in out


def test_misspelt_theme_name_points_at_the_name(site) -> None:
    config = MINI_CONFIG.replace("name: material", "name: materiall")
    root, before = site(config)
    out = assert_refused(build(root), 2, place("mkdocs.yml", line_of(config, "  name: materiall"), 1, "CFG003"),
                         site_dir=root / "site", before=before)
    assert "Did you mean 'material'?" in out


def test_unknown_extension_option_is_named_at_its_line_without_a_traceback(site) -> None:
    config = MINI_CONFIG.replace("permalink: true", "permalinks: true")
    root, before = site(config)
    out = assert_refused(build(root), 2, place("mkdocs.yml", line_of(config, "      permalinks: true"), 1, "CFG003"),
                         site_dir=root / "site", before=before)
    assert "Failed to load extension 'toc': KeyError: 'permalinks'" in out


def test_nav_entry_for_a_missing_file_is_a_content_error_at_its_line(site) -> None:
    extra = "nav:\n  - Home: index.md\n  - Gone: gone.md\n"
    root, before = site(extra=extra)
    line = len(MINI_CONFIG.splitlines()) + 3
    out = assert_refused(build(root), 1, place("mkdocs.yml", line, 11, "LNK008"), site_dir=root / "site", before=before)
    assert "gone.md" in out


def test_missing_site_url_is_a_configuration_error(site) -> None:
    config = "".join(line for line in MINI_CONFIG.splitlines(keepends=True) if not line.startswith("site_url:"))
    root, before = site(config)
    out = assert_refused(build(root), 2, place("mkdocs.yml", 0, 0, "CFG005"), site_dir=root / "site", before=before)
    assert "Add `site_url:" in out and "cheat sheet" in out


def _python_without(tmp_path: Path, hidden: tuple[str, ...]) -> dict[str, str]:
    """An environment whose Python sees site-packages minus `hidden` (run it with -S).

    Real: the theme package is really absent for that Python, as on a machine where someone
    installed MkDocs but not the pinned requirements.
    """
    packages = next(Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    shim = tmp_path / "site-packages"
    shim.mkdir()
    for entry in packages.iterdir():
        if not entry.name.startswith(hidden):
            (shim / entry.name).symlink_to(entry)
    return {**os.environ, "PYTHONPATH": str(shim), "NO_MKDOCS_2_WARNING": "1"}


def _run_isolated(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-S", str(root / "scripts" / "build.py")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=240, check=False)


def test_theme_package_not_installed_says_what_to_install(site, tmp_path: Path) -> None:
    root, before = site()
    env = _python_without(tmp_path, ("material", "mkdocs_material"))
    result = _run_isolated(root, env)
    out = assert_refused(result, 2, place("mkdocs.yml", line_of(MINI_CONFIG, "  name: material"), 1, "CFG003"),
                         site_dir=root / "site", before=before)
    assert "The theme 'material' is not installed" in out and "pip install mkdocs-material" in out


def test_python_without_the_requirements_says_what_to_install(site, tmp_path: Path) -> None:
    root, before = site()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "nothing"), "NO_MKDOCS_2_WARNING": "1"}
    out = assert_refused(_run_isolated(root, env), 2, place("requirements.txt", 0, 0, "ENV002"),
                         site_dir=root / "site", before=before)
    assert "make site" in out
