"""Citations, and the rule that every claim of benefit or risk carries one.

A citation is either a footnote marker whose footnote links to an entry on the References page
(`[^furlan]` with `[^furlan]: ... [Full reference](references.md#furlan-2015)`) or an inline link
to an entry (`[Furlan 2015](references.md#furlan-2015)`). A link to the References page without
an entry id (`references.md`) is navigation, not a citation.

The claim rule (CIT001), judged on the rendered page:

* A *claim sentence* is one that, by its words, states a benefit, a harm or a research finding
  (see `claim_reason`: risk words such as "harm" or "side effect"; a health outcome such as pain,
  anxiety, sleep or toxins together with an effect verb ("eases", "lowers", "flushes") or a
  research word ("trial", "evidence"); research words with an effect or benefit word about
  massage; "proven", "cure", "detox").
* Every paragraph, list item, table row or definition that holds a claim sentence must hold a
  citation itself. Citing once at the top of a section does not cover the paragraphs below it:
  each claim sits next to its source, where a reader and a reviewer can check it.
* A heading or an admonition title that makes a claim ("It does not flush out toxins") needs a
  citation somewhere in its section or admonition.
* Reference entries on the References page are the sources themselves and are not checked.

There is no opt-out marker: a sentence that trips the rule without making a claim should be
reworded or the word lists below refined (with a test), so that every exception is reviewed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.report.readability import sentences
from guidebuild.site.page_html import Element
from guidebuild.site.page_text import HEADING, HEADING_TAGS, LABEL, Segment, is_footnote_ref, segments
from guidebuild.site.pages import Page

REFERENCES_PAGE = "references.md"


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


# Harm and risk: a sentence with one of these states a risk.
RISK = _words(r"risks? (?:of|to|for)", r"at risk", r"risky", r"riskier", r"harm(?:s|ed|ful)?", r"side[- ]effects?",
              r"adverse", r"danger(?:s|ous)?", r"unsafe", r"complications?",
              r"safe for (?:most|all|nearly|almost|everyone|anyone)",
              r"(?:generally|usually|very|completely|perfectly|totally|always) safe")
# Health outcomes a massage is said to change.
OUTCOME = _words(r"pain(?:s|ful)?", r"aches?", r"aching", r"anxi\w*", r"stress(?:ed|ful)?", r"worry", r"worries",
                 r"tension", r"depress\w*", r"moods?", r"sleep\w*", r"insomnia", r"blood pressure",
                 r"heart rate", r"blood flow", r"circulation", r"toxins?", r"toxic", r"lactic acid", r"waste",
                 r"immun\w*", r"swelling", r"swollen", r"sore", r"soreness", r"stiff(?:ness)?", r"recovery",
                 r"headaches?", r"fatigue", r"inflammation", r"wellbeing", r"well-being", r"bruis\w*",
                 r"bleed\w*", r"clots?", r"fractures?", r"injur(?:y|ies)")
# Verbs that say something changes (ease off / slow down are instructions, so not listed).
EFFECT = _words(r"eas(?:e|es|ed|ing)(?! off)", r"reliev\w*", r"relief", r"reduc(?:e|es|ed|ing)",
                r"lower(?:s|ed|ing)", r"improv\w*", r"boost\w*", r"increas(?:e|es|ed|ing)",
                r"rais(?:e|es|ed|ing)", r"speeds? up", r"sped up", r"slow(?:s|ed)", r"heal(?:s|ed|ing)?",
                r"treat(?:s|ed|ing)?", r"prevent\w*", r"flush\w*", r"clear(?:s|ed|ing)", r"remov(?:e|es|ed|ing)",
                r"releas(?:e|es|ed|ing)", r"calm(?:s|ed)", r"sooth(?:es|ed)", r"help(?:s|ed)?", r"works?",
                r"worked", r"beat", r"caus(?:e|es|ed|ing)", r"trigger\w*", r"worsen\w*", r"mak(?:e|es) \w+ worse",
                r"damag\w*", r"mov(?:e|es|ed|ing) (?:a|the) clot", r"spread\w*")
# Words that report research.
EVIDENCE = _words(r"research\w*", r"evidence", r"stud(?:y|ies)", r"trials?", r"reviews?", r"meta-analys[ie]s",
                  r"surveys?", r"experiments?", r"shown", r"shows? that", r"found", r"certainty",
                  r"scientists?", r"researchers?", r"reports? of")
BENEFIT = _words(r"good for", r"bad for", r"benefit\w*", r"effective", r"works?", r"worked", r"better", r"best",
                 r"safer", r"safest")
SUBJECT = _words(r"massag\w*", r"effleurage", r"kneading", r"petrissage", r"tapotement", r"strokes?",
                 r"therap\w*", r"sessions?")
# Claims on their own, whatever else the sentence says.
STRONG = _words(r"proven", r"proof", r"clinically", r"scientifically", r"cur(?:e|es|ed)", r"detox\w*")

CLAIM_BLOCKS = ("tr", "li", "dd", "dt")


def claim_reason(sentence: str) -> str:
    """Why `sentence` counts as a claim of benefit or risk ("" when it does not)."""
    if match := RISK.search(sentence):
        return f"risk word “{match.group(0)}”"
    if match := STRONG.search(sentence):
        return f"“{match.group(0)}”"
    outcome = OUTCOME.search(sentence)
    effect = EFFECT.search(sentence)
    evidence = EVIDENCE.search(sentence)
    if outcome and (effect or evidence):
        other = effect or evidence
        assert other is not None
        return f"“{other.group(0)}” with “{outcome.group(0)}”"
    if evidence and SUBJECT.search(sentence) and (benefit := effect or BENEFIT.search(sentence)):
        return f"“{evidence.group(0)}” with “{benefit.group(0)}”"
    return ""


def is_reference_link(href: str, page_uri: str, references_page: str = REFERENCES_PAGE) -> bool:
    """True for a link from `page_uri` to an entry (with an #id) on the References page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or not parts.fragment:
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), unquote(parts.path)))
    return target == posixpath.normpath(references_page)


