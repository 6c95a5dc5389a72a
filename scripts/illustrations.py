"""Write the guide's SVG illustrations from one small set of shared parts.

Why a generator instead of hand-drawn files: every picture must share one back
outline, one pair of hands, one arrow and one hatching, so that the pictures never
drift apart and a style change (a colour, a line width, the arrow shape) is one
edit in this file. The committed SVG files in docs/assets/illustrations/ are this
module's output; tests/test_illustrations.py fails when they differ from what it
writes, so an edit by hand to an SVG that is not carried back here is caught.

Usage (from the repository root):
    python scripts/illustrations.py             # write every file
    python scripts/illustrations.py --check     # exit 1, listing files that differ
    python scripts/illustrations.py --out DIR   # write (or check) another folder

Standard library only, so it runs anywhere the site is built.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "docs" / "assets" / "illustrations"

# --- Style: the one place to change how every picture looks (see STYLE.md) -------
# Pages show the SVGs with <img>, so currentColor cannot inherit the page colour:
# the root sets color=INK and every line and label is drawn in currentColor. The
# site's dark mode inverts the images, so no meaning may depend on an exact hue.
INK = "#1a1a1a"  # lines, labels, hatching (through currentColor)
ACCENT = "#1f6fb2"  # the only accent: arrows that show movement
AREA = "#c8dcf0"  # light fill for the area to work; reads as light grey in print
PAPER = "#ffffff"  # fill of hands, badges, pillows and figures so lines beneath hide
PALETTE = (INK, ACCENT, AREA, PAPER)

WIDTH = 320  # viewBox width of every picture; pages display them 320 px wide
OUTLINE = 2.5  # body outlines, props
DETAIL = 1.3  # anatomy inside the outline (spine, shoulder blades, ribs, hips)
HAND = 1.6  # hand outlines
ARROW = 3.0  # movement arrows
LEADER = 1.0  # label leader lines and dividers
HATCH_GAP = 5.0  # distance between hatching lines
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
LABEL = 13.0  # label text; never below MIN_FONT
MIN_FONT = 12.0  # 12 px at the 320 px display width (checked by the tests)
BADGE = 14.0  # step numbers in badges

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


# --- Shared part 1: the back seen from behind, neck to hips ----------------------
# Canonical frame: x = 0 on the spine, y = 0 at the top of the neck, 1 unit ~ 2.5 mm.
# Only the right half is written; the left half is its mirror image.

NECK_TOP: Pt = (18.0, 0.0)
BACK_RIGHT: list[Seg] = [
    ("C", ((18.5, 8.0), (19.5, 14.0), (21.0, 20.0))),  # side of the neck
    ("C", ((28.0, 33.0), (50.0, 40.0), (70.0, 48.0))),  # slope of the shoulder
    ("C", ((85.0, 53.0), (93.0, 64.0), (93.0, 81.0))),  # round of the shoulder
    ("C", ((93.0, 93.0), (88.0, 101.0), (81.0, 104.0))),  # into the armpit
    ("C", ((84.0, 128.0), (81.0, 152.0), (71.0, 174.0))),  # side of the ribs
    ("C", ((67.0, 184.0), (66.0, 194.0), (68.5, 204.0))),  # waist
    ("C", ((74.0, 216.0), (78.0, 232.0), (76.0, 246.0))),  # hip
]
BACK_BOTTOM_DIP = 252.0  # the line across the hips sags slightly in the middle
BACK_HEIGHT = 252.0
BACK_HALF_WIDTH = 93.0

SCAPULA: list[Seg] = [
    ("M", ((31.0, 62.0),)),
    ("C", ((30.0, 82.0), (33.0, 104.0), (41.0, 118.0))),  # inner edge to the lower tip
    ("C", ((50.0, 108.0), (62.0, 96.0), (72.0, 84.0))),  # outer edge up to the armpit
    ("M", ((31.0, 70.0),)),
    ("C", ((46.0, 64.0), (62.0, 59.0), (77.0, 58.0))),  # ridge of the shoulder blade
]
RIBS: list[Seg] = [
    ("M", ((36.0, 150.0),)),
    ("C", ((48.0, 154.0), (57.0, 160.0), (64.0, 168.0))),  # lowest ribs, at the flank
    ("M", ((46.0, 134.0),)),
    ("C", ((58.0, 138.0), (68.0, 144.0), (76.0, 152.0))),
]
HIP_CREST: list[Seg] = [
    ("M", ((13.0, 224.0),)),
    ("C", ((21.0, 208.0), (45.0, 197.0), (62.0, 201.0))),
    ("C", ((68.0, 203.0), (72.0, 207.0), (75.0, 214.0))),
]


def back_outline_d() -> str:
    """The closed-looking outline: down the left side, across the hips, up the right."""
    left = flip(BACK_RIGHT)
    bottom_right = BACK_RIGHT[-1][1][-1]
    segs: list[Seg] = [("M", ((-NECK_TOP[0], NECK_TOP[1]),))]
    segs += left
    segs.append(("Q", ((0.0, BACK_BOTTOM_DIP), bottom_right)))
    segs += reverse_cubics(NECK_TOP, BACK_RIGHT)
    return d(segs)


# Areas of the back, either side of the spine. The shoulders end at the ridge of the
# shoulder blade (as the body does); the other areas are horizontal bands.
SPINE_HALF = 7.0  # half width of the no-press band over the spine
INNER = SPINE_HALF + 1.5  # work areas stop just short of the spine
RIDGE: list[Seg] = [  # from beside the spine out along the ridge of the shoulder blade
    ("M", ((INNER, 72.0),)),
    ("L", ((31.0, 70.0),)),
    ("C", ((46.0, 64.0), (62.0, 59.0), (77.0, 58.0))),
    ("L", ((100.0, 58.0),)),
]
BANDS: dict[str, tuple[float, float]] = {  # (top, bottom); shoulders/upper split at RIDGE
    "shoulders": (18.0, 72.0),
    "upper": (58.0, 122.0),
    "middle": (122.0, 166.0),
    "lower": (166.0, 252.0),
}
KIDNEY = (9.0, 160.0, 36.0, 40.0)  # x, y, width, height of the right kidney zone
ARMPIT = (84.0, 102.0, 9.0, 13.0)  # centre x, centre y, radii of the right armpit zone


def band_rects(top: float, bottom: float, inner: float = INNER, outer: float = 100.0) -> list[Node]:
    """Two rectangles for one band, either side of the spine (clipped to the back)."""
    h = bottom - top
    return [
        el("rect", x=inner, y=top, width=outer - inner, height=h),
        el("rect", x=-outer, y=top, width=outer - inner, height=h),
    ]


def ridge_area(name: str, bottom: float | None = None) -> list[Node]:
    """The shoulders (above the ridge) or the upper back (below it), both halves."""
    top, own_bottom = BANDS[name]
    bottom = own_bottom if bottom is None else bottom
    edge = RIDGE[1:]
    if name == "shoulders":
        segs: list[Seg] = [("M", ((INNER, top),)), ("L", ((100.0, top),)), *reverse_line(RIDGE)]
    else:
        segs = [RIDGE[0], *edge, ("L", ((100.0, bottom),)), ("L", ((INNER, bottom),))]
    return [path(segs, close=True), path(flip(segs), close=True)]


def reverse_line(segs: Sequence[Seg]) -> list[Seg]:
    """Walk an M/L/C chain backwards (used to close an area along the ridge)."""
    points = [pts[-1] for _, pts in segs]
    out: list[Seg] = [("L", (points[-1],))]
    for i in range(len(segs) - 1, 0, -1):
        cmd, pts = segs[i]
        if cmd == "C":
            out.append(("C", (pts[1], pts[0], points[i - 1])))
        else:
            out.append(("L", (points[i - 1],)))
    return out


def neck_zone_d() -> str:
    """The visible neck, which is never pressed (its sides and front hold arteries)."""
    right = BACK_RIGHT[0]
    segs: list[Seg] = [("M", ((-NECK_TOP[0], 0.0),)), ("L", (NECK_TOP,)), right]
    segs.append(("Q", ((0.0, 25.0), (-21.0, 20.0))))
    segs += reverse_cubics((-NECK_TOP[0], 0.0), flip([right]))
    return d(segs, close=True)


# --- Shared part 2: a right hand seen from above (back of the hand) --------------
# Wrist at the origin, fingers pointing to -y, thumb on the left. The left hand is
# the same part mirrored. About 32 units wide and 60 long: a hand on this back.

FINGERS = (  # (centre x, base y, length, tilt in degrees) index to little finger
    (-11.0, -30.0, 24.0, -5.0),
    (-3.7, -33.0, 27.0, -1.5),
    (3.7, -32.0, 25.0, 2.0),
    (10.8, -28.0, 19.0, 7.0),
)
FINGER_W = 7.4


def hand_part() -> Node:
    """The hand in <defs>: fingers and thumb first, the palm drawn over their bases."""
    parts: list[Node] = [
        el("path", d="M-10.5,0 L-11.5,14 L11.5,14 L10.5,0 Z", stroke="none"),
        el("path", d="M-10.5,0 L-11.5,14 M10.5,0 L11.5,14", fill="none"),
        el(
            "rect",
            x=-4.8, y=-24, width=9.6, height=26, rx=4.8,
            transform="translate(-12 -9) rotate(-40)",
        ),
    ]
    for x, base, length, tilt in FINGERS:
        parts.append(
            el(
                "rect",
                x=-FINGER_W / 2, y=-length, width=FINGER_W, height=length + 6, rx=FINGER_W / 2,
                transform=f"translate({num(x)} {num(base)}) rotate({num(tilt)})",
            )
        )
    palm = "M-10.5,0 C-14.5,-9 -16,-22 -15,-31 Q0,-39 14.5,-29 C15.5,-18 14,-8 10.5,0 Z"
    parts.append(el("path", d=palm))
    parts.append(el("path", d="M-10,-16 C-7,-10 -6,-5 -6,1", fill="none", stroke_width=1))
    return g(parts, id="hand", fill=PAPER, stroke="currentColor", stroke_width=HAND)


def hand(
    x: float, y: float, rotate: float = 0.0, left: bool = False, ghost: bool = False, scale: float = 1.0,
    cupped: bool = False,
) -> Node:
    """Place the shared hand: wrist at (x, y), fingers rotated from pointing up.

    A cupped hand is the same hand foreshortened, as curled fingers look from above.
    """
    transform = move(x, y, rotate, mirror=left, scale=scale) + (" scale(1 0.78)" if cupped else "")
    return el(
        "use",
        href="#hand",
        transform=transform,
        opacity=0.45 if ghost else None,
    )


# --- Shared part 3: the arrow marker ---------------------------------------------


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


# --- The back, assembled ---------------------------------------------------------


def bands(*names: str) -> list[Node]:
    """Fill shapes for whole bands (shoulders, upper, middle, lower back)."""
    order = list(BANDS)
    wanted = sorted(names, key=order.index)
    runs: list[list[str]] = []  # neighbouring bands merge, so no seams show between them
    for name in wanted:
        if runs and order.index(name) == order.index(runs[-1][-1]) + 1:
            runs[-1].append(name)
        else:
            runs.append([name])
    out: list[Node] = []
    for run in runs:
        first, bottom = run[0], BANDS[run[-1]][1]
        if run == ["shoulders"] or first == "upper":
            out.extend(ridge_area(first, bottom))
        else:
            out.extend(band_rects(BANDS[first][0], bottom))
    return out


def strips(top: float, bottom: float, width: float) -> list[Node]:
    """Rounded strips right beside the spine: the muscles either side of it."""
    inner = SPINE_HALF + 1.5
    return [
        el("rect", x=x, y=top, width=width, height=bottom - top, rx=6)
        for x in (inner, -inner - width)
    ]


def blade_strips() -> list[Node]:
    """Strips along the inner edge of each shoulder blade."""
    return [
        el("rect", x=-9, y=-34, width=18, height=68, rx=8, transform=move(s * 36, 90, rotate=-s * 10))
        for s in (1, -1)
    ]


def back_base(areas: Sequence[Node] = ()) -> list[Node]:
    """The back with its anatomy, the hatched no-press zones and any shaded work areas."""
    nodes: list[Node] = []
    if areas:
        nodes.append(g(list(areas), fill=AREA, clip_path="url(#back-clip)"))
    nodes.append(
        g(
            path(SCAPULA), path(flip(SCAPULA)), path(RIBS), path(flip(RIBS)),
            path(HIP_CREST), path(flip(HIP_CREST)),
            fill="none", stroke="currentColor", stroke_width=DETAIL,
        )
    )
    kx, ky, kw, kh = KIDNEY
    ax, ay, arx, ary = ARMPIT
    nodes.append(
        g(
            hatched(el("ellipse", cx=ax, cy=ay, rx=arx, ry=ary)),
            hatched(el("ellipse", cx=-ax, cy=ay, rx=arx, ry=ary)),
            clip_path="url(#back-clip)",
        )
    )
    nodes.append(
        g(
            hatched(el("path", d=neck_zone_d())),
            hatched(el("rect", x=-SPINE_HALF, y=22, width=2 * SPINE_HALF, height=BACK_BOTTOM_DIP - 25)),
            hatched(el("rect", x=kx, y=ky, width=kw, height=kh, rx=12)),
            hatched(el("rect", x=-kx - kw, y=ky, width=kw, height=kh, rx=12)),
        )
    )
    nodes.append(el("use", href="#back", fill="none", stroke="currentColor", stroke_width=OUTLINE))
    return nodes


def back_defs() -> list[Node]:
    """Definitions every back picture needs."""
    return [
        el("path", id="back", d=back_outline_d()),
        el("clipPath", el("use", href="#back"), id="back-clip"),
        hatch_pattern(),
        *arrow_markers(),
    ]


def figure_defs() -> list[Node]:
    """Definitions for the side-view pictures (people, pillows)."""
    return [hatch_pattern(), *arrow_markers()]


# --- Movement motifs (canonical back frame; s = 1 right half, -1 left half) -------


def stroke_up_and_out(s: int, width: float = ARROW, reach: float = 1.0, x: float = 24.0) -> list[Node]:
    """Effleurage: up beside the spine, out over the shoulder, down the side."""
    low = 232.0 if reach >= 1 else 212.0
    up = [("M", ((s * x, low),)), ("C", ((s * x, 180.0), (s * (x - 1), 120.0), (s * (x + 1), 74.0)))]
    over = [
        ("M", ((s * (x + 9), 60.0),)),
        ("C", ((s * 50, 46.0), (s * 72, 48.0), (s * 76, 64.0))),
        ("C", ((s * 79, 80.0), (s * 70, 104.0), (s * 72, 130.0))),
        ("C", ((s * 73, 150.0), (s * 70, 170.0), (s * 64, 196.0 if reach >= 1 else 186.0))),
    ]
    return [arrow(d(up), width), arrow(d(over), width)]


def firm_up_light_down(s: int) -> list[Node]:
    """Step 3: a bold stroke up from the waist, a light (dashed) return down the side."""
    up = [("M", ((s * 24, 206.0),)), ("C", ((s * 24, 170.0), (s * 23, 120.0), (s * 25, 74.0)))]
    over = [
        ("M", ((s * 33, 60.0),)),
        ("C", ((s * 50, 46.0), (s * 72, 48.0), (s * 76, 64.0))),
        ("C", ((s * 79, 80.0), (s * 70, 104.0), (s * 72, 130.0))),
        ("C", ((s * 73, 150.0), (s * 70, 170.0), (s * 64, 196.0))),
    ]
    return [arrow(d(up), 4.2), arrow(d(over), 2.2, dashed=True)]


def full_loop(s: int) -> list[Node]:
    """One unbroken stroke per side: up, out, down the side and back in at the waist."""
    loop = [
        ("M", ((s * 22, 208.0),)),
        ("C", ((s * 22, 170.0), (s * 22, 110.0), (s * 28, 68.0))),
        ("C", ((s * 44, 46.0), (s * 72, 46.0), (s * 76, 64.0))),
        ("C", ((s * 79, 80.0), (s * 70, 104.0), (s * 72, 130.0))),
        ("C", ((s * 73, 150.0), (s * 70, 170.0), (s * 66, 190.0))),
        ("C", ((s * 66, 206.0), (s * 50, 218.0), (s * 34, 218.0))),
    ]
    return [arrow(d(loop))]


def circles(s: int, centres: Sequence[Pt], r: float, outward: bool = True) -> list[Node]:
    """Circling arrows mirrored between the halves so both sides circle outward."""
    clockwise = outward if s > 0 else not outward
    return [circle_arrow(s * x, y, r, clockwise, start=-90.0) for x, y in centres]


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


# --- Documents -------------------------------------------------------------------


@dataclass
class Picture:
    """One output file: its name, size, words for screen readers, and drawing."""

    name: str
    height: float
    title: str
    desc: str
    build: Callable[[], list[Node]]
    defs: Callable[[], list[Node]] = back_defs
    hands: bool = False
    width: float = WIDTH

    def svg(self) -> str:
        """The complete SVG text, title and desc first so assistive tech finds them."""
        stem = self.name.removesuffix(".svg")
        defs = self.defs() + ([hand_part()] if self.hands else [])
        root = el(
            "svg",
            el("title", id=f"{stem}-title", text=self.title),
            el("desc", id=f"{stem}-desc", text=self.desc),
            el("defs", defs),
            self.build(),
            xmlns="http://www.w3.org/2000/svg",
            viewBox=f"0 0 {num(self.width)} {num(self.height)}",
            width=self.width,
            height=self.height,
            role="img",
            aria_labelledby=f"{stem}-title {stem}-desc",
            color=INK,
            fill="currentColor",
            font_family=FONT,
            stroke_linecap="round",
            stroke_linejoin="round",
        )
        return "\n".join(root.render()) + "\n"


def placed(x: float, y: float, nodes: Iterable[Node], scale: float = 1.0) -> Node:
    """Put canonical-frame drawing at (x, y) in the picture."""
    return g(nodes, transform=move(x, y, scale=scale))


BACK_X, BACK_Y = 160.0, 14.0  # where step and technique pictures put the back
CAPTION_Y = BACK_Y + BACK_HEIGHT + 24


def caption(lines: Sequence[str]) -> Node:
    """Centred words under the back, naming the movement in plain language."""
    return label(WIDTH / 2, CAPTION_Y, lines, anchor="middle")


def caption_height(lines: int) -> float:
    """Picture height that fits a caption of this many lines."""
    return CAPTION_Y + (lines - 1) * LABEL * 1.2 + 8


# --- Back map --------------------------------------------------------------------


def back_map() -> list[Node]:
    """Work areas named inside the back; every no-press zone hatched and named."""
    cx, top = 128.0, 30.0
    inside: list[Node] = back_base(bands("shoulders", "upper", "middle", "lower"))
    dividers: list[Node] = []
    for name in ("middle", "lower"):
        y = BANDS[name][0]
        dividers += [path([("M", ((s * 10.0, y),)), ("L", ((s * 96.0, y),))]) for s in (1, -1)]
    inside.insert(
        1, g(dividers, stroke="currentColor", stroke_width=LEADER, stroke_dasharray="2 3", clip_path="url(#back-clip)")
    )
    words: list[Node] = []
    for name, y in (("Upper", 100.0), ("Middle", 150.0), ("Lower", 232.0)):
        words.append(label(-12, y, name, anchor="end", bold=True))
        words.append(label(12, y, "back", bold=True))
    inside.append(g(words))
    right = 219.0  # left edge of the no-press labels, clear of the back
    return [
        placed(cx, top, inside),
        label(8, top + 6, "Shoulders", bold=True),
        leader([(34, top + 11), (cx - 50, top + 42)]),
        label(cx + 30, 16, "Neck: no press", bold=True),
        leader([(cx + 28, 12), (cx + 10, top + 10)]),
        label(right + 8, top + 94, ["Armpits:", "no press"], bold=True),
        leader([(right + 6, top + 98), (cx + 84, top + 106)]),
        label(right, top + 136, ["Spine:", "no press"], bold=True),
        leader([(right - 2, top + 132), (cx + 3, top + 128)]),
        label(right, top + 184, ["Kidney area:", "light touch", "only"], bold=True),
        leader([(right - 2, top + 180), (cx + 40, top + 180)]),
        legend(20, 300, (("area", "Massage here, both sides"), ("hatch", "Hatched: do not press"))),
    ]


# --- Techniques ------------------------------------------------------------------


def technique(inside: Sequence[Node], lines: Sequence[str], areas: Sequence[Node] = ()) -> list[Node]:
    """A technique picture: the back, hands and arrows, and a caption."""
    return [placed(BACK_X, BACK_Y, [*back_base(areas), *inside]), caption(lines)]


def tech_effleurage() -> list[Node]:
    """Hands start low, glide up beside the spine, fan over the shoulders, return down."""
    inside = [*stroke_up_and_out(1), *stroke_up_and_out(-1)]
    inside += [hand(35, 248, rotate=6), hand(-35, 248, rotate=-6, left=True)]
    return technique(inside, ["Glide up beside the spine, out over", "the shoulders, and down the sides"])


def tech_kneading() -> list[Node]:
    """Two hands share one shoulder, taking turns to squeeze, working neck to tip."""
    inside = [
        hand(34, 98, rotate=6, left=True),
        hand(66, 104, rotate=20),
        circle_arrow(36, 80, 7.5, clockwise=False, start=-90),
        circle_arrow(72, 87, 7.5, clockwise=True, start=-90),
        arrow(d([("M", ((30.0, 14.0),)), ("Q", ((54.0, 24.0), (80.0, 36.0)))]), 2.2),
    ]
    return technique(
        inside, ["Hands take turns to lift and squeeze,", "moving from the neck to the shoulder tip"],
        areas=bands("shoulders"),
    )


def tech_thumb_circles() -> list[Node]:
    """Fingers rest out to the side; the thumbs draw small circles beside the spine."""
    inside = [hand(s * 22, 165, rotate=s * 40, left=s < 0) for s in (1, -1)]
    inside += both(lambda s: [*circles(s, [(19.0, 117.0)], 6.5), line_arrow([(s * 19, 106.0), (s * 19, 86.0)])])
    return technique(inside, ["Thumbs circle slowly beside the spine,", "never on it, then move up a little"])


def tech_compression() -> list[Node]:
    """One palm on top of the other presses beside the spine, then steps down a hand's width."""
    inside: list[Node] = []
    for y, ghost in ((166.0, True), (116.0, True), (66.0, False)):
        inside.append(hand(12, y, rotate=90, ghost=ghost))
        inside.append(hand(15, y + 3, rotate=80, left=True, ghost=ghost))
    inside.append(line_arrow([(36.0, 74.0), (36.0, 186.0)], width=ARROW))
    return technique(
        inside, ["One hand on the other: press, hold,", "release, then move down a hand's width"],
    )


