"""Front matter check (scripts/guidebuild/site/frontmatter.py): each mistake once, at its line and column."""

from __future__ import annotations

import datetime as dt

import pytest

from guidebuild.site.frontmatter import parse

GOOD = ("---\ntitle: Tips\ndescription: Small things that make a back massage better for both of you.\n"
        "last_reviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n\n# Tips\n")


def places(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in parse("p.md", text).findings]


def test_good_front_matter_has_no_findings_and_real_dates() -> None:
    matter = parse("p.md", GOOD)
    assert matter.findings == []
    assert matter.meta["last_reviewed"] == dt.date(2026, 11, 25)
    assert GOOD[matter.body_offset:].lstrip("\n").startswith("# Tips")


def test_crlf_and_a_byte_order_mark_are_read_like_mkdocs() -> None:
    from guidebuild.site.textpos import decode_source

    text = decode_source(("\ufeff" + GOOD.replace("2027-11-25", "2025-01-01")).replace("\n", "\r\n").encode())
    assert places(text) == [(5, 1, "FM006")]


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD.replace("title: Tips", "title: Tips: a list"), [(2, 12, "FM001")]),
    (GOOD.replace("title: Tips", "\ttitle: Tips"), [(2, 1, "FM001")]),
    (GOOD.replace("description:", "descripion:"), [(3, 1, "FM004")]),
    (GOOD.replace("last_reviewed:", "Last-Reviewed:"), [(4, 1, "FM004")]),
    (GOOD.replace("description: Small things that make a back massage better for both of you.\n", ""),
     [(5, 1, "FM003")]),
    (GOOD.replace("title: Tips", "title: 2026"), [(2, 8, "FM005")]),
    (GOOD.replace("title: Tips", "title:"), [(2, 7, "FM005")]),
    (GOOD.replace("2027-11-25", "2027-13-01"), [(5, 14, "FM005")]),
    (GOOD.replace("2027-11-25", "'2027-11-25'"), [(5, 14, "FM005")]),
    (GOOD.replace("2027-11-25", "next year"), [(5, 14, "FM005")]),
    (GOOD.replace("2027-11-25", "2026-11-25"), [(5, 1, "FM006")]),
    (GOOD.replace("# Tips", "") .replace("next_review: 2027-11-25\n", "next_review: 2027-11-25\ntitle: Again\n"),
     [(6, 1, "FM007")]),
    (GOOD.replace("title: Tips", 'title: Tips</title><script>x()</script>'), [(2, 8, "SAFE008")]),
    (GOOD.replace("description: Small", """description: 'Say "stop" when it hurts.' #"""), [(3, 14, "SAFE008")]),
    ("# No front matter\n", [(1, 1, "FM002")]),
    ("---\ntitle: Tips\n", [(1, 1, "FM001")]),
    ("---\n- a\n- b\n---\n", [(2, 1, "FM001")]),
])
def test_each_mistake_is_one_finding_at_its_place(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert places(text) == expected


def test_misspelling_suggests_the_field_and_is_not_also_reported_missing() -> None:
    findings = parse("p.md", GOOD.replace("description:", "descripion:")).findings
    assert [f.message for f in findings] == ["unknown front matter field 'descripion': did you mean 'description'?"]
    assert findings[0].hint == "Rename it to `description:`."


def test_unknown_fields_that_look_like_nothing_known_are_allowed() -> None:
    assert places(GOOD.replace("title: Tips", "title: Tips\nreviewer: Sam\nhide: [toc]")) == []


def test_a_quoted_date_is_explained() -> None:
    finding = parse("p.md", GOOD.replace("2027-11-25", "'2027-11-25'")).findings[0]
    assert "write it without quotes" in finding.message


def test_invalid_yaml_keeps_the_page_unstripped_like_mkdocs() -> None:
    matter = parse("p.md", GOOD.replace("title: Tips", "title: [Tips"))
    assert matter.body_offset == 0 and matter.meta == {}
