"""The one code registry (scripts/guidebuild/codes.toml, read by codes.py) against the code that reports and the docs.

A code used in `scripts/` but missing from the registry, a registered code nothing reports, and a
code the README or CONTRIBUTING explains in other words (or with another severity) all fail here,
each with the line to write.
"""

from __future__ import annotations

import re

import pytest

from guidebuild.codes import CODES, COMMAND_ONLY, FAMILIES, REGISTRY, Code, build_codes, codes_of
from support.sitekit import ROOT, SCRIPTS, run_script

CODE = re.compile(r"\b([A-Z]{2,5}[0-9]{3})\b")
DOC_ROW = re.compile(r"^\| `([A-Z]{2,5}[0-9]{3})` \| ([^|]*?) \|", re.MULTILINE)
DOCS = ("README.md", "CONTRIBUTING.md")
NOT_CODES = frozenset({"SHA256"})  # words of the code's shape that are not finding codes


def used_codes() -> dict[str, str]:
    """Every code written in a Python file under scripts/ (but the registry), with one place."""
    used: dict[str, str] = {}
    for path in sorted(SCRIPTS.rglob("*.py")):
        if path.name == "codes.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for code in set(CODE.findall(line)) - NOT_CODES:
                used.setdefault(code, f"{path.relative_to(ROOT)}:{number}")
    return used


def documented() -> list[tuple[str, str, str]]:
    """(code, words, file) for every row of a code table in the README and CONTRIBUTING."""
    rows = []
    for name in DOCS:
        rows += [(code, words, name) for code, words in DOC_ROW.findall((ROOT / name).read_text(encoding="utf-8"))]
    return rows


def test_the_registry_has_each_code_once_in_a_known_family() -> None:
    assert len(CODES) == len(REGISTRY), "a code is registered twice"
    for entry in REGISTRY:
        assert entry.family in FAMILIES, f"{entry.code}: add its family to FAMILIES"
        assert entry.summary and entry.summary == entry.summary.strip() and not entry.summary.endswith(".")


def test_every_code_the_scripts_use_is_registered() -> None:
    missing = {code: place for code, place in used_codes().items() if code not in CODES}
    assert not missing, f"add these to scripts/guidebuild/codes.toml: {missing}"


def test_every_registered_code_is_used() -> None:
    stale = sorted(set(CODES) - set(used_codes()))
    assert not stale, f"registered but reported nowhere in scripts/ (retire them in the docs, keep the number): {stale}"


def test_the_docs_explain_every_code_once_in_the_registry_s_words() -> None:
    rows = documented()
    seen: dict[str, str] = {}
    for code, words, name in rows:
        assert code in CODES, f"{name} documents {code}, which is not in the registry"
        assert code not in seen, f"{code} is documented twice ({seen[code]} and {name})"
        seen[code] = name
        expected = CODES[code].doc_text()
        assert words == expected, f"{name}: write the row for {code} as `| `{code}` | {expected} |`"
    undocumented = [entry for entry in REGISTRY if entry.code not in seen]
    assert not undocumented, "add these rows to a code table in README.md or CONTRIBUTING.md:\n" + "\n".join(
        f"| `{entry.code}` | {entry.doc_text()} |" for entry in undocumented)


@pytest.mark.parametrize(("script", "listed"), [
    ("build.py", build_codes()),
    ("check_links.py", codes_of("LNK")),
    ("content_report.py", codes_of("RDG", "CIT", "GLO", "RPT")),
])
def test_help_lists_the_codes_of_its_command(script: str, listed: list[Code]) -> None:
    result = run_script(script, "--help", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for entry in listed:
        assert entry.help_line() in result.stdout, f"{script} --help lacks {entry.code}"


def test_the_build_lists_every_code_but_those_of_the_other_commands() -> None:
    assert {entry.code for entry in build_codes()} == set(CODES) - COMMAND_ONLY
    assert {"LNK001", "CIT001", "CHS020", "CFG001", "ENV001"} <= {entry.code for entry in build_codes()}
