"""One finding, three formats, and exit codes that only errors can raise."""

from __future__ import annotations

import json
import os

from guidebuild.findings import ERROR, WARNING, ExitCode, Finding, exit_code, format_github, render, summary


def test_text_format_is_compiler_style_and_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    finding = Finding(str(tmp_path / "docs" / "tips.md"), 12, 5, "LNK001", "link to a missing page",
                      hint="Did you mean 'tips.md'?")
    assert render([finding], "text") == (
        f"docs{os.sep}tips.md:12:5: LNK001 link to a missing page. Did you mean 'tips.md'?")


def test_warnings_are_marked_and_never_fail(tmp_path):
    warning = Finding("a.md", 1, 1, "REV001", "review overdue", WARNING)
    assert "REV001 warning: review overdue" in render([warning], "text")
    assert exit_code([warning]) is ExitCode.OK
    assert exit_code([warning, Finding("a.md", 2, 1, "X", "bad", ERROR)]) is ExitCode.FINDINGS


def test_github_format_escapes_properties_and_data():
    finding = Finding("docs/a,b.md", 3, 7, "LNK:1", "50% done\nnext line")
    assert format_github(finding) == "::error file=docs/a%2Cb.md,line=3,col=7,title=LNK%3A1::50%25 done%0Anext line"


def test_json_has_the_documented_keys():
    data = json.loads(render([Finding("a.md", 1, 2, "C1", "m")], "json"))
    assert data == [{"path": "a.md", "line": 1, "column": 2, "code": "C1", "message": "m",
                     "severity": "error", "hint": ""}]


def test_summary_counts_errors_and_warnings():
    assert summary([]) == "No problems found."
    assert summary([Finding("a", 1, 1, "C", "m"), Finding("a", 2, 1, "C", "m", WARNING)]) == "1 error, 1 warning."
