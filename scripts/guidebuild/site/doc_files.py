"""Check the files in `docs/` as files: symlinks out of the folder, names, encodings, sizes.

These are the mistakes that break a build in confusing ways, or only on someone else's computer:
a page saved in Latin-1, two pages whose names differ only in case (both fine on Linux, one lost
on macOS and Windows), a symlink that publishes a file from outside `docs/`. Each becomes a
finding with the place to fix.

Codes: SRC001-SRC007 (see guidebuild/codes.toml); SRC007, a page that takes too long to check,
comes from checks/docs_folder.py.
(A nav entry for a missing file is LNK008, from the link check.)
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pathspec
from mkdocs.utils import markdown_extensions

from guidebuild.findings import Finding
from guidebuild.site.textpos import byte_position, decode_source

MAX_PAGE_BYTES = 1024 * 1024
TEXT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".css", ".txt")
# MkDocs never publishes dotfiles or a top-level templates/ folder (mkdocs.structure.files).
_DEFAULT_EXCLUDE = pathspec.gitignore.GitIgnoreSpec.from_lines([".*", "/templates/"])


@dataclass(frozen=True)
class DocFile:
    """A regular file under docs/ that MkDocs will publish."""

    path: Path  # absolute
    rel: str  # relative to docs/, with forward slashes (as MkDocs names it)

    @property
    def is_page(self) -> bool:
        return self.rel.lower().endswith(markdown_extensions)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk(docs_dir: str, exclude: pathspec.PathSpec | None = None) -> tuple[list[DocFile], list[Finding]]:
    """List the files MkDocs will publish, and check symlinks and names on the way.

    Symlinks are never followed: one pointing inside docs/ is harmless (its target is checked where
    it lives), one pointing outside is refused, one pointing nowhere is reported.
    """
    root = os.path.realpath(docs_dir)
    spec = _DEFAULT_EXCLUDE + exclude if exclude is not None else _DEFAULT_EXCLUDE
    files: list[DocFile] = []
    findings: list[Finding] = []
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=False):
        dirnames.sort()
        relative_folder = os.path.relpath(folder, docs_dir)
        findings += _case_collisions(folder, sorted(dirnames + filenames))
        for name in sorted(dirnames + filenames):
            path = os.path.join(folder, name)
            rel = name if relative_folder == "." else f"{relative_folder}/{name}".replace(os.sep, "/")
            if os.path.islink(path):
                findings += _symlink(path, root)
                continue
            if name in filenames and not spec.match_file(rel) and os.path.isfile(path):
                files.append(DocFile(Path(path), rel))
    return files, findings


def _symlink(path: str, root: str) -> list[Finding]:
    target = os.path.realpath(path)
    shown = os.readlink(path)
    if not os.path.exists(target):
        return [Finding(path, 0, 0, "SRC006", f"symlink points to '{shown}', which does not exist",
                        hint="Delete the link, or replace it with the file itself.")]
    if not _inside(target, root):
        return [Finding(path, 0, 0, "SRC005", f"symlink points outside docs/ (to '{shown}'); refused",
                        hint="A link out of docs/ would publish that file on the website. "
                             "Copy the file into docs/ instead, if it is meant to be public.")]
    return []


def _case_collisions(folder: str, names: list[str]) -> list[Finding]:
    seen: dict[str, str] = {}
    findings = []
    for name in names:
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            findings.append(Finding(os.path.join(folder, name), 0, 0, "SRC004",
                                    f"'{name}' and '{seen[folded]}' differ only in case",
                                    hint="macOS and Windows cannot hold both; rename or merge one of them."))
        else:
            seen[folded] = name
    return findings


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """A plain file, not a named pipe or a device named like a page: reading one of those would block
    for ever, so the walk skips them and every reader refuses them. (An OSError from `stat`, such
    as permission denied, is left to the caller: it is the computer's problem, not the page's.)"""
    return stat.S_ISREG(os.stat(path).st_mode)


def read_checked(file: DocFile) -> tuple[bytes, str | None, list[Finding]]:
    """Read a text file; return its bytes, its text (None if it cannot be decoded) and findings."""
    data = file.path.read_bytes()
    findings: list[Finding] = []
    if file.is_page and len(data) > MAX_PAGE_BYTES:
        findings.append(Finding(str(file.path), 0, 0, "SRC003",
                                f"page is {len(data) / 1_000_000:.1f} MB; pages must be under "
                                f"{MAX_PAGE_BYTES // 1024 // 1024} MB (it was not checked further)",
                                hint="Split it into several pages, or move data out of it."))
        return data, None, findings
    try:
        text = decode_source(data)
    except UnicodeDecodeError as error:
        line, column = byte_position(data, error.start)
        findings.append(Finding(str(file.path), line, column, "SRC001",
                                f"not UTF-8: byte 0x{data[error.start]:02x} at byte {error.start} cannot be decoded",
                                hint="Save the file as UTF-8 in your editor ('Save with encoding' → UTF-8)."))
        return data, None, findings
    return data, text, findings


def empty_page(file: DocFile, body: str, meta: dict[str, object]) -> Finding | None:
    """A page with no text renders as a blank page, unless a template draws it."""
    if body.strip() or meta.get("template"):
        return None
    what = "is empty" if not meta else "has front matter but no text"
    return Finding(str(file.path), 0, 0, "SRC002", f"page {what}",
                   hint="Write the page, or delete it and its entry in the nav of mkdocs.yml.")
