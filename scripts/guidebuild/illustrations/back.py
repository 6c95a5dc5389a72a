"""Shared part: the back seen from behind, neck to hips, with its anatomy and zones.

Canonical frame: x = 0 on the spine, y = 0 at the top of the neck, 1 unit ~ 2.5 mm. Only the
right half is written; the left half is its mirror image. Every step and technique picture draws
this same back, so a press point or a no-press zone sits in the same place in all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .marks import hatched
from .style import AREA, DETAIL, OUTLINE
from .svg import Node, Pt, Seg, d, el, flip, g, move, path, reverse_cubics

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
    """The outline and its clip path, written once into <defs> of every back picture."""
    return [el("path", id="back", d=back_outline_d()), el("clipPath", el("use", href="#back"), id="back-clip")]
