"""The committed pictures are the generator's output, and they say what the routine says (issues 6, 15).

- The SVGs in docs/assets/illustrations/ are exactly what scripts/illustrations.py writes, so
  nobody hand-edits one and leaves the shared parts (one back, one set of hands, one figure, one
  arrow) to drift apart; `--check` lists the ones that differ.
- Step pictures carry the routine's step names and numbers and show the hands; every press mark
  is beside the spine and above the kidney area (STATUS.md's shared rule); the stance pictures
  are shown on the pages, and step 4 shows the head-end stance.

The picture standards (SVG001-014) are in test_svg_rules.py; label layout in a browser in
test_picture_labels.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import illustrations

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ILLUSTRATIONS = DOCS / "assets" / "illustrations"
GENERATOR = ROOT / "scripts" / "illustrations.py"
SVG_NS = "http://www.w3.org/2000/svg"

# The file names the team conventions promise (docs link to them).
EXPECTED_NAMES = {
    "back-map.svg", "position-face-down.svg", "position-side-lying.svg", "position-seated.svg",
    "technique-effleurage.svg", "technique-kneading.svg", "technique-thumb-circles.svg",
    "technique-compression.svg", "technique-tapotement.svg", "technique-finishing.svg",
    "routine-overview.svg", "posture-good.svg", "posture-poor.svg",
    "stance-bed.svg", "stance-floor.svg", "stance-head-end.svg", "stance-chair.svg",
    *(f"step-{n:02d}.svg" for n in range(1, 13)),
}



# --- 1. Generated equals committed -------------------------------------------------------------


def test_committed_pictures_match_the_generator(tmp_path: Path) -> None:
    """Run the real generator into tmp_path: every committed file must be byte-for-byte the same."""
    written = illustrations.write_all(tmp_path)
    generated = {p.name for p in written}
    committed = {p.name for p in ILLUSTRATIONS.glob("*.svg")}
    assert committed == generated, (
        f"not generated (remove or add to the generator): {sorted(committed - generated)}; "
        f"not committed (run python scripts/illustrations.py): {sorted(generated - committed)}"
    )
    stale = [p.name for p in written if (ILLUSTRATIONS / p.name).read_bytes() != p.read_bytes()]
    assert not stale, f"differ from the generator, run python scripts/illustrations.py: {stale}"


def test_the_generator_writes_the_promised_file_names() -> None:
    assert set(illustrations.render_all()) == EXPECTED_NAMES


def test_the_generator_is_deterministic() -> None:
    assert illustrations.render_all() == illustrations.render_all()


def test_check_mode_passes_on_the_repository() -> None:
    result = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True,
                            check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_mode_lists_an_edited_and_a_missing_file(tmp_path: Path) -> None:
    illustrations.write_all(tmp_path)
    edited = tmp_path / "back-map.svg"
    edited.write_text(edited.read_text(encoding="utf-8").replace("#1a1a1a", "#ff0000"), encoding="utf-8")
    (tmp_path / "step-07.svg").unlink()
    result = subprocess.run([sys.executable, str(GENERATOR), "--check", "--out", str(tmp_path)],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 1
    assert "back-map.svg:1:1: ILL001" in result.stdout
    assert "step-07.svg:1:1: ILL001" in result.stdout
    assert "step-08.svg" not in result.stdout
    assert not (tmp_path / "step-07.svg").exists(), "--check must not write"


def test_step_pictures_match_the_routine_headings() -> None:
    """Step N's picture is titled with the routine's step N name, so numbers cannot drift."""
    headings = dict(re.findall(r"^### (\d+)\. (.+?) \{ #step-\1 ", (DOCS / "routine.md").read_text("utf-8"), re.M))
    assert len(headings) == 12
    for step in illustrations.STEPS:
        assert headings[str(step.number)] == step.name


def test_step_badges_carry_the_step_number() -> None:
    rendered = illustrations.render_all()
    for n in range(1, 13):
        root = ET.fromstring(rendered[f"step-{n:02d}.svg"])
        texts = [t.text for t in root.iter(f"{{{SVG_NS}}}text")]
        assert str(n) in texts


def test_routine_overview_numbers_every_step_once() -> None:
    root = ET.fromstring(illustrations.render_all()["routine-overview.svg"])
    numbers = sorted(int(t.text) for t in root.iter(f"{{{SVG_NS}}}text") if (t.text or "").isdigit())
    assert numbers == list(range(1, 13))


# --- 4. The pictures agree with the safety rules and show the hands -------------------------------


def _press_rings(svg_text: str) -> list[tuple[float, float]]:
    """Centres of the press marks (rings of radius 6.5 filled with paper) in the back's frame."""
    root = ET.fromstring(svg_text)
    return [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{{{SVG_NS}}}circle")
            if c.get("r") == "6.5" and c.get("fill") == "#ffffff"]


