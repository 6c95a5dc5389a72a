"""The committed app icons are the logo's, at their stated sizes, and up to date with the logo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from guidebuild.offline.icons import ALL_ICONS, ICON_FOLDER, SOURCE_KEY, Icon, icon_svg, source_hash
from support.sitekit import ROOT

DOCS = ROOT / "docs"
LOGO = (DOCS / "assets" / "logo.svg").read_text(encoding="utf-8")
PNGS = [icon for icon in ALL_ICONS if icon.size is not None]


def path_of(icon: Icon) -> Path:
    return DOCS / ICON_FOLDER / icon.name


@pytest.mark.parametrize("icon", PNGS, ids=lambda icon: icon.name)
def test_each_png_has_its_size_and_was_drawn_from_the_current_logo(icon: Icon) -> None:
    with Image.open(path_of(icon)) as image:
        assert image.format == "PNG" and image.size == (icon.size, icon.size)
        drawn_from = image.text.get(SOURCE_KEY)
        opaque = image.mode == "RGB"
    assert drawn_from == source_hash(icon_svg(LOGO, icon.framing)), (
        f"{icon.name} is older than docs/assets/logo.svg: run `make icons` and commit docs/assets/icons/")
    # Launchers put maskable and Apple icons on their own shapes: no transparent corners.
    assert opaque == (icon.framing != "rounded")


def test_the_svg_icon_is_the_logo_on_teal() -> None:
    svg = next(icon for icon in ALL_ICONS if icon.size is None)
    assert path_of(svg).read_text(encoding="utf-8") == icon_svg(LOGO, svg.framing), "run `make icons`"


def test_the_maskable_icon_keeps_the_mark_inside_the_safe_circle() -> None:
    """Android may crop a maskable icon to a circle of 40 % radius: the white mark must fit in it."""
    maskable = next(icon for icon in ALL_ICONS if icon.purpose == "maskable")
    with Image.open(path_of(maskable)) as image:
        pixels = image.convert("RGB").load()
        size = image.size[0]
    centre, radius = size / 2, 0.4 * size
    white = [(x, y) for x in range(0, size, 2) for y in range(0, size, 2) if min(pixels[x, y]) > 200]
    assert len(white) > size, "no mark found"
    outside = [(x, y) for x, y in white if (x - centre) ** 2 + (y - centre) ** 2 > radius ** 2]
    assert outside == []
