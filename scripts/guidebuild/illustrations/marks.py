"""Shared marks: arrows, hatching, labels, leaders, badges, legends, press and tap marks.

One arrowhead, one hatching and one label style for every picture, so that a reader learns
them once: blue arrows show movement (dashed = lighter), hatching shows where not to press.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .style import ACCENT, AREA, ARROW, BADGE, HATCH_GAP, LABEL, LEADER, MIN_FONT, PAPER
from .svg import Attr, Node, Pt, Seg, arc, d, el, g, num, path

ARROW_HEAD = "M0,0 L10,5 L0,10 L2.5,5 Z"  # notched head, drawn pointing right


def arrow_markers() -> list[Node]:
    """One arrowhead (and its mirror, for out-and-back arrows) shared by every arrow."""
    def marker(name: str, ref_x: float, head: Node) -> Node:
        return el(
            "marker", head, id=name, viewBox="0 0 10 10", refX=ref_x, refY=5,
            markerWidth=3.6, markerHeight=3.6, orient="auto",
        )

    return [
        marker("arrow", 6, el("path", d=ARROW_HEAD, fill=ACCENT)),
        marker("arrow-back", 4, el("path", d=ARROW_HEAD, fill=ACCENT, transform="rotate(180 5 5)")),
    ]


def arrow(d_attr: str, width: float = ARROW, dashed: bool = False, both_ends: bool = False) -> Node:
    """A movement arrow: accent stroke with the shared head at its end (dashed = lighter)."""
    return el(
        "path",
        d=d_attr,
        fill="none",
        stroke=ACCENT,
        stroke_width=width,
        stroke_dasharray="6 5" if dashed else None,
        marker_start="url(#arrow-back)" if both_ends else None,
        marker_end="url(#arrow)",
    )


def line_arrow(points: Sequence[Pt], width: float = 2.2, dashed: bool = False, both_ends: bool = False) -> Node:
    """A straight (or bent) thin arrow through the given points."""
    segs: list[Seg] = [("M", (points[0],))] + [("L", (p,)) for p in points[1:]]
    return arrow(d(segs), width, dashed, both_ends)


def circle_arrow(cx: float, cy: float, r: float, clockwise: bool = True, start: float = -60.0) -> Node:
    """A small circling arrow (kneading, thumb and palm circles)."""
    sweep = 290.0 if clockwise else -290.0
    return arrow(arc(cx, cy, r, start, sweep), width=2.4)


# --- Shared part 4: the no-press hatching ----------------------------------------


def hatch_pattern() -> Node:
    """Diagonal ink lines: marks no-press zones in colour, greyscale and print alike."""
    return el(
        "pattern",
        el("path", d=f"M0,0 V{num(HATCH_GAP)}", stroke="currentColor", stroke_width=1.3),
        id="hatch",
        width=HATCH_GAP, height=HATCH_GAP,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )


def hatched(node: Node) -> Node:
    """Give a zone shape the hatching and its dashed edge."""
    node.attrs.update(
        {"fill": "url(#hatch)", "stroke": "currentColor", "stroke-width": 1.2, "stroke-dasharray": "3 2"}
    )
    return node


# --- Shared part 5: labels, leaders, badges, legend ------------------------------


def label(
    x: float, y: float, lines: str | Sequence[str], anchor: str = "start",
    bold: bool = False, size: float = LABEL,
) -> Node:
    """Text in currentColor; a list gives stacked lines (size is at least MIN_FONT)."""
    rows = [lines] if isinstance(lines, str) else list(lines)
    attrs: dict[str, Attr] = {
        "x": x, "y": y, "font-size": max(size, MIN_FONT), "text-anchor": anchor if anchor != "start" else None,
        "font-weight": "bold" if bold else None,
    }
    if len(rows) == 1:
        return Node("text", attrs, [], rows[0])
    step = round(size * 1.2, 1)
    spans = [Node("tspan", {"x": x, "dy": 0 if i == 0 else step}, [], row) for i, row in enumerate(rows)]
    return Node("text", attrs, spans)


def leader(points: Sequence[Pt]) -> Node:
    """A thin line from a label to what it names, ending in a dot on the target."""
    segs: list[Seg] = [("M", (points[0],))] + [("L", (p,)) for p in points[1:]]
    end = points[-1]
    return g(
        path(segs, fill="none"),
        el("circle", cx=end[0], cy=end[1], r=2.2, fill="currentColor", stroke="none"),
        stroke="currentColor", stroke_width=LEADER,
    )


def badge(x: float, y: float, number: str, r: float = 10.5, size: float = BADGE) -> Node:
    """A numbered circle matching the routine's step numbers."""
    if len(number) > 1:  # two digits need a slightly larger ring and type
        size, r = size - 1, r * 1.2
    return g(
        el("circle", cx=x, cy=y, r=r, fill=PAPER, stroke="currentColor", stroke_width=1.8),
        el("text", x=x, y=y + size * 0.36, text_anchor="middle", font_size=size, font_weight="bold", text=number),
    )


