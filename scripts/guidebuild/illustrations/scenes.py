"""Pictures of people: the partner's positions, the giver's posture and where the giver stands.

Built from the shared figure parts in `figures` (a person in a few poses, props), so that every
person in the guide is drawn the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .hands import hand
from .marks import label, leader, tick
from .style import LABEL, OUTLINE, PAPER
from .svg import Node, Pt, arc, el, g, path


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



PICTURES: list[tuple[str, float, str, str, Callable[[], list[Node]]]] = [
    (
        "position-face-down.svg", 124, "Face-down position with supports",
        "Side view of a person lying face-down on a mat: forehead on a rolled towel, arms "
        "by the sides, and a pillow under the ankles so the feet relax.",
        position_face_down,
    ),
    (
        "position-side-lying.svg", 228, "Side-lying position with pillows",
        "A person lying on their side, seen from above: a pillow under the head, a pillow "
        "hugged in front of the chest, and a pillow between the bent knees. The giver "
        "massages the upper side of the back. Good for pregnancy and anyone who cannot lie "
        "face-down.",
        position_side_lying,
    ),
    (
        "position-seated.svg", 256, "Seated position, leaning over a chair back",
        "Side view of a person sitting astride a chair, facing its back, with a pillow "
        "between chest and chair back and the head resting on folded arms; feet flat on the "
        "floor. The back faces the giver.",
        position_seated,
    ),
    (
        "posture-good.svg", 292, "Giver's posture: good",
        "Side view of the giver at a bed: one foot forward, knees bent, back long and "
        "straight, leaning in with body weight through nearly straight arms and wrists.",
        lambda: posture(True),
    ),
    (
        "posture-poor.svg", 292, "Giver's posture: poor, avoid",
        "Side view of the giver at a bed: knees locked, back rounded, head down, elbows bent "
        "and wrists bent sharply back, pushing with the arms.",
        lambda: posture(False),
    ),
]