def _footnote_id(element: Element) -> str:
    """`furlan` for `<sup id="fnref:furlan">` or `<sup id="fnref2:furlan">`."""
    return element.attrs.get("id", "").partition(":")[2]


@dataclass
class Citations:
    """The citations on one page."""

    citing_footnotes: set[str]            # footnote ids whose text links to a reference entry
    other_footnotes: set[str]             # footnotes that do not (they cite nothing)
    markers: list[Element] = field(default_factory=list)  # footnote markers and inline links that cite

    @property
    def count(self) -> int:
        return len(self.markers)


def _footnote_list(tree: Element) -> Element | None:
    return next((e for e in tree.iter() if e.tag == "div" and "footnote" in e.classes), None)


def citations(page: Page, references_page: str = REFERENCES_PAGE) -> Citations:
    """Find the page's citations: markers of citing footnotes, plus inline links to entries."""
    citing: set[str] = set()
    other: set[str] = set()
    notes = _footnote_list(page.tree)
    if notes is not None:
        for item in notes.iter():
            if item.tag == "li" and item.attrs.get("id", "").startswith("fn:"):
                note = item.attrs["id"][3:]
                links = (a.attrs.get("href", "") for a in item.iter() if a.tag == "a")
                (citing if any(is_reference_link(h, page.src_uri, references_page) for h in links) else other).add(note)
    found = Citations(citing, other)
    in_notes = set(map(id, notes.iter())) if notes is not None else set()
    for element in page.tree.iter():
        if id(element) in in_notes:
            continue
        cites_by_note = is_footnote_ref(element) and _footnote_id(element) in citing
        cites_inline = element.tag == "a" and is_reference_link(element.attrs.get("href", ""), page.src_uri,
                                                                references_page)
        if cites_by_note or cites_inline:
            found.markers.append(element)
    return found


# ---------------------------------------------------------------------------------------------
# Where things are in the source: headings and sentences back to line numbers
# ---------------------------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATTR_LIST = re.compile(r"\{:?[^{}]*\}\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_TAG = re.compile(r"<[^>]+>")


