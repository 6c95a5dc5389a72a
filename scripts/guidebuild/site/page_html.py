"""The one HTML tree builder: a rendered page (or any HTML fragment) as a small tree.

The content checks (reading grade, citations, glossary) and the cheat sheet judge what readers
see, not the Markdown source: a footnote marker, a glossary tooltip or an included snippet only
exist after rendering. The page model (`pages.Page.tree`) parses each page's HTML once with
`parse_html`, and every reader walks that tree.

The tree is deliberately tiny (the standard library has no HTML DOM and none is pinned): enough
to walk elements, read attributes and collect text. html.parser copes with the sloppiness of real
HTML (entities such as `&nbsp;`, hand-written raw HTML, void tags) that would break an XML parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                           "source", "track", "wbr"})


@dataclass(eq=False)
class Element:
    """An HTML element: tag, attributes and children (elements or text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def get(self, name: str, default: str = "") -> str:
        """An attribute's value (`default` when the element has none)."""
        return self.attrs.get(name, default)

    def elements(self) -> list[Element]:
        """The child elements (not the text between them)."""
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and every element below it, in document order (only `tag` ones if given)."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def text(self) -> str:
        """All text below this element, as a browser's `textContent` would give it."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag (hand-written HTML) is ignored.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    """Parse an HTML fragment into a tree under a synthetic `root` element."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
