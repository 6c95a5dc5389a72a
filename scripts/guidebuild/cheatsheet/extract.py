"""Read the cheat sheet's text out of the guide's own pages: the single source of truth.

The sheet holds no text of its own. Its steps, cues, minutes and pressures, the emergency
number, the safety signs, the comfort scale and the checklist are taken from marked sections of
routine.md, safety.md, tips.md and get-ready.md (the markers are listed in the team conventions
and in `SECTIONS` below). A step's pressure is the text of its `- **Pressure:** …` item, so the
routine page stays the only copy of it.

Each page is rendered with the site's own Markdown configuration (the same extensions and
settings MkDocs uses), and the marked parts are read from the resulting HTML. Reading rendered
HTML instead of the Markdown means attribute lists, abbreviations, snippets and footnotes are
understood exactly as on the site; the Markdown text is only searched to give a finding its line.
Anything missing or malformed becomes a `Finding` at the source file and line that says what the
sheet expects there.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.site.page_html import Element
from guidebuild.site.pages import site_pages

if TYPE_CHECKING:
    from guidebuild.cheatsheet.follow import FollowAlong

ROUTINE_PAGE = "routine.md"
STEP_CLASS = "routine-step"
CUE_CLASS = "cue"
#: Cues longer than this many words no longer fit the sheet's one-line-cue layout comfortably.
CUE_WORD_LIMIT = 18

#: Marked sections (page, id) and what they are: a heading followed by a list or a table, or
#: ("p") one paragraph carrying the id itself, printed whole.
SECTIONS: dict[str, tuple[str, str, str]] = {
    "emergency": ("safety.md", "emergency-number", "p"),
    "do_not": ("safety.md", "do-not-massage", "ul"),
    "stop": ("safety.md", "stop-signs", "ul"),
    "light": ("safety.md", "light-touch-only", "ul"),
    "no_press": ("safety.md", "no-press-zones", "ul"),
    "scale": ("tips.md", "comfort-scale", "table"),
    "checklist": ("get-ready.md", "checklist", "ul"),
}
SCALE_COLUMNS = ("Number", "What it feels like", "What to do")

#: The bold lead-in of the routine's pressure items, `- **Pressure:** 2 to 3 out of 10.`
PRESSURE_LEAD = "Pressure"

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_STEP_TITLE = re.compile(r"^(\d+)\.\s+(\S.*)$")


@dataclass(frozen=True)
class Place:
    """Where a piece of the sheet comes from, for findings and the overflow message."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    cue: str
    minutes: float
    anchor: str
    place: Place
    #: The step's picture as a path inside docs/ (posix), when the page shows one that exists,
    #: and its alt text from the page (a tagged PDF needs one for every picture).
    picture: str | None = None
    picture_alt: str = ""
    #: The words after `**Pressure:**` in the step's list ("2 to 3 out of 10."), or "" if none.
    pressure: str = ""


@dataclass(frozen=True)
class Section:
    """A marked section: its heading text, where it is, and its short items (or table rows)."""

    key: str
    title: str
    anchor: str
    page: str
    place: Place
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass
class Sources:
    """Everything the sheet prints, gathered from the pages, plus where each part came from."""

    steps: list[Step] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    last_updated: str = ""
    steps_place: Place | None = None
    #: The follow-along mode's extra markers (cheatsheet/follow.py), when the routine offers it.
    follow: FollowAlong | None = None

    @property
    def total_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)

    def places(self) -> list[Place]:
        """The source sections that feed the sheet, in reading order (for messages)."""
        found = [self.steps_place] if self.steps_place else []
        return found + sorted((section.place for section in self.sections.values()),
                              key=lambda place: (place.path, place.line))

    def text(self) -> str:
        """All the words the sheet prints from the pages (for the font coverage check)."""
        parts = [f"{s.number} {s.name} {s.cue} {s.pressure}" for s in self.steps]
        for section in self.sections.values():
            parts.append(section.title)
            parts += section.items
            parts += [" ".join(row) for row in section.rows]
        return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# Pages (from the page model) and places
