"""Source check: settings in mkdocs.yml that make every page load another host, and file types.

The output check would catch these too, but only after rendering and at the built page; here each
is named at its line in mkdocs.yml before anything is built, with the setting to change:

    PRIV006  `extra_javascript`/`extra_css` from another host, `extra.analytics`, `theme.font` not
             `false` (Material then loads Google Fonts), `theme.logo`/`theme.favicon` from
             another host, or unsafe HTML in `copyright` (printed on every page as it is)
    PRIV003  a file in docs/ of a type the site does not publish (`.xhtml`, `.xml`, `.svgz`,
             `.mjs`, `.wasm`, `.swf` …), or a script outside docs/javascripts/
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig

from guidebuild.checks import safety
from guidebuild.findings import ERROR, Finding
from guidebuild.privacy.output import PROJECT_SCRIPTS, PUBLISHED
from guidebuild.privacy.urls import own_prefixes, short, stays_here
from guidebuild.site import doc_files

# What docs/ may hold: what the site publishes, plus the Markdown it is made from.
DOCS_SUFFIXES = frozenset({*PUBLISHED, ".md", ".markdown"}) - {".xml"}
HINT_HOST = "Save a copy under docs/ and name it with a relative path: readers' browsers then ask no other site."


def _node(root: yaml.Node | None, *path: str | int, key: bool = False) -> yaml.Node | None:
    """The node at `path` (keys and list indexes) in the composed file; with `key`, the last key's node."""
    node = root
    for number, step in enumerate(path):
        last = number == len(path) - 1
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
            node = node.value[step]
        elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == step), None)
            node = None if pair is None else pair[0] if (key and last) else pair[1]
        else:
            return None
    return node


def _at(path: Path, node: yaml.Node | None, code: str, message: str, hint: str) -> Finding:
    line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (0, 0)
    return Finding(str(path), line, column, code, message, ERROR, hint)


def _entry_path(entry: Any) -> str:
    return str(getattr(entry, "path", entry) or "")


def check_config(config: MkDocsConfig) -> list[Finding]:
    """PRIV006 findings for settings that load other hosts on every page."""
    path = Path(config.config_file_path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8", errors="replace"), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    own = own_prefixes(config.site_url)
    findings = []
    for key in ("extra_javascript", "extra_css"):
        for number, entry in enumerate(config.get(key) or []):
            url = _entry_path(entry)
            if not stays_here(url, own, data_pictures=False):
                node = _node(root, key, number)
                node = _node(node, "path") or node
                findings.append(_at(path, node, "PRIV006",
                                    f"`{key}` loads {short(url)} from another site on every page", HINT_HOST))
    analytics = (config.extra or {}).get("analytics")
    if analytics:
        findings.append(_at(path, _node(root, "extra", "analytics", key=True), "PRIV006",
                            "`extra.analytics` makes every page send readers' visits to an analytics service",
                            "Remove it: the guide promises no analytics (see the About page)."))
    theme = config.theme
    font = theme.get("font")
    if font is not False:
        node = _node(root, "theme", "font", key=True) or _node(root, "theme", key=True)
        findings.append(_at(path, node, "PRIV006",
                            "`theme.font` is not `false`, so Material loads its fonts from Google Fonts on every page",
                            "Set `font: false` under `theme:` (the site uses the reader's system fonts)."))
    for option in ("logo", "favicon"):
        value = str(theme.get(option) or "")
        if value and not stays_here(value, own, data_pictures=False):
            findings.append(_at(path, _node(root, "theme", option), "PRIV006",
                                f"`theme.{option}` loads {short(value)} from another site on every page", HINT_HOST))
    copyright_text = str(config.get("copyright") or "")
    if copyright_text:
        node = _node(root, "copyright")
        for problem in safety.check_html(str(path), copyright_text, own):
            findings.append(_at(path, node, "PRIV006",
                                f"`copyright` is printed on every page as HTML: {problem.message}", problem.hint))
    return findings


def check_file_types(config: MkDocsConfig) -> list[Finding]:
    """PRIV003 for every file in docs/ the site would publish but does not need."""
    files, _ = doc_files.walk(config.docs_dir, config.get("exclude_docs"))
    findings = []
    for file in files:
        suffix = file.path.suffix.lower()
        if suffix not in DOCS_SUFFIXES:
            findings.append(Finding(str(file.path), 0, 0, "PRIV003",
                                    f"files of type '{suffix or file.path.name}' are not published "
                                    f"(browsers may run what is in them, and no check reads them)", ERROR,
                                    "Use Markdown for pages, SVG/PNG/JPEG/WebP/AVIF/GIF for pictures, .css for "
                                    f"styles and docs/{PROJECT_SCRIPTS} for scripts; or remove the file."))
        elif suffix == ".js" and not file.rel.startswith(PROJECT_SCRIPTS):
            findings.append(Finding(str(file.path), 0, 0, "PRIV003",
                                    f"a script outside docs/{PROJECT_SCRIPTS}: it would be published and could be "
                                    "loaded by any page", ERROR, f"Move it to docs/{PROJECT_SCRIPTS} and load it "
                                    "from a template block, or remove it."))
    return findings


def check_privacy_settings(config: MkDocsConfig) -> list[Finding]:
    """Source stage: mkdocs.yml settings and docs/ file types (nothing is written)."""
    return check_config(config) + check_file_types(config)
