"""One type for every problem the build can find, and the ways to show it.

Link errors, unsafe HTML, bad front matter, an overflowing cheat sheet: each is a `Finding`.
Every check returns a list of them and never prints, so the same checks serve the command line,
the MkDocs hooks used by `mkdocs serve`, and the tests (which assert on findings, not on text).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Exit codes shared by every command, in the style of ruff and pre-commit."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERRUPTED = 130  # Ctrl-C or SIGTERM, as shells report a death by SIGINT (128 + 2)


ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at a place: `path:line:col: CODE message`.

    `path` is kept as given (absolute or relative); formatters make it relative to the current
    folder so that editors and terminals can jump to it. `line` and `column` are 1-based; 0 means
    "the whole file" (a place could not be named more precisely).
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = ERROR
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class UsageError(Exception):
    """A problem with how the command was called or configured (exit 2).

    Raised with the findings that explain it (all of them, not just the first), so the entry
    point can print them in the chosen format and exit 2.
    """

    def __init__(self, *findings: Finding) -> None:
        super().__init__("; ".join(f.message for f in findings))
        self.findings = list(findings)


def display_path(path: str) -> str:
    """Show a path relative to the current folder when it lies below it (compiler style)."""
    if not path:
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def _location(finding: Finding) -> str:
    path = display_path(finding.path)
    if finding.line <= 0:
        return path
    if finding.column <= 0:
        return f"{path}:{finding.line}"
    return f"{path}:{finding.line}:{finding.column}"


def _hint_suffix(finding: Finding) -> str:
    """The hint as a sentence of its own after the message (`… not found. Did you mean …?`)."""
    if not finding.hint:
        return ""
    joiner = " " if finding.message.rstrip().endswith((".", "!", "?", ":", ";")) else ". "
    return joiner + finding.hint


def format_text(finding: Finding) -> str:
    """`path:line:col: CODE message (hint)`, with `warning:` marked so it stands out."""
    label = "" if finding.is_error else "warning: "
    hint = _hint_suffix(finding)
    location = _location(finding)
    where = f"{location}: " if location else ""  # a finding about no file starts with its code
    return f"{where}{finding.code} {label}{finding.message}{hint}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(finding: Finding) -> str:
    """A GitHub Actions workflow command, escaped as actions/toolkit does."""
    kind = "error" if finding.is_error else "warning"
    props = [f"file={_escape_property(display_path(finding.path))}"]
    if finding.line > 0:
        props.append(f"line={finding.line}")
    if finding.column > 0:
        props.append(f"col={finding.column}")
    props.append(f"title={_escape_property(finding.code)}")
    message = finding.message + _hint_suffix(finding)
    return f"::{kind} {','.join(props)}::{_escape_data(message)}"


def as_dict(finding: Finding) -> dict[str, object]:
    """The JSON shape: path, line, column, code, message, plus severity and hint."""
    data = asdict(finding)
    data["path"] = display_path(finding.path)
    return data


def render(findings: Iterable[Finding], fmt: str) -> str:
    """Render findings in one of the formats `text`, `json` or `github`."""
    items = sorted(findings, key=lambda f: (display_path(f.path), f.line, f.column, f.code))
    if fmt == "json":
        return json.dumps([as_dict(f) for f in items], indent=2, ensure_ascii=False)
    formatter = format_github if fmt == "github" else format_text
    return "\n".join(formatter(f) for f in items)


def summary(findings: list[Finding]) -> str:
    """A closing line such as `2 errors, 1 warning.` (or `No problems found.`)."""
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if not findings:
        return "No problems found."
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts) + "."


def exit_code(findings: Iterable[Finding]) -> ExitCode:
    """1 when any finding is an error, else 0: warnings alone never fail a build."""
    return ExitCode.FINDINGS if any(f.is_error for f in findings) else ExitCode.OK


def file_finding(path: Path | str, code: str, message: str, hint: str = "", *,
                 line: int = 0, column: int = 0, severity: str = ERROR) -> Finding:
    """Shorthand used by checks that know a file but maybe not a line."""
    return Finding(str(path), line, column, code, message, severity, hint)
