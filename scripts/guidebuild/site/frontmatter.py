"""Check each page's front matter: present, valid YAML, complete, typed, and safe to print.

MkDocs is forgiving here in ways that hurt readers: front matter with a YAML error is silently
dropped and shown as text at the top of the page, a misspelt `descripion:` just leaves the page
without a meta description, and a date that is not a date breaks the review-date line. The
templates also insert `title` and `description` into the HTML without escaping them. Each of these
becomes a finding at the line (and column) in the page, so a contributor can jump straight to it.

Codes: FM001-FM007, and SAFE008 for a front-matter text (any field, any depth) that contains `<`,
`>` or `"`, which the templates would print unescaped (their meanings are in guidebuild/codes.toml).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from guidebuild.findings import Finding

# The same pattern as `mkdocs.utils.meta.YAML_RE`, so we check exactly what MkDocs treats as front
# matter (the file must start with `---`; the block ends at the next `---` or `...` line).
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

TEXT = "text"
DATE = "date"
# Every page needs these: the templates print them (title, meta description, review dates).
REQUIRED: dict[str, str] = {
    "title": TEXT,
    "description": TEXT,
    "last_reviewed": DATE,
    "next_review": DATE,
}
# Other fields MkDocs and Material understand; only used to suggest spellings, never required.
KNOWN_OPTIONAL = ("template", "hide", "search", "icon", "status", "subtitle", "tags", "comments")
# Characters the templates would insert into HTML unescaped (`<title>{{ page.meta.title }}`,
# `content="{{ page.meta.description }}"`): they could end an attribute or open a tag.
UNSAFE_TEXT = re.compile(r'[<>"]')
EXAMPLE = ("a line `---`, then `title:`, `description:`, `last_reviewed: YYYY-MM-DD` and "
           "`next_review: YYYY-MM-DD` lines, then `---` again (see CONTRIBUTING.md)")


@dataclass
class FrontMatter:
    """What a page's front matter held and where the page's text starts."""

    meta: dict[str, Any] = field(default_factory=dict)
    body_offset: int = 0  # offset in the text where MkDocs starts rendering
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # field name -> its 1-based line in the page
    places: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (line, column) of its value


def _suggest(key: str, candidates: list[str]) -> str | None:
    folded = key.lower().replace("-", "_").replace(" ", "_")
    if folded in candidates and folded != key:
        return folded
    matches = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
    return matches[0] if matches else None


def parse(path: str, text: str) -> FrontMatter:
    """Parse and check the front matter of one page (text decoded as MkDocs decodes it)."""
    result = FrontMatter()
    found = result.findings
    match = FRONT_MATTER_RE.match(text)
    if not match:
        if re.match(r"-{3}[ \t]*\n", text):
            found.append(Finding(path, 1, 1, "FM001", "front matter is not closed",
                                 hint="End the front matter with a line holding only `---`, after the last field."))
        else:
            found.append(Finding(path, 1, 1, "FM002", "page has no front matter",
                                 hint="Start the page with " + EXAMPLE + "."))
        return result
    source = match.group(1)
    closing_line = source.count("\n") + 2  # line 1 is the opening `---`
    loader = yaml.SafeLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            pairs: list[tuple[yaml.Node, yaml.Node]] = []
        elif isinstance(node, yaml.MappingNode):
            pairs = node.value
            result.body_offset = match.end()  # MkDocs strips front matter only when it is a mapping
        else:
            line, column = node.start_mark.line + 2, node.start_mark.column + 1
            found.append(Finding(path, line, column, "FM001", "front matter must be `key: value` lines",
                                 hint="Write one field per line, e.g. `title: Safety first`."))
            return result
        _check_fields(path, loader, pairs, closing_line, result)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        message = f"front matter is not valid YAML: {problem}" + (f" ({context})" if context else "")
        found.append(Finding(path, line, column, "FM001", message,
                             hint="Check this line: every field is `key: value` with a space after the colon; "
                                  "put text containing `: ` or `#` in quotes."))
    finally:
        loader.dispose()
    return result


def _check_fields(path: str, loader: yaml.SafeLoader, pairs: list[tuple[yaml.Node, yaml.Node]],
                  closing_line: int, result: FrontMatter) -> None:
    found = result.findings
    places: dict[str, tuple[int, int]] = {}
    misspelt: dict[str, str] = {}  # required field -> the misspelt key that stands for it
    known = [*REQUIRED, *KNOWN_OPTIONAL]
    for key_node, value_node in pairs:
        line, column = key_node.start_mark.line + 2, key_node.start_mark.column + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            found.append(Finding(path, line, column, "FM001", "front matter field names must be plain words",
                                 hint="Write `name: value`, e.g. `title: Safety first`."))
            continue
        if key in places:
            first = places[key][0]
            found.append(Finding(path, line, column, "FM007", f"field '{key}' is given twice (first on line {first})",
                                 hint="Keep one of them: YAML silently uses the last."))
            continue
        places[key] = (line, column)
        result.lines[key] = line
        try:
            value = loader.construct_object(value_node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as error:
            vline, vcolumn = value_node.start_mark.line + 2, value_node.start_mark.column + 1
            found.append(Finding(path, vline, vcolumn, "FM005", f"'{key}' is not a valid value: {error}",
                                 hint="Dates are written YYYY-MM-DD, e.g. 2026-11-25, and must exist in the calendar."))
            continue
        result.meta[key] = value
        result.places[key] = (value_node.start_mark.line + 2, value_node.start_mark.column + 1)
        found += _unsafe_text(path, key, value, value_node)
        if key not in known:
            suggestion = _suggest(key, known)
            if suggestion and suggestion not in [k for k, _ in _keys(pairs)]:
                found.append(Finding(path, line, column, "FM004",
                                     f"unknown front matter field '{key}': did you mean '{suggestion}'?",
                                     hint=f"Rename it to `{suggestion}:`."))
                misspelt[suggestion] = key
            continue
        _check_value(path, key, value, value_node, found)
    for name in REQUIRED:
        if name not in places and name not in misspelt:
            found.append(Finding(path, closing_line, 1, "FM003", f"front matter has no '{name}'",
                                 hint=f"Add a line `{name}: …` before this `---` (see CONTRIBUTING.md)."))
    last, nxt = result.meta.get("last_reviewed"), result.meta.get("next_review")
    if _is_date(last) and _is_date(nxt) and nxt <= last:
        line, column = places["next_review"]
        found.append(Finding(path, line, column, "FM006",
                             f"next_review ({nxt}) must be after last_reviewed ({last})",
                             hint="Set next_review to the date of the next check, usually a year later."))


def _keys(pairs: list[tuple[yaml.Node, yaml.Node]]) -> list[tuple[str, yaml.Node]]:
    return [(k.value, v) for k, v in pairs if isinstance(k, yaml.ScalarNode)]


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _check_value(path: str, key: str, value: Any, node: yaml.Node, found: list[Finding]) -> None:
    line, column = node.start_mark.line + 2, node.start_mark.column + 1
    kind = REQUIRED.get(key)
    if kind == TEXT:
        if not isinstance(value, str) or not value.strip():
            found.append(Finding(path, line, column, "FM005", f"'{key}' must be text, not {_describe(value)}",
                                 hint=f"Write a plain sentence after `{key}: ` (in quotes if it starts with a digit)."))
            return
    elif kind == DATE and not _is_date(value):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            message = f"'{key}' is text, not a date: write it without quotes"
        else:
            message = f"'{key}' must be a date in the form YYYY-MM-DD, not {_describe(value)}"
        found.append(Finding(path, line, column, "FM005", message, hint=f"For example `{key}: 2026-11-25`."))


def _unsafe_text(path: str, key: str, value: Any, node: yaml.Node) -> list[Finding]:
    """SAFE008 for any text in any field, however nested: the theme prints many fields unescaped.

    Material prints `title`, `description`, `author`, `subtitle`, `status`, `location` and the
    revision dates as they are (MkDocs renders templates without autoescaping), and puts `icon`
    into a file path; our overrides print the review dates. Rather than trust a list that the next
    theme update can lengthen, no front-matter text may hold `<`, `>` or `"`.
    """
    texts: list[tuple[str, yaml.Node]] = []
    stack: list[tuple[Any, yaml.Node]] = [(value, node)]
    while stack:
        item, item_node = stack.pop()
        if isinstance(item, str):
            texts.append((item, item_node))
        elif isinstance(item, (list, dict)) and isinstance(item_node, (yaml.SequenceNode, yaml.MappingNode)):
            children = (item_node.value if isinstance(item_node, yaml.SequenceNode)
                        else [n for pair in item_node.value for n in pair])
            items = item if isinstance(item, list) else [x for pair in item.items() for x in pair]
            stack += [(child, child_node) for child, child_node in zip(items, children, strict=False)][::-1]
    findings = []
    for text, text_node in texts:
        unsafe = UNSAFE_TEXT.search(text)
        if unsafe:
            line, column = text_node.start_mark.line + 2, text_node.start_mark.column + 1
            findings.append(Finding(path, line, column, "SAFE008",
                                    f"'{key}' contains {unsafe.group(0)!r}; templates insert it into HTML unescaped",
                                    hint="Remove `<` and `>`, and use typographic quotes “ ” instead of \"."))
    return findings


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "empty text"
    return f"{type(value).__name__} {value!r}"
