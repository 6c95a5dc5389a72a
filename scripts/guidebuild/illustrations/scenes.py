"""Pictures of people: the partner's positions, where and how you (the giver) stand, and posture.

All of them are built from the shared figure in `figures`, posed by angles, so the partner and
the giver are the same two people in every picture. Where the giver stands follows STATUS.md's
shared decision: beside the partner, level with the waist, for most steps (at a bed at hip
height, or kneeling on a cushion beside a floor mat); at the head end, facing the feet, for the
shoulder steps 4-6; behind the chair for the seated position.

The beside-the-bed pictures look along the bed from the partner's feet: that is the only view
that shows both the giver's whole body from the side and the partner's back under the hands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .figures import (
    LYING,
    Limb,
    Pose,
    floor,
    joints,
    mat,
    person,
    pillow,
    reach,
    table,
    to_body,
    towel_over_hips,
    towel_roll,
)
from .hands import hand_on
from .marks import label, leader, line_arrow, tick
from .style import CLOTH, FIGURE, LABEL, PAPER
from .svg import Node, Pt, el, g, num


@dataclass
class Note:
    """A label: its words, where it sits, and the point it names."""

    words: tuple[str, ...]
    at: Pt
    target: Pt
    verdict: bool | None = None  # a tick (True) or cross (False) before the words


def notes(items: Sequence[Note]) -> list[Node]:
    """Labels with leaders ending on what they name; posture notes get a tick or a cross."""
    out: list[Node] = []
    for note in items:
        x, y = note.at
        indent = 0.0
        if note.verdict is not None:
            out.append(tick(x + 7, y - 4, note.verdict))
            indent = 20.0
        out.append(label(x + indent, y, note.words))
        below = y + LABEL * 1.2 * (len(note.words) - 1) + 5
        start = (x + indent + 20, below) if note.target[1] > y else (x + indent + 20, y - LABEL - 2)
        out.append(leader([start, note.target]))
    return out


def heading(text: str, verdict: bool | None = None) -> list[Node]:
    """The picture's own short title, top left (with a tick or cross for posture)."""
    if verdict is None:
        return [label(8, 22, text, bold=True, size=15)]
    return [tick(16, 18, verdict, size=9), label(32, 24, text, bold=True, size=16)]


# --- The partner seen from their feet, on a bed or a mat --------------------------------------


def partner_from_feet(cx: float, surface: float, scale: float = 1.0) -> Node:
    """The partner lying face-down, seen from the foot end: the back and hips under a towel,
    the soles of both feet resting on a pillow in front.

    (cx, surface) is the middle of the bed top under them; the top of the back is at
    `surface - 25 * scale`.
    """
    def p(x: float, y: float) -> str:
        return f"{num(cx + x * scale)},{num(surface - y * scale)}"

    back = f"M{p(-24, 0)} C{p(-25, 14)} {p(-14, 25)} {p(0, 25)} C{p(14, 25)} {p(25, 14)} {p(24, 0)} Z"
    towel = (f"M{p(-27, -2)} C{p(-28, 10)} {p(-20, 19)} {p(-8, 21)} L{p(8, 21)} "
             f"C{p(20, 19)} {p(28, 10)} {p(27, -2)} Z")
    folds = f"M{p(-13, 17)} Q{p(-16, 8)} {p(-20, 0)} M{p(12, 17)} Q{p(15, 8)} {p(19, 0)}"
    soles = [el("ellipse", cx=cx + s * 6.5 * scale, cy=surface - 15 * scale, rx=5.2 * scale, ry=8 * scale)
             for s in (-1, 1)]
    return g(
        el("path", d=back, fill=PAPER, stroke="currentColor", stroke_width=FIGURE),
        el("path", d=towel, fill=PAPER, stroke="currentColor", stroke_width=FIGURE),
        el("path", d=folds, fill="none", stroke="currentColor", stroke_width=CLOTH),
        pillow(cx - 15 * scale, surface - 9 * scale, 30 * scale, 9 * scale),
        g(soles, fill=PAPER, stroke="currentColor", stroke_width=FIGURE),
    )


GOOD_LUNGE = Pose(
    torso=44, neck=50, head=62, near_leg=Limb(30, -6), far_leg=Limb(-22, -22), palm_down=True,
)
POOR_STOOP = Pose(
    torso=64, neck=88, head=100, near_leg=Limb(2, -2), far_leg=Limb(-2, -4), palm_down=True,
)
HALF_KNEEL = Pose(
    torso=40, neck=48, head=60, near_leg=Limb(84, -2), far_leg=Limb(4, -90, -150), palm_down=True,
)


