"""Load `mkdocs.yml` so that it cannot run code: only the tags the site needs are accepted.

MkDocs reads its configuration with PyYAML's full loader, which builds any Python object a tag
names: `!!python/object/apply:os.system ["…"]` in a pull request's `mkdocs.yml` runs a command
on the machine that builds it (a contributor's laptop, the CI runner). So the build reads the file
itself, first as a graph of YAML nodes (composing builds no Python object, so nothing can run),
refuses every tag it does not know and every structure that could hang or crash what reads it
later, and only then constructs the values with a safe loader. MkDocs gets the finished
dictionary (`MkDocsConfig.load_dict`), never the document.

Accepted tags:
    !ENV VAR / !ENV [VAR, …, default]     an environment variable (as MkDocs documents)
    !relative [$config_dir|$docs_dir/…]   a path placeholder (as MkDocs documents)
    !!python/name:module.attribute        only for the callables in `ALLOWED_NAMES`
    !!python/object/apply:module.factory  only for the factories in `ALLOWED_FACTORIES` (pymdownx's
                                          slug function with options), with plain arguments

Codes:
    CFG006  a YAML tag that is not accepted (it could run code); refused and never executed
    CFG007  a structure that contains itself (a YAML alias to its own parent), nests too deeply,
            or expands to too many entries through aliases (a "billion laughs" document)
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
import yaml_env_tag

from guidebuild.findings import ERROR, Finding, UsageError

PYTHON_NAME = "tag:yaml.org,2002:python/name:"
# The callables a Markdown extension setting may name (`emoji_index`, `emoji_generator`, custom
# fences, slug functions, formats). Anything else is refused: naming a callable imports its module.
ALLOWED_NAMES = frozenset({
    "material.extensions.emoji.twemoji",
    "material.extensions.emoji.to_svg",
    *(f"pymdownx.emoji.{name}" for name in ("emojione", "gemoji", "twemoji", "to_png", "to_svg",
                                            "to_png_sprite", "to_svg_sprite", "to_alt")),
    "pymdownx.superfences.fence_code_format",
    "pymdownx.superfences.fence_div_format",
    "pymdownx.arithmatex.arithmatex_inline_format",
    "pymdownx.arithmatex.arithmatex_fenced_format",
    "pymdownx.slugs.slugify",
    "markdown.extensions.toc.slugify",
    "markdown.extensions.toc.slugify_unicode",
})
# Factories Markdown extensions document with `!!python/object/apply:` (pymdownx's slug function
# with options: `slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}`).
# Only these are called, only with plain values (every nested node's tag is checked too).
PYTHON_APPLY = "tag:yaml.org,2002:python/object/apply:"
ALLOWED_FACTORIES = frozenset({"pymdownx.slugs.slugify"})
ACCEPTED_TAGS = ("!ENV", "!relative")
CORE = "tag:yaml.org,2002:"
CORE_TAGS = frozenset({"str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "merge", "value"})
MAX_DEPTH = 100  # mkdocs.yml nests a few levels; PyYAML's composer recurses (about 3 frames a level)
MAX_NAV_DEPTH = 10  # sections inside sections; Material's templates recurse per level
MAX_EXPANDED = 20_000  # entries counted with every alias expanded (this site has a few hundred)
HINT_TAG = ("Remove the tag. mkdocs.yml may use `!ENV`, `!relative`, and `!!python/name:` or "
            "`!!python/object/apply:` for the few emoji and Markdown extension functions listed in "
            "scripts/guidebuild/privacy/safe_yaml.py.")


class _SafeConfigLoader(yaml.SafeLoader):
    """PyYAML's safe loader plus MkDocs' two tags and the allow-listed `!!python/name:`.

    It also notes each alias that points back to a collection still being read (`nav: &n [*n]`),
    at the alias's own line: in the finished node graph all aliases of an anchor are one node.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.open_anchors: list[str | None] = []
        self.recursive_aliases: list[tuple[str, yaml.Mark]] = []

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self.open_anchors:
                self.recursive_aliases.append((event.anchor, event.start_mark))
            return super().compose_node(parent, index)
        collection = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if collection:
            self.open_anchors.append(event.anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            if collection:
                self.open_anchors.pop()


def _construct_python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix not in ALLOWED_NAMES:  # checked before already; this is the second lock on the door
        raise yaml.constructor.ConstructorError(None, None, f"python/name:{suffix} is not allowed",
                                                node.start_mark)
    module, _, attribute = suffix.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def _construct_python_apply(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """Call an allow-listed factory with plain arguments: a list (`args`) or `{args: […], kwds: {…}}`."""
    if suffix not in ALLOWED_FACTORIES:
        raise yaml.constructor.ConstructorError(None, None, f"python/object/apply:{suffix} is not allowed",
                                                node.start_mark)
    args: list[Any] = []
    kwds: dict[str, Any] = {}
    if isinstance(node, yaml.SequenceNode):
        args = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
        if set(value) - {"args", "kwds"}:
            raise yaml.constructor.ConstructorError(None, None, "only `args` and `kwds` may be given",
                                                    node.start_mark)
        args, kwds = list(value.get("args") or []), dict(value.get("kwds") or {})
    module, _, attribute = suffix.rpartition(".")
    return getattr(importlib.import_module(module), attribute)(*args, **kwds)


_SafeConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_SafeConfigLoader.add_multi_constructor(PYTHON_NAME, _construct_python_name)
_SafeConfigLoader.add_multi_constructor(PYTHON_APPLY, _construct_python_apply)


def _loader_class(config: Any) -> type[yaml.SafeLoader]:
    """A loader class that also knows `!relative` (it needs the configuration object)."""
    from mkdocs.utils.yaml import _construct_dir_placeholder

    class Loader(_SafeConfigLoader):
        pass

    Loader.add_constructor("!relative", functools.partial(_construct_dir_placeholder, config))
    return Loader


def _where(path: Path, mark: yaml.Mark | None) -> tuple[str, int, int]:
    return (str(path), mark.line + 1, mark.column + 1) if mark else (str(path), 0, 0)


def _depth_findings(path: Path, text: str) -> list[Finding]:
    """Nesting deeper than MAX_DEPTH, found with PyYAML's event parser (which does not recurse)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return [Finding(*_where(path, event.start_mark), "CFG007",
                                    f"the configuration nests more than {MAX_DEPTH} levels deep here",
                                    ERROR, "mkdocs.yml needs a few levels; flatten this part.")]
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return []  # reported with its place when the document is composed
    return []


def _children(node: yaml.Node) -> Iterator[tuple[yaml.Node, str]]:
    """A node's children, each with the key it sits under (for mappings) or ''."""
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield child, ""
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, ""
            yield value, str(key.value) if isinstance(key, yaml.ScalarNode) else ""


def _tag_finding(path: Path, node: yaml.Node) -> Finding | None:
    tag = node.tag
    if tag.startswith(PYTHON_NAME):
        name = tag[len(PYTHON_NAME):]
        if name in ALLOWED_NAMES:
            return None
        return Finding(*_where(path, node.start_mark), "CFG006",
                       f"`!!python/name:{name}` is not allowed (not a known function), so it was not loaded",
                       ERROR, HINT_TAG)
    if tag in ACCEPTED_TAGS or (tag.startswith(CORE) and tag[len(CORE):] in CORE_TAGS):
        return None
    if tag.startswith(PYTHON_APPLY) and tag[len(PYTHON_APPLY):] in ALLOWED_FACTORIES:
        return None
    shown = "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag
    return Finding(*_where(path, node.start_mark), "CFG006",
                   f"the YAML tag `{shown}` is not allowed: it could run code, so the file was not loaded",
                   ERROR, HINT_TAG)


def node_findings(path: Path, root: yaml.Node) -> list[Finding]:
    """Every refused tag, self-containing structure, too-deep nav and alias bomb in the node graph.

    Iterative (an explicit stack), so a hostile document cannot crash this check the way it
    crashes the code that reads the constructed value.
    """
    findings: list[Finding] = []
    seen_tags: set[int] = set()
    expanded = 0
    # (node, depth in the nav, ids of the collections on the way here, inside the nav?)
    stack: list[tuple[yaml.Node, int, frozenset[int], bool]] = [(root, 0, frozenset(), False)]
    while stack:
        node, nav_depth, ancestors, in_nav = stack.pop()
        expanded += 1
        if expanded > MAX_EXPANDED:
            findings.append(Finding(*_where(path, node.start_mark), "CFG007",
                                    f"the configuration expands to over {MAX_EXPANDED} entries through "
                                    "YAML aliases (`*name`)", ERROR,
                                    "Write the entries out instead of repeating aliases of aliases."))
            break
        if id(node) not in seen_tags:
            seen_tags.add(id(node))
            found = _tag_finding(path, node)
            if found:
                findings.append(found)
        if not isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
            continue
        if in_nav and isinstance(node, yaml.SequenceNode):
            nav_depth += 1
            if nav_depth > MAX_NAV_DEPTH:
                findings.append(Finding(*_where(path, node.start_mark), "CFG007",
                                        f"the nav nests more than {MAX_NAV_DEPTH} sections deep here", ERROR,
                                        "Readers get lost below two or three levels: flatten the nav."))
                continue
        inside = ancestors | {id(node)}
        for child, key in _children(node):
            if id(child) in inside:
                what = "the nav" if in_nav or key == "nav" else "this entry"
                findings.append(Finding(*_where(path, child.start_mark), "CFG007",
                                        f"{what} contains itself: a YAML alias here points back to the "
                                        "entry that holds it", ERROR,
                                        "Replace the alias (`*name`) with the entries it should list."))
                continue
            stack.append((child, nav_depth, inside, in_nav or (node is root and key == "nav")))
    return list(dict.fromkeys(findings))


def _compose(path: Path, text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        return loader.get_single_node(), loader
    except RecursionError:
        loader.dispose()
        raise UsageError(Finding(str(path), 0, 0, "CFG007", "the configuration nests too deeply to read",
                                 ERROR, "Flatten the deeply nested part.")) from None
    except BaseException:
        loader.dispose()
        raise


def load(path: Path, config: Any, *, _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The configuration file as a dictionary, built only from accepted tags; `UsageError` if not.

    Follows `INHERIT:` like MkDocs (the parent is checked the same way, then deep-merged under the
    child). YAML syntax errors propagate as `yaml.YAMLError` for the caller to place.
    """
    import mergedeep

    text = path.read_text(encoding="utf-8", errors="replace")
    findings = _depth_findings(path, text)
    if findings:
        raise UsageError(*findings)
    node, loader = _compose(path, text, _loader_class(config))
    try:
        if node is None:
            return {}
        findings = [Finding(*_where(path, mark), "CFG007",
                            f"this alias `*{anchor}` points back to the entry that holds it, so the entry "
                            "contains itself", ERROR, "Replace the alias with the entries it should list.")
                    for anchor, mark in loader.recursive_aliases]
        findings += [f for f in node_findings(path, node) if f.code != "CFG007" or not findings]
        if findings:
            raise UsageError(*findings)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise UsageError(Finding(str(path), 1, 1, "CFG002", "the configuration must be `key: value` lines",
                                 ERROR, "Start with `site_name: …` on the first line."))
    parent_name = data.pop("INHERIT", None)
    if parent_name is None:
        return data
    parent = Path(os.path.normpath(path.parent / str(parent_name)))
    if parent in _seen or parent == path or not parent.is_file():
        problem = ("inherits from itself" if parent in (*_seen, path)
                   else f"inherits from '{parent_name}', which does not exist")
        raise UsageError(Finding(str(path), 0, 0, "CFG002", f"the configuration {problem}", ERROR,
                                 "Fix the `INHERIT:` path (relative to this file)."))
    return mergedeep.merge(load(parent, config, _seen=(*_seen, path)), data)


def main(argv: list[str] | None = None) -> int:
    """`python -m guidebuild.privacy.safe_yaml [mkdocs.yml]`: check the file before `mkdocs serve` reads it.

    `mkdocs serve` loads mkdocs.yml with MkDocs' own loader, which runs `!!python/object` tags;
    `make serve` runs this first, so an unsafe file is refused (exit 2) before MkDocs opens it.
    """
    import sys

    from mkdocs.config.defaults import MkDocsConfig

    from guidebuild.findings import format_text

    names = argv if argv is not None else sys.argv[1:]
    path = Path(names[0] if names else "mkdocs.yml")
    try:
        load(path, MkDocsConfig(config_file_path=str(path)))
    except UsageError as error:
        sys.stderr.write("\n".join(format_text(f) for f in error.findings) + "\n")
        return 2
    except (OSError, yaml.YAMLError) as error:
        sys.stderr.write(f"{path}: CFG002 cannot read the configuration: {error}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
