"""Review dates: warn when a page is due for review, refuse review dates in the future.

Health pages go stale quietly. Every page carries `last_reviewed` and `next_review` in its front
matter (the template shows both to readers), and this check makes the build say so when
`next_review` has passed. That is a warning, never a failure: an overdue review must not stop a
safety fix from being published. A `last_reviewed` date in the future is an error, because the
page would tell readers it was checked on a day that has not come yet.

Codes: REV000-REV002 (their meanings are in guidebuild/codes.toml, the one registry).

Left to the front matter check (`frontmatter.py`) so nothing is reported twice: missing fields,
YAML errors, values that are not dates (FM005) and next_review not after last_reviewed (FM006).
This check skips any page whose front matter it cannot read or whose dates are not dates.

"Today" is an argument, so tests never depend on the clock; the build passes the date from the
environment variable GUIDE_TODAY (YYYY-MM-DD) when set, else the local date.
"""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, WARNING, Finding, UsageError
from guidebuild.site import frontmatter
from guidebuild.site.frontmatter import FrontMatter
from guidebuild.site.pages import site_pages

TODAY_VARIABLE = "GUIDE_TODAY"
FIELDS = ("last_reviewed", "next_review")


def today_from_environment(environ: dict[str, str] | None = None) -> dt.date:
    """GUIDE_TODAY when set (for tests and for checking ahead), else the local date."""
    value = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Finding("", 0, 0, "REV000", f"{TODAY_VARIABLE}={value!r} is not a date",
                                 ERROR, f"Set {TODAY_VARIABLE} to a date such as 2027-01-31, or unset it.")) from None


def review_dates(matter: FrontMatter) -> dict[str, tuple[dt.date, int]]:
    """`{field: (date, line)}` for the review fields that hold real dates (quoted dates and date-times
    are read too); {} when the front matter could not be read."""
    found: dict[str, tuple[dt.date, int]] = {}
    for name in FIELDS:
        value = matter.meta.get(name)
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                continue
        if isinstance(value, dt.date) and name in matter.lines:
            found[name] = (value, matter.lines[name])
    return found


def check_page(path: str, text: str, today: dt.date) -> list[Finding]:
    """REV001 when next_review has passed; REV002 when last_reviewed is after today."""
    return check_front_matter(path, frontmatter.parse(path, text), today)


def check_front_matter(path: str, matter: FrontMatter, today: dt.date) -> list[Finding]:
    """The review-date findings of one page's parsed front matter."""
    dates = review_dates(matter)
    found: list[Finding] = []
    if "next_review" in dates:
        due, line = dates["next_review"]
        if due < today:
            days = (today - due).days
            found.append(Finding(path, line, 1, "REV001",
                                 f"review overdue: next_review was {due.isoformat()} "
                                 f"({days} day{'s' if days != 1 else ''} ago)", WARNING,
                                 "Check the page against its sources, then set last_reviewed to the day you did "
                                 "and next_review to a date within a year."))
    if "last_reviewed" in dates:
        reviewed, line = dates["last_reviewed"]
        if reviewed > today:
            found.append(Finding(path, line, 1, "REV002",
                                 f"last_reviewed {reviewed.isoformat()} is in the future (today is "
                                 f"{today.isoformat()})", ERROR,
                                 "Set last_reviewed to the day the page was last checked against its sources."))
    return found


def check_review_dates(config: MkDocsConfig, today: dt.date | None = None) -> list[Finding]:
    """The build stage: every page MkDocs builds, judged against GUIDE_TODAY or the local date.

    Pages come from the page model, whose front matter is parsed once for every check; unreadable
    pages are left to the file checks.
    """
    when = today or today_from_environment()
    found: list[Finding] = []
    for page in site_pages(config).in_nav_order():
        if page.readable:
            found += check_front_matter(str(page.path), page.front_matter, when)
    return found