def giver_at(pose: Pose, hip: Pt, hands: Pt, scale: float, far_hands: Pt | None = None) -> Node:
    """You, placed at `hip` with your wrists on `hands` (both in picture coordinates)."""
    return person(giver_pose(pose, hip, hands, scale, far_hands), *hip, scale=scale)


def giver_pose(pose: Pose, hip: Pt, hands: Pt, scale: float, far_hands: Pt | None = None) -> Pose:
    """The pose with the arms reaching to `hands` (picture coordinates)."""
    wrist = to_body(hands, *hip, scale=scale)
    far = to_body(far_hands, *hip, scale=scale) if far_hands else None
    return reach(pose, wrist, far, bend=1.0, hand_angle=88.0)


SCALE = 1.05  # people in the beside-the-bed pictures: about 1 px per cm at 320 px wide
PARTNER = 1.35  # the partner seen from the feet is nearer the eye than you are
FLOOR = 262.0
BED = (170.0, 184.0, 112.0)  # x, top, width: bed top at about the height of your hips


def beside_bed(pose: Pose) -> tuple[list[Node], dict[str, Pt]]:
    """You beside a bed at hip height, hands on the partner's back (seen from their feet).

    Returns the drawing and where your joints are, so labels can point at them.
    """
    x, top, width = BED
    cx = x + width / 2
    back_top = top - 25 * PARTNER
    hip = (124.0, FLOOR - 86 * SCALE)
    posed = giver_pose(pose, hip, (cx - 12, back_top + 2), SCALE, far_hands=(cx - 2, back_top + 1))
    drawing = [
        floor(4, 316, FLOOR),
        table(x, top, width, FLOOR),
        partner_from_feet(cx, top, PARTNER),
        person(posed, *hip, scale=SCALE),
    ]
    return drawing, joints(posed, *hip, scale=SCALE)


def stance_bed() -> list[Node]:
    """You beside a bed at hip height, level with the partner's waist."""
    drawing, at = beside_bed(GOOD_LUNGE)
    return [
        *heading("Beside a bed"),
        *drawing,
        *notes([
            Note(("Bed top about", "hip height"), (214, 88), (BED[0] + BED[2] - 6, BED[1] + 2)),
            Note(("Lean in,", "arms straight"), (8, 52), at["elbow"]),
            Note(("One foot forward,", "knees soft"), (8, 300), at["knee"]),
            Note(("Partner face-down,", "seen from their feet"), (168, 300), (BED[0] + BED[2] / 2 + 8, BED[1] - 16)),
        ]),
    ]


def stance_floor() -> list[Node]:
    """You kneel on a cushion beside a mat on the floor, leaning in with straight arms."""
    scale, floor_y = SCALE, 250.0
    mat_x, mat_w = 136.0, 150.0
    surface = floor_y - 7
    cx = mat_x + 62
    back_top = surface - 25 * PARTNER
    hip = (96.0, floor_y - 58 * scale)
    return [
        *heading("Kneeling on the floor"),
        floor(4, 316, floor_y),
        mat(mat_x, mat_w, floor_y),
        pillow(40, floor_y - 9, 50, 9),  # cushion under your knee
        partner_from_feet(cx, surface, PARTNER),
        giver_at(HALF_KNEEL, hip, (cx - 12, back_top + 2), scale, far_hands=(cx - 2, back_top + 1)),
        *notes([
            Note(("Kneel on", "a cushion"), (8, 288), (66, 244)),
            Note(("Mat or folded", "blanket"), (224, 90), (272, 246)),
            Note(("Back long,", "arms straight"), (8, 60), (120, 150)),
            Note(("Partner face-down,", "seen from their feet"), (150, 288), (210, 226)),
        ]),
    ]


# --- The partner lying along the bed, seen from the side ---------------------------------------

LIE_SCALE = 0.95


def partner_lying(hip: Pt, head_left: bool = True) -> list[Node]:
    """The partner face-down along a bed, seen from the side, hips and legs under a towel."""
    return [
        person(LYING, *hip, rotate=-90 if head_left else 90, scale=LIE_SCALE, mirror=head_left),
        towel_over_hips(LYING, *hip, rotate=-90 if head_left else 90, scale=LIE_SCALE, mirror=head_left),
    ]