def tech_tapotement() -> list[Node]:
    """Loosely cupped hands tap lightly, only on the shoulders and upper back."""
    inside = [
        hand(42, 120, rotate=10, cupped=True),
        hand(-42, 120, rotate=-10, left=True, cupped=True),
        *tap_marks([(-52, 58), (-28, 62), (-74, 80), (52, 58), (28, 62), (74, 80), (-20, 90), (20, 90)]),
    ]
    return technique(
        inside, ["Quick, light taps with cupped hands:", "shoulders and upper back only"],
        areas=bands("shoulders", "upper"),
    )


def tech_finishing() -> list[Node]:
    """Fingertips brush down to the waist, one hand starting as the other finishes."""
    inside = [
        hand(36, 44, rotate=180, left=True),
        hand(-36, 142, rotate=180),
        *[wavy_down(x, 110, 204) for x in (24.0, 46.0, 68.0)],
        *[wavy_down(-x, top, 134) for x, top in ((24.0, 40.0), (46.0, 66.0), (68.0, 100.0))],
    ]
    return technique(inside, ["Fingertips brush down to the waist,", "one hand after the other"])


# --- Routine steps ---------------------------------------------------------------


@dataclass
class Step:
    """One routine step: its number, name, where it works and how the hands move."""

    number: int
    name: str
    areas: Callable[[], list[Node]]
    motion: Callable[[], list[Node]]
    caption: tuple[str, ...]
    desc: str
    hands: bool = False


