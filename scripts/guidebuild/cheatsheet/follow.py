"""The markers the follow-along mode reads from routine.md, checked with the cheat sheet's extract.

The mode (docs/javascripts/follow-along.js) builds every screen in the reader's browser from the
routine page's own markup, so a renamed id or a reworded item would quietly break it on a phone
mid-massage. The build reads the same markers here and turns anything the mode could not read into
a finding at its line. The checks run only when the page offers the mode (it has the
`#follow-along` section), so small test sites without it are left alone.

    CHS016  a step has no `- **Pressure:** …` or no `- **Ask:** …` item
    CHS017  an item of the `#short-version` list is not `[Step N: Name](#step-N), for M minutes.`
    CHS018  the `#follow-along` section has no link to the Safety page's `#stop-signs`
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from guidebuild.cheatsheet.extract import _lead_in, text_of
from guidebuild.findings import ERROR, Finding
from guidebuild.site.page_html import Element

if TYPE_CHECKING:
    from guidebuild.cheatsheet.extract import Step, _Page

SECTION = "follow-along"
SHORT = "short-version"
STOP_SIGNS = "stop-signs"
LABELS = ("Pressure", "Ask")
#: The same pattern the script uses: "for 1 minute", "for 1½ minutes", "for 2.5 minutes".
SHORT_MINUTES = re.compile(r"\bfor (\d+(?:\.\d+)?)?(½)? minutes?\b")


@dataclass
class FollowAlong:
    """What the mode shows beyond the cheat sheet's steps: two items a step and the short version."""

    items: dict[int, dict[str, str]] = field(default_factory=dict)  # step number -> label -> text
    short: list[tuple[int, float]] = field(default_factory=list)   # (step number, minutes)


def labelled_item(lists: list[Element], label: str) -> str | None:
    """The text after `**Label:**` in the first list item that starts with it, as the script reads it."""
    for item in (li for block in lists for li in block.elements() if li.tag == "li"):
        if _lead_in(item) == label:
            lead = next(item.iter("strong"), None) or next(item.iter("b"))
            whole, head = text_of(item), text_of(lead)
            return whole[len(head):].strip() if whole.startswith(head) else whole
    return None


def short_minutes(text: str) -> float | None:
    match = SHORT_MINUTES.search(text)
    if not match or not (match.group(1) or match.group(2)):
        return None
    return float(match.group(1) or 0) + (0.5 if match.group(2) else 0)


def read(page: _Page, steps: Sequence[Step], body_of: Callable[[int], list[Element]],
         found: list[Finding]) -> FollowAlong | None:
    """Read and check the mode's markers on the routine page; None when it does not offer the mode.

    `body_of(index)` gives the elements of the section under the heading `page.body[index]`.
    """
    ids = {element.get("id", ""): index for index, element in enumerate(page.body)}
    if SECTION not in ids:
        return None
    mode = FollowAlong()

    def problem(line: int, code: str, message: str, hint: str) -> None:
        found.append(Finding(str(page.path), line, 1 if line else 0, code, message, ERROR, hint))

    for step in steps:
        lists = [e for e in body_of(ids[step.anchor]) if e.tag == "ul"]
        mode.items[step.number] = {}
        for label in LABELS:
            text = labelled_item(lists, label)
            if text:
                mode.items[step.number][label] = text
            else:
                problem(step.place.line, "CHS016",
                        f"step {step.number} '{step.name}' has no `- **{label}:** …` item; the "
                        "follow-along mode shows it", f"Add a list item `- **{label}:** …` under the cue.")
    by_anchor = {step.anchor: step.number for step in steps}
    if SHORT in ids:
        short_line = page.line_of(f"#{SHORT}")
        lists = [e for e in body_of(ids[SHORT]) if e.tag == "ol"]
        for item in [li for li in lists[0].elements() if li.tag == "li"] if lists else []:
            link = next(item.iter("a"), None)
            number = by_anchor.get((link.get("href") or "").lstrip("#")) if link is not None else None
            minutes = short_minutes(text_of(item))
            if number is None or minutes is None:
                text = text_of(item)
                problem(page.line_of(text[:20], short_line) or short_line, "CHS017",
                        f"the 5-minute version's item '{text[:60]}' does not link a step and give its minutes",
                        "Write it as `1. [Step 2: Spread the oil](#step-2), for 1 minute.`")
            else:
                mode.short.append((number, minutes))
        if not mode.short and not any(f.code == "CHS017" for f in found):
            problem(short_line, "CHS017", "the 5-minute version has no numbered list of steps",
                    "Under its heading, list the steps as `1. [Step 2: Spread the oil](#step-2), for 1 minute.`")
    links = [a.get("href", "") for e in body_of(ids[SECTION]) for a in e.iter("a")]
    if not any(href.split("#")[-1] == STOP_SIGNS and "#" in href for href in links):
        problem(page.line_of(f"#{SECTION}"), "CHS018",
                f"the #{SECTION} section has no link to the Safety page's #{STOP_SIGNS}; the "
                "mode's Stop screen reads the stop signs through it",
                f"Add a link like `[signs to stop at once](safety.md#{STOP_SIGNS})` to the section.")
    return mode
