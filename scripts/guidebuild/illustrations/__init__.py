"""The guide's SVG illustrations: drawn from one small set of shared parts, and checked.

Why a generator instead of hand-drawn files: every picture must share one back outline, one set
of hands, one human figure, one arrow and one hatching, so that the pictures never drift apart
and a style change (a colour, a line width, the arrow shape) is one edit. The committed SVG files
in docs/assets/illustrations/ are this package's output; a test fails when they differ.

Modules, from the bottom up:

- `svg`: a tiny SVG tree and path helpers.
- `style`: the colours, line weights and type sizes every picture uses (see STYLE.md).
- `back`: the back seen from behind, its anatomy, work areas and no-press zones.
- `marks`: arrows, hatching, labels, leaders, badges, legends, press and tap marks.
- `hands`: a hand seen from above in a few shapes (flat, thumb, grip, cupped, fingertips).
- `figures`: a side-view person in a few poses, and props (bed, mat, chair, pillow, towel).
- `techniques`, `steps`, `scenes`: the pictures themselves.
- `catalogue`: every picture with its file name, title and description; write and check.
- `rules`: the picture standards (SVG001-014, ILL001) as findings: the build stage
  `check_illustrations` that `scripts/build.py` runs on every SVG under docs/.
- `preview`: PNGs of the pictures as readers see them (contact sheet, one per picture).

Standard library only, so it runs anywhere the site is built.
"""
