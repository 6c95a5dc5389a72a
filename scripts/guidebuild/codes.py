"""Every finding code the build and its commands report: its severity and what it means, in one line.

Codes are stable (other tools, CI filters and contributors' habits depend on them): never renumber
one, never reuse a retired one. The `--help` texts are made from this table, and the tests fail
when a code is used in `scripts/` but missing here, or when README.md or CONTRIBUTING.md documents
it with other words or another severity.

To add a code, add one line to `codes.toml` beside this file (in its family, in number order),
then the row the test asks for to the code table in README.md or CONTRIBUTING.md. In the docs, a
warning's row starts with "Warning:", and a usage code's row ends with "(exit 2)".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from guidebuild.findings import ERROR, WARNING

USAGE = "usage"  # reported as an error, but about the command, configuration or computer: exit 2


@dataclass(frozen=True)
class Code:
    """One finding code: `severity` is ERROR, WARNING or USAGE; `summary` starts in lower case."""

    code: str
    severity: str
    summary: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def help_line(self) -> str:
        """`  LNK010  page missing from the nav (warning)`, for `--help`."""
        mark = {WARNING: " (warning)", USAGE: " (exit 2)"}.get(self.severity, "")
        return f"  {self.code}  {self.summary}{mark}"

    def doc_text(self) -> str:
        """The words of this code's row in the README/CONTRIBUTING tables."""
        if self.severity == WARNING:
            return "Warning: " + self.summary
        return self.summary[:1].upper() + self.summary[1:] + (" (exit 2)" if self.severity == USAGE else "")


REGISTRY_FILE = Path(__file__).with_name("codes.toml")
SEVERITIES = frozenset({ERROR, WARNING, USAGE})


def _read_registry(path: Path) -> tuple[dict[str, str], tuple[Code, ...]]:
    """The families and the codes of `codes.toml`, in the file's order.

    The table is data, not code: one line a code, read once when this module is imported. A
    mistake in it (a bad severity, a code filed under another family) is a bug in the build, so it
    stops the import with the line to fix rather than surfacing later as a wrong exit code.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    families: dict[str, str] = {}
    entries: list[Code] = []
    for family in data["family"]:
        families[family["prefix"]] = family["about"]
        for code, fields in family["codes"].items():
            entry = Code(code, fields["severity"], fields["summary"])
            if entry.severity not in SEVERITIES or entry.family != family["prefix"]:
                raise ValueError(f"{path.name}: {code}: a severity of {sorted(SEVERITIES)}, "
                                 f"under [[family]] prefix = {entry.family!r}")
            entries.append(entry)
    return families, tuple(entries)


# The family prefix and what its codes are about (for --help and the docs), and every code.
FAMILIES, REGISTRY = _read_registry(REGISTRY_FILE)

CODES: dict[str, Code] = {entry.code: entry for entry in REGISTRY}


def codes_of(*families: str) -> list[Code]:
    """The codes of the given families (all codes when none is given), in registry order."""
    return [entry for entry in REGISTRY if not families or entry.family in families]


# Codes only the stand-alone commands report (their own options, their own page list).
COMMAND_ONLY = frozenset({"LNK901", "LNK902", "RPT001", "RPT002"})


def build_codes() -> list[Code]:
    """Every code `scripts/build.py` can report."""
    return [entry for entry in REGISTRY if entry.code not in COMMAND_ONLY]


def help_list(entries: Iterable[Code]) -> str:
    """One `  CODE  summary` line per code, for an `--help` epilog."""
    return "\n".join(entry.help_line() for entry in entries)
