"""Shared part: a person seen from the side, posed by joint angles, and the props around them.

Why a posed figure instead of drawings per picture: the guide shows the same two people (the
partner and you, the giver) in eight pictures. One body (torso, head, arms, hands, legs, feet)
with fixed proportions, posed by a handful of angles, keeps them the same person everywhere and
lets a contributor draw a new scene by choosing angles. Clothing is a line at the sleeve, the
hem and the ankle; the partner's hips and legs are under a towel. No face details beyond the
profile of the nose and chin, so no sex, age or skin colour is implied.

Body space: units are about 1 cm of a 170 cm adult. The hip joint is at the origin, the person
stands facing +x, y grows downwards. A `Pose` gives absolute angles in degrees: the torso and
the head from straight up, every limb from straight down, positive = turned forwards (towards
+x). A figure is then placed with `move()`: translate, rotate, scale and mirror, so a lying
person is a standing pose rotated.

Drawing: like the hands, each group of parts is painted twice, ink a little wider and paper on
top, so the parts of one group merge into one outline; the far arm and leg, the body and the
near arm are separate groups, so the near arm stays visible in front of the body.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .style import CLOTH, FIGURE, PAPER
from .svg import Node, Pt, el, g, move, num

# Lengths (body space units, about 1 cm).
SPINE = 50.0  # hip joint to shoulder joint
NECK = 8.0
UPPER_ARM, FOREARM, HAND_LEN = 29.0, 25.0, 17.0
THIGH, SHIN = 43.0, 43.0

# The torso outline in its own frame: u from the hip joint towards the shoulders, v forwards.
TORSO: tuple[Pt, ...] = (
    (-9.0, 5.0), (4.0, 10.5), (18.0, 9.5), (32.0, 11.5), (44.0, 10.5), (52.0, 6.0),
    (55.5, -0.5), (52.0, -8.0), (41.0, -10.5), (27.0, -8.5), (13.0, -9.5), (1.0, -12.5),
    (-9.0, -9.0), (-12.0, 0.0),
)
SHOULDER_AT: Pt = (49.0, -1.5)  # shoulder joint in the torso frame
NECK_AT: Pt = (51.0, 1.5)  # base of the neck in the torso frame
HEM_U = 3.0  # shirt hem, in the torso frame
# The head in its frame: u up from the top of the neck, v towards the face.
HEAD: tuple[Pt, ...] = (
    (0.0, -4.5), (5.0, -9.0), (13.0, -10.5), (20.5, -7.0), (23.5, 0.0), (21.0, 6.5),
    (15.5, 9.0), (13.0, 9.6), (10.5, 11.8), (8.8, 10.0), (6.5, 9.6), (3.5, 9.4), (0.8, 6.5),
    (-0.5, 2.0),
)
EAR: tuple[Pt, Pt, Pt] = ((13.0, -1.5), (10.0, 1.5), (7.5, -1.0))
# A shoe seen from the side, in the foot frame: x from the ankle along the foot, y down.
FOOT: tuple[Pt, ...] = ((-4.5, -3.0), (-5.0, 4.5), (2.0, 6.5), (19.0, 6.0), (21.5, 3.0), (16.0, 0.5), (5.0, -4.5))
# A hand seen from the side, fingers together: x from the wrist along the fingers, y towards the palm.
SIDE_HAND: tuple[Pt, ...] = (
    (0.0, -3.0), (8.0, -3.5), (14.0, -2.2), (19.0, -0.8), (20.5, 1.0), (19.0, 2.4), (10.0, 3.2),
    (3.0, 3.8), (0.0, 3.0),
)
WIDTHS = {  # radius at each joint
    "shoulder": 5.6, "elbow": 4.2, "wrist": 3.1, "hip": 9.0, "knee": 6.2, "ankle": 4.0,
}


@dataclass(frozen=True)
class Limb:
    """Two absolute angles (degrees from straight down, positive forwards) and the end part."""

    upper: float
    lower: float
    end: float = 90.0  # foot or hand direction; 90 = pointing forwards


@dataclass(frozen=True)
class Pose:
    """Everything that places a body: the torso, the head and the four limbs."""

    torso: float = 0.0
    neck: float | None = None  # defaults to the torso angle
    head: float | None = None  # defaults to the neck angle
    near_arm: Limb = Limb(-4.0, 4.0, 0.0)
    far_arm: Limb = Limb(4.0, 10.0, 10.0)
    near_leg: Limb = Limb(4.0, 0.0)
    far_leg: Limb = Limb(-4.0, -2.0)
    palm_down: bool = False  # hands turned palm towards the ground (pressing)


def _up(angle: float) -> Pt:
    """Unit vector `angle` degrees forwards from straight up."""
    a = math.radians(angle)
    return math.sin(a), -math.cos(a)


def _down(angle: float) -> Pt:
    """Unit vector `angle` degrees forwards from straight down."""
    a = math.radians(angle)
    return math.sin(a), math.cos(a)


def _add(p: Pt, v: Pt, k: float = 1.0) -> Pt:
    return p[0] + v[0] * k, p[1] + v[1] * k


def _framed(points: Sequence[Pt], origin: Pt, u: Pt, v: Pt) -> list[Pt]:
    """Points given in a (u, v) frame, in body space."""
    return [(origin[0] + a * u[0] + b * v[0], origin[1] + a * u[1] + b * v[1]) for a, b in points]


def smooth(points: Sequence[Pt], closed: bool = True) -> str:
    """Path data for a smooth curve through the points (Catmull-Rom as cubic Béziers)."""
    n = len(points)
    out = [f"M{num(points[0][0])},{num(points[0][1])}"]
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
        p1, p2 = points[i], points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else points[-1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{num(c1[0])},{num(c1[1])} {num(c2[0])},{num(c2[1])} {num(p2[0])},{num(p2[1])}")
    return " ".join(out) + (" Z" if closed else "")


def capsule(a: Pt, b: Pt, ra: float, rb: float) -> str:
    """Path data for a limb segment: round at both joints, tapering from ra to rb."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    p1, p2 = (a[0] + nx * ra, a[1] + ny * ra), (b[0] + nx * rb, b[1] + ny * rb)
    p3, p4 = (b[0] - nx * rb, b[1] - ny * rb), (a[0] - nx * ra, a[1] - ny * ra)
    return (
        f"M{num(p1[0])},{num(p1[1])} L{num(p2[0])},{num(p2[1])} "
        f"A{num(rb)},{num(rb)} 0 0 0 {num(p3[0])},{num(p3[1])} L{num(p4[0])},{num(p4[1])} "
        f"A{num(ra)},{num(ra)} 0 0 0 {num(p1[0])},{num(p1[1])} Z"
    )


