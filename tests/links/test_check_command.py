"""`scripts/check_links.py` as other tools call it: formats, exit codes, paths and usage errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.links_corpus import BASE_PAGES, mkdocs_build, write_site

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_links.py"
BROKEN = {**BASE_PAGES, "case.md": "# Case\n\nSee [it](nope.md), 100% sure.\n"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_clean_site_exits_0(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", BASE_PAGES)
    result = run(cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "No problems found.\n"


def test_text_format_one_finding_per_line_then_a_summary(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", BROKEN)
    result = run(cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docs/case.md:3:10: LNK001 link to missing page 'nope.md'")
    assert lines[-1] == "1 error."


def test_paths_are_relative_to_the_current_folder(tmp_path: Path) -> None:
    write_site(tmp_path / "site", BROKEN)
    result = run("-f", "site/mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("site/docs/case.md:3:10: LNK001 ")


def test_json_format_is_pure_json_on_stdout(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", BROKEN)
    result = run("--format", "json", cwd=root)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 1
    assert {"path", "line", "column", "code", "message"} <= set(data[0])
    assert (data[0]["path"], data[0]["line"], data[0]["column"], data[0]["code"]) == ("docs/case.md", 3, 10, "LNK001")


def test_json_format_with_no_findings_is_an_empty_array(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", BASE_PAGES)
    result = run("--format", "json", cwd=root)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_github_format_is_escaped_workflow_commands(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "a,b.md": "# A\n\nSee [it](nope.md), 100% sure.\n"}
    root = write_site(tmp_path / "site", pages)
    result = run("--format", "github", cwd=root)
    assert result.returncode == 1
    line = result.stdout.strip()
    assert line.startswith("::error file=docs/a%2Cb.md,line=3,col=10,title=LNK001::link to missing page 'nope.md'")
    assert "\n" not in line


def test_warnings_alone_exit_0_and_can_be_made_errors(tmp_path: Path) -> None:
    config_nav = "nav:\n  - index.md\n  - tips.md\n  - guide/index.md\n  - guide/page.md\n"
    from support.links_corpus import BASE_CONFIG

    root = write_site(tmp_path / "site", BASE_PAGES, BASE_CONFIG + config_nav)  # empty/a.md is left out
    result = run(cwd=root)
    assert result.returncode == 0
    assert "LNK010 warning: page 'empty/a.md' is not in the nav" in result.stdout
    assert run("--omitted-pages", "error", cwd=root).returncode == 1
    assert run("--omitted-pages", "ignore", cwd=root).stdout == "No problems found.\n"


@pytest.mark.parametrize(("args", "setup", "start"), [
    ((), "none", "mkdocs.yml: CFG001 no mkdocs.yml in the current folder"),
    (("-f", "nope.yml"), "none", "nope.yml: CFG001 configuration file not found"),
    ((), "bad-yaml", "mkdocs.yml:3:1: CFG002 invalid YAML"),
    (("--colour",), "good", "check_links.py: error: unrecognized arguments: --colour"),
    (("--format", "xml"), "good", "check_links.py: error: argument --format"),
    (("--site-dir", "nowhere"), "good", "nowhere: LNK901 built site folder not found"),
])
def test_usage_and_configuration_errors_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...], setup: str,
                                                             start: str) -> None:
    root = tmp_path / "site"
    if setup == "none":
        root.mkdir()
    else:
        write_site(root, BASE_PAGES)
    if setup == "bad-yaml":
        (root / "mkdocs.yml").write_text("site_name: Bad\ntheme: [unclosed\n", encoding="utf-8")
    result = run(*args, cwd=root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(start), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_help_documents_every_code_and_the_exit_codes(tmp_path: Path) -> None:
    from guidebuild.links.source_links import CODES

    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for code, (_severity, text) in CODES.items():
        assert f"{code}  {text}" in result.stdout
    assert "0 no errors" in result.stdout and "2 usage or configuration error" in result.stdout


def test_site_dir_also_checks_the_built_html(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", BASE_PAGES)
    assert mkdocs_build(root, root / "out").returncode == 0
    (root / "out" / "tips" / "index.html").write_text('<a href="../gone/">x</a>\n<a href="#nope">y</a>\n',
                                                      encoding="utf-8")
    result = run("--site-dir", "out", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "out/tips/index.html:1:1: LNK101 '../gone/' points to 'gone/', which is not in the built site",
        "out/tips/index.html:2:1: LNK102 '#nope': no element with id 'nope' in 'tips/index.html'",
    ]