def press_problems(rendered: dict[str, str]) -> tuple[list[str], int]:
    """Press marks on the spine or in the kidney area, and how many marks were checked."""
    from guidebuild.illustrations.back import KIDNEY, SPINE_HALF

    problems, checked = [], 0
    for name, text in rendered.items():
        for x, y in _press_rings(text):
            checked += 1
            if abs(x) - 6.5 <= SPINE_HALF:
                problems.append(f"{name}: press mark at x={x} touches the spine")
            if y + 6.5 >= KIDNEY[1]:
                problems.append(f"{name}: press mark at y={y} reaches the kidney area")
    return problems, checked


def test_every_press_mark_is_off_the_spine_and_above_the_kidney_area() -> None:
    """STATUS.md: presses only on the muscles beside the spine, and palm presses stop at the ribs."""
    problems, checked = press_problems(illustrations.render_all())
    assert not problems, "\n".join(problems)
    assert checked >= 8, "the step 7 and compression pictures should have press marks"


def test_every_step_picture_shows_the_hands() -> None:
    rendered = illustrations.render_all()
    for n in range(1, 13):
        uses = re.findall(r'<use href="#hand-(\w+)"', rendered[f"step-{n:02d}.svg"])
        assert len(uses) >= 2, f"step {n} should show both hands (or one on the other)"


@pytest.mark.parametrize(("where", "expected"), [("0", "spine"), ("-30", "kidney")])
def test_a_bad_press_mark_is_caught(where: str, expected: str) -> None:
    """The rule above can fail: a ring planted on the spine, or low in the kidney area, is found."""
    x, y = (where, "80") if expected == "spine" else (where, "180")
    planted = illustrations.render_all()["step-07.svg"].replace(
        "</svg>", f'<circle cx="{x}" cy="{y}" r="6.5" fill="#ffffff"/></svg>')
    problems, _ = press_problems({"step-07.svg": planted})
    assert len(problems) == 1 and expected in problems[0]


def test_every_stance_picture_is_shown_on_a_page() -> None:
    """The stance pictures exist for readers: each one appears on a page, with alt text."""
    pages = "\n".join(p.read_text("utf-8") for p in DOCS.glob("*.md"))
    for name in sorted(n for n in EXPECTED_NAMES if n.startswith("stance-")):
        found = re.findall(rf"!\[([^\]]+)\]\(assets/illustrations/{re.escape(name)}\)", pages)
        assert found and all(len(alt.split()) >= 8 for alt in found), f"{name} is not shown with alt text"


def test_the_shoulder_steps_picture_the_head_end_stance() -> None:
    """STATUS.md: steps 4-6 are given from the head end; step 4 shows that stance."""
    routine = (DOCS / "routine.md").read_text("utf-8")
    step4 = routine.split("{ #step-4 ", 1)[1].split("{ #step-5 ", 1)[0]
    assert "stance-head-end.svg" in step4
    assert step4.index("step-04.svg") < step4.index("stance-head-end.svg"), "the step picture stays first"


def test_every_picture_has_its_words_and_no_words_are_left_over() -> None:
    """texts.json holds a title (or a step name) and a description for each picture, and no others."""
    from guidebuild.illustrations.catalogue import texts

    words = texts()
    assert set(words) == EXPECTED_NAMES
    for name, entry in words.items():
        assert len(entry["desc"].split()) >= 12, f"{name}: describe what the picture shows"
        assert name.startswith("step-") or entry["title"], f"{name} needs a title"
