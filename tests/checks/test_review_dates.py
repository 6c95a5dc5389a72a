"""Review dates: an overdue review warns (the build still publishes), a future review date fails."""

from __future__ import annotations

import datetime as dt

import pytest

from guidebuild import config as cfg
from guidebuild.checks import review_dates
from guidebuild.findings import UsageError
from support.sitekit import run_script

TODAY = dt.date(2027, 6, 1)


def page(last: str = "2026-11-25", nxt: str = "2027-11-25", extra: str = "") -> str:
    return (f"---\ntitle: Tips\ndescription: A test page for the review-date check of the build.\n{extra}"
            f"last_reviewed: {last}\nnext_review: {nxt}\n---\n\n# Tips\n\nRub your hands.\n")


def test_dates_in_order_and_not_due_are_fine():
    assert review_dates.check_page("tips.md", page(), TODAY) == []


def test_review_due_today_is_not_overdue_yet():
    assert review_dates.check_page("tips.md", page(nxt="2027-06-01"), TODAY) == []


def test_overdue_review_is_a_warning_at_the_next_review_line():
    (finding,) = review_dates.check_page("tips.md", page(nxt="2027-05-01"), TODAY)
    assert (finding.code, finding.line, finding.column, finding.is_error) == ("REV001", 5, 1, False)
    assert finding.message == "review overdue: next_review was 2027-05-01 (31 days ago)"


def test_last_reviewed_in_the_future_is_an_error_at_its_line():
    (finding,) = review_dates.check_page("tips.md", page(last="2027-06-02", nxt="2028-06-01", extra="hide: [toc]\n"),
                                    TODAY)
    assert (finding.code, finding.line, finding.is_error) == ("REV002", 5, True)
    assert "2027-06-02 is in the future" in finding.message


@pytest.mark.parametrize("text", [
    "# No front matter\n",
    "---\ntitle: [unclosed\nnext_review: 2020-01-01\n---\n\n# Broken YAML\n",
    "---\n- a list\n- not a mapping\n---\n\n# List\n",
    "---\ntitle: Tips\n---\n\n# No dates\n",
    page(last="yesterday", nxt="soon"),
    page(last="2099-13-45", nxt="2020-02-30"),
])
def test_pages_without_readable_dates_are_left_to_the_front_matter_check(text):
    assert review_dates.check_page("tips.md", text, TODAY) == []


def test_quoted_dates_and_date_times_are_read():
    text = page(last='"2026-11-25"', nxt="2027-01-01 09:30:00")
    assert [f.code for f in review_dates.check_page("tips.md", text, TODAY)] == ["REV001"]


def test_order_of_the_dates_is_left_to_the_front_matter_check():
    # next_review before last_reviewed is FM006 in frontmatter.py; reporting it here too would double it.
    found = review_dates.check_page("tips.md", page(last="2027-01-01", nxt="2026-12-01"), dt.date(2027, 2, 1))
    assert [f.code for f in found] == ["REV001"]


def test_today_comes_from_guide_today_or_the_clock():
    assert review_dates.today_from_environment({"GUIDE_TODAY": "2030-02-03"}) == dt.date(2030, 2, 3)
    assert review_dates.today_from_environment({}) == dt.date.today()
    with pytest.raises(UsageError) as error:
        review_dates.today_from_environment({"GUIDE_TODAY": "3 Feb 2030"})
    assert error.value.findings[0].code == "REV000"


def test_check_site_reads_every_page_of_a_real_site(mini_site):
    root = mini_site({"index.md": page(), "tips.md": page(nxt="2027-01-01"), "faq/more.md": page(last="2028-01-01")})
    found = review_dates.check_review_dates(cfg.load(str(root / "mkdocs.yml")), TODAY)
    assert sorted((f.path.rsplit("docs/", 1)[1], f.code) for f in found) == [("faq/more.md", "REV002"),
                                                                             ("tips.md", "REV001")]


# ---------------------------------------------------------------------------------------------
# Through the build script
# ---------------------------------------------------------------------------------------------

def test_build_warns_about_an_overdue_review_and_still_publishes(mini_site):
    root = mini_site({"index.md": page(), "tips.md": page(nxt="2027-01-01")})
    result = run_script("build.py", cwd=root, env={"GUIDE_TODAY": "2027-06-01"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("docs/tips.md:5:1: REV001 warning: review overdue: next_review was 2027-01-01 (151 days ago)"
            in result.stdout)
    assert "Checking review dates" in result.stderr
    assert (root / "site" / "tips" / "index.html").is_file()


def test_build_refuses_a_last_reviewed_date_in_the_future(mini_site):
    root = mini_site({"index.md": page(last="2027-06-02", nxt="2028-06-01")})
    result = run_script("build.py", cwd=root, env={"GUIDE_TODAY": "2027-06-01"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/index.md:4:1: REV002 last_reviewed 2027-06-02 is in the future" in result.stdout
    assert not (root / "site").exists()


def test_build_with_a_bad_guide_today_is_a_usage_error(mini_site):
    root = mini_site({"index.md": page()})
    result = run_script("build.py", cwd=root, env={"GUIDE_TODAY": "tomorrow"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "REV000 GUIDE_TODAY='tomorrow' is not a date" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
