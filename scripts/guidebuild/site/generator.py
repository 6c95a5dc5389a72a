"""Which program renders the site: MkDocs 1.6 (the default and the pinned requirement) or ProperDocs.

ProperDocs is a maintained fork of MkDocs 1.6 that builds this site unchanged, but its package is
called `properdocs`, so code that imports `mkdocs` (ours, Material's, the hooks') stops with
"No module named 'mkdocs'". ProperDocs ships an alias for exactly this: importing
`properdocs.replacement` makes every `mkdocs.*` import load the matching `properdocs.*` module.
It must be installed before anything imports `mkdocs`, so the entry points call `use()` right
after parsing their options and before importing the rest of the build.

`auto` (the default) takes MkDocs when it is installed, else ProperDocs. (`python -m mkdocs` does
not work through the alias; nothing here runs MkDocs as a command.)
"""

from __future__ import annotations

import importlib.util
import sys

from guidebuild.findings import ERROR, Finding, UsageError

MKDOCS = "mkdocs"
PROPERDOCS = "properdocs"
CHOICES = ("auto", MKDOCS, PROPERDOCS)
#: How the progress lines and messages name each program.
TITLES = {MKDOCS: "MkDocs", PROPERDOCS: "ProperDocs"}


def installed(name: str) -> bool:
    """Is this generator's package importable by this Python?"""
    return importlib.util.find_spec(name) is not None


def _in_use() -> str | None:
    """The generator whose modules are already loaded under the name `mkdocs`, if any."""
    module = sys.modules.get(MKDOCS)
    if module is None:
        return None
    return PROPERDOCS if getattr(module, "__name__", MKDOCS) == PROPERDOCS else MKDOCS


def use(requested: str | None = "auto") -> str:
    """Make `import mkdocs` load the chosen generator; return its name (`mkdocs` or `properdocs`).

    Raises `UsageError` (exit 2) when the generator asked for is not installed, or when another
    one was loaded already in this process (they cannot be swapped once imported).
    """
    wanted = requested or "auto"
    if wanted == "auto":
        loaded = _in_use()
        if loaded is not None:
            return loaded
        if not installed(MKDOCS) and not installed(PROPERDOCS):
            # Neither: a Python without the pinned packages. The import that follows fails and the
            # command says which package is missing and how to install it (ENV002), as for any other.
            return MKDOCS
        wanted = MKDOCS if installed(MKDOCS) else PROPERDOCS
    if wanted not in (MKDOCS, PROPERDOCS):
        raise UsageError(Finding("", 0, 0, "ENV003", f"unknown site generator '{wanted}'", ERROR,
                                 f"Choose one of: {', '.join(CHOICES)}."))
    loaded = _in_use()
    if loaded is not None and loaded != wanted:
        raise UsageError(Finding("", 0, 0, "ENV003",
                                 f"{TITLES[loaded]} is already loaded in this process; "
                                 f"cannot switch to {TITLES[wanted]}",
                                 ERROR, "Run the build in a fresh Python process."))
    if not installed(wanted):
        raise UsageError(Finding("requirements.txt", 0, 0, "ENV003",
                                 f"the site generator {TITLES[wanted]} is not installed for {sys.executable}",
                                 ERROR, "Run `make site` for MkDocs (the pinned default), or install "
                                        "ProperDocs (`pip install properdocs`) and pass --generator properdocs."))
    if wanted == PROPERDOCS and loaded is None:
        import properdocs.replacement  # noqa: F401  (the alias: `mkdocs.*` loads `properdocs.*`)
    return wanted


def title() -> str:
    """The name of the generator in use, for progress lines (`MkDocs` before any is loaded)."""
    return TITLES[_in_use() or MKDOCS]
