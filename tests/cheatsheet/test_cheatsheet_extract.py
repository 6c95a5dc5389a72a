"""The cheat sheet reads its text from the guide's marked sections, and says clearly when they break.

These tests write small real sites (routine, safety, tips, get-ready pages in the team's markup)
and read them with the site's own Markdown configuration, as the build does. No PDF here: see
test_cheatsheet_build.py for the real builds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

from guidebuild import config as cfg
from guidebuild.cheatsheet import article, extract, thumbnails
from guidebuild.findings import Finding
from support.sitekit import ROOT, front_matter

ROUTINE = """# Routine

Intro with a link to [step 2](#step-2).

### 1. Settle in { #step-1 .routine-step data-minutes="1" }

Rest both flat hands on the upper back.
{ .cue }

- **Pressure:** 1 out of 10.

![Both hands rest on the upper back](assets/step-01.svg)

### 2. Spread the oil { #step-2 .routine-step data-minutes="2" }

Glide warm oil over the whole back.[^oil]
{ .cue }

- **Technique:** gliding strokes.
- **Pressure:** 2 to 3 out of 10, 1 to 2 below the ribs.
- **Ask:** "Is the oil warm enough?"

### 3. Feather strokes and finish { #step-3 .routine-step data-minutes="1.5" }

Brush your fingertips down the back, then cover them up.
{ .cue }

- **Pressure:** 0 to 1 out of 10.

[^oil]: A note that must not reach the sheet.
"""

SAFETY = """# Safety first

## Do not massage: get medical help first { #do-not-massage }

**Emergency number:** 999 (UK), 112 (Europe).
{ #emergency-number }

- **Signs of a blood clot**: pain, swelling or warmth in one leg.
- **Fever or feeling unwell**: wait until they are well.

## Light touch only, or ask a clinician first { #light-touch-only }

- **Blood thinners**: no firm pressure.
- **Pregnancy**: ask the midwife first.

## Where never to press { #no-press-zones }

- **The spine**: press beside it, never on it.

## Stop at once if { #stop-signs }

- **Sharp or shooting pain**: a good massage never hurts.
- **They ask you to stop**
"""

TIPS = """# Tips

## The 0-10 comfort scale { #comfort-scale }

| Number | What it feels like | What to do |
|---|---|---|
| 0 | Touch, no pressure | Fine for feather strokes |
| 3-6 | Firm but good | Stay here |
| 7+ | Too strong | Ease off at once |
"""

GET_READY = """# Get ready

## Checklist { #checklist }

- Warm, private room
- Towels
"""

SMALL_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 300" width="320" height="300"
 font-family="system-ui" aria-labelledby="t">
  <title id="t">Step 1</title>
  <script>alert(1)</script>
  <image href="https://example.org/x.png" width="10" height="10"/>
  <g><circle cx="24" cy="28" r="16"/><text x="24" y="34" font-size="19">1</text></g>
  <path d="M10 10 L200 200" stroke="url(https://example.org/#x)" onclick="alert(2)"/>
  <use href="#back"/>
  <text x="160" y="280" font-size="13"><tspan>Caption line</tspan></text>
</svg>
"""


def pages(**overrides: str) -> dict[str, str]:
    """The four source pages (with front matter), any of them replaced by keyword."""
    texts = {"routine.md": ROUTINE, "safety.md": SAFETY, "tips.md": TIPS, "get-ready.md": GET_READY}
    for name, text in overrides.items():
        texts[name.replace("_", "-") + ".md"] = text
    out = {name: front_matter(name) + text for name, text in texts.items()}
    out["index.md"] = front_matter("Home").replace("2026-11-25", "2026-12-01", 1) + "# Home\n"
    out["assets/step-01.svg"] = SMALL_SVG
    return out


@pytest.fixture
def collect(mini_site: Callable[..., Path]) -> Callable[..., tuple[extract.Sources, list[Finding]]]:
    made = iter(range(1000))

    def run(**overrides: str) -> tuple[extract.Sources, list[Finding]]:
        root = mini_site(pages(**overrides), name=f"site{next(made)}")
        return extract.collect(cfg.load(str(root / "mkdocs.yml")))

    return run


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


def test_reads_steps_sections_scale_and_checklist(collect: Callable[..., tuple]) -> None:
    sheet, found = collect()
    assert found == []
    assert [(s.number, s.name, s.minutes) for s in sheet.steps] == [
        (1, "Settle in", 1.0), (2, "Spread the oil", 2.0), (3, "Feather strokes and finish", 1.5)]
    # The cue is the paragraph's words only: no footnote mark, no `{ .cue }`.
    assert sheet.steps[1].cue == "Glide warm oil over the whole back."
    assert sheet.total_minutes == 4.5
    # Only the bold lead-ins, without the colon and the explanation.
    assert sheet.sections["do_not"].items == ("Signs of a blood clot", "Fever or feeling unwell")
    assert sheet.sections["stop"].items == ("Sharp or shooting pain", "They ask you to stop")
    assert sheet.sections["no_press"].items == ("The spine",)
    assert sheet.sections["light"].items == ("Blood thinners", "Pregnancy")
    # The emergency paragraph: its bold lead-in is the label, the rest is printed whole.
    assert sheet.sections["emergency"].title == "Emergency number"
    assert sheet.sections["emergency"].items == ("999 (UK), 112 (Europe).",)
    assert sheet.sections["checklist"].items == ("Warm, private room", "Towels")
    assert sheet.sections["scale"].rows[2] == ("7+", "Too strong", "Ease off at once")
    assert sheet.sections["stop"].title == "Stop at once if"
    # The newest last_reviewed of any page is the sheet's date.
    assert sheet.last_updated == "2026-12-01"


def test_each_step_carries_its_pressure_from_the_routine(collect: Callable[..., tuple]) -> None:
    sheet, _ = collect()
    assert [s.pressure for s in sheet.steps] == [
        "1 out of 10.", "2 to 3 out of 10, 1 to 2 below the ribs.", "0 to 1 out of 10."]


def test_step_without_pressure_is_a_warning(collect: Callable[..., tuple]) -> None:
    sheet, found = collect(routine=ROUTINE.replace("- **Pressure:** 0 to 1 out of 10.\n", ""))
    assert codes(found) == ["CHS019"]
    assert not found[0].is_error
    assert "step 3" in found[0].message and "Pressure" in found[0].hint
    lines = (front_matter("routine.md") + ROUTINE).splitlines()
    assert lines[found[0].line - 1].startswith("### 3. Feather strokes")
    assert sheet.steps[2].pressure == ""


def test_missing_emergency_paragraph_is_an_error(collect: Callable[..., tuple]) -> None:
    _, found = collect(safety=SAFETY.replace("{ #emergency-number }\n", ""))
    assert codes(found) == ["CHS003"]
    assert found[0].is_error and "#emergency-number" in found[0].message


def test_places_point_at_the_marked_headings(collect: Callable[..., tuple]) -> None:
    sheet, _ = collect()
    routine_lines = (front_matter("routine.md") + ROUTINE).splitlines()
    line = sheet.steps[1].place.line
    assert routine_lines[line - 1].startswith("### 2. Spread the oil")
    safety_lines = (front_matter("safety.md") + SAFETY).splitlines()
    assert safety_lines[sheet.sections["stop"].place.line - 1].startswith("## Stop at once if")


def test_step_picture_is_found_with_its_alt_text(collect: Callable[..., tuple]) -> None:
    sheet, _ = collect()
    assert sheet.steps[0].picture == "assets/step-01.svg"
    assert sheet.steps[0].picture_alt == "Both hands rest on the upper back"
    assert sheet.steps[1].picture is None


def test_step_without_cue_is_reported_at_its_heading(collect: Callable[..., tuple]) -> None:
    routine = ROUTINE.replace("Glide warm oil over the whole back.[^oil]\n{ .cue }", "Glide warm oil.[^oil]")
    _, found = collect(routine=routine)
    assert codes(found) == ["CHS014"]
    assert found[0].path.endswith("routine.md")
    lines = (front_matter("routine.md") + routine).splitlines()
    assert lines[found[0].line - 1].startswith("### 2. Spread the oil")
    assert "{ .cue }" in found[0].hint


def test_minutes_must_be_a_number(collect: Callable[..., tuple]) -> None:
    _, found = collect(routine=ROUTINE.replace('data-minutes="2"', 'data-minutes="two"'))
    assert codes(found) == ["CHS013"]
    assert "'two'" in found[0].message and found[0].line > 0
    _, found = collect(routine=ROUTINE.replace(' data-minutes="1.5"', ""))
    assert codes(found) == ["CHS013"]
    assert "missing" in found[0].message


def test_no_marked_steps_at_all(collect: Callable[..., tuple]) -> None:
    _, found = collect(routine=ROUTINE.replace(" .routine-step", ""))
    assert codes(found) == ["CHS002"]
    assert "### 1. Settle in" in found[0].hint


def test_steps_must_be_numbered_in_order(collect: Callable[..., tuple]) -> None:
    _, found = collect(routine=ROUTINE.replace("### 2. Spread", "### 5. Spread"))
    assert codes(found) == ["CHS012"]
    assert "numbered 5 but is step 2" in found[0].message


def test_safety_item_without_bold_lead_in(collect: Callable[..., tuple]) -> None:
    safety = SAFETY.replace("- **Fever or feeling unwell**: wait", "- Fever or feeling unwell: wait")
    _, found = collect(safety=safety)
    assert codes(found) == ["CHS005"]
    lines = (front_matter("safety.md") + safety).splitlines()
    assert lines[found[0].line - 1].startswith("- Fever or feeling unwell")


def test_renamed_section_id_is_reported(collect: Callable[..., tuple]) -> None:
    _, found = collect(safety=SAFETY.replace("{ #stop-signs }", "{ #when-to-stop }"))
    assert codes(found) == ["CHS003"]
    assert "#stop-signs" in found[0].message and found[0].path.endswith("safety.md")


def test_comfort_scale_columns_are_checked(collect: Callable[..., tuple]) -> None:
    _, found = collect(tips=TIPS.replace("| What to do |", "| Action |"))
    assert codes(found) == ["CHS006"]
    assert "Number | What it feels like | Action" in found[0].message


def test_missing_source_page(collect: Callable[..., tuple], mini_site: Callable[..., Path]) -> None:
    texts = pages()
    del texts["tips.md"]
    root = mini_site(texts)
    _, found = extract.collect(cfg.load(str(root / "mkdocs.yml")))
    assert codes(found) == ["CHS001"]


def test_long_cue_is_a_warning_only(collect: Callable[..., tuple]) -> None:
    long_cue = " ".join(["word"] * 25) + "."
    _, found = collect(routine=ROUTINE.replace("Rest both flat hands on the upper back.", long_cue))
    assert codes(found) == ["CHS015"]
    assert not found[0].is_error


def test_the_real_guide_feeds_twelve_steps_and_every_section() -> None:
    """The team's fixed step names (conventions.md) all reach the sheet, in order."""
    sheet, found = extract.collect(cfg.load(str(ROOT / "mkdocs.yml")))
    assert [f for f in found if f.is_error] == []
    assert [s.name for s in sheet.steps] == [
        "Settle in", "Spread the oil", "Warm the whole back", "Knead the shoulders",
        "Circle around the shoulder blades", "Knead the upper back", "Palm presses down the back",
        "Thumb circles beside the spine", "Soothe the lower back", "Light tapping (optional)",
        "Long strokes to connect", "Feather strokes and finish"]
    assert sheet.total_minutes == 20
    assert set(sheet.sections) == {"emergency", "do_not", "stop", "light", "no_press", "scale", "checklist"}
    assert all(step.pressure for step in sheet.steps)


def test_thumbnail_keeps_the_drawing_only(tmp_path: Path) -> None:
    path = tmp_path / "step.svg"
    path.write_text(SMALL_SVG, encoding="utf-8")
    svg = thumbnails.thumbnail_svg(path)
    assert svg is not None
    text = svg.decode()
    for gone in ("<text", "Caption", "script", "alert", "example.org", "font-family", "<circle"):
        assert gone not in text, gone
    assert "<path" in text and 'href="#back"' in text
    # The caption band (text from y=267) is cropped off the bottom.
    assert 'viewBox="0 0 320 265"' in text
    assert thumbnails.thumbnail_svg(tmp_path / "missing.svg") is None


def test_thumbnail_url_is_the_svg_percent_encoded_and_safe_in_an_attribute(tmp_path: Path) -> None:
    path = tmp_path / "step.svg"
    path.write_text(SMALL_SVG, encoding="utf-8")
    url = thumbnails.thumbnail_data_url(path)
    assert url is not None and url.startswith("data:image/svg+xml,%3Csvg")
    assert unquote_to_bytes(url.removeprefix("data:image/svg+xml,")) == thumbnails.thumbnail_svg(path)
    assert not set(url) & set('"<>& #\n'), "would end or break the HTML attribute it is written into"
    assert "%0A" not in url  # the indentation between elements is dropped


def test_sheet_html_escapes_contributor_text(collect: Callable[..., tuple], mini_site: Callable[..., Path]) -> None:
    routine = ROUTINE.replace("Rest both flat hands on the upper back.", "Rest hands &lt;b&gt; &amp; breathe.")
    root = mini_site(pages(routine=routine), name="escape")
    config = cfg.load(str(root / "mkdocs.yml"))
    sheet, _ = extract.collect(config)
    html = str(article.sheet_html(config, sheet, article.Links(config, "cheatsheet/", absolute=False)))
    assert "Rest hands &lt;b&gt; &amp; breathe." in html
    assert 'href="../routine/#step-1"' in html
    assert 'src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22' in html
    pdf_links = article.Links(config, "cheatsheet/", absolute=True)
    assert pdf_links.page("routine.md", "step-2") == "https://example.org/mini/routine/#step-2"


def test_sites_without_a_cheat_sheet_page_are_left_alone(mini_site: Callable[..., Path], tmp_path: Path) -> None:
    """Only a page with `template: cheatsheet.html` turns the sheet on (small test sites have none)."""
    from guidebuild.cheatsheet import check_cheatsheet_sources
    from guidebuild.cheatsheet.pdf import print_pdfs

    plain = mini_site({"index.md": front_matter("Home") + "# Home\n"}, name="plain")
    config = cfg.load(str(plain / "mkdocs.yml"))
    assert check_cheatsheet_sources(config) == []
    assert print_pdfs(config, tmp_path) == ([], [])
    sheet_page = front_matter("Cheat sheet").replace("---\n\n", "template: cheatsheet.html\n---\n\n", 1)
    with_sheet = mini_site({"index.md": front_matter("Home") + "# Home\n", "cheatsheet.md": sheet_page},
                           name="with-sheet")
    found = check_cheatsheet_sources(cfg.load(str(with_sheet / "mkdocs.yml")))
    assert "CHS001" in codes(found)