def both(make: Callable[[int], list[Node]]) -> list[Node]:
    """Draw a motif on the right half and its mirror on the left half."""
    return make(1) + make(-1)


STEPS: list[Step] = [
    Step(
        1, "Settle in", lambda: bands("upper"),
        lambda: [hand(36, 136, rotate=8), hand(-36, 136, rotate=-8, left=True)],
        ("Still, flat hands on the upper back",),
        "Two flat hands rest still on the upper back, one either side of the spine. No arrows: "
        "nothing moves yet.",
        hands=True,
    ),
    Step(
        2, "Spread the oil", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: both(lambda s: stroke_up_and_out(s, width=2.6, reach=0.0)),
        ("Light strokes over the whole back",),
        "The whole back is shaded. Arrows run up either side of the spine, out over the "
        "shoulders and down the sides.",
    ),
    Step(
        3, "Warm the whole back", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: both(firm_up_light_down),
        ("Firmer on the way up, lighter down",),
        "The whole back is shaded. Bold arrows run from the waist up either side of the spine "
        "to the shoulders; thin dashed arrows return lightly down the sides.",
    ),
    Step(
        4, "Knead the shoulders", lambda: bands("shoulders"),
        lambda: both(
            lambda s: [
                *circles(s, [(36.0, 46.0), (58.0, 54.0)], 7.0),
                arrow(d([("M", ((s * 30, 14.0),)), ("Q", ((s * 54, 24.0), (s * 80, 36.0)))]), 2.2, both_ends=True),
            ]
        ),
        ("Knead from the neck to the shoulder", "tip and back, one side at a time"),
        "The tops of both shoulders are shaded, with circling arrows on each. A two-headed "
        "arrow above each shoulder runs from the base of the neck to the shoulder tip and back.",
    ),
    Step(
        5, "Circle around the shoulder blades", blade_strips,
        lambda: both(
            lambda s: [
                *circles(s, [(32.0, 72.0), (34.0, 90.0), (38.0, 108.0)], 5.0),
                line_arrow([(s * 50, 66.0), (s * 57, 110.0)]),
            ]
        ),
        ("Small circles along the inner edge", "of each shoulder blade, top to bottom"),
        "A strip along the inner edge of each shoulder blade is shaded, with a row of small "
        "circling arrows and a downward arrow beside it: work from the top to the bottom.",
    ),
    Step(
        6, "Knead the upper back", lambda: strips(60, 124, 26),
        lambda: both(
            lambda s: [*circles(s, [(22.0, 78.0), (22.0, 106.0)], 8.0), line_arrow([(s * 42, 70.0), (s * 44, 118.0)])]
        ),
        ("Knead beside the spine, down to the", "bottom of the shoulder blades"),
        "Strips either side of the spine on the upper back are shaded, with circling arrows "
        "on each and a downward arrow beside them; the spine between them is hatched.",
    ),
    Step(
        7, "Palm presses down the back", lambda: strips(40, 206, 28),
        lambda: both(
            lambda s: [
                arrow(d([("M", ((s * 23, 46.0),)), ("L", ((s * 23, 202.0),))])),
                *press_marks(s, 23, (58.0, 88.0, 118.0, 148.0), light=(180.0,)),
            ]
        ),
        ("Press and release, moving down to the", "waist; only light presses below the ribs"),
        "Strips either side of the spine from the shoulders to the waist are shaded. Solid "
        "press marks run down each strip with a downward arrow; below the ribs the mark is a "
        "dashed ring for light pressure only. The spine is hatched.",
    ),
    Step(
        8, "Thumb circles beside the spine", lambda: strips(112, 162, 20),
        lambda: both(
            lambda s: [
                *circles(s, [(18.5, 154.0), (18.5, 139.0), (18.5, 124.0)], 5.0),
                line_arrow([(s * 36, 160.0), (s * 36, 112.0)]),
            ]
        ),
        ("Thumb circles beside, never on, the", "spine, working up from the ribs"),
        "Narrow strips right beside the spine in the middle of the back are shaded, with a "
        "column of small circling arrows on each and an upward arrow: work up from the bottom "
        "of the ribs to the shoulder blades. The spine between them is hatched.",
    ),
    Step(
        9, "Soothe the lower back", lambda: bands("lower"),
        lambda: both(lambda s: circles(s, [(40.0, 216.0)], 15.0)),
        ("Light palm circles on the lower back;", "light only below the ribs"),
        "The lower back is shaded, with a large circling arrow on each side turning outwards. "
        "The kidney area just below the ribs is hatched for light touch only.",
    ),
    Step(
        10, "Light tapping (optional)", lambda: bands("shoulders", "upper"),
        lambda: tap_marks([(-54, 62), (-38, 84), (-58, 104), (54, 62), (38, 84), (58, 104), (-22, 108), (22, 108)]),
        ("Light taps: shoulders and upper back", "only, never over the kidneys"),
        "The shoulders and upper back are shaded and dotted with small tap marks. Nothing "
        "below the shoulder blades; the kidney area is hatched.",
    ),
    Step(
        11, "Long strokes to connect", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: both(full_loop),
        ("Long strokes linking the whole back",),
        "The whole back is shaded. On each side one unbroken arrow runs from the waist up "
        "beside the spine, out over the shoulder, down the side and back in at the waist.",
    ),
    Step(
        12, "Feather strokes and finish", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: [wavy_down(s * x, top, 204) for s in (1, -1) for x, top in ((22.0, 40.0), (50.0, 66.0), (76.0, 104.0))],
        ("Fingertips brush down to the waist,", "then rest your hands and cover up"),
        "The whole back is shaded, with light wavy arrows running down from the shoulders "
        "to the waist on both sides.",
    ),
]


