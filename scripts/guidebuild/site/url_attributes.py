"""The one list of HTML attributes that hold a URL, and what each makes the browser do with it.

Two kinds of check read it. The content-safety rules look at every URL attribute on any element,
because any of them can reach another site (`fetches`: the browser requests it as soon as the
page loads, rather than when a reader follows a link). The link checks judge the URLs that point
into the site, on the elements where a browser follows or loads them (`checked_on`): a `src` on a
`<div>` means nothing to a browser, so a broken one there is not a broken link.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UrlAttribute:
    fetches: bool                       # loaded at once, without the reader doing anything
    checked_on: tuple[str, ...] = ()    # elements on which the link checks judge its URL


URL_ATTRIBUTES: dict[str, UrlAttribute] = {
    "href": UrlAttribute(False, ("a", "area", "link")),
    "src": UrlAttribute(True, ("img", "script", "iframe", "source", "audio", "video", "track", "embed", "input")),
    "srcset": UrlAttribute(True, ("img", "source")),
    "poster": UrlAttribute(True, ("video",)),
    "data": UrlAttribute(True, ("object",)),
    "imagesrcset": UrlAttribute(True),
    "background": UrlAttribute(True),
    "ping": UrlAttribute(True),
    "lowsrc": UrlAttribute(True),
    "dynsrc": UrlAttribute(True),
    "action": UrlAttribute(False),
    "formaction": UrlAttribute(False),
    "cite": UrlAttribute(False),
    "longdesc": UrlAttribute(False),
    "codebase": UrlAttribute(False),
    "manifest": UrlAttribute(False),
    "icon": UrlAttribute(False),
}
FETCHING_ATTRIBUTES = frozenset(name for name, kind in URL_ATTRIBUTES.items() if kind.fetches)


def is_checked_link(tag: str, attribute: str) -> bool:
    """Does the link check judge this attribute's URL on this element?"""
    kind = URL_ATTRIBUTES.get(attribute)
    return kind is not None and tag in kind.checked_on


def urls_in(attribute: str, value: str) -> list[str]:
    """The URLs an attribute value holds: one, or each candidate of a `srcset` (without its size)."""
    if attribute not in ("srcset", "imagesrcset"):
        return [value]
    return [words[0] for words in (candidate.split() for candidate in value.split(",")) if words]
