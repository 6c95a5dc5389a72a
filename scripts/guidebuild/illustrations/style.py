"""The look every picture shares: colours, line weights and type sizes (see STYLE.md).

Pages show the SVGs with <img>, so currentColor cannot inherit the page colour: the root sets
color=INK and every line and label is drawn in currentColor. The site's dark mode inverts the
images, so no meaning may depend on an exact hue.
"""

from __future__ import annotations

INK = "#1a1a1a"  # lines, labels, hatching (through currentColor)
ACCENT = "#1f6fb2"  # the only accent: arrows that show movement
AREA = "#9dbfe3"  # fill for the area to work: mid-light, so it still shows once dark mode inverts it
PAPER = "#ffffff"  # fill of hands, badges, pillows and figures so lines beneath hide
PALETTE = (INK, ACCENT, AREA, PAPER)

WIDTH = 320  # viewBox width of every picture; pages display them 320 px wide
OUTLINE = 2.5  # body outlines, props
DETAIL = 1.3  # anatomy inside the outline (spine, shoulder blades, ribs, hips)
HAND = 1.6  # hand outlines
ARROW = 3.0  # movement arrows
LEADER = 1.0  # label leader lines and dividers
HATCH_GAP = 5.0  # distance between hatching lines
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
LABEL = 13.0  # label text; never below MIN_FONT
MIN_FONT = 12.0  # 12 px at the 320 px display width (checked by the tests)
BADGE = 14.0  # step numbers in badges
FIGURE = 2.2  # outline of people and props in the scene pictures
CLOTH = 1.1  # clothing seams, towel folds and other lines inside a figure