def step_picture(step: Step) -> Callable[[], list[Node]]:
    """The drawing for one step: number badge, shaded area, motion, caption."""

    def build() -> list[Node]:
        inside = [*back_base(step.areas()), *step.motion()]
        return [
            placed(BACK_X, BACK_Y, inside),
            badge(24, 28, str(step.number), r=16, size=19),
            caption(step.caption),
        ]

    return build


# --- Routine overview --------------------------------------------------------------

OVERVIEW_W = 260.0


def routine_overview() -> list[Node]:
    """All twelve steps on one back, numbered as in the routine, each where it happens.

    Each step is drawn on one side only (both sides are worked) so the numbers fit.
    """
    r, size = 8.5, 12.5
    right: list[Node] = [
        arrow(d([("M", ((18.0, 52.0),)), ("L", ((18.0, 198.0),))]), width=2.4),  # 7
        *circles(1, [(54.0, 48.0)], 11.0),  # 4
        *circles(1, [(34.0, 76.0), (36.0, 92.0), (40.0, 108.0)], 4.5),  # 5
        wavy_down(74, 128, 206, width=2.2),  # 12
        *circles(1, [(40.0, 220.0)], 15.0),  # 9
    ]
    left: list[Node] = [
        *stroke_up_and_out(-1, width=2.4, x=38.0),  # 2, 3, 11
        *circles(1, [(-16.0, 86.0)], 6.5),  # 6
        *circles(-1, [(15.0, 126.0), (15.0, 140.0), (15.0, 154.0)], 4.5),  # 8
        *tap_marks([(-48, 98), (-62, 110), (-48, 122)]),  # 10
    ]
    badges = [
        (18, 40, "7"), (54, 48, "4"), (58, 96, "5"), (74, 118, "12"), (40, 220, "9"),
        (-58, 76, "1"), (-16, 64, "6"), (-15, 108, "8"), (-62, 142, "10"),
        (-60, 238, "2"), (-38, 238, "3"), (-15, 238, "11"),
    ]
    inside = [*back_base(), *right, *left, *[badge(x, y, n, r=r, size=size) for x, y, n in badges]]
    return [placed(OVERVIEW_W / 2, 16, inside)]