# --------------------------------------------------------------------------------------------

def _skip(element: Element) -> bool:
    """Parts of rendered text that are not words of the guide: permalinks, footnote marks."""
    return bool(element.classes & {"headerlink", "footnote-ref"}) or (
        element.tag == "sup" and element.get("id").startswith("fnref"))


def text_of(element: Element) -> str:
    """The visible words of an element, whitespace collapsed, without permalinks and footnote marks."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not _skip(child):
                walk(child)

    if not _skip(element):
        walk(element)
    return " ".join("".join(parts).split())


def _first_child(element: Element) -> Element | None:
    """The element's first child element, when no words come before it (else None)."""
    for child in element.children:
        if isinstance(child, Element):
            return child
        if child.strip():
            return None
    return None


@dataclass
class _Page:
    src: str          # path relative to docs/, posix
    path: Path        # file on disk
    lines: list[str]  # the whole file, front matter included, for line numbers
    meta: dict[str, object]
    body: list[Element]  # top-level elements of the rendered page

    def line_of(self, needle: str, start: int = 1) -> int:
        """1-based line of the first line at or after `start` containing `needle` (0 if none)."""
        for number in range(max(start, 1), len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return 0

    def place(self, line: int) -> Place:
        return Place(str(self.path), line)


def _load_page(config: MkDocsConfig, src: str, cache: dict[str, _Page],
               found: list[Finding]) -> _Page | None:
    if src in cache:
        return cache[src]
    page = site_pages(config).get(src)
    if page is None or not page.readable:
        path = Path(config.docs_dir) / src
        if page is None:
            found.append(Finding(str(path), 0, 0, "CHS001",
                                 f"the cheat sheet reads its text from {src}, which does not exist",
                                 hint="Restore the page or update SECTIONS in "
                                      "scripts/guidebuild/cheatsheet/extract.py."))
        return None  # an unreadable page is refused by the file check
    loaded = _Page(src, page.path, page.source.splitlines(), page.meta, page.tree.elements())
    cache[src] = loaded
    return loaded


def _heading_level(element: Element) -> int:
    return int(element.tag[1]) if element.tag in _HEADINGS else 0


def _section_body(body: list[Element], index: int) -> list[Element]:
    """The elements after heading `body[index]` up to the next heading of the same or higher rank."""
    level = _heading_level(body[index])
    following: list[Element] = []
    for element in body[index + 1:]:
        if 0 < _heading_level(element) <= level:
            break
        following.append(element)
    return following


def _heading_line(page: _Page, anchor: str, title: str) -> int:
    """The line of the heading that carries `{ #anchor }` (a link to it elsewhere does not count)."""
    pattern = re.compile(rf"^\s*#{{1,6}}\s.*#{re.escape(anchor)}(?![\w-])")
    for number, text in enumerate(page.lines, start=1):
        if pattern.match(text):
            return number
    return page.line_of(title)


# --------------------------------------------------------------------------------------------
# The steps (routine.md)
# --------------------------------------------------------------------------------------------

def _picture(config: MkDocsConfig, page: _Page, elements: list[Element]) -> tuple[str | None, str]:
    """The first local picture in a step's section (docs/-relative path, alt text), if it exists.

    Pictures from other sites are skipped: the sheet must print without the network.
    """
    for element in elements:
        for image in element.iter("img"):
            src = image.get("src", "")
            if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^/", src, re.I):
                continue
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), src.split("#")[0]))
            if not rel.startswith("../") and (Path(config.docs_dir) / rel).is_file():
                return rel, " ".join(image.get("alt", "").split())
            return None, ""
    return None, ""


