"""Cut a rendered page into the pieces of text a reader reads, block by block.

Both the readability measure and the citation rule need "the words on the page" without the
furniture: code, footnote markers and definitions, the `¶` permalinks, icons, tooltip titles
(they are attributes, never text) and bare web addresses. This module walks the tree from
`page_html` once and returns `Segment`s: runs of text between block boundaries, each with the
block element it sits in and whether it is prose, a heading or a label (an admonition title or
a `<details>` summary).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from guidebuild.site.page_html import Element

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Never text for a reader: scripts, styles, pictures (alt text is not read as prose), forms.
_NEVER_TEXT = frozenset({"script", "style", "svg", "img", "template", "noscript", "button", "input",
                         "select", "textarea", "math"})
_URL_TEXT = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S*\s*$|^\s*\S+@\S+\.\w+\s*$", re.IGNORECASE)

PROSE = "prose"
HEADING = "heading"
LABEL = "label"


@dataclass(frozen=True)
class Segment:
    """A run of visible text inside one block element."""

    text: str
    block: Element
    kind: str  # PROSE, HEADING or LABEL


def is_footnote_ref(element: Element) -> bool:
    """The `<sup id="fnref:x">` marker Python-Markdown's footnotes extension puts in the text."""
    return element.tag == "sup" and element.attrs.get("id", "").startswith("fnref")


def is_skipped(element: Element) -> bool:
    """Parts of the rendered page that are not prose for a reader, whatever the page."""
    classes = element.classes
    if element.tag in _NEVER_TEXT or element.tag in ("pre", "code"):
        return True
    if element.tag == "div" and "footnote" in classes:
        return True
    if is_footnote_ref(element) or (element.tag == "a" and ("headerlink" in classes or "footnote-ref" in classes)):
        return True
    return element.tag == "a" and bool(_URL_TEXT.match(element.text()))


def _kind(block: Element) -> str:
    if block.tag in HEADING_TAGS:
        return HEADING
    if block.tag == "summary" or (block.tag == "p" and "admonition-title" in block.classes):
        return LABEL
    return PROSE


def segments(tree: Element, *, skip_tables: bool,
             skip: Callable[[Element], bool] | None = None) -> list[Segment]:
    """Every run of visible text in document order.

    `skip_tables` leaves tables out (the reading grade is measured without them); `skip` lets a
    caller leave out more (for example the entries on the References page).
    """
    found: list[Segment] = []
    buffer: list[str] = []

    def flush(block: Element) -> None:
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            found.append(Segment(text, block, _kind(block)))

    def walk(element: Element, block: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                buffer.append(child)
                continue
            leaves_out = is_skipped(child) or (skip_tables and child.tag == "table") or (skip and skip(child))
            if child.tag in BLOCK_TAGS:
                flush(block)
                if not leaves_out:
                    walk(child, child)
                    flush(child)
            elif leaves_out:
                # Keep the words either side apart ("strong.[1]Next" must not become one word).
                buffer.append(" ")
            else:
                walk(child, block)

    walk(tree, tree)
    flush(tree)
    return found