# --- Positions -----------------------------------------------------------------


def body(limbs: Sequence[tuple[str, float]], head: tuple[float, float, float] | None = None, fill: str = PAPER) -> Node:
    """A person from thick round-capped strokes: an ink pass, then a fill pass on top.

    Drawing every limb twice (wide in ink, narrower in the fill colour) outlines the
    union of the limbs, so overlapping parts merge into one clean silhouette.
    """
    ink: list[Node] = [el("path", d=p, stroke_width=w + 2 * OUTLINE) for p, w in limbs]
    paint: list[Node] = [el("path", d=p, stroke_width=w) for p, w in limbs]
    if head:
        hx, hy, hr = head
        ink.append(el("circle", cx=hx, cy=hy, r=hr + OUTLINE, fill="currentColor", stroke="none"))
        paint.append(el("circle", cx=hx, cy=hy, r=hr, fill=fill, stroke="none"))
    return g(g(ink, stroke="currentColor"), g(paint, stroke=fill), fill="none")


def pillow(x: float, y: float, w: float, h: float) -> Node:
    """A soft rectangle with a seam line: pillows and folded towels."""
    return g(
        el("rect", x=x, y=y, width=w, height=h, rx=min(h, w) / 2.6),
        fill=PAPER, stroke="currentColor", stroke_width=2,
    )


