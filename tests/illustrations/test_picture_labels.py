"""Labels on every picture fit inside it and do not overlap, rendered in Chromium (issue 6).

Skipped only when Chromium is not installed at /usr/bin/chromium (CI installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.sitekit import ROOT

ILLUSTRATIONS = ROOT / "docs" / "assets" / "illustrations"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

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
