"""Tests for the guide's SVG pictures (issue 6).

Two promises are checked here:

1. The committed pictures are exactly what scripts/illustrations.py writes, so nobody hand-edits
   an SVG and leaves the shared parts (one back, one pair of hands, one arrow) to drift apart.
2. Every SVG under docs/ meets the picture standards: well-formed, a viewBox, role="img" with a
   <title> and <desc> that aria-labelledby points at, nothing that runs or fetches (script, event
   handlers, external references, embedded bitmaps), at most 20 KB (6 KB gzipped), and text big enough to read on
   a phone. The checker is tested against small broken files so that it can fail.

A browser test (skipped without Chromium) renders each picture and checks that no label is cut
off at the edge or overlaps another label.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import illustrations

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ILLUSTRATIONS = DOCS / "assets" / "illustrations"
GENERATOR = ROOT / "scripts" / "illustrations.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MAX_BYTES = 20_000  # issue 15: each file at most 20 KB ...
MAX_GZIP = 6_000  # ... and at most 6 KB gzipped
PHONE_WIDTH = 320  # pages show the pictures 320 px wide
MIN_TEXT_PX = 12  # smallest label, in px at that width

# The file names the team conventions promise (docs link to them).
EXPECTED_NAMES = {
    "back-map.svg", "position-face-down.svg", "position-side-lying.svg", "position-seated.svg",
    "technique-effleurage.svg", "technique-kneading.svg", "technique-thumb-circles.svg",
    "technique-compression.svg", "technique-tapotement.svg", "technique-finishing.svg",
    "routine-overview.svg", "posture-good.svg", "posture-poor.svg",
    "stance-bed.svg", "stance-floor.svg", "stance-head-end.svg", "stance-chair.svg",
    *(f"step-{n:02d}.svg" for n in range(1, 13)),
}

# SVGs under docs/ that are not generated here and still miss part of the standard. Each entry
# names the exact problems, so the test fails both when a new problem appears and when one is
# fixed (then delete the entry). Owner: the lead (site chrome).
KNOWN_GAPS: dict[str, set[str]] = {}


# --- The standards checker -------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _font_px(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> float:
    """The font size an element is drawn at, in user units, honouring inheritance and scale()."""
    size: float | None = None
    scale = 1.0
    node: ET.Element | None = element
    while node is not None:
        if size is None:
            raw = node.get("font-size") or _style_value(node.get("style", ""), "font-size")
            if raw:
                size = float(re.match(r"[\d.]+", raw).group())  # type: ignore[union-attr]
        for match in re.finditer(r"scale\(\s*([-\d.]+)(?:[\s,]+([-\d.]+))?\s*\)", node.get("transform", "")):
            sx = abs(float(match.group(1)))
            sy = abs(float(match.group(2))) if match.group(2) else sx
            scale *= min(sx, sy)
        node = parents.get(node)
    return (16.0 if size is None else size) * scale


def _style_value(style: str, name: str) -> str | None:
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", style)
    return match.group(1).strip() if match else None


def svg_problems(path: Path, palette: tuple[str, ...] | None = None) -> list[str]:
    """Every way the SVG at `path` breaks the picture standards, as "CODE message" strings.

    `palette`, when given, is the only set of literal colours allowed (besides currentColor,
    none and url(#…) paints); the generated illustrations use it so that a stray hue is caught.
    """
    problems: list[str] = []
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.append(f"SVG012 file is {len(raw)} bytes; keep it at most {MAX_BYTES}")
    packed = len(gzip.compress(raw, 9))
    if packed > MAX_GZIP:
        problems.append(f"SVG012 file is {packed} bytes gzipped; keep it at most {MAX_GZIP}")
    text = raw.decode("utf-8", errors="replace")
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE):
        problems.append("SVG010 DOCTYPE or ENTITY declarations can pull in outside content")
    if "<?xml-stylesheet" in text:
        problems.append("SVG010 xml-stylesheet instruction refers to an outside stylesheet")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        return [*problems, f"SVG001 not well-formed XML: {error}"]
    if root.tag != f"{{{SVG_NS}}}svg":
        return [*problems, "SVG002 root element is not <svg> in the SVG namespace"]

    numbers = re.findall(r"-?[\d.]+", root.get("viewBox", ""))
    width = float(numbers[2]) if len(numbers) == 4 else 0.0
    if len(numbers) != 4 or width <= 0 or float(numbers[3]) <= 0:
        problems.append("SVG003 needs a viewBox with four numbers and a positive size")
    if root.get("role") != "img":
        problems.append('SVG004 root needs role="img"')

    children = list(root)
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    for code, name in (("SVG005", "title"), ("SVG006", "desc")):
        found = [c for c in children if _local(c.tag) == name and (c.text or "").strip()]
        if not found:
            problems.append(f"{code} needs a non-empty <{name}> as a direct child of <svg>")
    labelled = (root.get("aria-labelledby") or "").split()
    kinds = {_local(ids[i].tag) for i in labelled if i in ids}
    if not labelled or any(i not in ids for i in labelled) or not {"title", "desc"} <= kinds:
        problems.append("SVG007 aria-labelledby must name the ids of the <title> and the <desc>")

    parents = {child: parent for parent in root.iter() for child in parent}
    min_font = MIN_TEXT_PX * width / PHONE_WIDTH if width else MIN_TEXT_PX
    for element in root.iter():
        name = _local(element.tag)
        if name == "script":
            problems.append("SVG008 <script> is not allowed")
        if name in ("image", "foreignObject", "iframe", "embed", "object", "audio", "video"):
            problems.append(f"SVG011 <{name}> embeds outside or bitmap content; draw it instead")
        if name == "style" and re.search(r"@import|url\((?!\s*['\"]?#)", element.text or ""):
            problems.append("SVG010 <style> refers to something outside the file")
        if name in ("text", "tspan") and (element.text or "").strip():
            size = _font_px(element, parents)
            if size < min_font - 0.01:
                problems.append(
                    f"SVG013 text {element.text.strip()!r} is {size:g} units, under {min_font:g} "
                    f"({MIN_TEXT_PX} px at {PHONE_WIDTH} px wide)"
                )
        for key, value in element.attrib.items():
            attr = _local(key)
            if attr.lower().startswith("on"):
                problems.append(f"SVG009 event handler {attr}= is not allowed")
            if (key in ("href", XLINK_HREF) or attr == "href") and not value.startswith("#"):
                problems.append(f"SVG010 {attr}={value!r} points outside the file")
            if re.search(r"url\((?!\s*['\"]?#)", value):
                problems.append(f"SVG010 {attr}={value!r} points outside the file")
            if "data:" in value:
                problems.append(f"SVG011 {attr} embeds a data: URI")
            if palette is not None and attr in ("fill", "stroke", "color", "stop-color"):
                allowed = value in ("none", "currentColor") or value.startswith("url(#") or value in palette
                if not allowed:
                    problems.append(f"SVG014 {attr}={value!r} is not currentColor or a palette colour")
    return problems


def _codes(problems: list[str]) -> set[str]:
    return {p.split()[0] for p in problems}


def _docs_svgs() -> list[Path]:
    return sorted(DOCS.rglob("*.svg"))


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


# --- 2. Standards for every SVG under docs/ ------------------------------------------------------


@pytest.mark.parametrize("path", _docs_svgs(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_svg_in_docs_meets_the_standards(path: Path) -> None:
    rel = path.relative_to(DOCS).as_posix()
    palette = illustrations.PALETTE if path.parent == ILLUSTRATIONS else None
    problems = svg_problems(path, palette)
    expected = KNOWN_GAPS.get(rel, set())
    assert _codes(problems) == expected, (
        "\n".join(problems) if _codes(problems) - expected
        else f"{rel} now meets the standard: remove it from KNOWN_GAPS"
    )


def test_docs_has_the_illustrations() -> None:
    assert {p.name for p in ILLUSTRATIONS.glob("*.svg")} >= EXPECTED_NAMES


GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 100" role="img" '
    'aria-labelledby="t d" color="#1a1a1a">\n'
    '  <title id="t">A picture</title>\n  <desc id="d">What it shows.</desc>\n'
    '  <defs><pattern id="h" width="4" height="4"/></defs>\n'
    '  <rect width="10" height="10" fill="url(#h)"/>\n  <use href="#h"/>\n'
    '  <text x="4" y="20" font-size="13">Label</text>\n'
    "</svg>\n"
)

BROKEN = {
    "script": (GOOD.replace("</svg>", "<script>alert(1)</script></svg>"), "SVG008"),
    "onload": (GOOD.replace('role="img"', 'role="img" onload="alert(1)"'), "SVG009"),
    "external-href": (GOOD.replace('href="#h"', 'href="http://example.org/x.svg#h"'), "SVG010"),
    "xlink-href": (GOOD.replace('<use href="#h"/>', '<use xmlns:xlink="http://www.w3.org/1999/xlink" '
                                                    'xlink:href="https://example.org/a.svg#b"/>'), "SVG010"),
    "external-url": (GOOD.replace('fill="url(#h)"', 'fill="url(http://example.org/p.svg#h)"'), "SVG010"),
    "style-import": (GOOD.replace("<defs>", "<style>@import url(x.css);</style><defs>"), "SVG010"),
    "doctype": ('<!DOCTYPE svg [<!ENTITY x "y">]>\n' + GOOD, "SVG010"),
    "bitmap": (GOOD.replace("</svg>", '<image href="#h" width="5" height="5"/></svg>'), "SVG011"),
    "data-uri": (GOOD.replace('<use href="#h"/>', '<use href="#h" fill="data:image/png;base64,AAAA"/>'), "SVG011"),
    "foreign-object": (GOOD.replace("</svg>", "<foreignObject/></svg>"), "SVG011"),
    "no-viewbox": (GOOD.replace(' viewBox="0 0 320 100"', ""), "SVG003"),
    "no-role": (GOOD.replace(' role="img"', ""), "SVG004"),
    "no-title": (GOOD.replace('  <title id="t">A picture</title>\n', ""), "SVG005"),
    "empty-desc": (GOOD.replace("What it shows.", " "), "SVG006"),
    "labelledby-missing": (GOOD.replace('aria-labelledby="t d"', 'aria-labelledby="t"'), "SVG007"),
    "too-big": (GOOD.replace("</svg>", "<!--" + "x" * MAX_BYTES + "--></svg>"), "SVG012"),
    "too-big-gzipped": (GOOD.replace("</svg>", "<!--" + "".join(f"{i * 7919 % 100003:x}" for i in range(3000))
                                     + "--></svg>"), "SVG012"),
    "tiny-text": (GOOD.replace('font-size="13"', 'font-size="9"'), "SVG013"),
    "tiny-inherited": (GOOD.replace('role="img"', 'role="img" font-size="8"').replace(' font-size="13"', ""),
                       "SVG013"),
    "scaled-text": (GOOD.replace('<text x="4"', '<text transform="scale(0.5)" x="4"'), "SVG013"),
    "malformed": (GOOD.replace("</svg>", ""), "SVG001"),
    "not-svg": (GOOD.replace("http://www.w3.org/2000/svg", "http://example.org/not-svg"), "SVG002"),
    "off-palette": (GOOD.replace('color="#1a1a1a"', 'color="#ff0000"'), "SVG014"),
}


def test_the_checker_accepts_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.svg"
    good.write_text(GOOD, encoding="utf-8")
    assert svg_problems(good, palette=("#1a1a1a",)) == []


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_the_checker_rejects_a_broken_file(tmp_path: Path, case: str) -> None:
    text, code = BROKEN[case]
    broken = tmp_path / f"{case}.svg"
    broken.write_text(text, encoding="utf-8")
    assert code in _codes(svg_problems(broken, palette=("#1a1a1a",)))


# --- 3. Labels fit and do not collide (rendered) -------------------------------------------------

_TEXT_BOXES = r"""() => {
  const svg = document.documentElement;
  const frame = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].map((t, i) => {
    const r = t.getBoundingClientRect();
    return {i, text: t.textContent.trim().split(/\s+/).join(' '), left: r.left - frame.left, top: r.top - frame.top,
            right: r.right - frame.left, bottom: r.bottom - frame.top,
            width: frame.width, height: frame.height};
  });
}"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
def test_labels_stay_inside_the_picture_and_apart() -> None:
    """Rendered with the widest common fallback font, no label is cut off or overlaps another."""
    from playwright.sync_api import sync_playwright

    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for path in sorted(ILLUSTRATIONS.glob("*.svg")):
            page.goto(path.as_uri())
            boxes = page.evaluate(_TEXT_BOXES)
            for box in boxes:
                if box["left"] < -0.5 or box["top"] < -0.5 or box["right"] > box["width"] + 0.5 \
                        or box["bottom"] > box["height"] + 0.5:
                    failures.append(f"{path.name}: {box['text']!r} runs off the picture")
            for a in boxes:
                for b in boxes:
                    if a["i"] < b["i"] and a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 \
                            and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1:
                        failures.append(f"{path.name}: {a['text']!r} overlaps {b['text']!r}")
        browser.close()
    assert not failures, "\n".join(failures)


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
