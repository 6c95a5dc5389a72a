"""Shared part: a hand seen from above (the back of the hand), in the few shapes the routine uses.

Why one parametric hand: the routine uses flat hands, thumbs, a kneading grip, loosely cupped
hands and fingertips, and a reader has to tell them apart at a glance. Every shape is the same
palm, four fingers and thumb with different finger lengths (curled fingers look shorter from
above), spread and thumb angle, so they all read as the same pair of hands.

Frame: a right hand, wrist at the origin, fingers pointing to -y, thumb on the left (-x). The
left hand is the same part mirrored. About 32 units wide and 66 long: a hand on the back part.
Each shape is written once into <defs> (only when a picture uses it) and placed with <use>.

The outline is drawn the way the figures are: every piece is painted twice, first in ink and a
little wider, then in paper on top, so that fingers, thumb and palm merge into one clean
silhouette and a thin ink gap is left between neighbouring fingers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .style import HAND, PAPER
from .svg import Node, Pt, el, g, move, num

FINGER_W = 6.1  # width of a finger; the gap to the next one draws the line between them
THUMB_W = 7.8
THENAR_W = 11.0  # the fleshy base of the thumb
# Knuckle of each finger (index to little finger) and its straight length.
KNUCKLES: tuple[Pt, ...] = ((-10.6, -31.0), (-3.5, -33.5), (3.6, -32.5), (10.4, -29.0))
LENGTHS = (25.0, 28.0, 26.0, 20.0)
PALM = "M-10.5,2 C-11.5,-8 -13.5,-20 -14.2,-30 Q0,-38 14,-29 C15.4,-18 14,-7 10.5,2 Z"
THUMB_ROOT: Pt = (-7.0, -5.0)


@dataclass(frozen=True)
class HandShape:
    """How one hand shape differs from the flat hand."""

    curl: float  # 1 = straight fingers; smaller = curled (shorter seen from above)
    spread: float  # degrees between neighbouring fingers
    thumb_angle: float  # degrees from the fingers' direction, towards the thumb side
    thumb_length: float
    pad: bool = False  # mark the working thumb pad with a dot


SHAPES: dict[str, HandShape] = {
    "flat": HandShape(curl=1.0, spread=2.5, thumb_angle=38.0, thumb_length=25.0),
    "thumb": HandShape(curl=0.95, spread=3.0, thumb_angle=58.0, thumb_length=28.0),
    "grip": HandShape(curl=0.52, spread=1.5, thumb_angle=52.0, thumb_length=25.0),
    "cupped": HandShape(curl=0.62, spread=1.0, thumb_angle=22.0, thumb_length=20.0),
    "fingertips": HandShape(curl=0.95, spread=9.0, thumb_angle=42.0, thumb_length=20.0),
}


def _toward(origin: Pt, angle: float, length: float) -> Pt:
    """The point `length` from `origin` in a direction `angle` degrees clockwise from -y."""
    a = math.radians(angle)
    return origin[0] + length * math.sin(a), origin[1] - length * math.cos(a)


def _line(a: Pt, b: Pt, width: float) -> Node:
    return el("path", d=f"M{num(a[0])},{num(a[1])} L{num(b[0])},{num(b[1])}", stroke_width=width)


def hand_def(shape_name: str) -> Node:
    """The <g id="hand-NAME"> definition of one hand shape."""
    shape = SHAPES[shape_name]
    bones: list[tuple[Pt, Pt, float]] = []
    for i, (knuckle, length) in enumerate(zip(KNUCKLES, LENGTHS, strict=True)):
        tilt = (i - 1.4) * shape.spread
        root = (knuckle[0], knuckle[1] + 6)
        tip = _toward(knuckle, tilt, length * shape.curl - FINGER_W / 2)
        bones.append((root, tip, FINGER_W))
    thumb_tip = _toward(THUMB_ROOT, -shape.thumb_angle, shape.thumb_length - THUMB_W / 2)
    bones.append((THUMB_ROOT, thumb_tip, THUMB_W))
    bones.append(((-2.0, -3.0), _toward(THUMB_ROOT, -shape.thumb_angle, 10.0), THENAR_W))
    ink = [el("path", d=PALM, fill="currentColor", stroke_width=2 * HAND)]
    ink += [_line(a, b, w + 2 * HAND) for a, b, w in bones]
    paint = [el("path", d=PALM, fill=PAPER, stroke="none")]
    paint += [_line(a, b, w) for a, b, w in bones]
    forearm = "M-10.2,1.5 L-11.8,16 L11.8,16 L10.2,1.5 Z"
    parts: list[Node] = [
        g(ink, stroke="currentColor"),
        g(paint, stroke=PAPER),
        el("path", d=forearm, fill=PAPER, stroke="none"),
        el("path", d="M-10.5,-1 L-11.8,16 M10.5,-1 L11.8,16", fill="none", stroke="currentColor",
           stroke_width=HAND),
    ]
    if shape.pad:
        pad = _toward(THUMB_ROOT, -shape.thumb_angle, shape.thumb_length - THUMB_W * 0.7)
        parts.append(el("circle", cx=pad[0], cy=pad[1], r=1.8, fill="currentColor"))
    return g(parts, id=f"hand-{shape_name}", fill="none", stroke_linecap="round")


def hand(
    x: float, y: float, rotate: float = 0.0, left: bool = False, ghost: bool = False, scale: float = 1.0,
    shape: str = "flat",
) -> Node:
    """Place a hand shape: wrist at (x, y), rotated clockwise (degrees) from fingers pointing up."""
    if shape not in SHAPES:
        raise ValueError(f"unknown hand shape {shape!r}; one of {', '.join(SHAPES)}")
    return el(
        "use",
        href=f"#hand-{shape}",
        transform=move(x, y, rotate, mirror=left, scale=scale),
        opacity=0.4 if ghost else None,
    )


def landmark(shape_name: str, which: str) -> Pt:
    """A point on the unplaced right hand: "thumb" (tip pad), "tips" (middle fingertip),
    "palm" (centre of the palm) or "heel" (heel of the hand, just above the wrist)."""
    shape = SHAPES[shape_name]
    if which == "thumb":
        return _toward(THUMB_ROOT, -shape.thumb_angle, shape.thumb_length - THUMB_W * 0.7)
    if which == "tips":
        return _toward(KNUCKLES[1], -0.4 * shape.spread, LENGTHS[1] * shape.curl - FINGER_W / 2)
    return {"palm": (0.0, -17.0), "heel": (0.0, -5.0)}[which]


def hand_on(
    target: Pt, which: str, rotate: float = 0.0, left: bool = False, shape: str = "flat",
    scale: float = 1.0, ghost: bool = False,
) -> Node:
    """Place a hand so that its `which` landmark (see `landmark`) lands on `target`.

    Why: the routine says where the thumb or the heel of the hand goes (beside the spine, on
    the edge of the shoulder blade), so pictures place hands by that point, not by the wrist.
    """
    lx, ly = landmark(shape, which)
    lx, ly = (-lx if left else lx) * scale, ly * scale
    a = math.radians(rotate)
    dx, dy = lx * math.cos(a) - ly * math.sin(a), lx * math.sin(a) + ly * math.cos(a)
    return hand(target[0] - dx, target[1] - dy, rotate, left=left, ghost=ghost, scale=scale, shape=shape)


def stacked_hands(x: float, y: float, rotate: float = 0.0, left: bool = False, ghost: bool = False) -> list[Node]:
    """One flat hand on the back of the other, crossed a little: the stacked palms of a press.

    (x, y) is the heel of the lower hand, the part that presses.
    """
    s = -1 if left else 1
    return [
        hand(x, y, rotate, left=left, ghost=ghost),
        hand(*_toward((x, y), rotate + s * 90, 5.0), rotate=rotate + s * 28, left=not left, ghost=ghost),
    ]


def hand_defs_used(svg_text: str) -> list[Node]:
    """The definitions of the hand shapes a drawing refers to, in a fixed order."""
    return [hand_def(name) for name in SHAPES if f'href="#hand-{name}"' in svg_text]
