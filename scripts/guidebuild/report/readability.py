"""Reading grade and sentence length of a rendered page, measured the way textstat measures them.

What is measured: the prose a reader reads. Left out are code, tables, footnote markers and the
footnote list, permalinks, icons, pictures, bare web addresses, headings and labels (admonition
titles, `<details>` summaries), and on the References page the reference entries themselves
(paragraphs with an id: citations, not sentences). Headings and labels are left out because they
are names, not sentences: counted as sentences they would make any page look easier than it is.

How: each remaining block (paragraph, list item, definition, ...) gets a full stop when it has
none, so a list item never runs into the next one. Full stops that do not end a sentence
(decimal points as in "1.5%", "e.g.", "et al.") are neutralised first; this changes only where
sentences end, never the words or syllables. The text then goes to textstat 0.7.8 unchanged:
`flesch_kincaid_grade`, `words_per_sentence` and `sentence_count` are textstat's own numbers,
and the longest sentence comes from textstat's own sentence pattern. Like textstat, fragments of
one or two words are not counted as sentences (their words still count).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from types import ModuleType

from guidebuild.findings import ERROR, Finding, UsageError
from guidebuild.site.page_text import PROSE, Segment

MAX_GRADE = 6.0  # the guide is for anyone: every page reads at US school grade 6 or below
MAX_AVERAGE_SENTENCE = 20.0
# Below this many words a grade says nothing (two sentences can score anything); not judged.
MIN_WORDS_FOR_LIMITS = 50

# textstat's own sentence pattern (textstat/backend/counts/_count_sentences.py, 0.7.8).
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
# Abbreviations whose full stops do not end a sentence. Only forms unlikely to end one.
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|et al|vs|cf|approx|Dr|Mr|Mrs|Ms|Prof)\.(?=\s|,|\)|$)")


@dataclass(frozen=True)
class Readability:
    """textstat's figures for one page's prose."""

    words: int
    sentences: int
    average_sentence: float  # words per sentence
    grade: float             # Flesch-Kincaid grade level
    longest_sentence: str
    longest_words: int


def _textstat() -> ModuleType:
    """textstat, imported late, so a Python without it gets a finding with the fix, not a traceback."""
    try:
        import textstat
    except ImportError:
        raise UsageError(Finding("requirements.txt", 0, 0, "RDG000",
                                 f"textstat is not installed for {sys.executable}", ERROR,
                                 "Run `make site` (it creates .venv with the pinned requirements), then "
                                 "run the command again with `.venv/bin/python`.")) from None
    from guidebuild.report.pronunciations import use_with_textstat

    use_with_textstat()  # the same syllable counts, without textstat's slow dictionary load
    return textstat


def prose_text(found: list[Segment]) -> str:
    """The page's prose as one string, one sentence end per block, ready for textstat."""
    parts = []
    for segment in found:
        if segment.kind != PROSE:
            continue
        text = _ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), _DECIMAL.sub(",", segment.text))
        parts.append(text if _ENDS_SENTENCE.search(text) else text + ".")
    return " ".join(parts)


def sentences(text: str) -> list[str]:
    """Sentences as textstat splits them (fragments of one or two words included)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def measure(text: str) -> Readability:
    """Words, sentences, words per sentence, Flesch-Kincaid grade and the longest sentence."""
    textstat = _textstat()
    words = textstat.lexicon_count(text)
    if not words:
        return Readability(0, 0, 0.0, 0.0, "", 0)
    longest, longest_words = "", 0
    for sentence in sentences(text):
        count = textstat.lexicon_count(sentence)
        if count > longest_words:
            longest, longest_words = sentence, count
    return Readability(words, textstat.sentence_count(text), float(textstat.words_per_sentence(text)),
                       float(textstat.flesch_kincaid_grade(text)), longest, longest_words)


def findings(path: str, result: Readability, *, line: int = 0) -> list[Finding]:
    """RDG001 when the grade is above 6, RDG002 when sentences average more than 20 words."""
    if result.words < MIN_WORDS_FOR_LIMITS:
        return []
    longest = _shorten(result.longest_sentence)
    hint = f"Longest sentence ({result.longest_words} words): “{longest}”"
    found = []
    if result.grade > MAX_GRADE:
        found.append(Finding(path, line, 1 if line else 0, "RDG001",
                             f"reading grade {result.grade:.1f} is above {MAX_GRADE:g} "
                             "(Flesch-Kincaid, textstat)",
                             ERROR, "Use shorter sentences and shorter, everyday words. " + hint))
    if result.average_sentence > MAX_AVERAGE_SENTENCE:
        found.append(Finding(path, line, 1 if line else 0, "RDG002",
                             f"sentences average {result.average_sentence:.1f} words, more than "
                             f"{MAX_AVERAGE_SENTENCE:g}",
                             ERROR, "Split long sentences in two. " + hint))
    return found


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
