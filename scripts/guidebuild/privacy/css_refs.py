"""Every fetch a piece of CSS asks for, read with a real CSS tokenizer (tinycss2).

A regex misses what browsers read: `@import"x"` with no space, `image-set("x" 1x)`, `\\75rl(x)`
(an escaped `url`), `src("x")`, `@IMPORT`, comments between the parts. tinycss2 tokenizes as the
CSS Syntax spec says, escapes decoded and names folded to lower case, so each URL token and each
string inside a fetching function is seen exactly once, with its line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import tinycss2
from tinycss2 import ast

# Functions whose string arguments are URLs the browser fetches (CSS Images 3/4, Values 4, Fonts).
URL_FUNCTIONS = frozenset({"url", "src", "image-set", "-webkit-image-set", "image", "cross-fade",
                           "-webkit-cross-fade", "-moz-image-set"})
# At-rules whose prelude names a URL that is not fetched (a namespace is a name, not an address).
NAME_ONLY_AT_RULES = frozenset({"namespace"})


@dataclass(frozen=True)
class CssRef:
    """One URL the CSS makes the browser fetch, at a 1-based line and column of the CSS text."""

    url: str
    line: int
    column: int
    context: str  # "@import", "url()", "image-set()" …: for the message


def _walk(tokens: Iterable[ast.Node], inside: str | None = None) -> Iterator[CssRef]:
    for token in tokens:
        kind = token.type
        if kind == "url":
            yield CssRef(token.value, token.source_line, token.source_column,
                         "@import" if inside == "@import" else "url()")
        elif kind == "string" and inside is not None:
            yield CssRef(token.value, token.source_line, token.source_column, f"{inside}()")
        elif kind == "function":
            name = token.lower_name
            yield from _walk(token.arguments, name if name in URL_FUNCTIONS else None)
        elif kind in ("() block", "[] block", "{} block"):
            yield from _walk(token.content, inside)
        elif kind in ("at-rule", "qualified-rule", "declaration"):  # rules nested in `@media { … }` and the like
            yield from _rule(token)


def _rule(rule: ast.Node) -> Iterator[CssRef]:
    if rule.type == "at-rule":
        keyword = rule.lower_at_keyword
        if keyword == "import":
            yield from _walk(rule.prelude, "@import")
        elif keyword not in NAME_ONLY_AT_RULES:
            yield from _walk(rule.prelude)
        if rule.content is not None:
            yield from _walk(tinycss2.parse_blocks_contents(rule.content) if keyword != "import" else rule.content)
    elif rule.type == "qualified-rule":
        yield from _walk(rule.prelude)
        yield from _walk(tinycss2.parse_blocks_contents(rule.content))
    elif rule.type == "declaration":
        yield from _walk(rule.value)


def stylesheet_refs(css: str) -> list[CssRef]:
    """URLs fetched by a stylesheet (a .css file or a `<style>` element's text)."""
    refs = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            continue
        refs += [CssRef(ref.url, ref.line, ref.column, "@import") if ref.context == "@import()" else ref
                 for ref in _rule(rule)]
    return refs


def declarations_refs(css: str) -> list[CssRef]:
    """URLs fetched by a `style="…"` attribute (a declaration list)."""
    refs = []
    for item in tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True):
        if item.type != "error":
            refs += list(_rule(item))
    return refs
