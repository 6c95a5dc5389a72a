"""Render the guide's pictures to PNG as readers see them: a contact sheet, or one PNG per picture.

Why: a picture is judged by looking at it at the size it is read, not by reading its SVG. The
contact sheet shows every illustration 390 px wide (a phone) on the site's light background and
on its dark background with the site's dark-mode filter (`invert(1) hue-rotate(180deg)`, from
docs/stylesheets/extra.css), so a reviewer sees all of them at a glance.

Used by `scripts/illustrations.py --sheet FILE` and `--png-dir DIR` (needs the test
requirements, for Playwright, and Chromium at /usr/bin/chromium).

The sheet is reduced to a small palette with ImageMagick (`convert`) when it is installed, so
that the committed PNG stays small.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LIGHT_BG, DARK_BG = "#ffffff", "#1e2129"  # Material's default and slate backgrounds
DARK_FILTER = "invert(1) hue-rotate(180deg)"  # the site's dark-mode rule for these pictures


def sheet_html(files: Sequence[Path], width: int, columns: int) -> str:
    """One page: each picture named, then shown light and dark side by side."""
    cells = []
    for file in files:
        uri = file.resolve().as_uri()
        cells.append(
            f'<figure><figcaption>{html.escape(file.name)}</figcaption>'
            f'<div class="pair"><div class="light"><img src="{uri}" width="{width}"></div>'
            f'<div class="dark"><img src="{uri}" width="{width}"></div></div></figure>'
        )
    return (
        "<!doctype html><meta charset=utf-8><style>"
        "body{margin:0;padding:8px;font:14px system-ui,sans-serif;background:#eee}"
        f".grid{{display:grid;grid-template-columns:repeat({columns},auto);gap:8px;justify-content:start}}"
        "figure{margin:0;background:#fff;padding:4px}figcaption{padding:2px 4px}"
        ".pair{display:flex;gap:4px;align-items:flex-start}"
        f".light{{background:{LIGHT_BG};padding:4px}}.dark{{background:{DARK_BG};padding:4px}}"
        f".dark img{{filter:{DARK_FILTER}}}img{{display:block;height:auto}}"
        "</style><div class=grid>" + "".join(cells) + "</div>"
    )


def _browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    browser = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    return manager, browser


def write_sheet(files: Sequence[Path], out: Path, width: int, columns: int) -> None:
    """Screenshot the contact sheet page, then shrink it to a small palette."""
    manager, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": columns * (2 * width + 40) + 16, "height": 600})
        with tempfile.TemporaryDirectory() as tmp:
            page_file = Path(tmp) / "sheet.html"
            page_file.write_text(sheet_html(files, width, columns), encoding="utf-8")
            page.goto(page_file.as_uri())
            grid = page.locator(".grid")
            out.parent.mkdir(parents=True, exist_ok=True)
            grid.screenshot(path=str(out))
    finally:
        browser.close()
        manager.stop()
    if shutil.which("convert"):
        subprocess.run(["convert", str(out), "+dither", "-colors", "8", "-define", "png:compression-level=9",
                        f"PNG8:{out}"], check=True)


def write_pngs(files: Sequence[Path], out_dir: Path, width: int, dark: bool) -> list[Path]:
    """One PNG per picture at `width` px (and a -dark copy when asked)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manager, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": width + 20, "height": 600}, device_scale_factor=1)
        with tempfile.TemporaryDirectory() as tmp:
            for file in files:
                for mode in ("light", "dark") if dark else ("light",):
                    bg, flt = (DARK_BG, DARK_FILTER) if mode == "dark" else (LIGHT_BG, "none")
                    page_file = Path(tmp) / "one.html"
                    page_file.write_text(
                        f'<body style="margin:0;background:{bg}"><img id=i src="{file.resolve().as_uri()}" '
                        f'width="{width}" style="display:block;height:auto;filter:{flt}"></body>',
                        encoding="utf-8",
                    )
                    page.goto(page_file.as_uri())
                    target = out_dir / f"{file.stem}{'-dark' if mode == 'dark' else ''}.png"
                    page.locator("#i").screenshot(path=str(target))
                    written.append(target)
    finally:
        browser.close()
        manager.stop()
    return written


def missing_tools() -> str | None:
    """Why the preview cannot run here, or None when it can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make .venv/.installed-test)"
    return None