def legend(x: float, y: float, rows: Sequence[tuple[str, str]]) -> Node:
    """Swatches with words, so fills and hatching never carry meaning alone."""
    items: list[Node] = []
    for i, (kind, text) in enumerate(rows):
        top = y + i * 20
        swatch = el("rect", x=x, y=top, width=22, height=14, rx=2)
        if kind == "area":
            swatch.attrs.update({"fill": AREA, "stroke": "currentColor", "stroke-width": 1})
        else:
            hatched(swatch)
        items.append(swatch)
        items.append(label(x + 30, top + 11.5, text))
    return g(items)

def press_marks(s: int, x: float, ys: Sequence[float], light: Sequence[float] = ()) -> list[Node]:
    """Where the palms press: a ring with a dot; a dashed empty ring for light presses."""
    marks: list[Node] = []
    for y in ys:
        marks.append(el("circle", cx=s * x, cy=y, r=6.5, fill=PAPER, stroke="currentColor", stroke_width=1.6))
        marks.append(el("circle", cx=s * x, cy=y, r=2.4, fill="currentColor"))
    for y in light:
        marks.append(
            el("circle", cx=s * x, cy=y, r=6.5, fill=PAPER, stroke="currentColor", stroke_width=1.6,
               stroke_dasharray="2.5 2")
        )
    return marks


def tap_marks(points: Sequence[Pt]) -> list[Node]:
    """Little bursts where the loose hands land: short ticks around a point."""
    ticks: list[Seg] = []
    for x, y in points:
        for angle in range(0, 360, 60):
            a = math.radians(angle)
            ticks.append(("M", ((x + 3.5 * math.cos(a), y + 3.5 * math.sin(a)),)))
            ticks.append(("L", ((x + 8.5 * math.cos(a), y + 8.5 * math.sin(a)),)))
    return [path(ticks, fill="none", stroke=ACCENT, stroke_width=2.2)]


def wavy_down(x: float, top: float, bottom: float, width: float = 2.0) -> Node:
    """A light, wavy downward arrow: fingertips feathering down the back."""
    segs: list[Seg] = [("M", ((x, top),))]
    y, side, step = top, 1, 22.0
    while y + step <= bottom:
        segs.append(("Q", ((x + side * 5, y + step / 2), (x, y + step))))
        y += step
        side = -side
    return arrow(d(segs), width)

def tick(x: float, y: float, good: bool, size: float = 7.0) -> Node:
    """A check mark or a cross, drawn so the verdict never relies on colour."""
    if good:
        segs: list[Seg] = [
            ("M", ((x - size, y),)), ("L", ((x - size * 0.3, y + size * 0.7),)), ("L", ((x + size, y - size * 0.8),)),
        ]
    else:
        k = size * 0.8
        segs = [("M", ((x - k, y - k),)), ("L", ((x + k, y + k),)), ("M", ((x + k, y - k),)), ("L", ((x - k, y + k),))]
    return path(segs, fill="none", stroke="currentColor", stroke_width=3)
