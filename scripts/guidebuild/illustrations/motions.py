"""Movement motifs on the back part, and where a back sits in a picture.

The canonical back frame (see `back`): s = 1 draws on the right half, s = -1 its mirror on the
left, so both sides of every picture move the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .back import BACK_HEIGHT
from .marks import arrow, circle_arrow
from .style import ARROW, LABEL, WIDTH
from .svg import Node, Pt, d, g, move


def stroke_up_and_out(
    s: int, width: float = ARROW, reach: float = 1.0, x: float = 24.0, low: float | None = None,
) -> list[Node]:
    """Effleurage: up beside the spine, out over the shoulder, down the side (from y = low)."""
    if low is None:
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
    up = [("M", ((s * 24, 196.0),)), ("C", ((s * 24, 170.0), (s * 23, 120.0), (s * 25, 74.0)))]
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
        ("M", ((s * 22, 196.0),)),
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



def both(make: Callable[[int], list[Node]]) -> list[Node]:
    """Draw a motif on the right half and its mirror on the left half."""
    return make(1) + make(-1)



def placed(x: float, y: float, nodes: Iterable[Node], scale: float = 1.0) -> Node:
    """Put canonical-frame drawing at (x, y) in the picture."""
    return g(nodes, transform=move(x, y, scale=scale))


BACK_X, BACK_Y = 160.0, 14.0  # where step and technique pictures put the back
CAPTION_Y = BACK_Y + BACK_HEIGHT + 24


def caption(lines: Sequence[str]) -> Node:
    """Centred words under the back, naming the movement in plain language."""
    from .marks import label

    return label(WIDTH / 2, CAPTION_Y, lines, anchor="middle")


def caption_height(lines: int) -> float:
    """Picture height that fits a caption of this many lines."""
    return CAPTION_Y + (lines - 1) * LABEL * 1.2 + 8
