"""A tiny SVG tree and path helpers, so that pictures are built as data and written identically.

Why not string templates: shared parts are placed, mirrored and rotated many times, and the
output must be byte-for-byte reproducible (a test compares it with the committed files), so
every number goes through `num()` and every element through one serialiser.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

Pt = tuple[float, float]
Attr = str | float | int | None


# --- Tiny SVG tree --------------------------------------------------------------


def num(value: float) -> str:
    """Format a coordinate to at most one decimal so files stay short and diffable."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass
class Node:
    """One SVG element; serialised with two-space indents so people can edit it."""

    name: str
    attrs: dict[str, Attr] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    text: str | None = None

    def render(self, depth: int = 0) -> list[str]:
        """Return the element as indented lines."""
        pad = "  " * depth
        parts = [self.name]
        for key, value in self.attrs.items():
            if value is None:
                continue
            shown = num(value) if isinstance(value, (int, float)) else value
            parts.append(f"{key}={quoteattr(shown)}")
        opening = " ".join(parts)
        if self.text is not None:
            return [f"{pad}<{opening}>{escape(self.text)}</{self.name}>"]
        if not self.children:
            return [f"{pad}<{opening}/>"]
        lines = [f"{pad}<{opening}>"]
        for child in self.children:
            lines.extend(child.render(depth + 1))
        lines.append(f"{pad}</{self.name}>")
        return lines


def el(name: str, *children: Node | Iterable[Node], text: str | None = None, **attrs: Attr) -> Node:
    """Build a Node; keyword underscores become hyphens (stroke_width -> stroke-width)."""
    flat: list[Node] = []
    for child in children:
        if isinstance(child, Node):
            flat.append(child)
        else:
            flat.extend(child)
    return Node(name, {k.replace("_", "-"): v for k, v in attrs.items()}, flat, text)


def g(*children: Node | Iterable[Node], **attrs: Attr) -> Node:
    """Group children so shared presentation attributes are written once."""
    return el("g", *children, **attrs)


def move(x: float, y: float, rotate: float = 0.0, mirror: bool = False, scale: float = 1.0) -> str:
    """Transform string for placing a shared part; mirror flips it left-right."""
    out = f"translate({num(x)} {num(y)})"
    if rotate:
        out += f" rotate({num(rotate)})"
    if scale != 1.0:
        out += f" scale({num(scale)})"
    if mirror:
        out += " scale(-1 1)"
    return out


# --- Paths ---------------------------------------------------------------------

Seg = tuple[str, tuple[Pt, ...]]  # ("M" | "L" | "C" | "Q", points), absolute only


def d(segs: Sequence[Seg], close: bool = False) -> str:
    """Path data from segments; absolute commands only so they can be mirrored."""
    out = " ".join(cmd + " ".join(f"{num(x)},{num(y)}" for x, y in pts) for cmd, pts in segs)
    return out + (" Z" if close else "")


def flip(segs: Sequence[Seg]) -> list[Seg]:
    """Mirror segments across x=0: the back is symmetric, so draw one side once."""
    return [(cmd, tuple((-x, y) for x, y in pts)) for cmd, pts in segs]


def reverse_cubics(start: Pt, segs: Sequence[Seg]) -> list[Seg]:
    """Reverse a chain of cubic segments so an outline can run down one side, up the other."""
    starts = [start] + [pts[-1] for _, pts in segs[:-1]]
    return [("C", (pts[1], pts[0], s)) for (_, pts), s in zip(reversed(segs), reversed(starts), strict=True)]


def path(segs: Sequence[Seg], close: bool = False, **attrs: Attr) -> Node:
    """A <path> element from segments."""
    return el("path", d=d(segs, close), **attrs)


def arc(cx: float, cy: float, r: float, start: float, sweep: float) -> str:
    """Path data for a circular arc (degrees, 0 = right, clockwise positive on screen)."""
    a0, a1 = math.radians(start), math.radians(start + sweep)
    x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
    x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
    large = 1 if abs(sweep) > 180 else 0
    cw = 1 if sweep > 0 else 0
    return f"M{num(x0)},{num(y0)} A{num(r)},{num(r)} 0 {large} {cw} {num(x1)},{num(y1)}"