def _cross(a: Pt, b: Pt, t: float, half: float) -> str:
    """A short line across a limb at fraction t from a to b: a sleeve or trouser hem."""
    c = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length * half, dx / length * half
    return f"M{num(c[0] + nx)},{num(c[1] + ny)} L{num(c[0] - nx)},{num(c[1] - ny)}"


def _group(shapes: Sequence[str], lines: Sequence[str] = ()) -> Node:
    """Shapes merged into one outlined silhouette, then thin lines (seams) on top."""
    parts = [
        g([el("path", d=s) for s in shapes], fill="currentColor", stroke="currentColor", stroke_width=2 * FIGURE),
        g([el("path", d=s) for s in shapes], fill=PAPER),
    ]
    if lines:
        parts.append(g([el("path", d=s) for s in lines], fill="none", stroke="currentColor", stroke_width=CLOTH))
    return g(parts)


@dataclass
class Skeleton:
    """The joint positions of a pose, in body space."""

    pose: Pose

    def __post_init__(self) -> None:
        p = self.pose
        self.u, self.v = _up(p.torso), _up(p.torso + 90)
        self.shoulder = _framed([SHOULDER_AT], (0.0, 0.0), self.u, self.v)[0]
        self.neck_base = _framed([NECK_AT], (0.0, 0.0), self.u, self.v)[0]
        neck = p.torso if p.neck is None else p.neck
        self.neck_top = _add(self.neck_base, _up(neck), NECK)
        self.head_angle = neck if p.head is None else p.head

    def arm(self, limb: Limb) -> tuple[Pt, Pt, Pt]:
        elbow = _add(self.shoulder, _down(limb.upper), UPPER_ARM)
        wrist = _add(elbow, _down(limb.lower), FOREARM)
        return self.shoulder, elbow, wrist

    @staticmethod
    def leg(limb: Limb) -> tuple[Pt, Pt, Pt]:
        knee = _add((0.0, 0.0), _down(limb.upper), THIGH)
        ankle = _add(knee, _down(limb.lower), SHIN)
        return (0.0, 0.0), knee, ankle


def _arm_shapes(sk: Skeleton, limb: Limb, palm_down: bool) -> tuple[list[str], list[str]]:
    s, e, w = sk.arm(limb)
    r = WIDTHS
    along = _down(limb.end)
    side = (-along[1], along[0]) if palm_down else (along[1], -along[0])
    hand = smooth(_framed(SIDE_HAND, w, along, side))
    shapes = [capsule(s, e, r["shoulder"], r["elbow"]), capsule(e, w, r["elbow"], r["wrist"]), hand]
    return shapes, [_cross(s, e, 0.42, r["shoulder"] * 0.95)]


