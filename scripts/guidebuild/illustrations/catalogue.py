"""Every picture the guide shows: file name, size, words for screen readers, and how to draw it.

Why the definitions are found, not listed: a picture's <defs> hold only the shared parts it
uses (the back outline, hatching, arrowheads, each hand shape), found by the references in the
drawing itself, so a contributor adding a picture cannot forget one or bloat a file with unused
ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import scenes, steps, techniques
from .back import back_defs
from .hands import hand_defs_used
from .marks import arrow_markers, hatch_pattern
from .style import FONT, INK, WIDTH
from .svg import Node, el, num


@dataclass
class Picture:
    """One output file: its name, size, words for screen readers, and drawing."""

    name: str
    height: float
    title: str
    desc: str
    build: Callable[[], list[Node]]
    width: float = WIDTH

    def svg(self) -> str:
        """The complete SVG text, title and desc first so assistive tech finds them."""
        stem = self.name.removesuffix(".svg")
        drawing = self.build()
        used = "\n".join(line for node in drawing for line in node.render())
        defs: list[Node] = []
        if 'href="#back"' in used:
            defs += back_defs()
        if "url(#hatch)" in used:
            defs.append(hatch_pattern())
        if "url(#arrow" in used:
            defs += arrow_markers()
        defs += hand_defs_used(used)
        root = el(
            "svg",
            el("title", id=f"{stem}-title", text=self.title),
            el("desc", id=f"{stem}-desc", text=self.desc),
            el("defs", defs) if defs else [],
            drawing,
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


TEXTS = Path(__file__).with_name("texts.json")


def texts() -> dict[str, dict[str, str]]:
    """Every picture's title and description (words for screen readers), by file name.

    Why a data file: the words are read and reviewed like page text, apart from the drawing code.
    """
    return json.loads(TEXTS.read_text(encoding="utf-8"))


def pictures() -> list[Picture]:
    """The catalogue, in a fixed order: back map, techniques, scenes, overview, steps."""
    words = texts()

    def make(
        name: str, height: float, build: Callable[[], list[Node]], title: str = "", width: float = WIDTH,
    ) -> Picture:
        entry = words[name]
        return Picture(name, height, title or entry["title"], entry["desc"], build, width)

    found = [make(*entry) for entry in techniques.PICTURES]
    found += [make(*entry) for entry in scenes.PICTURES]
    found.append(make(*steps.OVERVIEW, width=steps.OVERVIEW_W))
    found += [make(*entry) for entry in steps.step_pictures()]
    return found


def render_all() -> dict[str, str]:
    """Every picture's file name and text, in a fixed order."""
    return {pic.name: pic.svg() for pic in pictures()}


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
