"""The picture standards as a build stage: the guide's pictures are checked like its pages.

Why a stage and not only a test: a contributor who adds or hand-edits a picture runs
`scripts/build.py` (or `mkdocs serve`), not the test suite, so a picture without a title, with a
script, too big, with text too small to read on a phone, or off the palette must fail the build
with a finding at its file and line, just as a bad page does.

Codes (severity error unless noted):

    SVG001  not well-formed XML
    SVG002  the root element is not <svg> in the SVG namespace
    SVG003  no viewBox with four numbers and a positive size
    SVG004  the root has no role="img"
    SVG005  no non-empty <title> as a direct child of <svg>
    SVG006  no non-empty <desc> as a direct child of <svg>
    SVG007  aria-labelledby does not name the ids of the <title> and the <desc>
    SVG008  a <script> element
    SVG009  an event handler attribute (onload= …)
    SVG010  a reference outside the file (href, url(), @import, DOCTYPE/ENTITY, xml-stylesheet)
    SVG011  embedded outside or bitmap content (<image>, <foreignObject>, data: URIs …)
    SVG012  the file is over 20 KB, or over 6 KB gzipped
    SVG013  text smaller than 12 px when the picture is shown 320 px wide
    SVG014  a colour outside the illustrations' palette (docs/assets/illustrations/ only)
    ILL001  a generated picture differs from what scripts/illustrations.py writes

Places: the line and column of the element (or attribute's element) that breaks the rule; file-
wide rules (size, ILL001) point at line 1.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol
from xml.etree import ElementTree as ET
from xml.parsers import expat

from guidebuild.findings import Finding

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MAX_BYTES = 20_000
MAX_GZIP = 6_000
PHONE_WIDTH = 320  # pages show the pictures 320 px wide
MIN_TEXT_PX = 12  # smallest label, in px at that width
PICTURES_DIR = Path("assets") / "illustrations"  # inside docs/: the generated pictures

CODES: dict[str, str] = {
    "SVG001": "SVG not well-formed XML",
    "SVG002": "SVG root is not <svg> in the SVG namespace",
    "SVG003": "SVG without a usable viewBox",
    "SVG004": 'SVG root without role="img"',
    "SVG005": "SVG without a <title>",
    "SVG006": "SVG without a <desc>",
    "SVG007": "SVG aria-labelledby does not name its title and desc",
    "SVG008": "SVG with a <script>",
    "SVG009": "SVG with an event handler attribute",
    "SVG010": "SVG refers to something outside the file",
    "SVG011": "SVG embeds outside or bitmap content",
    "SVG012": "SVG file too big (20 KB, 6 KB gzipped)",
    "SVG013": "SVG text too small to read on a phone",
    "SVG014": "SVG colour outside the illustrations' palette",
    "ILL001": "Generated picture differs from scripts/illustrations.py",
}
_EMBEDS = ("image", "foreignObject", "iframe", "embed", "object", "audio", "video")
_OUTSIDE_URL = re.compile(r"url\((?!\s*['\"]?#)")


Add = Callable[..., None]  # add(code, message, place=(line, col), hint="")


class _Config(Protocol):
    """The part of MkDocs' config this stage reads (any object with `docs_dir` will do)."""

    docs_dir: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(raw: bytes) -> tuple[ET.Element, dict[int, tuple[int, int]]]:
    """Parse with expat, remembering each element's line and column (ElementTree forgets them)."""
    builder = ET.TreeBuilder()
    places: dict[int, tuple[int, int]] = {}
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = "{" + name if "}" in name else name
        fixed = {("{" + k if "}" in k else k): v for k, v in attrs.items()}
        element = builder.start(tag, fixed)
        places[id(element)] = (parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)

    def end(name: str) -> None:
        builder.end("{" + name if "}" in name else name)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.Parse(raw, True)
    return builder.close(), places


def _font_px(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> float:
    """The font size an element is drawn at, in user units, honouring inheritance and scale()."""
    size: float | None = None
    scale = 1.0
    node: ET.Element | None = element
    while node is not None:
        if size is None:
            raw = node.get("font-size") or _style_value(node.get("style", ""), "font-size")
            match = re.match(r"[\d.]+", raw or "")
            if match:
                size = float(match.group())
        for found in re.finditer(r"scale\(\s*([-\d.]+)(?:[\s,]+([-\d.]+))?\s*\)", node.get("transform", "")):
            sx = abs(float(found.group(1)))
            sy = abs(float(found.group(2))) if found.group(2) else sx
            scale *= min(sx, sy)
        node = parents.get(node)
    return (16.0 if size is None else size) * scale


def _style_value(style: str, name: str) -> str | None:
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", style)
    return match.group(1).strip() if match else None


def svg_findings(path: Path, palette: Sequence[str] | None = None, shown_as: str | None = None) -> list[Finding]:
    """Every way the SVG at `path` breaks the picture standards.

    `palette`, when given, is the only set of literal colours allowed (besides currentColor,
    none and url(#…) paints). `shown_as` is the path to print (defaults to `path`).
    """
    where = shown_as or str(path)
    out: list[Finding] = []

    def add(code: str, message: str, place: tuple[int, int] = (1, 1), hint: str = "") -> None:
        out.append(Finding(where, place[0], place[1], code, message, hint=hint))

    raw = path.read_bytes()
    packed = len(gzip.compress(raw, 9))
    if len(raw) > MAX_BYTES or packed > MAX_GZIP:
        add("SVG012", f"file is {len(raw)} bytes ({packed} gzipped); keep it at most {MAX_BYTES} "
            f"({MAX_GZIP} gzipped)", hint="Draw with fewer points or reuse parts with <use>.")
    text = raw.decode("utf-8", errors="replace")
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE):
        add("SVG010", "DOCTYPE or ENTITY declarations can pull in outside content")
        return out  # never expand entities
    if "<?xml-stylesheet" in text:
        add("SVG010", "xml-stylesheet instruction refers to an outside stylesheet")
    try:
        root, places = _parse(raw)
    except expat.ExpatError as error:
        add("SVG001", f"not well-formed XML: {expat.ErrorString(error.code)}", (error.lineno, error.offset + 1))
        return out
    if root.tag != f"{{{SVG_NS}}}svg":
        add("SVG002", "root element is not <svg> in the SVG namespace", places[id(root)])
        return out
    _check_root(root, places, add)
    _check_elements(root, places, add, palette)
    return out


