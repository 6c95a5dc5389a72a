"""One Markdown factory: the site's extensions and settings, with snippet paths resolved once.

Every renderer of the guide's pages (the page model, the link check's probing renderer) gets its
`markdown.Markdown` instances here, so all of them render with exactly what MkDocs uses
(`markdown_extensions`, `mdx_configs`: the real `toc` slugify, `attr_list`, snippets ...).
pymdownx.snippets resolves `base_path` against the working folder; the factory anchors those
paths to the folder that holds mkdocs.yml once, so no caller has to change the working folder.
Downloads are switched off (nothing here fetches anything) and missing snippet files raise, so
the checks can report them; `lenient=True` gives an instance that skips them instead.

This is also the one reader of the `pymdownx.snippets` settings (`SnippetSettings`): which
folders includes are looked up in and which files every page gets appended.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

SNIPPETS = "pymdownx.snippets"

# Extensions whose `reset()` leaves nothing behind that could change the next page's output, so
# one Markdown instance can render page after page (MkDocs builds a fresh one per page; the test
# suite renders pages both ways and compares). Any other extension: a fresh instance per page.
REUSABLE = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.emoji", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.snippets",
    "pymdownx.superfences", "pymdownx.tabbed",
})


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return [value] if isinstance(value, str | os.PathLike) else list(value)  # type: ignore[call-overload]


@dataclass(frozen=True)
class SnippetSettings:
    """What `pymdownx.snippets` is told in mkdocs.yml, with its folders made absolute."""

    enabled: bool
    base_paths: tuple[Path, ...]   # absolute, in the order the extension searches them
    auto_append: tuple[str, ...]   # as written in mkdocs.yml (relative to a base path)

    def resolve(self, name: str) -> Path | None:
        """The file `--8<-- "name"` reads: the first base path that has it (None if none does)."""
        for base in self.base_paths:
            candidate = base / name
            if candidate.is_file():
                return candidate.resolve()
        return None

    def appended_files(self) -> list[Path]:
        """The files appended to every page that exist (a missing one is the link check's LNK013)."""
        found = (self.resolve(name) for name in self.auto_append)
        return [path for path in found if path is not None]


def snippet_settings(extensions: Iterable[Any], configs: Mapping[str, Any], project_root: str | Path
                     ) -> SnippetSettings:
    """Read the snippets settings once, anchoring `base_path` to the project root."""
    settings = dict(configs.get(SNIPPETS) or {})
    enabled = SNIPPETS in configs or SNIPPETS in [e for e in extensions if isinstance(e, str)]
    bases = _as_list(settings.get("base_path", ["."]))
    root = Path(project_root)
    return SnippetSettings(
        enabled,
        tuple(Path(os.path.normpath(root / str(base))) for base in bases),
        tuple(str(name) for name in _as_list(settings.get("auto_append"))),
    )


def _short_name(extension: object) -> str:
    name = extension if isinstance(extension, str) else f"{type(extension).__module__}"
    return name.removeprefix("markdown.extensions.")


class MarkdownFactory:
    """Makes `markdown.Markdown` instances configured as the site's pages are rendered.

    `extensions` and `configs` are MkDocs' `config.markdown_extensions` and `config.mdx_configs`;
    `project_root` is the folder of mkdocs.yml (snippet paths are relative to it).
    """

    def __init__(self, extensions: Iterable[Any], configs: Mapping[str, Any], project_root: str | Path) -> None:
        self.extensions = list(extensions)
        self.snippets = snippet_settings(self.extensions, configs, project_root)
        strict = {name: dict(value or {}) for name, value in configs.items()}
        if self.snippets.enabled:
            snippets = strict.setdefault(SNIPPETS, {})
            snippets["base_path"] = [str(path) for path in self.snippets.base_paths]
            snippets["url_download"] = False
            snippets["check_paths"] = True
        lenient = {name: dict(value) for name, value in strict.items()}
        if SNIPPETS in lenient:
            lenient[SNIPPETS]["check_paths"] = False
        self._configs = {False: strict, True: lenient}
        unique_footnotes = bool(strict.get("footnotes", {}).get("UNIQUE_IDS"))
        #: One instance may render page after page (reset between pages) only when every extension
        #: is known to reset cleanly.
        self.reusable = not unique_footnotes and all(_short_name(e) in REUSABLE for e in self.extensions)
        self.key = repr((self.extensions, sorted((k, repr(v)) for k, v in strict.items())))

    @classmethod
    def for_config(cls, config: Any) -> MarkdownFactory:
        """The factory for a loaded MkDocs (or ProperDocs) configuration."""
        root = os.path.dirname(os.path.abspath(str(config.config_file_path)))
        return cls(config.markdown_extensions, config.mdx_configs or {}, root)

    def configs(self, *, lenient: bool = False) -> dict[str, dict[str, Any]]:
        """The extension settings (a copy) as the factory hands them to Python-Markdown."""
        return {name: dict(value) for name, value in self._configs[lenient].items()}

    def new(self, *, lenient: bool = False) -> markdown.Markdown:
        """A fresh instance; `lenient` skips missing snippet files instead of raising."""
        return markdown.Markdown(extensions=self.extensions, extension_configs=self.configs(lenient=lenient))