def normalise(text: str) -> list[str]:
    """Lower-case words only, so rendered text and Markdown source can be compared."""
    text = _FOOTNOTE_REF.sub(" ", _MD_LINK.sub(r"\1", _TAG.sub(" ", text)))
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass(frozen=True)
class SourceHeading:
    level: int
    words: tuple[str, ...]
    line: int


def source_headings(source: str) -> list[SourceHeading]:
    """ATX and setext headings of the Markdown source, outside code fences, with their lines."""
    found: list[SourceHeading] = []
    lines = source.splitlines()
    fence = ""
    for number, line in enumerate(lines, start=1):
        if match := _FENCE.match(line):
            marker = match.group(1)
            if not fence:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = ""
            continue
        if fence:
            continue
        if match := _ATX.match(line):
            found.append(SourceHeading(len(match.group(1)), tuple(normalise(_ATTR_LIST.sub("", match.group(2)))),
                                       number))
        elif number > 1 and re.match(r"^ {0,3}(=+|-+)[ \t]*$", line) and lines[number - 2].strip() \
                and not lines[number - 2].lstrip().startswith(("-", "*", "|", ">")):
            level = 1 if line.strip().startswith("=") else 2
            found.append(SourceHeading(level, tuple(normalise(_ATTR_LIST.sub("", lines[number - 2]))), number - 1))
    return found


def heading_lines(page: Page, rendered: list[Element]) -> dict[int, int]:
    """Map each rendered heading (by `id()`) to its line in the source, matched in order.

    A heading that is not in the page's own source (it comes from an included snippet) gets the
    line of the heading before it, the nearest place in this file a reader can jump to.
    """
    candidates = [h for h in source_headings(page.source) if h.line >= page.body_line]
    found: dict[int, int] = {}
    start = 0
    previous = 0
    for element in rendered:
        words = tuple(normalise(_heading_text(element)))
        level = int(element.tag[1])
        for index in range(start, len(candidates)):
            if candidates[index].level == level and candidates[index].words == words:
                found[id(element)] = previous = candidates[index].line
                start = index + 1
                break
        else:
            found[id(element)] = previous
    return found


def _heading_text(element: Element) -> str:
    segs = segments(element, skip_tables=False)
    return " ".join(s.text for s in segs)


def sentence_line(source: str, sentence: str, first: int = 1, last: int = 0) -> int:
    """The line of `source` (within lines `first`..`last`) where `sentence` starts; 0 if absent.

    Compares lower-case words only, so Markdown syntax, links and line wrapping do not matter.
    """
    wanted = normalise(sentence)[:6]
    if not wanted:
        return 0
    lines = source.splitlines()
    last = min(last or len(lines), len(lines))
    tokens: list[tuple[str, int]] = []
    for number in range(max(first, 1), last + 1):
        tokens += [(word, number) for word in normalise(lines[number - 1])]
    size = len(wanted)
    for index in range(len(tokens) - size + 1):
        if all(tokens[index + k][0] == wanted[k] for k in range(size)):
            return tokens[index][1]
    return 0


# ---------------------------------------------------------------------------------------------
# The rule
# ---------------------------------------------------------------------------------------------

@dataclass
class _Section:
    heading: Element | None
    title: str
    line: int
    cited: bool = False
    elements: set[int] = field(default_factory=set)


def _sections(page: Page, cited: set[int]) -> tuple[list[_Section], dict[int, _Section]]:
    """Split the page at every heading; note which element belongs to which section."""
    notes = _footnote_list(page.tree)
    skipped = set(map(id, notes.iter())) if notes is not None else set()
    headings = [e for e in page.tree.iter() if e.tag in HEADING_TAGS and id(e) not in skipped]
    lines = heading_lines(page, headings)
    current = _Section(None, "(top of the page)", page.body_line)
    found = [current]
    owner: dict[int, _Section] = {}
    for element in page.tree.iter():
        if id(element) in skipped:
            continue
        if element.tag in HEADING_TAGS:
            current = _Section(element, _heading_text(element), lines.get(id(element), 0))
            found.append(current)
        owner[id(element)] = current
        current.elements.add(id(element))
        if id(element) in cited:
            current.cited = True
    return found, owner


