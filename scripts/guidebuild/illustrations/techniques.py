"""The back map and the six technique pictures (techniques.md, safety.md).

Each technique picture is the shared back with the hands in that technique's shape, placed where
the technique page says, and the blue arrows of its movement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .back import BANDS, back_base, bands
from .hands import hand, hand_on, stacked_hands
from .marks import arrow, circle_arrow, label, leader, legend, line_arrow, press_marks, tap_marks, wavy_down
from .motions import BACK_X, BACK_Y, both, caption, caption_height, circles, placed, stroke_up_and_out
from .style import ARROW, LEADER
from .svg import Node, d, g, path


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
        label(right, top + 184, ["Kidney area:", "light strokes", "only"], bold=True),
        leader([(right - 2, top + 180), (cx + 40, top + 180)]),
        legend(20, 300, (("area", "Massage here, both sides"), ("hatch", "Hatched: never press"))),
    ]


# --- Techniques ------------------------------------------------------------------


def technique(inside: Sequence[Node], lines: Sequence[str], areas: Sequence[Node] = ()) -> list[Node]:
    """A technique picture: the back, hands and arrows, and a caption."""
    return [placed(BACK_X, BACK_Y, [*back_base(areas), *inside]), caption(lines)]


def tech_effleurage() -> list[Node]:
    """Hands start low, glide up beside the spine, fan over the shoulders, return down."""
    inside = [*stroke_up_and_out(1), *stroke_up_and_out(-1)]
    inside += [hand(s * 25, 246, rotate=s * 4, left=s < 0) for s in (1, -1)]
    return technique(inside, ["Glide up beside the spine, out over", "the shoulders, and down the sides"])


def tech_kneading() -> list[Node]:
    """Two hands share one shoulder, taking turns to squeeze, working neck to tip."""
    inside = [
        hand_on((33, 42), "heel", rotate=176, shape="grip"),
        hand_on((64, 54), "heel", rotate=204, left=True, shape="grip"),
        circle_arrow(20, 62, 6.5, clockwise=False, start=-90),
        circle_arrow(86, 66, 6.5, clockwise=True, start=-90),
        arrow(d([("M", ((-26.0, 34.0),)), ("Q", ((-50.0, 38.0), (-74.0, 52.0)))]), 2.2),
    ]
    return technique(
        inside, ["Hands take turns to lift and squeeze,", "moving from the neck to the shoulder tip"],
        areas=bands("shoulders"),
    )


def tech_thumb_circles() -> list[Node]:
    """Fingers rest out to the side; the thumbs draw small circles beside the spine."""
    inside = [hand_on((s * 18.5, 132), "thumb", rotate=s * 22, left=s < 0, shape="thumb") for s in (1, -1)]
    inside += both(lambda s: [*circles(s, [(18.5, 132.0)], 6.5), line_arrow([(s * 18.5, 120.0), (s * 18.5, 98.0)])])
    return technique(inside, ["Thumbs circle slowly beside the spine,", "never on it, then move up a little"])


def tech_compression() -> list[Node]:
    """Stacked palms press the muscle beside the spine, stepping down as far as the lowest ribs.

    The heel of the hand sits beside the spine, never on it, and the presses stop at the bottom
    of the ribs: the kidney area below gets light strokes only (STATUS.md, safety.md).
    """
    inside: list[Node] = [*press_marks(1, 22, (66.0, 94.0, 122.0, 148.0))]
    inside += stacked_hands(22, 66, rotate=64)
    inside.append(line_arrow([(44.0, 86.0), (44.0, 150.0)], width=ARROW))
    return technique(
        inside, ["Heel of the hand beside the spine: press,", "release, move down; stop at the ribs"],
    )


def tech_tapotement() -> list[Node]:
    """Loosely cupped hands tap lightly, only on the shoulders and upper back."""
    inside = [
        hand(44, 128, rotate=10, shape="cupped"),
        hand(-44, 128, rotate=-10, left=True, shape="cupped"),
        *tap_marks([(-52, 58), (-28, 62), (-74, 80), (52, 58), (28, 62), (74, 80), (-20, 90), (20, 90)]),
    ]
    return technique(
        inside, ["Quick, light taps with cupped hands:", "shoulders and upper back only"],
        areas=bands("shoulders", "upper"),
    )


def tech_finishing() -> list[Node]:
    """Fingertips brush down to the waist, one hand starting as the other finishes."""
    inside = [
        hand(36, 44, rotate=180, left=True, shape="fingertips"),
        hand(-36, 142, rotate=180, shape="fingertips"),
        *[wavy_down(x, 110, 204) for x in (24.0, 46.0, 68.0)],
        *[wavy_down(-x, top, 134) for x, top in ((24.0, 40.0), (46.0, 66.0), (68.0, 100.0))],
    ]
    return technique(inside, ["Fingertips brush down to the waist,", "one hand after the other"])



# File name, height, drawing; titles and descriptions are in texts.json.
PICTURES: list[tuple[str, float, Callable[[], list[Node]]]] = [
    ("back-map.svg", 345, back_map),
    ("technique-effleurage.svg", caption_height(2), tech_effleurage),
    ("technique-kneading.svg", caption_height(2), tech_kneading),
    ("technique-thumb-circles.svg", caption_height(2), tech_thumb_circles),
    ("technique-compression.svg", caption_height(2), tech_compression),
    ("technique-tapotement.svg", caption_height(2), tech_tapotement),
    ("technique-finishing.svg", caption_height(2), tech_finishing),
]
