"""Decide whether one link works on the built site, and say how to fix it when it does not.

Links MkDocs rewrites (`<a href>`/`<img src>` written in Markdown) are resolved the way MkDocs'
`_RelativePathTreeprocessor` resolves them, against the source files; anything MkDocs leaves as
written (raw HTML, folder links, unknown targets) is resolved against the page's built URL, as the
browser will. MkDocs' own `validation:` levels decide when a link that would work in a browser
still stops `mkdocs build --strict`; those are reported too, with the reason.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File

from guidebuild.findings import ERROR
from guidebuild.links.targets import PAGE_EXTENSIONS, RELATIVE_TO_DOCS, Site, Target, browser_join, close_anchor
from guidebuild.site.addresses import site_path
from guidebuild.site.markdown_map import RenderedLink


@dataclass(frozen=True, slots=True)
class Problem:
    """A verdict on one link, before its place in the source is known."""

    code: str
    message: str
    severity: str = ERROR


class Judge:
    """Decides whether a link on a page works on the built site, and says how to fix it if not."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.links = site.links_validation

    def link(self, page: File, link: RenderedLink) -> Problem | None:
        url = link.url
        if not url.strip():
            return Problem("LNK014", f"empty {_what(link)}: it points nowhere; write the target between the brackets")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            return None  # external: out of scope, never fetched
        path = parts.path
        if path.startswith(("/", "\\")):
            if not link.raw and self.links.absolute_links is RELATIVE_TO_DOCS:
                return self._markdown(page, link, path.lstrip("/\\"), parts.fragment, "#" in url)
            return self._absolute(page, link, path)
        if not path:
            if "#" in url:
                return self._anchor(page, page, parts.fragment, link, validated=not link.raw)
            return None
        if link.raw:
            return self._browser(page, link, path, parts.fragment, "#" in url)
        return self._markdown(page, link, path, parts.fragment, "#" in url)

    # Markdown links: MkDocs rewrites them when the target is a docs file.
    def _markdown(self, page: File, link: RenderedLink, path: str, fragment: str, has_fragment: bool) -> Problem | None:
        site = self.site
        decoded = unquote(path)
        target_uri = site.source_target(page, decoded)
        file = site.included.get(target_uri)
        if file is not None:
            if has_fragment and fragment and file.src_uri in site.page_ids:
                # MkDocs checks anchors on Markdown pages only (a copied .html page has no Page).
                return self._anchor(page, file, fragment, link, validated=file.is_documentation_page())
            return None
        excluded = site.excluded.get(target_uri)
        if excluded is not None:
            code = "LNK001" if excluded.is_documentation_page() else "LNK003"
            return Problem(code, f"'{link.url}' is excluded from the built site (exclude_docs or draft_docs in "
                                 "mkdocs.yml), so the link would 404")
        # MkDocs leaves the URL as written: the browser resolves it against the page's URL.
        unrecognized = not posixpath.splitext(decoded)[1]
        level = self.links.unrecognized_links if unrecognized else self.links.not_found
        resolved = browser_join(site.page_folder(page), decoded)
        target = site.lookup_built(resolved) if resolved is not None else None
        if target is not None:
            if site.mkdocs_fails(level):
                return self._rejected(page, link, decoded, target, unrecognized)
            if has_fragment and fragment and target.from_docs and target.src_uri in site.page_ids:
                return self._anchor(page, site.included[target.src_uri], fragment, link, validated=False)
            return None
        return self._broken(page, link, decoded, target_uri, resolved)

    def _rejected(self, page: File, link: RenderedLink, decoded: str, target: Target, unrecognized: bool) -> Problem:
        """Works in the browser, but MkDocs' own validation will stop `mkdocs build --strict`."""
        setting = "unrecognized_links" if unrecognized else "not_found"
        better = self.site.relative_source(target.src_uri, page) if target.from_docs else ""
        fix = f"; link to '{better}' instead" if better else ""
        if decoded.endswith("/") or unrecognized:
            code = "LNK011"
        elif decoded.endswith((".html", ".htm")):
            code = "LNK012"
        else:
            code = "LNK001" if target.is_page else "LNK003"
        return Problem(code, f"MkDocs leaves '{link.url}' as written and `mkdocs build --strict` rejects it "
                             f"(validation.links.{setting}), although a browser would find it{fix}")

    def _broken(self, page: File, link: RenderedLink, decoded: str, target_uri: str,
                resolved: str | None) -> Problem:
        """A Markdown link that reaches nothing: name the most likely mistake."""
        site = self.site
        rel = lambda uri: site.relative_source(uri, page)  # noqa: E731
        ext = posixpath.splitext(decoded)[1].lower()
        url = link.url
        if target_uri == ".." or target_uri.startswith("../"):
            return Problem("LNK005", f"'{url}' leaves the docs folder: only files under docs/ are published"
                                     + mean(self._source_guess(page, decoded, resolved)))
        if ext in (".html", ".htm"):
            stem = target_uri[: -len(ext)]
            candidates = [stem + ".md", posixpath.join(stem, "index.md")]
            if stem.endswith("/index"):  # `tips/index.html` is where `tips.md` is built
                candidates.append(stem.removesuffix("/index") + ".md")
            for candidate in candidates:
                if candidate in site.included and site.included[candidate].is_documentation_page():
                    return Problem("LNK012", f"'.html' link '{url}' to a page written in Markdown: link to "
                                             f"'{rel(candidate)}' and MkDocs writes the right URL")
        case = site.case_match(target_uri) or self._case_variants(target_uri)
        if case:
            return Problem("LNK004", f"'{url}' differs in letter case from '{rel(case)}': it works on "
                                     "case-insensitive disks (macOS, Windows) but 404s on Linux hosts")
        other = site.other_extension(target_uri)
        if other:
            return Problem("LNK015", f"wrong file extension: '{url}' does not exist but '{rel(other)}' does")
        if decoded.endswith("/") or not ext:
            return self._folder(page, link, target_uri, resolved, raw=False)
        if ext in PAGE_EXTENSIONS:
            close = site.close_file(target_uri, pages=True)
            return Problem("LNK001", f"link to missing page '{url}'" + mean(_rel(close, rel)))
        what = "image" if link.tag == "img" else "file"
        close = site.close_file(target_uri, pages=False)
        return Problem("LNK003", f"{what} '{url}' not found in docs/" + mean(_rel(close, rel)))

    def _case_variants(self, target_uri: str) -> str | None:
        for variant in (target_uri + ".md", posixpath.join(target_uri, "index.md")):
            found = self.site.case_match(variant)
            if found:
                return found
        return None

    def _source_guess(self, page: File, decoded: str, resolved: str | None) -> str:
        """For a link that leaves docs/: the page the browser would have found, if any."""
        if resolved is None:
            return ""
        target = self.site.lookup_built(resolved)
        if target is not None and target.from_docs:
            return self.site.relative_source(target.src_uri, page)
        return ""

    def _folder(self, page: File, link: RenderedLink, target_uri: str, resolved: str | None, *, raw: bool) -> Problem:
        site = self.site
        url = link.url
        for index in ("index.md", "README.md"):
            candidate = posixpath.normpath(posixpath.join(target_uri, index))
            if candidate in site.included:
                fix = (site.relative_url(site.included[candidate], page) if raw
                       else site.relative_source(candidate, page))
                opened = f"'/{resolved}'" if resolved is not None else "a URL above the site root"
                how = "raw HTML is not rewritten" if raw else "MkDocs leaves folder links as written"
                return Problem("LNK011", f"folder link '{url}': {how}, so from '/{_shown_url(page)}' the "
                                         f"browser opens {opened}; link to '{fix}' instead")
        if target_uri in site.folders:
            pages = sorted(u for u in site.included if u.startswith(target_uri + "/") and u.endswith(PAGE_EXTENSIONS))
            hint = f"; add {target_uri}/index.md or link to a page in it" + (
                f", e.g. '{site.relative_source(pages[0], page)}'" if pages and not raw else "")
            return Problem("LNK011", f"folder '{url}' has no index page, so the link has nothing to open{hint}")
        for ext in PAGE_EXTENSIONS:
            if target_uri + ext in site.included:
                fix = (site.relative_url(site.included[target_uri + ext], page) if raw
                       else site.relative_source(target_uri + ext, page))
                return Problem("LNK007" if raw else "LNK001", f"link to missing page '{url}'; did you mean '{fix}'?")
        close = site.close_file(target_uri + ".md", pages=True)
        if raw:
            return Problem("LNK007", f"raw HTML {link.attr} '{url}' does not resolve in the built site"
                                     + mean(site.relative_url(site.included[close], page) if close else ""))
        fix = site.relative_source(close, page) if close else ""
        return Problem("LNK001", f"link to missing page '{url}'" + mean(fix))

    # Raw HTML (and anything else MkDocs leaves alone): the browser's view only.
    def _browser(self, page: File, link: RenderedLink, path: str, fragment: str, has_fragment: bool) -> Problem | None:
        site = self.site
        decoded = unquote(path)
        url = link.url
        resolved = browser_join(site.page_folder(page), decoded)
        if resolved is None:
            return Problem("LNK005", f"raw HTML {link.attr} '{url}' climbs above the site root from "
                                     f"'/{_shown_url(page)}'")
        target = site.lookup_built(resolved)
        if target is not None:
            if has_fragment and fragment and target.from_docs and target.src_uri in site.page_ids:
                return self._anchor(page, site.included[target.src_uri], fragment, link, validated=False)
            return None
        ext = posixpath.splitext(decoded)[1].lower()
        if ext in (".html", ".htm"):
            meant = site.page_by_url_stem(resolved)
            if meant is not None:
                return Problem("LNK012", f"'.html' link '{url}' to a page written in Markdown: the page is "
                                         f"published at '{site.relative_url(meant, page)}'")
        case = site.built_case_match(resolved)
        if case is not None:
            target = site.built[case]
            return Problem("LNK004", f"'{url}' differs in letter case from '{site.relative_url(target, page)}': it "
                                     "works on case-insensitive disks (macOS, Windows) but 404s on Linux hosts")
        source_uri = site.source_target(page, decoded)
        file = site.included.get(source_uri)
        if file is not None:
            fix = site.relative_url(file, page)
            if file.is_documentation_page():
                return Problem("LNK007", f"raw HTML {link.attr} '{url}' is not rewritten by MkDocs, so the "
                                         f"browser asks for '/{resolved}', which is not built; use '{fix}'")
            return Problem("LNK007", f"raw HTML {link.attr} '{url}' is resolved against the page's URL "
                                     f"'/{_shown_url(page)}' (not the source file), giving '/{resolved}'; use '{fix}'")
        if decoded.endswith("/") or not ext:
            return self._folder(page, link, source_uri, resolved, raw=True)
        other = site.other_extension(source_uri)
        if other:
            return Problem("LNK015", f"wrong file extension: '{url}' does not exist but "
                                     f"'{site.relative_url(site.included[other], page)}' does")
        close = site.close_file(source_uri, pages=ext in PAGE_EXTENSIONS)
        return Problem("LNK007", f"raw HTML {link.attr} '{url}' does not resolve in the built site "
                                 f"('/{resolved}' is not built)"
                                 + mean(site.relative_url(site.included[close], page) if close else ""))

    def _absolute(self, page: File, link: RenderedLink, path: str) -> Problem:
        site = self.site
        prefix = site_path(site.config)
        key = unquote(path.lstrip("/\\"))
        if prefix != "/" and ("/" + key).startswith(prefix):
            key = ("/" + key)[len(prefix):]
        target = site.lookup_built(key) or (site.lookup_built(key.rstrip("/")) if key else None)
        docs_file = site.included.get(posixpath.normpath(key)) if key else None
        fix = ""
        if docs_file is not None:
            fix = (site.relative_url(docs_file, page) if link.raw else site.relative_source(docs_file.src_uri, page))
        elif target is not None:
            fix = (site.relative_source(target.src_uri, page) if target.from_docs and not link.raw
                   else site.relative_url(target, page))
        where = f" ({prefix} here)" if prefix != "/" else ""
        return Problem("LNK009", f"absolute link '{link.url}' breaks when the site is served from a sub-path{where}"
                                 + (f"; use the relative link '{fix}'" if fix else ""))

    def _anchor(self, page: File, target: File, fragment: str, link: RenderedLink, *,
                validated: bool) -> Problem | None:
        """`validated`: MkDocs checks this anchor too (it compares it literally, without decoding)."""
        ids = self.site.page_ids.get(target.src_uri)
        if ids is None or not fragment:
            return None
        if fragment in ids:
            return None
        decoded = unquote(fragment)
        where = "this page" if target is page else f"'{self.site.relative_source(target.src_uri, page)}'"
        if decoded in ids or decoded.lower() == "top":
            if validated and self.site.mkdocs_fails(self.links.anchors):
                spelled = "the top of the page has no id 'top'" if decoded.lower() == "top" and decoded not in ids \
                    else f"write it as '#{decoded}'"
                return Problem("LNK002", f"MkDocs' anchor check (validation.links.anchors) rejects '#{fragment}' on "
                                         f"{where} although a browser would accept it: {spelled}")
            return None
        best = close_anchor(decoded, ids)
        what = f"no anchor '#{fragment}' on this page" if target is page else \
            f"'{link.url}': no anchor '#{fragment}' on {where}"
        return Problem("LNK002", what + mean("#" + best if best else ""))


def _what(link: RenderedLink) -> str:
    if link.raw:
        return f"raw HTML {link.attr}"
    return "image" if link.tag == "img" else "link"


def mean(suggestion: str | None) -> str:
    return f"; did you mean '{suggestion}'?" if suggestion else ""


def _rel(uri: str | None, rel) -> str:
    return rel(uri) if uri else ""


def _shown_url(page: File) -> str:
    return "" if page.url in ("./", ".") else unquote(page.url)
