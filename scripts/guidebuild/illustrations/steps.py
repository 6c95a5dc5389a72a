"""The twelve routine step pictures and the routine overview (routine.md, the cheat sheet).

Every step picture shows the shared back, the area the step works, the giver's hands in the
shape the step uses (flat, thumbs, grip, stacked palms, cupped, fingertips) at the place the
routine's text puts them, and the arrows of the movement. A note under the badge says where the
giver is (STATUS.md's shared decision): beside the partner for steps 1-3 and 7-12, at the head
end for steps 4-6, which is also why the hands of steps 4-6 point down the back.

Press points are always on the muscles beside the spine, never on it, and no press is drawn in
the kidney area (light strokes only): a test checks the press marks against the zones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .back import back_base, bands, blade_strips, strips
from .hands import hand, hand_on, stacked_hands
from .marks import arrow, badge, label, line_arrow, press_marks, tap_marks, wavy_down
from .motions import (
    BACK_X,
    BACK_Y,
    both,
    caption,
    caption_height,
    circles,
    firm_up_light_down,
    full_loop,
    placed,
    stroke_up_and_out,
)
from .svg import Node, d

SIDE, HEAD_END = "side", "head end"
STANCE_LINES = {SIDE: ("From the", "side"), HEAD_END: ("From the", "head end")}
RIB_PRESSES = (66.0, 94.0, 122.0, 148.0)  # step 7: shoulder blades down to the lowest ribs


@dataclass
class Step:
    """One routine step: its number, name, where it works, the hands and how they move."""

    number: int
    name: str
    areas: Callable[[], list[Node]]
    motion: Callable[[], list[Node]]
    caption: tuple[str, ...]
    stance: str = SIDE


def flat_pair(y: float, x: float = 30.0, tilt: float = 3.0) -> list[Node]:
    """Both flat hands, fingers to the head, wrists at height y: the start of a glide."""
    return [hand(s * x, y, rotate=s * tilt, left=s < 0) for s in (1, -1)]


def knead_shoulders() -> list[Node]:
    """Step 4 from the head end: both hands grip one shoulder; arrows along both shoulders."""
    out = [
        hand_on((33, 42), "heel", rotate=176, shape="grip"),
        hand_on((64, 54), "heel", rotate=204, left=True, shape="grip"),
    ]
    out += circles(1, [(20.0, 62.0), (86.0, 66.0)], 6.0)
    for s in (1, -1):
        out.append(arrow(d([("M", ((s * 26, 14.0),)), ("Q", ((s * 52, 20.0), (s * 82, 38.0)))]), 2.2,
                         dashed=s < 0, both_ends=True))
    return out


def pair_working(
    shape: str, at: tuple[float, float], rotate: float, head_end: bool,
    centres: list[tuple[float, float]], radius: float, path: list[tuple[float, float]],
) -> list[Node]:
    """A hand on each side with its working point (thumb pad or fingertips) at `at`, circling
    arrows at `centres` and a straight arrow along `path`; all mirrored to the left half.

    From the head end the hands point down the back (turned round, left and right swapped).
    """
    which = "thumb" if shape == "thumb" else "tips"
    out: list[Node] = []
    for s in (1, -1):
        turn, left = (180 - s * rotate, s > 0) if head_end else (s * rotate, s < 0)
        out.append(hand_on((s * at[0], at[1]), which, rotate=turn, left=left, shape=shape))
        out += circles(s, centres, radius)
        out.append(line_arrow([(s * x, y) for x, y in path]))
    return out


def blade_thumbs() -> list[Node]:
    """Step 5 from the head end: thumb pads on the inner edge of each shoulder blade."""
    return pair_working("thumb", (31, 76), 34, True, [(31.0, 76.0), (34.0, 94.0), (38.0, 110.0)], 4.6,
                        [(24.0, 86.0), (28.0, 112.0)])


def knead_upper_back() -> list[Node]:
    """Step 6 from the head end: a grip hand either side of the spine, working down."""
    return pair_working("grip", (22, 88), 10, True, [(22.0, 108.0)], 6.5, [(46.0, 76.0), (46.0, 120.0)])


def palm_presses() -> list[Node]:
    """Step 7 from the side: stacked palms, heel beside the spine; presses stop at the ribs."""
    out: list[Node] = []
    for s in (1, -1):
        out.append(arrow(d([("M", ((s * 23, 58.0),)), ("L", ((s * 23, 156.0),))])))
        out += press_marks(s, 23, RIB_PRESSES)
    out += stacked_hands(23, 66, rotate=64)
    return out


def spine_thumbs() -> list[Node]:
    """Step 8 from the side: thumbs two finger-widths from the spine, working up from the ribs."""
    return pair_working("thumb", (18.5, 152), 24, False, [(18.5, 152.0), (18.5, 137.0), (18.5, 122.0)], 5.0,
                        [(18.5, 112.0), (18.5, 94.0)])


def lower_back_circles() -> list[Node]:
    """Step 9 from the side: a flat palm either side, light circles outwards below the ribs."""
    out: list[Node] = []
    for s in (1, -1):
        out.append(hand_on((s * 38, 214), "palm", rotate=s * 8, left=s < 0))
        out += circles(s, [(38.0, 214.0)], 15.0)
    return out


def light_taps() -> list[Node]:
    """Step 10 from the side: loosely cupped hands over the shoulders and upper back."""
    marks = [(-56, 62), (-30, 70), (-60, 96), (56, 62), (30, 70), (60, 96), (-24, 112), (24, 112)]
    return [
        hand(44, 136, rotate=12, shape="cupped"),
        hand(-44, 136, rotate=-12, left=True, shape="cupped"),
        *tap_marks(marks),
    ]


def feather_strokes() -> list[Node]:
    """Step 12 from the side: fingertips brushing down, one hand high as the other is low."""
    out: list[Node] = [
        hand_on((46, 80), "tips", rotate=150, left=True, shape="fingertips"),
        hand_on((-40, 176), "tips", rotate=150, shape="fingertips"),
    ]
    out += [wavy_down(x, 96, 206) for x in (22.0, 50.0, 76.0)]
    out += [wavy_down(-x, top, 206) for x, top in ((22.0, 40.0), (50.0, 60.0), (76.0, 100.0))]
    out = out[2:] + out[:2]  # arrows under the hands
    return out


STEPS: list[Step] = [
    Step(
        1, "Settle in", lambda: bands("upper"),
        lambda: [hand_on((s * 36, 100), "palm", rotate=s * 8, left=s < 0) for s in (1, -1)],
        ("Rest both flat hands on the upper back",),
    ),
    Step(
        2, "Spread the oil", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: [*both(lambda s: stroke_up_and_out(s, width=2.6, reach=0.0, low=196.0)), *flat_pair(250)],
        ("Light strokes over the whole back",),
    ),
    Step(
        3, "Warm the whole back", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: [*both(firm_up_light_down), *flat_pair(250)],
        ("Firmer on the way up, lighter down",),
    ),
    Step(
        4, "Knead the shoulders", lambda: bands("shoulders"),
        knead_shoulders,
        ("Squeeze from the neck to the shoulder", "tip and back; then the other side"),
        stance=HEAD_END,
    ),
    Step(
        5, "Circle around the shoulder blades", blade_strips,
        blade_thumbs,
        ("Thumb circles along the inner edge", "of each shoulder blade, top to bottom"),
        stance=HEAD_END,
    ),
    Step(
        6, "Knead the upper back", lambda: strips(60, 124, 26),
        knead_upper_back,
        ("Knead beside the spine, down to the", "bottom of the shoulder blades"),
        stance=HEAD_END,
    ),
    Step(
        7, "Palm presses down the back", lambda: strips(52, 160, 28),
        palm_presses,
        ("Stacked palms beside the spine: press,", "release, move down; stop at the ribs"),
    ),
    Step(
        8, "Thumb circles beside the spine", lambda: strips(112, 162, 20),
        spine_thumbs,
        ("Thumb circles beside, never on, the", "spine, working up from the ribs"),
    ),
    Step(
        9, "Soothe the lower back", lambda: bands("lower"),
        lower_back_circles,
        ("Light palm circles on the lower back;", "light strokes only, no pressing"),
    ),
    Step(
        10, "Light tapping (optional)", lambda: bands("shoulders", "upper"),
        light_taps,
        ("Light taps: shoulders and upper back", "only, never over the kidneys"),
    ),
    Step(
        11, "Long strokes to connect", lambda: bands("shoulders", "upper", "middle", "lower"),
        lambda: [*both(full_loop), *flat_pair(250, x=28.0)],
        ("Long strokes linking the whole back",),
    ),
    Step(
        12, "Feather strokes and finish", lambda: bands("shoulders", "upper", "middle", "lower"),
        feather_strokes,
        ("Fingertips brush down to the waist,", "then rest your hands and cover up"),
    ),
]


def step_picture(step: Step) -> Callable[[], list[Node]]:
    """The drawing for one step: badge, where the giver is, shaded area, hands, motion, caption."""

    def build() -> list[Node]:
        inside = [*back_base(step.areas()), *step.motion()]
        return [
            placed(BACK_X, BACK_Y, inside),
            badge(24, 28, str(step.number), r=16, size=19),
            label(6, 62, STANCE_LINES[step.stance]),
            caption(step.caption),
        ]

    return build


def step_pictures() -> list[tuple[str, float, Callable[[], list[Node]], str]]:
    """Catalogue entries for the twelve step pictures (file names step-01.svg … step-12.svg).

    The title is the routine's own step name, so the two cannot drift apart.
    """
    return [
        (f"step-{step.number:02d}.svg", caption_height(len(step.caption)), step_picture(step),
         f"Step {step.number}: {step.name}")
        for step in STEPS
    ]


# --- Routine overview --------------------------------------------------------------

OVERVIEW_W = 260.0


def routine_overview() -> list[Node]:
    """All twelve steps on one back, numbered as in the routine, each where it happens.

    Each step is drawn on one side only (both sides are worked) so the numbers fit.
    """
    r, size = 8.5, 12.5
    right: list[Node] = [
        arrow(d([("M", ((18.0, 58.0),)), ("L", ((18.0, 156.0),))]), width=2.4),  # 7: presses stop at the ribs
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



OVERVIEW = ("routine-overview.svg", 276, routine_overview)