def stance_head_end() -> list[Node]:
    """You at the head end of the bed, facing the partner's feet, hands on the shoulders."""
    floor_y, top = 262.0, 190.0
    table_x = 82.0
    hip = (table_x + 28 + 82 * LIE_SCALE, top - 11 * LIE_SCALE)
    shoulders = (hip[0] - 48 * LIE_SCALE, top - 20 * LIE_SCALE)
    giver_hip = (52.0, floor_y - 86 * LIE_SCALE)
    return [
        *heading("At the head end"),
        floor(4, 316, floor_y),
        table(table_x, top, 316 - table_x, floor_y),
        towel_roll(table_x + 30, top - 6, 6),
        *partner_lying(hip),
        giver_at(GOOD_LUNGE, giver_hip, (shoulders[0] + 2, shoulders[1] + 1), LIE_SCALE,
                 far_hands=(shoulders[0] + 10, shoulders[1])),
        line_arrow([(150.0, 128.0), (214.0, 128.0)], width=2.4),
        *notes([
            Note(("For steps 4 to 6:", "face their feet"), (150, 70), (180, 126)),
            Note(("Hands on the", "shoulders"), (8, 300), (shoulders[0] + 8, shoulders[1] + 6)),
            Note(("Towel roll", "under forehead"), (170, 300), (table_x + 30, top - 1)),
        ]),
    ]


def position_face_down() -> list[Node]:
    """The partner face-down: a rolled towel under the forehead, a pillow under the ankles."""
    top, floor_y, scale = 128.0, 170.0, 1.12
    roll_x = 22.0
    hip = (roll_x + 8 + 80 * scale, top - 11 * scale)
    ankles = hip[0] + 86 * scale
    return [
        table(6, top, 308, floor_y),
        towel_roll(roll_x, top - 6, 6),
        pillow(ankles - 24, top - 13, 42, 13),
        person(LYING, *hip, rotate=-90, scale=scale, mirror=True),
        towel_over_hips(LYING, *hip, rotate=-90, scale=scale, mirror=True),
        *notes([
            Note(("Rolled towel", "under forehead"), (4, 198), (roll_x, top - 4)),
            Note(("Arms rest by", "the sides"), (116, 198), (hip[0] - 30 * scale, top - 9)),
            Note(("Pillow under", "the ankles"), (222, 198), (ankles - 4, top - 6)),
            Note(("Towel over the hips",), (150, 40), (hip[0] + 10, top - 26 * scale)),
        ]),
    ]


# --- Seated and side-lying -------------------------------------------------------------------

SEATED = Pose(
    torso=34, neck=52, head=74, near_arm=Limb(124, 40, 20), far_arm=Limb(120, 36, 20),
    near_leg=Limb(86, -4), far_leg=Limb(92, 2),
)
CHAIR_SCALE = 0.95


def chair_and_partner(seat: Pt, s: float = CHAIR_SCALE) -> list[Node]:
    """The partner sitting astride a chair, facing its back, leaning on a pillow over it."""
    sx, sy = seat
    floor_y = sy + 48 * s
    back_x = sx + 58 * s
    chair = g(
        el("path", d=f"M{num(sx - 16 * s)},{num(sy)} L{num(back_x + 2)},{num(sy)}"),  # seat
        el("path", d=f"M{num(sx - 12 * s)},{num(sy)} L{num(sx - 12 * s)},{num(floor_y)} "
                     f"M{num(back_x)},{num(sy)} L{num(back_x)},{num(floor_y)}"),
        el("path", d=f"M{num(back_x)},{num(sy)} L{num(back_x + 3)},{num(sy - 50 * s)}"),  # chair back
        fill="none", stroke="currentColor", stroke_width=4,
    )
    return [
        chair,
        person(SEATED, sx, sy - 10 * s, scale=s),
        pillow(back_x - 16 * s, sy - 62 * s, 22 * s, 32 * s),  # in front of the arms, seen from the side
    ]


def position_seated() -> list[Node]:
    """Sitting astride a chair facing its back, a pillow over it, head on folded arms."""
    scale = 1.3
    seat = (112.0, 160.0)
    floor_y = seat[1] + 48 * scale
    return [
        floor(4, 316, floor_y),
        *chair_and_partner(seat, scale),
        line_arrow([(10.0, 140.0), (58.0, 140.0)], width=2.4),
        label(8, 110, ["You stand", "behind"]),
        *notes([
            Note(("Head rests", "on the arms"), (196, 24), (seat[0] + 44 * scale, seat[1] - 72 * scale)),
            Note(("Pillow over", "the chair", "back"), (240, 96), (seat[0] + 66 * scale, seat[1] - 44 * scale)),
            Note(("Feet flat on", "the floor"), (232, 186), (seat[0] + 50 * scale, floor_y - 2)),
        ]),
    ]