def _steps(config: MkDocsConfig, page: _Page, found: list[Finding]) -> list[Step]:
    steps: list[Step] = []
    search_from = 1
    expected = "`### 1. Settle in { #step-1 .routine-step data-minutes=\"1\" }`"
    here = 0  # position in reading order, counting steps that have problems too
    offers_follow_along = any(e.get("id") == "follow-along" for e in page.body)
    for index, element in enumerate(page.body):
        if STEP_CLASS not in element.classes:
            continue
        here += 1
        title = text_of(element)
        anchor = element.get("id", "")
        line = _heading_line(page, anchor, title) if anchor else page.line_of(title, search_from)
        search_from = max(search_from, line)
        where = page.place(line)

        def problem(code: str, message: str, hint: str, *, at: Place = where) -> None:
            found.append(Finding(at.path, at.line, 1 if at.line else 0, code, message, ERROR, hint))

        if _heading_level(element) == 0:
            problem("CHS010", f"`.{STEP_CLASS}` is on a <{element.tag}>, not a heading",
                    f"Put it on the step's heading, like {expected}.")
            continue
        match = _STEP_TITLE.match(title)
        if not match:
            problem("CHS011", f"step heading '{title}' does not start with its number, like '{here}. Name'",
                    f"Write the heading as {expected}.")
            continue
        number, name = int(match.group(1)), match.group(2).strip()
        if number != here:
            problem("CHS012", f"step '{name}' is numbered {number} but is step {here} in reading order",
                    "Number the steps 1, 2, 3 … in the order they appear.")
        minutes_text = element.attrs.get("data-minutes")
        minutes = _minutes(minutes_text)
        if minutes is None:
            shown = "missing" if minutes_text is None else f"'{minutes_text}'"
            problem("CHS013", f"step {number} '{name}': data-minutes is {shown}, expected a number of minutes",
                    f"Add data-minutes=\"2\" (a number) inside the heading's {{ … }}, like {expected}.")
            minutes = 0.0
        following = _section_body(page.body, index)
        cue_element = following[0] if following else None
        if cue_element is None or cue_element.tag != "p" or CUE_CLASS not in cue_element.classes:
            problem("CHS014", f"step {number} '{name}' has no one-line cue right after its heading",
                    "Add one short sentence below the heading, ending with a line `{ .cue }`; "
                    "the cheat sheet prints it.")
            continue
        cue = text_of(cue_element)
        if not cue:
            problem("CHS014", f"step {number} '{name}': the `{{ .cue }}` paragraph is empty",
                    "Write the one-sentence cue above the `{ .cue }` line.")
            continue
        words = len(cue.split())
        if words > CUE_WORD_LIMIT:
            cue_line = page.line_of(cue.split()[0], line + 1) or line
            found.append(Finding(str(page.path), cue_line, 1, "CHS015",
                                 f"step {number} cue has {words} words; the cheat sheet fits about "
                                 f"{CUE_WORD_LIMIT} on its two lines", WARNING,
                                 "Shorten it to one plain sentence; details belong in the text below."))
        picture, alt = _picture(config, page, following)
        pressure = _pressure(following)
        # A page with the follow-along mode reports this as the mode's error (CHS016) instead.
        if not pressure and not offers_follow_along:
            found.append(Finding(where.path, where.line, 1 if where.line else 0, "CHS019",
                                 f"step {number} '{name}' has no `- **Pressure:** …` item; the cheat "
                                 "sheet prints no pressure for it", WARNING,
                                 "Add a list item like `- **Pressure:** 2 to 3 out of 10.` below the cue."))
        steps.append(Step(number, name, cue, minutes, anchor, where, picture, alt or f"Step {number}: {name}",
                          pressure))
    if not steps:
        found.append(Finding(str(page.path), 0, 0, "CHS002",
                             f"no routine steps found: no heading has the class `.{STEP_CLASS}`",
                             hint=f"Each step is a level-3 heading like {expected}, followed by a "
                                  "one-sentence cue paragraph ending with `{ .cue }`."))
    return steps