def towel_roll(cx: float, cy: float, r: float) -> Node:
    """A rolled towel seen end-on: a circle with a spiral."""
    return g(
        el("circle", cx=cx, cy=cy, r=r),
        el("path", d=arc(cx, cy, r * 0.55, 0, 270), fill="none"),
        fill=PAPER, stroke="currentColor", stroke_width=2,
    )


def position_face_down() -> list[Node]:
    """Lying face-down: a rolled towel under the forehead, a pillow under the ankles."""
    scene = [
        el("rect", x=6, y=120, width=308, height=10, rx=3, fill=PAPER, stroke="currentColor", stroke_width=2),
        towel_roll(26, 112, 8),  # under the forehead, leaving room to breathe
        pillow(238, 98, 46, 22),  # under the ankles, so the knees bend slightly
        body(
            [
                ("M50,100 L64,101", 12),  # neck
                ("M70,104 C84,103 100,104 114,105", 32),  # chest
                ("M114,106 C128,107 140,108 152,107", 26),  # waist
                ("M146,104 L158,104", 30),  # hips
                ("M160,108 L212,110", 20),  # thigh
                ("M212,110 L262,90", 14),  # shin, resting on the pillow
                ("M265,89 L282,102", 9),  # foot, toes down
            ],
            head=(35, 95, 13),
        ),
        body([("M76,101 L110,106 L146,108", 10)]),  # arm resting by the side
        label(4, 150, ["Rolled towel", "under forehead"]),
        leader([(28, 139), (26, 118)]),
        label(150, 150, ["Arms rest by", "the sides"], anchor="middle"),
        leader([(130, 139), (126, 108)]),
        label(316, 150, ["Pillow under", "the ankles"], anchor="end"),
        leader([(268, 139), (262, 114)]),
    ]
    return [g(scene, transform="translate(0 -52)")]