STANDING_BEHIND = Pose(torso=14, neck=18, head=28, near_leg=Limb(6, -2), far_leg=Limb(-10, -10), palm_down=True)


def stance_chair() -> list[Node]:
    """You stand behind the chair, hands on the partner's upper back."""
    seat = (184.0, 178.0)
    s = CHAIR_SCALE
    floor_y = seat[1] + 48 * s
    shoulder = (seat[0] + 25 * s - 14, seat[1] - 10 * s - 43 * s)
    return [
        *heading("Behind a chair"),
        floor(4, 316, floor_y),
        *chair_and_partner(seat),
        giver_at(STANDING_BEHIND, (124.0, floor_y - 90 * s), (shoulder[0] - 2, shoulder[1] + 6), s,
                 far_hands=(shoulder[0] + 4, shoulder[1] + 2)),
        *notes([
            Note(("Stand close", "behind, hands on", "the upper back"), (8, 48), (shoulder[0] - 2, shoulder[1] + 4)),
            Note(("Partner leans", "on a pillow"), (220, 48), (seat[0] + 52 * s, seat[1] - 56 * s)),
        ]),
    ]


SIDE_LYING = Pose(
    torso=-6, neck=4, head=10, near_arm=Limb(62, 96, 100), far_arm=Limb(56, 90, 96),
    near_leg=Limb(70, 0, 70), far_leg=Limb(56, -14, 60),
)


def position_side_lying() -> list[Node]:
    """Lying on one side, seen from above: pillows for the head, the arms and the knees.

    Seen from above, a person on their side shows their profile: the standing figure turned a
    quarter to the left, back to the top of the picture, where you sit or kneel.
    """
    s = 1.0
    hip = (206.0, 116.0)
    head_x = hip[0] - 84 * s
    back_y = hip[1] - 10 * s
    return [
        pillow(head_x - 34, 96, 54, 46),  # under the head
        pillow(hip[0] + 22, 146, 40, 44),  # between the knees
        person(SIDE_LYING, *hip, rotate=-90, scale=s, mirror=True),
        towel_over_hips(SIDE_LYING, *hip, rotate=-90, scale=s, mirror=True),
        pillow(hip[0] - 86, 130, 48, 42),  # hugged in front of the chest
        hand_on((hip[0] - 44, back_y + 2), "palm", rotate=176, scale=0.7, left=True),
        hand_on((hip[0] - 14, back_y + 3), "palm", rotate=184, scale=0.7),
        *notes([
            Note(("Pillow under", "the head"), (8, 40), (head_x - 24, 100)),
            Note(("Hug a pillow",), (40, 214), (hip[0] - 66, 156)),
            Note(("Pillow between", "the knees"), (200, 214), (hip[0] + 40, 186)),
            Note(("Your hands on the upper", "side of the back"), (130, 22), (hip[0] - 30, back_y - 14)),
        ]),
    ]


# --- Your posture ----------------------------------------------------------------------------


def posture(good: bool) -> list[Node]:
    """You at the bed: good (knees bent, back long, arms straight) or poor (the opposite)."""
    drawing, at = beside_bed(GOOD_LUNGE if good else POOR_STOOP)
    if good:
        items = [
            (("Back long", "and straight"), (6, 60), at["back"]),
            (("Lean in with", "body weight"), (170, 32), at["shoulder"]),
            (("Arms nearly", "straight"), (214, 92), at["elbow"]),
            (("Knees bent, one", "foot forward"), (6, 300), at["knee"]),
        ]
    else:
        items = [
            (("Back rounded,", "head down"), (6, 60), at["back"]),
            (("Pushing with", "bent arms"), (180, 32), at["elbow"]),
            (("Wrists bent", "back sharply"), (206, 92), at["wrist"]),
            (("Knees locked",), (6, 300), at["knee"]),
        ]
    return [
        *heading("Good" if good else "Avoid", good),
        *drawing,
        *notes([Note(words, where, target, good) for words, where, target in items]),
    ]


# File name, height, drawing; titles and descriptions are in texts.json.
PICTURES: list[tuple[str, float, Callable[[], list[Node]]]] = [
    ("position-face-down.svg", 228, position_face_down),
    ("position-side-lying.svg", 244, position_side_lying),
    ("position-seated.svg", 236, position_seated),
    ("stance-bed.svg", 332, stance_bed),
    ("stance-floor.svg", 320, stance_floor),
    ("stance-head-end.svg", 320, stance_head_end),
    ("stance-chair.svg", 236, stance_chair),
    ("posture-good.svg", 332, lambda: posture(True)),
    ("posture-poor.svg", 332, lambda: posture(False)),
]
