"""The build reads the follow-along mode's markers from routine.md and says when one breaks.

Small real sites with a routine page in the team's markup, read with the site's own Markdown
configuration as the build does (guidebuild.cheatsheet.follow, through extract.collect).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guidebuild import config as cfg
from guidebuild.cheatsheet import extract as sources
from guidebuild.cheatsheet import follow
from guidebuild.findings import Finding
from support.sitekit import ROOT, front_matter

ROUTINE = """# Routine

## Follow along on your phone { #follow-along }

One step a screen. **Stop** shows the [signs to stop at once](safety.md#stop-signs).

## The steps { #steps }

### 1. Settle in { #step-1 .routine-step data-minutes="1" }

Rest both flat hands on the upper back.
{ .cue }

- **Technique:** still hands.
- **Pressure:** 1 out of 10, just the [weight](safety.md) of your hands.
- **Ask:** "Are you warm?"

### 2. Spread the oil { #step-2 .routine-step data-minutes="2" }

Glide warm oil over the whole back.
{ .cue }

- **Pressure:** 2 to 3 out of 10.
- **Ask:** "Is the oil warm enough?"

## The 5-minute version { #short-version }

1. [Step 2: Spread the oil](#step-2), for 1½ minutes.
2. [Step 1: Settle in](#step-1), for 1 minute.
"""

SAFETY = "# Safety\n\n## Stop at once if { #stop-signs }\n\n- **Sharp pain**: stop.\n"


@pytest.fixture
def read(mini_site: Callable[..., Path]) -> Callable[[str], tuple[sources.Sources, list[Finding]]]:
    made = iter(range(1000))

    def run(routine: str) -> tuple[sources.Sources, list[Finding]]:
        texts = {"index.md": "# Home\n", "routine.md": routine, "safety.md": SAFETY}
        root = mini_site({name: front_matter(name) + text for name, text in texts.items()}, name=f"s{next(made)}")
        found_sources, found = sources.collect(cfg.load(str(root / "mkdocs.yml")))
        return found_sources, [f for f in found if f.code in {"CHS016", "CHS017", "CHS018"}]

    return run


def test_reads_pressure_ask_and_the_short_version(read: Callable) -> None:
    got, found = read(ROUTINE)
    assert found == []
    assert got.follow.items == {
        1: {"Pressure": "1 out of 10, just the weight of your hands.", "Ask": '"Are you warm?"'},
        2: {"Pressure": "2 to 3 out of 10.", "Ask": '"Is the oil warm enough?"'},
    }
    assert got.follow.short == [(2, 1.5), (1, 1.0)]


def test_a_page_without_the_mode_is_not_checked(read: Callable) -> None:
    got, found = read(ROUTINE.replace("{ #follow-along }", "").replace("- **Ask:** \"Are you warm?\"\n", ""))
    assert got.follow is None and found == []


def test_missing_ask_item_is_reported_at_the_step(read: Callable) -> None:
    _, found = read(ROUTINE.replace('- **Ask:** "Is the oil warm enough?"\n', ""))
    assert [(f.code, f.line) for f in found] == [("CHS016", ROUTINE.splitlines().index(
        '### 2. Spread the oil { #step-2 .routine-step data-minutes="2" }') + 8)]
    assert "`- **Ask:** …`" in found[0].message and found[0].is_error


def test_short_version_item_without_minutes_or_step_link(read: Callable) -> None:
    broken = ROUTINE.replace("for 1½ minutes.", "briefly.").replace("(#step-1)", "(#step-9)")
    _, found = read(broken)
    assert [f.code for f in found] == ["CHS017", "CHS017"]
    assert "Step 2: Spread the oil, briefly." in found[0].message


def test_follow_along_section_must_link_the_stop_signs(read: Callable) -> None:
    _, found = read(ROUTINE.replace("(safety.md#stop-signs)", "(safety.md)"))
    assert [f.code for f in found] == ["CHS018"]


@pytest.mark.parametrize(("text", "minutes"), [("for 1 minute.", 1.0), ("for 1½ minutes", 1.5),
                                               ("for 2.5 minutes", 2.5), ("for ½ minute", 0.5),
                                               ("for a while", None), ("for minutes", None)])
def test_short_minutes(text: str, minutes: float | None) -> None:
    assert follow.short_minutes(text) == minutes


def test_the_real_routine_offers_the_mode_with_every_marker() -> None:
    got, found = sources.collect(cfg.load(str(ROOT / "mkdocs.yml")))
    assert [f for f in found if f.is_error] == []
    assert got.follow is not None and sorted(got.follow.items) == list(range(1, 13))
    assert all(set(items) == {"Pressure", "Ask"} for items in got.follow.items.values())
    assert len(got.follow.short) >= 2