def _unit(segment: Segment) -> Element:
    """The paragraph, list item, table row or definition a sentence must be cited within."""
    if segment.kind == LABEL:
        container = segment.block.parent
        return container if container is not None else segment.block
    for element in (segment.block, *segment.block.ancestors()):
        if element.tag in CLAIM_BLOCKS:
            return element
    return segment.block


def _contains_citation(unit: Element, cited: set[int]) -> bool:
    return any(id(e) in cited for e in unit.iter())


def claim_findings(page: Page, display_path: str, *, references_page: str = REFERENCES_PAGE,
                   skip: Callable[[Element], bool] | None = None) -> list[Finding]:
    """CIT001 for every claim without a citation; CIT002 for footnotes that cite nothing."""
    found_citations = citations(page, references_page)
    cited = set(map(id, found_citations.markers))
    sections, owner = _sections(page, cited)
    ends = _section_ends(sections, page)
    findings: list[Finding] = []
    reported: set[int] = set()
    for segment in segments(page.tree, skip_tables=False, skip=skip):
        reason, sentence = _first_claim(segment.text)
        if not reason:
            continue
        section = owner.get(id(segment.block), sections[0])
        if segment.kind == HEADING:
            if section.cited or id(section) in reported:
                continue
            reported.add(id(section))
            findings.append(Finding(display_path, section.line, 1 if section.line else 0, "CIT001",
                                    f"heading “{section.title}” makes a claim ({reason}) but its section "
                                    "cites no source", ERROR, _HINT))
            continue
        unit = _unit(segment)
        if id(unit) in reported or _contains_citation(unit, cited):
            continue
        reported.add(id(unit))
        path, line = _claim_place(page, display_path, sentence, section, ends[id(section)])
        findings.append(Finding(path, line, 1 if line else 0, "CIT001",
                                f"claim without a citation in “{section.title}” ({reason}): “{_shorten(sentence)}”",
                                ERROR, _HINT))
    findings += _uncited_footnotes(page, found_citations, display_path, references_page)
    return findings


def _claim_place(page: Page, display_path: str, sentence: str, section: _Section,
                 end: int) -> tuple[str, int]:
    """Where to report a claim: its own line, else its line in an included file, else the heading."""
    if line := sentence_line(page.source, sentence, section.line or page.body_line, end):
        return display_path, line
    for included in page.includes:
        text = included.read_text(encoding="utf-8-sig", errors="replace")
        if line := sentence_line(text, sentence):
            return str(included), line
    return display_path, section.line


_HINT = ("Add a footnote that links to the References page, e.g. `[^furlan]` with "
         "`[^furlan]: Furlan and others (2015). [Full reference](references.md#furlan-2015)`.")


def _section_ends(sections: list[_Section], page: Page) -> dict[int, int]:
    total = page.source.count("\n") + 1
    ends: dict[int, int] = {}
    for index, section in enumerate(sections):
        later = [s.line for s in sections[index + 1:] if s.line > section.line]
        ends[id(section)] = (min(later) - 1) if later else total
    return ends


def _first_claim(text: str) -> tuple[str, str]:
    for sentence in sentences(text):
        if reason := claim_reason(sentence):
            return reason, sentence
    return "", ""


def _uncited_footnotes(page: Page, found: Citations, display_path: str,
                       references_page: str) -> Iterator[Finding]:
    for note in sorted(found.other_footnotes):
        match = re.search(rf"^\[\^{re.escape(note)}\]:", page.source, re.MULTILINE)
        line = page.source.count("\n", 0, match.start()) + 1 if match else 0
        yield Finding(display_path, line, 1 if line else 0, "CIT002",
                      f"footnote [^{note}] does not link to an entry on the References page, so it cites nothing",
                      WARNING, f"End it with `[Full reference]({references_page}#entry-id)`, or make it plain text.")


def _shorten(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