def position_side_lying() -> list[Node]:
    """Lying on one side, seen from above, with pillows for head, arms and knees."""
    return [
        pillow(8, 70, 60, 56),  # under the head
        body([("M162,104 L228,114 L290,110", 19), ("M292,110 L306,104", 9)]),  # lower leg
        pillow(186, 120, 80, 44),  # between the knees
        body(
            [
                ("M50,98 L66,98", 12),  # neck
                ("M72,96 C100,92 132,92 160,100", 36),  # torso, back towards the top
                ("M160,106 L200,166 L256,174", 20),  # upper leg, bent forward
                ("M258,175 L272,181", 9),  # foot
            ],
            head=(36, 98, 15),
        ),
        pillow(84, 118, 62, 36),  # hugged in front of the chest
        body([("M80,106 L98,136 L134,138", 10)]),  # top arm over the pillow
        hand(96, 50, rotate=170, scale=0.62, left=True),  # your hands on the upper side
        hand(132, 52, rotate=175, scale=0.62),
        label(8, 24, "Pillow under the head"),
        leader([(30, 30), (30, 72)]),
        label(60, 184, "Hug a pillow"),
        leader([(100, 172), (110, 152)]),
        label(316, 208, ["Pillow between", "the knees"], anchor="end"),
        leader([(290, 194), (250, 142)]),
        label(316, 30, ["Your hands on", "the upper side", "of the back"], anchor="end"),
        leader([(210, 50), (146, 62)]),
    ]


def position_seated() -> list[Node]:
    """Sitting facing a chair back with a pillow over it; you stand behind."""
    chair = g(
        path([("M", ((96.0, 170.0),)), ("L", ((196.0, 170.0),))]),  # seat
        path([("M", ((102.0, 170.0),)), ("L", ((102.0, 246.0),)), ("M", ((190.0, 170.0),)), ("L", ((190.0, 246.0),))]),
        path([("M", ((194.0, 170.0),)), ("L", ((198.0, 100.0),))]),  # chair back
        fill="none", stroke="currentColor", stroke_width=4,
    )
    return [
        path([("M", ((6.0, 248.0),)), ("L", ((314.0, 248.0),))], stroke="currentColor", stroke_width=2),
        body(  # you, standing behind
            [
                ("M50,150 L46,198 L42,242", 15),
                ("M50,150 L62,198 L64,242", 15),
                ("M42,243 L58,246", 9),
                ("M64,243 L80,246", 9),
                ("M50,150 L58,92", 24),
                ("M60,84 L62,78", 10),
            ],
            head=(64, 64, 12),
        ),
        chair,
        pillow(178, 88, 38, 54),  # over the top of the chair back
        body(
            [
                ("M124,160 C130,136 142,116 158,102", 30),  # torso leaning onto the pillow
                ("M166,94 L174,86", 11),  # neck
                ("M126,162 L206,160", 20),  # thigh
                ("M206,160 L202,236", 14),  # shin
                ("M202,240 L220,245", 9),  # foot flat on the floor
            ],
            head=(184, 74, 13),
        ),
        body([("M160,104 L206,92 L180,86", 10)]),  # folded arms on the pillow
        body([("M60,96 L96,112 L140,100", 9)]),  # your arm, hand on the shoulder
        label(8, 24, "You stand behind"),
        label(224, 30, ["Head rests", "on folded", "arms"]),
        leader([(230, 66), (194, 86)]),
        label(224, 118, ["Pillow over", "the chair", "back"]),
        leader([(230, 150), (208, 134)]),
        label(224, 206, ["Feet flat on", "the floor"]),
        leader([(232, 224), (216, 240)]),
    ]


# --- Giver's posture -------------------------------------------------------------


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


def bed_and_receiver() -> list[Node]:
    """A bed with someone lying face-down on it, head towards the giver."""
    return [
        path([("M", ((4.0, 250.0),)), ("L", ((316.0, 250.0),))], stroke="currentColor", stroke_width=2),
        el("rect", x=168, y=186, width=160, height=22, rx=4, fill=PAPER, stroke="currentColor", stroke_width=2),
        path(
            [("M", ((174.0, 208.0),)), ("L", ((174.0, 250.0),)), ("M", ((310.0, 208.0),)), ("L", ((310.0, 250.0),))],
            stroke="currentColor", stroke_width=4,
        ),
        body([("M198,174 L330,174", 24)], head=(182, 176, 10)),
    ]


@dataclass
class Note:
    """A posture label: its words, where it sits, and the body part it points at."""

    words: tuple[str, ...]
    at: Pt
    target: Pt


def posture(good: bool) -> list[Node]:
    """The giver at the bed: good (knees bent, back long) or poor (the opposite)."""
    if good:
        giver = body(
            [
                ("M122,156 L98,198 L74,240", 15),  # back leg
                ("M122,156 L158,194 L152,240", 15),  # front leg, knee bent
                ("M74,241 L90,245", 9),
                ("M152,241 L168,245", 9),
                ("M122,154 L174,104", 28),  # torso, long and straight
                ("M180,98 L186,92", 10),  # neck
                ("M178,106 L190,132 L200,158", 10),  # arm straight: shoulder over elbow over wrist
                ("M200,160 L218,162", 9),  # flat palm
            ],
            head=(196, 80, 13),
        )
        notes = [
            Note(("Back long", "and straight"), (6, 60), (146, 132)),
            Note(("Lean in with", "body weight"), (196, 30), (180, 108)),
            Note(("Shoulder", "over elbow", "over wrist"), (224, 112), (192, 134)),
            Note(("Knees bent, one", "foot forward"), (6, 272), (158, 196)),
        ]
        extra: list[Node] = []
    else:
        giver = body(
            [
                ("M124,152 L124,196 L124,240", 15),  # legs straight, knees locked
                ("M124,241 L140,245", 9),
                ("M124,152 C118,116 132,96 160,98", 28),  # back rounded
                ("M166,104 L174,114", 10),  # neck dropped
                ("M162,104 L198,120 L202,156", 10),  # elbow bent, forearm upright
                ("M203,158 L222,158", 9),  # hand bent back at the wrist
            ],
            head=(182, 124, 13),
        )
        notes = [
            Note(("Back rounded,", "head down"), (6, 60), (130, 108)),
            Note(("Pushing with", "the arms"), (196, 30), (198, 120)),
            Note(("Wrists", "bent back", "sharply"), (224, 112), (203, 157)),
            Note(("Knees locked",), (6, 272), (124, 196)),
        ]
        extra = []
    nodes: list[Node] = [*bed_and_receiver(), giver, *extra]
    nodes.append(tick(16, 18, good, size=9))
    nodes.append(label(32, 24, "Good" if good else "Avoid", bold=True, size=16))
    for note in notes:
        x, y = note.at
        nodes.append(tick(x + 7, y - 4, good))
        nodes.append(label(x + 20, y, note.words))
        below = y + LABEL * 1.2 * (len(note.words) - 1) + 5
        start = (x + 40, below) if note.target[1] > y else (x + 40, y - LABEL - 2)
        nodes.append(leader([start, note.target]))
    return nodes