def _leg_shapes(limb: Limb) -> tuple[list[str], list[str]]:
    h, k, a = Skeleton.leg(limb)
    r = WIDTHS
    along = _down(limb.end)
    foot = smooth(_framed(FOOT, a, along, (-along[1], along[0])))
    shapes = [capsule(h, k, r["hip"], r["knee"]), capsule(k, a, r["knee"], r["ankle"]), foot]
    return shapes, [_cross(k, a, 0.86, r["ankle"] * 1.15)]


def _head_shape(sk: Skeleton) -> tuple[str, str]:
    u, v = _up(sk.head_angle), _up(sk.head_angle + 90)
    outline = smooth(_framed(HEAD, sk.neck_top, u, v))
    ear = _framed(EAR, sk.neck_top, u, v)
    ear_d = f"M{num(ear[0][0])},{num(ear[0][1])} Q{num(ear[1][0])},{num(ear[1][1])} {num(ear[2][0])},{num(ear[2][1])}"
    return outline, ear_d


def person(pose: Pose, x: float, y: float, rotate: float = 0.0, scale: float = 1.0, mirror: bool = False,
           clothed_legs: bool = True) -> Node:
    """One person in a pose, placed in the picture: hip joint at (x, y)."""
    sk = Skeleton(pose)
    far_arm, far_arm_lines = _arm_shapes(sk, pose.far_arm, pose.palm_down)
    near_arm, near_arm_lines = _arm_shapes(sk, pose.near_arm, pose.palm_down)
    far_leg, far_leg_lines = _leg_shapes(pose.far_leg)
    near_leg, near_leg_lines = _leg_shapes(pose.near_leg)
    torso = smooth(_framed(TORSO, (0.0, 0.0), sk.u, sk.v))
    neck = capsule(sk.neck_base, sk.neck_top, 5.2, 4.8)
    head, ear = _head_shape(sk)
    hem = _framed([(HEM_U, -11.5), (HEM_U + 0.5, 0.0), (HEM_U, 9.5)], (0.0, 0.0), sk.u, sk.v)
    hem_d = smooth(hem, closed=False)
    legs_lines = (far_leg_lines, near_leg_lines) if clothed_legs else ([], [])
    return g(
        _group(far_arm, far_arm_lines),
        _group(far_leg, legs_lines[0]),
        _group([*near_leg, torso, neck, head], [hem_d, ear, *legs_lines[1]]),
        _group(near_arm, near_arm_lines),
        transform=move(x, y, rotate, mirror=mirror, scale=scale),
    )


def towel_over_hips(pose: Pose, x: float, y: float, rotate: float = 0.0, scale: float = 1.0,
                    mirror: bool = False) -> Node:
    """A towel over the hips and thighs of a lying person (same placement as `person`)."""
    sk = Skeleton(pose)
    _, knee, _ = Skeleton.leg(pose.near_leg)
    thigh_dir = (knee[0] / THIGH, knee[1] / THIGH)
    thigh_v = (thigh_dir[1], -thigh_dir[0])  # forwards, like the torso's v
    back = _framed([(14.0, -11.5), (4.0, -14.5)], (0.0, 0.0), sk.u, sk.v)
    over_thigh = _framed([(20.0, 11.0), (40.0, 9.5), (44.0, 0.0), (40.0, -11.0), (20.0, -13.5)],
                         (0.0, 0.0), thigh_dir, thigh_v)
    front = _framed([(6.0, 13.0), (16.0, 12.0)], (0.0, 0.0), sk.u, sk.v)
    outline = [*back, *reversed(over_thigh), *front]
    folds = [
        smooth(_framed([(8.0, -10.0), (2.0, 0.0), (8.0, 10.0)], (0.0, 0.0), sk.u, sk.v), closed=False),
        smooth(_framed([(24.0, -10.0), (26.0, 0.0), (24.0, 8.0)], (0.0, 0.0), thigh_dir, thigh_v), closed=False),
    ]
    return g(
        el("path", d=smooth(outline), fill=PAPER, stroke="currentColor", stroke_width=FIGURE),
        g([el("path", d=f) for f in folds], fill="none", stroke="currentColor", stroke_width=CLOTH),
        transform=move(x, y, rotate, mirror=mirror, scale=scale),
    )


