"""The app icons (home screen, install prompt, Apple touch icon), made from docs/assets/logo.svg.

    make icons        # after changing the logo; commit what it writes to docs/assets/icons/

The logo is a white mark drawn for the teal header. An app icon needs its own background, so
this module puts the logo's mark on the guide's teal, at three framings: a rounded square
(`any`), a full square whose mark stays inside the central circle that launchers keep
(`maskable`: Android crops the rest to its own shape), and an opaque square for iOS (which rounds
the corners itself). The SVG is written as it is; the PNGs are drawn by Chromium (through
Playwright, the browser the tests already use) at their exact pixel size and stored by Pillow.

The PNGs are committed rather than drawn by every build, so that building the site needs no
browser. Each PNG records the SHA-256 of the SVG it was drawn from; a test fails when the logo
changed and the icons were not made again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
#: Teal 800, the favicon's background: white on it is 6.7:1.
ICON_BACKGROUND = "#00695c"
ICON_FOLDER = "assets/icons"  # below docs/ and below the built site
SOURCE_KEY = "Source-SHA256"  # the PNG text chunk naming the SVG a PNG was drawn from


@dataclass(frozen=True)
class Icon:
    """One icon file: its name, its size in pixels (None: scalable) and how it is framed."""

    name: str
    size: int | None
    framing: str  # "rounded", "maskable" or "square"
    purpose: str = "any"  # the manifest's `purpose`; "" for icons the manifest does not list

    @property
    def mime_type(self) -> str:
        return "image/svg+xml" if self.name.endswith(".svg") else "image/png"

    @property
    def sizes(self) -> str:
        return "any" if self.size is None else f"{self.size}x{self.size}"


#: The mark's size relative to the icon, per framing. A maskable icon's mark must stay inside the
#: circle of 40 % radius that every launcher shape keeps (W3C manifest spec, "icon masks").
MARK_SCALE = {"rounded": 0.8, "maskable": 0.62, "square": 0.72}

ICONS = (
    Icon("icon.svg", None, "rounded"),
    Icon("icon-192.png", 192, "rounded"),
    Icon("icon-512.png", 512, "rounded"),
    Icon("icon-maskable-512.png", 512, "maskable", purpose="maskable"),
)
APPLE_TOUCH_ICON = Icon("apple-touch-icon.png", 180, "square", purpose="")
ALL_ICONS = (*ICONS, APPLE_TOUCH_ICON)


def _mark(logo_svg: str) -> str:
    """The logo's drawing (its `<g>` groups), without the outer `<svg>`, title or description."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(logo_svg)
    groups = [element for element in root if element.tag == f"{{{SVG_NS}}}g"]
    if not groups or root.get("viewBox") != "0 0 24 24":
        raise ValueError("logo.svg must have viewBox='0 0 24 24' and draw its mark in <g> elements")
    return "".join(ET.tostring(group, encoding="unicode").replace(f' xmlns="{SVG_NS}"', "")
                   for group in groups)


def icon_svg(logo_svg: str, framing: str) -> str:
    """The icon for one framing as SVG text: teal background, the logo's mark scaled to fit."""
    scale = MARK_SCALE[framing]
    corner = ' rx="5"' if framing == "rounded" else ""
    offset = 12 * (1 - scale)
    return (f'<svg xmlns="{SVG_NS}" viewBox="0 0 24 24" role="img" aria-labelledby="icon-title icon-desc">'
            '<title id="icon-title">Back Massage Guide</title>'
            '<desc id="icon-desc">Two white open hands either side of a dotted spine line on a teal square.</desc>'
            f'<rect width="24" height="24"{corner} fill="{ICON_BACKGROUND}"/>'
            f'<g transform="translate({offset:g} {offset:g}) scale({scale:g})">{_mark(logo_svg)}</g>'
            f"</svg>\n")


def source_hash(svg: str) -> str:
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()


def _draw(page: object, svg: str, size: int) -> bytes:
    """Chromium's drawing of `svg` at `size` x `size` pixels, as PNG bytes with transparency."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    page.set_viewport_size({"width": size, "height": size})  # type: ignore[attr-defined]
    page.set_content('<html><body style="margin:0">'  # type: ignore[attr-defined]
                     f'<img style="display:block" width="{size}" height="{size}" '
                     f'src="data:image/svg+xml;base64,{data}"></body></html>')
    return page.screenshot(omit_background=True)  # type: ignore[attr-defined]


def _store(png: bytes, icon: Icon, svg: str, path: Path) -> None:
    """Save with Pillow: opaque icons lose their alpha channel; the source hash goes in a text chunk."""
    from PIL import Image, PngImagePlugin

    image = Image.open(io.BytesIO(png))
    if image.size != (icon.size, icon.size):
        raise RuntimeError(f"{icon.name}: Chromium drew {image.size}, not {icon.size}px")
    image = image.convert("RGBA" if icon.framing == "rounded" else "RGB")
    info = PngImagePlugin.PngInfo()
    info.add_text(SOURCE_KEY, source_hash(svg))
    image.save(path, optimize=True, pnginfo=info)


def make_icons(docs_dir: Path) -> list[Path]:
    """Write every icon into `docs_dir/assets/icons/` from `docs_dir/assets/logo.svg`."""
    from playwright.sync_api import sync_playwright

    logo = (docs_dir / "assets" / "logo.svg").read_text(encoding="utf-8")
    folder = docs_dir / ICON_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(device_scale_factor=1)
        for icon in ALL_ICONS:
            svg = icon_svg(logo, icon.framing)
            path = folder / icon.name
            if icon.size is None:
                path.write_text(svg, encoding="utf-8")
            else:
                _store(_draw(page, svg, icon.size), icon, svg, path)
            written.append(path)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    docs = Path(argv[0] if argv else "docs")
    for path in make_icons(docs):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
