"""The content report: reading grade, sentence length, citations, and the claim rule.

Most tests render real small sites in-process with the site's own Markdown configuration; the
command-line tests run `scripts/content_report.py` the way a writer would. The last test is the
gate on the real pages in docs/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidebuild import config as cfg
from guidebuild.findings import Finding
from guidebuild.report import claims, page_figures, readability
from support.sitekit import ROOT, front_matter, run_script

EASY = (
    "Rub your hands to warm them. Put a little oil in one palm. Rest both hands on the back. "
    "Glide up each side of the spine. Keep your hands soft and flat. Ask how the pressure feels. "
    "Go slower if they tense up. Stop at once if they ask you to. Cover them with a towel at the "
    "end. Let them rest for a few minutes before they sit up.\n"
)
# Long words, normal sentence length: a high grade, sentences under 20 words.
HARD_WORDS = (
    "Consequently, the physiological mechanisms underlying therapeutic effleurage remain incompletely "
    "characterised. Contemporary investigations emphasise multidimensional psychophysiological "
    "interpretations. Practitioners increasingly conceptualise interventions individually, prioritising "
    "communicative collaboration. Comprehensive documentation facilitates interdisciplinary "
    "understanding considerably. Unfortunately, methodological heterogeneity complicates generalisation "
    "substantially. Nevertheless, organisational recommendations acknowledge remarkable variability "
    "internationally.\n"
)
# Short words, very long sentences: a low grade, sentences far over 20 words.
LONG_SENTENCES = (  # words of one syllable, so the grade stays low while sentences run long
    "We sat in the sun and we ate our lunch and then we went for a walk by the sea and the day was "
    "warm. Then we came back to the house and we had a cup of tea and a slice of cake by the fire. "
    "The next day we got up late and we went to the shop for bread and milk and eggs and jam.\n"
)
REFERENCES = (front_matter("References") + "# References\n\nThe sources we cite.\n\n"
              "Moyer CA and others (2004). A meta-analysis of massage therapy research.\n{ #moyer-2004 }\n")
NOTE = "[^moyer]: Moyer and others (2004). [Full reference](references.md#moyer-2004)\n"


def analyse(root: Path, *pages: str) -> tuple[list[page_figures.PageFigures], list[Finding]]:
    return page_figures.analyse(cfg.load(str(root / "mkdocs.yml")), list(pages))


def codes(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


# ---------------------------------------------------------------------------------------------
# Reading grade and sentence length
# ---------------------------------------------------------------------------------------------

def test_plain_page_passes_and_is_measured(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY})
    figures, found = analyse(root)
    assert [f for f in found if f.is_error] == []
    (page,) = figures
    assert page.page == "index.md"
    assert page.words == 70 and page.sentences == 10
    assert page.grade < 4 and page.average_sentence < 8
    assert page.longest_sentence == "Let them rest for a few minutes before they sit up."
    assert page.longest_words == 11


def test_long_words_break_the_grade_limit(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY + "\n" + HARD_WORDS})
    figures, found = analyse(root)
    assert figures[0].grade > readability.MAX_GRADE
    (grade,) = codes(found, "RDG001")
    assert grade.is_error and grade.path.endswith("index.md")
    assert "Longest sentence" in grade.hint
    assert codes(found, "RDG002") == []


def test_long_sentences_break_the_length_limit_even_with_short_words(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + LONG_SENTENCES})
    figures, found = analyse(root)
    assert figures[0].grade <= readability.MAX_GRADE
    assert figures[0].average_sentence > readability.MAX_AVERAGE_SENTENCE
    assert figures[0].longest_words == 25
    assert [f.code for f in found] == ["RDG002"]


def test_code_tables_headings_and_footnotes_are_not_measured(mini_site):
    noise = (
        "## Interdisciplinary considerations regarding physiological characterisation\n\n"
        "```text\nmultidisciplinary psychophysiological conceptualisation notwithstanding\n```\n\n"
        "| Considerations | Characterisation |\n|---|---|\n"
        "| Multidimensional psychophysiological interpretation | Organisational heterogeneity |\n\n"
        "!!! note \"Interdisciplinary methodological heterogeneity\"\n\n    Ask first.\n\n"
        "Keep it light.[^n]\n\n[^n]: Comprehensive methodological documentation facilitates understanding.\n"
    )
    plain = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY + "\nAsk first.\n\nKeep it light.\n"},
                      name="plain")
    noisy = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY + "\n" + noise}, name="noisy")
    (clean,), _ = analyse(plain)
    (measured,), _ = analyse(noisy)
    assert (measured.words, measured.sentences, measured.grade) == (clean.words, clean.sentences, clean.grade)


def test_list_items_without_full_stops_are_separate_sentences(mini_site):
    items = "".join(f"- Two warm towels and a pillow number {n}\n" for n in range(12))
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + items})
    (page,), _ = analyse(root)
    assert page.sentences == 12 and page.longest_words == 8


def test_decimals_and_abbreviations_do_not_end_sentences():
    text = readability.prose_text([_segment("About 1.5% of people, e.g. those with pain, felt sore.")])
    assert readability.sentences(text) == ["About 1,5% of people, eg those with pain, felt sore."]


def test_reference_entries_are_not_measured_on_the_references_page(mini_site):
    entries = "".join(f"Author{n} AB, Writer CD, Person EF (2015). Interdisciplinary psychophysiological "
                      f"characterisation methodology. *Journal of Complementary Medicine*, 13(8), 793-796.\n"
                      f"{{ #entry-{n} }}\n\n" for n in range(5))
    root = mini_site({"references.md": front_matter("References") + "# References\n\n" + EASY + "\n" + entries})
    (page,), found = analyse(root)
    assert page.words == 70
    assert codes(found, "RDG001") == []


# ---------------------------------------------------------------------------------------------
# Citations and the claim rule
# ---------------------------------------------------------------------------------------------

def test_claim_without_citation_fails_at_its_own_line(mini_site):
    text = (front_matter("Benefits") + "# Benefits\n\n## Stress\n\nA massage can be a kind thing to do.\n\n"
            "In trials, massage lowered anxiety for a short time.\n")
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    _, found = analyse(root)
    (claim,) = codes(found, "CIT001")
    assert claim.is_error
    assert claim.path.endswith("index.md")
    assert claim.line == line_of(text, "In trials")
    assert "“Stress”" in claim.message and "lowered" in claim.message


def test_claim_with_footnote_to_the_references_page_passes(mini_site):
    text = (front_matter("Benefits") + "# Benefits\n\n## Stress\n\n"
            "In trials, massage lowered anxiety for a short time.[^moyer]\n\n" + NOTE)
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    figures, found = analyse(root)
    assert codes(found, "CIT001") == []
    assert {f.page: f.citations for f in figures} == {"index.md": 1, "references.md": 0}


def test_a_citation_elsewhere_in_the_section_does_not_cover_a_claim(mini_site):
    text = (front_matter("Benefits") + "# Benefits\n\n## Stress\n\n"
            "In trials, massage lowered anxiety for a short time.[^moyer]\n\n"
            "It also improves sleep for most people.\n\n" + NOTE)
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    _, found = analyse(root)
    (claim,) = codes(found, "CIT001")
    assert claim.line == line_of(text, "improves sleep")


def test_footnote_without_a_reference_link_cites_nothing(mini_site):
    text = (front_matter("Benefits") + "# Benefits\n\nMassage eases back pain.[^me]\n\n"
            "[^me]: My own experience over many years.\n")
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    _, found = analyse(root)
    assert len(codes(found, "CIT001")) == 1
    (note,) = codes(found, "CIT002")
    assert not note.is_error and note.line == line_of(text, "[^me]:")


@pytest.mark.parametrize(("link", "cites"), [
    ("[Moyer 2004](references.md#moyer-2004)", True),
    ("[our sources](references.md)", False),
    ("[Moyer 2004](https://example.org/references.md#moyer-2004)", False),
])
def test_inline_links_count_only_when_they_name_an_entry(mini_site, link, cites):
    text = front_matter("Benefits") + f"# Benefits\n\nMassage lowered anxiety in one review ({link}).\n"
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    figures, found = analyse(root)
    assert (codes(found, "CIT001") == []) is cites
    assert figures[0].citations == int(cites)


def test_claim_in_a_table_row_is_covered_by_the_source_column(mini_site):
    table = ("| Claim | Source |\n|---|---|\n| Massage eases anxiety | [^moyer] |\n"
             "| Massage boosts immunity | none |\n\n")
    text = front_matter("Benefits") + "# Benefits\n\n" + table + NOTE
    root = mini_site({"index.md": text, "references.md": REFERENCES})
    _, found = analyse(root)
    (claim,) = codes(found, "CIT001")
    assert "boosts" in claim.message and claim.line == line_of(text, "boosts immunity")


def test_claim_in_a_heading_needs_a_citation_in_its_section(mini_site):
    bare = front_matter("Myths") + "# Myths\n\n## It does not flush out toxins\n\nYour liver and kidneys do that.\n"
    root = mini_site({"index.md": bare, "references.md": REFERENCES}, name="bare")
    _, found = analyse(root)
    (claim,) = codes(found, "CIT001")
    assert claim.line == line_of(bare, "## It does not flush")
    cited = bare.replace("kidneys do that.", "kidneys do that.[^moyer]") + "\n" + NOTE
    root = mini_site({"index.md": cited, "references.md": REFERENCES}, name="cited")
    assert codes(analyse(root)[1], "CIT001") == []


def test_claim_in_an_included_file_is_reported_in_that_file(mini_site):
    config = "  - pymdownx.snippets:\n      base_path: [\".\"]\n      check_paths: true\n"
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n## Rules\n\n--8<-- \"RULES.md\"\n",
                      "references.md": REFERENCES}, config=config)
    (root / "RULES.md").write_text("# Rules\n\nBe kind.\n\nMassage flushes out toxins.\n", encoding="utf-8")
    _, found = analyse(root)
    (claim,) = codes(found, "CIT001")
    assert Path(claim.path).name == "RULES.md" and claim.line == 5


@pytest.mark.parametrize("sentence", [
    "Massage lowers anxiety.",
    "It may ease back pain for a short time.",
    "Research shows massage helps you sleep.",
    "Serious harm is rare.",
    "The most common side effect was more pain.",
    "Massage boosts your immune system.",
    "Massage is proven to work.",
    "Studies show massage is good for you.",
    "A gentle massage is safe for most people.",
    "Lymph drainage is a detox.",
    "In trials of massage around surgery, sessions of 10 to 20 minutes worked best.",
])
def test_claim_words_are_recognised(sentence):
    assert claims.claim_reason(sentence)


@pytest.mark.parametrize("sentence", [
    "Ease off at once if it hurts.",
    "These tips help you get the pressure right.",
    "A little oil helps your hands glide.",
    "Work on the lower back with light strokes.",
    "Every claim about a benefit or a risk has a footnote.",
    "Reviews that weigh up all the good research on one question.",
    "Nobody has shown it works, or fair tests found it does not.",
    "Check that a massage is safe for them today.",
    "Do you have any pain or injuries I should know about?",
    "If a spot is very sore, suggest your partner sees a doctor.",
    "We review every page at least once a year.",
])
def test_instructions_and_talk_about_sources_are_not_claims(sentence):
    assert claims.claim_reason(sentence) == ""


def test_reference_links_resolve_from_pages_in_subfolders():
    assert claims.is_reference_link("../references.md#moyer-2004", "guide/page.md")
    assert not claims.is_reference_link("references.md#moyer-2004", "guide/page.md")
    assert not claims.is_reference_link("references.md", "index.md")


# ---------------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------------

def test_command_prints_the_table_and_findings_and_exits_1(mini_site):
    text = front_matter("Home") + "# Home\n\n" + EASY + "\nMassage lowers blood pressure.\n"
    root = mini_site({"index.md": text})
    result = run_script("content_report.py", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header[:3] == ["Page", "Words", "Grade"] and header[-1] == "Citations"
    assert "\nindex.md " in result.stdout
    assert f"docs/index.md:{line_of(text, 'blood pressure')}:1: CIT001 claim without a citation" in result.stdout
    assert result.stdout.rstrip().endswith("1 error.")


def test_command_exits_0_on_a_clean_site_and_reports_json(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY})
    assert run_script("content_report.py", cwd=root).returncode == 0
    result = run_script("content_report.py", "--format", "json", cwd=root)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["findings"] == []
    assert data["pages"][0]["page"] == "index.md" and data["pages"][0]["words"] == 70
    assert data["limits"] == {"grade": 6.0, "average_sentence": 20.0, "min_words": 50}


def test_command_github_format_and_page_selection(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + LONG_SENTENCES,
                      "tips.md": front_matter("Tips") + "# Tips\n\n" + EASY})
    result = run_script("content_report.py", "--format", "github", "docs/index.md", cwd=root)
    assert result.returncode == 1
    assert "::error file=docs/index.md,title=RDG002::sentences average" in result.stdout
    assert "tips.md" not in result.stdout
    assert run_script("content_report.py", "tips.md", cwd=root).returncode == 0


def test_command_usage_errors_exit_2(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n" + EASY})
    unknown = run_script("content_report.py", "docs/nope.md", cwd=root)
    assert unknown.returncode == 2 and "RPT002" in unknown.stderr and unknown.stdout == ""
    missing = run_script("content_report.py", "-f", "nope.yml", cwd=root)
    assert missing.returncode == 2 and "CFG001" in missing.stderr and missing.stdout == ""
    assert "Traceback" not in unknown.stderr + missing.stderr


def test_page_that_cannot_render_is_an_error_not_a_crash(mini_site):
    config = "  - pymdownx.snippets:\n      check_paths: true\n"
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n--8<-- \"missing.md\"\n",
                      "tips.md": front_matter("Tips") + "# Tips\n\n" + EASY}, config=config)
    figures, found = analyse(root)
    assert [f.page for f in figures] == ["tips.md"]
    (problem,) = codes(found, "RPT001")
    assert problem.path.endswith("index.md") and "missing.md" in problem.message


# ---------------------------------------------------------------------------------------------
# The gate on the real pages
# ---------------------------------------------------------------------------------------------

def test_real_pages_meet_the_reading_and_citation_standards():
    figures, found = page_figures.analyse(cfg.load(str(ROOT / "mkdocs.yml")))
    errors = [f for f in found if f.is_error]
    table = page_figures.format_table(figures)
    assert errors == [], table + "\n\n" + "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in errors)
    assert len(figures) >= 10, table


def _segment(text: str):
    from guidebuild.site.page_html import Element
    from guidebuild.site.page_text import PROSE, Segment

    return Segment(text, Element("p"), PROSE)