def reach(pose: Pose, wrist: Pt, far_wrist: Pt | None = None, bend: float = 1.0, hand_angle: float = 90.0) -> Pose:
    """The pose with its arms bent so that the wrists land on the given points (body space).

    Why: a scene says where the hands are (on the partner's back); the elbows follow. `bend`
    chooses which way the elbow bends (1 = outwards and up, as when pressing down).
    """
    sk = Skeleton(pose)

    def solve(target: Pt) -> Limb:
        dx, dy = target[0] - sk.shoulder[0], target[1] - sk.shoulder[1]
        dist = min(math.hypot(dx, dy), UPPER_ARM + FOREARM - 0.5)
        toward = math.atan2(dx, dy)
        cos_a = (UPPER_ARM**2 + dist**2 - FOREARM**2) / (2 * UPPER_ARM * dist)
        upper = toward + bend * math.acos(max(-1.0, min(1.0, cos_a)))
        elbow = _add(sk.shoulder, (math.sin(upper), math.cos(upper)), UPPER_ARM)
        lower = math.atan2(target[0] - elbow[0], target[1] - elbow[1])
        return Limb(math.degrees(upper), math.degrees(lower), hand_angle)

    far = solve(far_wrist if far_wrist is not None else (wrist[0] - 2.0, wrist[1] - 1.0))
    return Pose(pose.torso, pose.neck, pose.head, solve(wrist), far, pose.near_leg, pose.far_leg, pose.palm_down)


def joints(pose: Pose, x: float, y: float, scale: float = 1.0, mirror: bool = False) -> dict[str, Pt]:
    """Where the joints of a standing-placed figure are in the picture, to aim labels at them."""
    sk = Skeleton(pose)
    _, elbow, wrist = sk.arm(pose.near_arm)
    _, knee, ankle = Skeleton.leg(pose.near_leg)
    middle = _framed([(28.0, -9.0)], (0.0, 0.0), sk.u, sk.v)[0]  # the middle of the back
    head = _framed([(12.0, 0.0)], sk.neck_top, _up(sk.head_angle), _up(sk.head_angle + 90))[0]
    found = {"hip": (0.0, 0.0), "back": middle, "shoulder": sk.shoulder, "elbow": elbow, "wrist": wrist,
             "knee": knee, "ankle": ankle, "head": head}
    return {k: (x + (-px if mirror else px) * scale, y + py * scale) for k, (px, py) in found.items()}


def to_body(point: Pt, x: float, y: float, scale: float = 1.0, mirror: bool = False) -> Pt:
    """A point in the picture, in the body space of a standing figure placed at (x, y)."""
    bx, by = (point[0] - x) / scale, (point[1] - y) / scale
    return (-bx if mirror else bx), by


# --- Poses ----------------------------------------------------------------------------------

STANDING = Pose()
LYING = Pose(  # face-down once rotated: arms along the sides, legs straight
    near_arm=Limb(-8.0, -10.0, -10.0), far_arm=Limb(-6.0, -8.0, -8.0),
    near_leg=Limb(-1.0, -1.0, 70.0), far_leg=Limb(1.0, 1.0, 72.0),
)


# --- Props ----------------------------------------------------------------------------------


def floor(x0: float, x1: float, y: float) -> Node:
    """The floor line."""
    return el("path", d=f"M{num(x0)},{num(y)} L{num(x1)},{num(y)}", stroke="currentColor", stroke_width=2)


def pillow(x: float, y: float, w: float, h: float) -> Node:
    """A soft rounded rectangle: pillows and folded towels."""
    return el("rect", x=x, y=y, width=w, height=h, rx=min(h, w) / 2.6, fill=PAPER, stroke="currentColor",
              stroke_width=FIGURE)


def towel_roll(cx: float, cy: float, r: float) -> Node:
    """A rolled towel seen end-on: a circle with a spiral."""
    from .svg import arc

    return g(
        el("circle", cx=cx, cy=cy, r=r),
        el("path", d=arc(cx, cy, r * 0.55, 0, 270), fill="none"),
        fill=PAPER, stroke="currentColor", stroke_width=FIGURE,
    )


def table(x: float, top: float, width: float, floor_y: float, thick: float = 9.0) -> Node:
    """A bed or massage table seen from the side (or end-on): a top with two legs."""
    inset = 8.0
    legs = (f"M{num(x + inset)},{num(top + thick)} L{num(x + inset)},{num(floor_y)} "
            f"M{num(x + width - inset)},{num(top + thick)} L{num(x + width - inset)},{num(floor_y)}")
    return g(
        el("path", d=legs, stroke="currentColor", stroke_width=4, fill="none"),
        el("rect", x=x, y=top, width=width, height=thick, rx=3, fill=PAPER, stroke="currentColor",
           stroke_width=FIGURE),
    )


def mat(x: float, width: float, floor_y: float, thick: float = 7.0) -> Node:
    """A folded blanket or mat on the floor."""
    return el("rect", x=x, y=floor_y - thick, width=width, height=thick, rx=3, fill=PAPER, stroke="currentColor",
              stroke_width=FIGURE)