def _pressure(elements: list[Element]) -> str:
    """The text of the first `- **Pressure:** …` item in a step's lists, without its lead-in."""
    for element in elements:
        if element.tag not in {"ul", "ol"}:
            continue
        for item in (child for child in element.elements() if child.tag == "li"):
            if _lead_in(item) == PRESSURE_LEAD:
                words = text_of(item)
                return re.sub(rf"^{PRESSURE_LEAD}\s*:?\s*", "", words).strip()
    return ""


def _minutes(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 and value < 600 else None


# --------------------------------------------------------------------------------------------
# The other marked sections (safety.md, tips.md, get-ready.md)
# --------------------------------------------------------------------------------------------

def _lead_in(item: Element) -> str | None:
    """The bold words an item starts with (`- **Sharp or shooting pain**: …`), else None."""
    first = _first_child(item)
    if first is not None and first.tag == "p":  # loose lists wrap items in <p>
        first = _first_child(first)
    if first is None or first.tag not in {"strong", "b"}:
        return None
    return text_of(first).rstrip(" :.") or None


def _paragraph(page: _Page, key: str, anchor: str, found: list[Finding]) -> Section | None:
    """A one-paragraph section: the paragraph that carries the id (`{ #emergency-number }`).

    Its bold lead-in, if any, is the title and the rest is its one item, so the sheet can set
    the label apart from the numbers.
    """
    element = next((e for e in page.body if e.get("id") == anchor), None)
    if element is None or element.tag != "p":
        found.append(Finding(str(page.path), 0, 0, "CHS003",
                             f"no paragraph with the id #{anchor}: the cheat sheet prints it",
                             hint=f"End the paragraph with a line `{{ #{anchor} }}`; ids of cheat-sheet "
                                  "sections must not be renamed."))
        return None
    text = text_of(element)
    lead = _lead_in(element)
    rest = text[len(lead):].lstrip(" :").strip() if lead and text.startswith(lead) else text
    line = page.line_of(f"#{anchor}", 1) or 0
    if not rest:
        found.append(Finding(str(page.path), line, 1, "CHS004", f"the paragraph #{anchor} is empty",
                             hint="Write the words above the `{ #" + anchor + " }` line."))
        return None
    return Section(key, lead or "", anchor, page.src, page.place(line), items=(rest,))


def _section(page: _Page, key: str, anchor: str, kind: str, found: list[Finding]) -> Section | None:
    if kind == "p":
        return _paragraph(page, key, anchor, found)
    index = next((i for i, e in enumerate(page.body) if e.get("id") == anchor and _heading_level(e)), None)
    if index is None:
        found.append(Finding(str(page.path), 0, 0, "CHS003",
                             f"no heading with the id #{anchor}: the cheat sheet prints this section",
                             hint=f"Keep the heading's id, e.g. `## Title {{ #{anchor} }}`; ids of "
                                  "cheat-sheet sections must not be renamed."))
        return None
    heading = page.body[index]
    title = text_of(heading)
    line = _heading_line(page, anchor, title)
    place = page.place(line)
    body = _section_body(page.body, index)
    block = next((e for e in body if e.tag in ({"ul", "ol"} if kind == "ul" else {"table"})), None)
    what = "a bullet list" if kind == "ul" else f"a table with the columns {' | '.join(SCALE_COLUMNS)}"
    if block is None:
        found.append(Finding(place.path, place.line, 1, "CHS004",
                             f"section #{anchor} has no {what.split(' with')[0]} for the cheat sheet",
                             hint=f"Put {what} under the heading '{title}'."))
        return None
    if kind == "table":
        return _scale(page, key, anchor, title, place, block, found)
    items: list[str] = []
    for item in (e for e in block.elements() if e.tag == "li"):
        if key == "checklist":
            text = text_of(item)
        else:
            lead = _lead_in(item)
            if lead is None:
                text = text_of(item)
                item_line = page.line_of(text.split()[0] if text else "-", line + 1) or line
                found.append(Finding(place.path, item_line, 1, "CHS005",
                                     f"an item in #{anchor} does not start with a bold lead-in: '{text[:50]}'",
                                     hint="Start every item with a few bold words, e.g. "
                                          "`- **Sharp or shooting pain**: …`; the cheat sheet prints only those."))
                continue
            text = lead
        if text:
            items.append(text)
    if not items:
        found.append(Finding(place.path, place.line, 1, "CHS004", f"the list under #{anchor} is empty",
                             hint=f"Put {what} under the heading '{title}'."))
        return None
    return Section(key, title, anchor, page.src, place, items=tuple(items))


def _scale(page: _Page, key: str, anchor: str, title: str, place: Place, table: Element,
           found: list[Finding]) -> Section | None:
    header = [text_of(cell) for cell in table.iter("th")]
    if tuple(header) != SCALE_COLUMNS:
        table_line = page.line_of("|", place.line + 1) or place.line
        found.append(Finding(place.path, table_line, 1, "CHS006",
                             f"the comfort-scale table has the columns {' | '.join(header) or '(none)'}; "
                             f"the cheat sheet expects {' | '.join(SCALE_COLUMNS)}",
                             hint="Keep the three column headings exactly as they are."))
        return None
    rows: list[tuple[str, ...]] = []
    for row in table.iter("tr"):
        cells = [text_of(cell) for cell in row.elements() if cell.tag == "td"]
        if cells:
            rows.append(tuple([*cells, "", "", ""][:3]))
    if not rows:
        found.append(Finding(place.path, place.line, 1, "CHS004", "the comfort-scale table has no rows",
                             hint="Add one row per band of the scale (0, 1-2, 3-6 …)."))
        return None
    return Section(key, title, anchor, page.src, place, rows=tuple(rows))


# --------------------------------------------------------------------------------------------
# Everything together
# --------------------------------------------------------------------------------------------

def newest_review_date(config: MkDocsConfig) -> str:
    """The newest `last_reviewed` of any page: the date the guide as a whole was last updated.

    Taken from front matter (not from git or the clock) so the same sources always give the same
    sheet and byte-identical PDFs, and so a fix to any page moves the date as reviewers expect.
    """
    newest = ""
    for page in site_pages(config):
        if not page.readable:
            continue
        value = str(page.meta.get("last_reviewed") or "")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and value > newest:
            newest = value
    return newest


def collect(config: MkDocsConfig) -> tuple[Sources, list[Finding]]:
    """Gather the sheet's content from the pages; findings say what is missing and where.

    Gathered once per page model: the source check, the sheet page and the PDFs of one build all
    print the same sheet from the same renders.
    """
    derived = site_pages(config).derived
    if "cheatsheet" not in derived:
        derived["cheatsheet"] = _gather(config)
    sources, found = derived["cheatsheet"]
    return sources, list(found)


def _gather(config: MkDocsConfig) -> tuple[Sources, list[Finding]]:
    found: list[Finding] = []
    cache: dict[str, _Page] = {}
    sources = Sources()
    routine = _load_page(config, ROUTINE_PAGE, cache, found)
    if routine is not None:
        sources.steps = _steps(config, routine, found)
        first = sources.steps[0].place if sources.steps else routine.place(0)
        sources.steps_place = first
        from guidebuild.cheatsheet import follow  # it reads with this module's helpers

        sources.follow = follow.read(routine, sources.steps,
                                     lambda index: _section_body(routine.body, index), found)
    for key, (src, anchor, kind) in SECTIONS.items():
        page = _load_page(config, src, cache, found)
        if page is None:
            continue
        section = _section(page, key, anchor, kind, found)
        if section is not None:
            sources.sections[key] = section
    sources.last_updated = newest_review_date(config)
    return sources, found
