"""Small, text-free copies of the step pictures for the sheet, embedded as `data:` URLs.

The step pictures (docs/assets/illustrations/step-NN.svg) carry a number badge and a caption.
Shrunk to a 12 mm thumbnail, that text would be about 2 pt tall: unreadable, below the sheet's
minimum text size, and drawn in whatever system font the machine has (so PDFs would differ
between machines). The sheet already prints the number and the cue, so the thumbnail keeps only
the drawing: text and the groups that hold it are removed and the caption band is cropped off.

The copy is also a safe one: the SVG is re-serialised from a parse, keeping only drawing elements
and same-document references, because the picture files are contributors' input too. Embedding it
as a `data:` URL means the site page and the PDFs show the very same bytes, and the PDF renderer
still reads nothing outside the built site. The URL is percent-encoded text, not base64: the
site's server compresses the page, and gzip shrinks SVG text to half what it leaves of base64
(the twelve thumbnails cost the sheet page about 6 KB instead of 11.5 KB).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_S = f"{{{SVG_NS}}}"

#: Elements a drawing needs; anything else (script, foreignObject, image, style …) is dropped.
_KEEP = {"svg", "g", "defs", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
         "use", "clipPath", "mask", "pattern", "marker", "linearGradient", "radialGradient", "stop",
         "symbol", "title", "desc"}
_TEXT = {"text", "tspan", "textPath"}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _clean(element: ET.Element) -> None:
    """Drop non-drawing children and any attribute that could reach outside the picture."""
    for child in list(element):
        name = _local(child.tag)
        if name in _TEXT or name not in _KEEP or any(_local(c.tag) in _TEXT for c in child):
            element.remove(child)
            continue
        _clean(child)
    for key in list(element.attrib):
        value = element.attrib[key]
        name = _local(key)
        unsafe = name.startswith("on") or (name == "href" and not value.startswith("#")) or (
            "url(" in value and not re.fullmatch(r"url\(#[\w.-]+\)", value.strip()))
        if unsafe or name in {"font-family", "aria-labelledby", "aria-describedby"}:
            del element.attrib[key]


def _caption_top(root: ET.Element, height: float) -> float | None:
    """The top of the lowest text band (a caption) if it sits in the bottom quarter of the picture."""
    tops: list[float] = []
    for text in root.iter(f"{_S}text"):
        y = _NUMBER.match(text.get("y", ""))
        size = _NUMBER.match(text.get("font-size", "") or "16")
        if y and size:
            top = float(y.group()) - float(size.group())
            if top > 0.75 * height:
                tops.append(top)
    return min(tops) if tops else None


def thumbnail_svg(path: Path) -> bytes | None:
    """A text-free, caption-cropped copy of an SVG picture, or None if it is not a usable SVG."""
    try:
        root = ET.parse(path).getroot()  # the repository's own files; expat refuses entity bombs
    except (ET.ParseError, OSError):
        return None
    if root.tag != f"{_S}svg":
        return None
    numbers = [float(n) for n in _NUMBER.findall(root.get("viewBox", ""))]
    if len(numbers) != 4:
        return None
    x, y, width, height = numbers
    caption = _caption_top(root, y + height)
    _clean(root)
    for element in root.iter():  # the indentation between elements: bytes that draw nothing
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    if caption is not None:
        height = caption - 2 - y
    root.set("viewBox", f"{x:g} {y:g} {width:g} {height:g}")
    root.set("width", f"{width:g}")
    root.set("height", f"{height:g}")
    root.set("preserveAspectRatio", "xMidYMid meet")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=False)


def thumbnail_data_url(path: Path) -> str | None:
    """The thumbnail as a percent-encoded `data:image/svg+xml,…` URL (None if the picture is unusable).

    Everything but letters, digits and `/:=;,'()-._~!*` is escaped (quotes, `<`, `>`, `&`, `#`,
    `%` and spaces included), so the URL is safe inside a double-quoted HTML attribute as it is.
    """
    svg = thumbnail_svg(path)
    if svg is None:
        return None
    return "data:image/svg+xml," + quote(svg.decode("utf-8"), safe="/:=;,'()-._~!*")