# --- The catalogue -------------------------------------------------------------

TECHNIQUE_DESC = "Back seen from behind with hatched no-press zones (neck, armpits, spine, kidney area). "
PICTURES: list[Picture] = [
    Picture(
        "back-map.svg", 345,
        "Back map: where to massage and where never to press",
        "A back seen from behind, neck to hips. Shaded areas either side of the spine are "
        "safe to massage: shoulders, upper back, middle back and lower back. Hatched areas "
        "are no-press zones: the neck, the armpits, the spine itself, and the kidney area "
        "just below the ribs, which gets light touch only.",
        back_map,
    ),
    Picture(
        "technique-effleurage.svg", caption_height(2), "Effleurage: long gliding strokes",
        TECHNIQUE_DESC + "Two flat hands start on the lower back either side of the spine, "
        "fingers pointing to the head. Arrows run up beside the spine, out over the shoulders "
        "and back down the sides.",
        tech_effleurage, hands=True,
    ),
    Picture(
        "technique-kneading.svg", caption_height(2), "Kneading: squeeze, lift and release",
        TECHNIQUE_DESC + "Two hands share the top of one shoulder; circling arrows in opposite "
        "directions show them taking turns to squeeze and lift the muscle, and an arrow runs "
        "from the base of the neck out to the shoulder tip.",
        tech_kneading, hands=True,
    ),
    Picture(
        "technique-thumb-circles.svg", caption_height(2), "Thumb circles beside the spine",
        TECHNIQUE_DESC + "Hands rest on the mid back with fingers spread out to the sides; "
        "each thumb sits just beside the spine, with a small circling arrow at its tip and a "
        "short arrow showing the thumbs moving up the back.",
        tech_thumb_circles, hands=True,
    ),
    Picture(
        "technique-compression.svg", caption_height(2), "Palm compression: press and release",
        TECHNIQUE_DESC + "One palm rests on top of the other beside the spine, below the "
        "shoulder blade; faint copies lower down and a downward arrow show the hands moving "
        "down a hand's width at a time towards the waist.",
        tech_compression, hands=True,
    ),
    Picture(
        "technique-tapotement.svg", caption_height(2), "Tapotement: light, quick tapping",
        TECHNIQUE_DESC + "Only the shoulders and upper back are shaded, with small tap marks. "
        "Two relaxed hands hover below, ready to tap.",
        tech_tapotement, hands=True,
    ),
    Picture(
        "technique-finishing.svg", caption_height(2), "Finishing strokes: feather-light fingertips",
        TECHNIQUE_DESC + "One hand rests at the top of the back and the other near the waist, "
        "fingers pointing down; light wavy arrows run from the shoulders down to the waist on "
        "both sides.",
        tech_finishing, hands=True,
    ),
    Picture(
        "position-face-down.svg", 124, "Face-down position with supports",
        "Side view of a person lying face-down on a mat: forehead on a rolled towel, arms "
        "by the sides, and a pillow under the ankles so the feet relax.",
        position_face_down, defs=figure_defs,
    ),
    Picture(
        "position-side-lying.svg", 228, "Side-lying position with pillows",
        "A person lying on their side, seen from above: a pillow under the head, a pillow "
        "hugged in front of the chest, and a pillow between the bent knees. The giver "
        "massages the upper side of the back. Good for pregnancy and anyone who cannot lie "
        "face-down.",
        position_side_lying, defs=figure_defs, hands=True,
    ),
    Picture(
        "position-seated.svg", 256, "Seated position, leaning over a chair back",
        "Side view of a person sitting astride a chair, facing its back, with a pillow "
        "between chest and chair back and the head resting on folded arms; feet flat on the "
        "floor. The back faces the giver.",
        position_seated, defs=figure_defs,
    ),
    Picture(
        "posture-good.svg", 292, "Giver's posture: good",
        "Side view of the giver at a bed: one foot forward, knees bent, back long and "
        "straight, leaning in with body weight through nearly straight arms and wrists.",
        lambda: posture(True), defs=figure_defs,
    ),
    Picture(
        "posture-poor.svg", 292, "Giver's posture: poor, avoid",
        "Side view of the giver at a bed: knees locked, back rounded, head down, elbows bent "
        "and wrists bent sharply back, pushing with the arms.",
        lambda: posture(False), defs=figure_defs,
    ),
    Picture(
        "routine-overview.svg", 276, "Routine overview: the 12 steps on one back",
        "A back seen from behind with numbered markers 1 to 12 placed where each step of "
        "the routine works, with arrows for direction.",
        routine_overview, width=OVERVIEW_W,
    ),
]
PICTURES += [
    Picture(
        f"step-{step.number:02d}.svg", caption_height(len(step.caption)),
        f"Step {step.number}: {step.name}", step.desc, step_picture(step), hands=step.hands,
    )
    for step in STEPS
]


# --- Command line ----------------------------------------------------------------


def render_all() -> dict[str, str]:
    """Every picture's file name and text, in a fixed order."""
    return {pic.name: pic.svg() for pic in PICTURES}


def write_all(out_dir: Path) -> list[Path]:
    """Write every picture into out_dir; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        target = out_dir / name
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    return written


def differences(out_dir: Path) -> list[str]:
    """Names of files in out_dir that are missing or differ from what we would write."""
    stale = []
    for name, text in render_all().items():
        target = out_dir / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Write the files, or with --check report stale ones (exit 1) without writing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list files that differ; write nothing")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write or check")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences(args.out)
        for name in stale:
            print(f"{args.out / name}:1:1: ILL001 differs from scripts/illustrations.py; "
                  "run python scripts/illustrations.py")
        return 1 if stale else 0
    for target in write_all(args.out):
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