def _check_root(root: ET.Element, places: dict[int, tuple[int, int]], add: Add) -> None:
    """viewBox, role, title, desc and aria-labelledby on the root element."""
    at = places[id(root)]
    numbers = re.findall(r"-?[\d.]+", root.get("viewBox", ""))
    if len(numbers) != 4 or float(numbers[2]) <= 0 or float(numbers[3]) <= 0:
        add("SVG003", "needs a viewBox with four numbers and a positive size", at)
    if root.get("role") != "img":
        add("SVG004", 'root needs role="img"', at, 'Add role="img" so screen readers read the title.')
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    for code, name in (("SVG005", "title"), ("SVG006", "desc")):
        if not any(_local(c.tag) == name and (c.text or "").strip() for c in root):
            add(code, f"needs a non-empty <{name}> as a direct child of <svg>", at)
    labelled = (root.get("aria-labelledby") or "").split()
    kinds = {_local(ids[i].tag) for i in labelled if i in ids}
    if not labelled or any(i not in ids for i in labelled) or not {"title", "desc"} <= kinds:
        add("SVG007", "aria-labelledby must name the ids of the <title> and the <desc>", at)


def _check_elements(root: ET.Element, places: dict[int, tuple[int, int]], add: Add,
                    palette: Sequence[str] | None) -> None:
    """Scripts, handlers, outside references, embeds, small text and stray colours."""
    numbers = re.findall(r"-?[\d.]+", root.get("viewBox", ""))
    width = float(numbers[2]) if len(numbers) == 4 else 0.0
    min_font = MIN_TEXT_PX * width / PHONE_WIDTH if width > 0 else MIN_TEXT_PX
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        name, at = _local(element.tag), places[id(element)]
        if name == "script":
            add("SVG008", "<script> is not allowed", at)
        if name in _EMBEDS:
            add("SVG011", f"<{name}> embeds outside or bitmap content; draw it instead", at)
        if name == "style" and re.search(r"@import|url\((?!\s*['\"]?#)", element.text or ""):
            add("SVG010", "<style> refers to something outside the file", at)
        if name in ("text", "tspan") and (element.text or "").strip():
            size = _font_px(element, parents)
            if size < min_font - 0.01:
                add("SVG013", f"text {element.text.strip()!r} is {size:g} units, under {min_font:g} "
                    f"({MIN_TEXT_PX} px at {PHONE_WIDTH} px wide)", at)
        for key, value in element.attrib.items():
            attr = _local(key)
            if attr.lower().startswith("on"):
                add("SVG009", f"event handler {attr}= is not allowed", at)
            if (key == XLINK_HREF or attr == "href") and not value.startswith("#"):
                add("SVG010", f"{attr}={value!r} points outside the file", at)
            if _OUTSIDE_URL.search(value):
                add("SVG010", f"{attr}={value!r} points outside the file", at)
            if "data:" in value:
                add("SVG011", f"{attr} embeds a data: URI", at)
            painted = attr in ("fill", "stroke", "color", "stop-color")
            if painted and palette is not None and not (
                value in ("none", "currentColor") or value.startswith("url(#") or value in palette
            ):
                add("SVG014", f"{attr}={value!r} is not currentColor or a palette colour", at,
                    "Use a colour from scripts/guidebuild/illustrations/style.py.")


def stale_pictures(folder: Path, shown: str) -> list[Finding]:
    """ILL001 for each generated picture in `folder` that differs from the generator's output."""
    from guidebuild.illustrations.catalogue import render_all

    out = []
    for name, text in render_all().items():
        target = folder / name
        if target.is_file() and target.read_text(encoding="utf-8", errors="replace") != text:
            out.append(Finding(f"{shown}/{name}", 1, 1, "ILL001", "differs from what scripts/illustrations.py writes",
                               hint="Edit the generator, not the SVG, then run python scripts/illustrations.py."))
    return out


def check_illustrations(config: _Config) -> list[Finding]:
    """The build stage: the guide's pictures (docs/assets/illustrations/) meet the standards and
    the generated ones are current.

    Why only that folder: it holds the pictures pages teach with, drawn to these rules. Other SVGs
    (a logo, a favicon) are still held to content safety by the docs-folder check, which allows,
    say, a link inside a drawing; the project's own are also held to these rules by a test.
    """
    from guidebuild.illustrations.style import PALETTE

    pictures = Path(config.docs_dir) / PICTURES_DIR
    if not pictures.is_dir():
        return []
    findings: list[Finding] = []
    for path in sorted(pictures.rglob("*.svg")):
        if path.is_file() and not path.is_symlink():  # the docs-folder check refuses symlinks
            findings += svg_findings(path, PALETTE if path.parent == pictures else None, shown_as=str(path))
    return findings + stale_pictures(pictures, str(pictures))
