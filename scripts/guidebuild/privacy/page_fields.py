"""Front-matter fields that name theme files: `template:` and `icon:` must name a real one.

MkDocs hands `template:` to Jinja, and Material puts `icon:` into an include path
(`.icons/<icon>.svg`). A name with `..`, an absolute path or a typo makes Jinja raise
`TemplateNotFound` in the middle of rendering, which the build used to report as "cannot write the
output" (the exception is an `OSError`), blaming the output folder. Checked before rendering,
each becomes a finding at the line of the field:

    FM008  `template:` or `icon:` names a file that is not in overrides/ or the theme, or a path
           that leaves them (`..`, `/…`, `\\`)
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from guidebuild.findings import ERROR, Finding

_ICON = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_.-]*)+")


class ThemeFiles:
    """The template and icon names in the theme folders `dirs`, looked up one by one.

    Material ships some fourteen thousand icons: listing them all costs a fifth of a second, a
    cost every build would pay for two front-matter fields that few pages have. A name is checked
    with one file lookup per folder; the full lists are made only to suggest a spelling.
    """

    def __init__(self, dirs: list[str]) -> None:
        self.dirs = [Path(folder) for folder in dirs if Path(folder).is_dir()]
        self._lists: tuple[set[str], set[str]] | None = None

    def has(self, kind: str, name: str) -> bool:
        if kind == "template":
            return (name.endswith(".html") and not name.startswith(".icons/")
                    and any((root / name).is_file() for root in self.dirs))
        return any((root / ".icons" / f"{name}.svg").is_file() for root in self.dirs)

    def names(self, kind: str) -> set[str]:
        """Every template name (`main.html`, `partials/x.html`) or icon name (`material/github`)."""
        if self._lists is None:
            templates: set[str] = set()
            icons: set[str] = set()
            for root in self.dirs:
                for path in root.rglob("*.html"):
                    relative = path.relative_to(root).as_posix()
                    if not relative.startswith(".icons/"):
                        templates.add(relative)
                icon_root = root / ".icons"
                if icon_root.is_dir():
                    icons |= {p.relative_to(icon_root).with_suffix("").as_posix() for p in icon_root.rglob("*.svg")}
            self._lists = (templates, icons)
        return self._lists[0] if kind == "template" else self._lists[1]


def theme_files(dirs: list[str]) -> ThemeFiles:
    """The template and icon names of the theme folders `dirs` (looked up lazily)."""
    return ThemeFiles(dirs)


def _leaves(name: str) -> bool:
    return (name.startswith(("/", "\\", "~")) or "\\" in name or re.match(r"[A-Za-z]:", name) is not None
            or ".." in name.split("/"))


def check(path: str, meta: dict[str, object], places: dict[str, tuple[int, int]], dirs: list[str],
          files: ThemeFiles) -> list[Finding]:
    """FM008 findings for one page's `template:` and `icon:` fields."""
    findings = []
    custom = Path(dirs[0]).name + "/" if dirs else "overrides/"
    for key, what in (("template", "template"), ("icon", "icon")):
        if key not in meta:
            continue
        value = meta[key]
        line, column = places.get(key, (0, 0))
        name = value if isinstance(value, str) else ""
        if key == "icon" and name and not _leaves(name) and not _ICON.fullmatch(name):
            problem = f"icon '{name}' is not an icon name such as `material/hand-back-left`"
        elif not name.strip():
            problem = f"'{key}' must name a {what} file, not {value!r}"
        elif _leaves(name):
            problem = f"{what} '{name}' points outside {custom} and the theme"
        elif files.has(key, name):
            continue
        else:
            problem = f"{what} '{name}' is not in {custom} or the theme"
        close = difflib.get_close_matches(name, sorted(files.names(key)), n=1, cutoff=0.7) if name else []
        hint = (f"Did you mean '{close[0]}'? " if close else "") + (
            f"Name a file in {custom} (e.g. `template: cheatsheet.html`) or remove the line."
            if key == "template" else "Use a name from the theme's icon set, e.g. `material/hand-back-left`.")
        findings.append(Finding(path, line, column, "FM008", problem, ERROR, hint))
    return findings
