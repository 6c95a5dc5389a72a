"""Refuse content that must not ship: code that runs in readers' browsers and requests that track them.

A guide about massage needs no scripts, frames or plug-ins, and every picture it shows lives in
`docs/`. Anything else in a pull request is a mistake or an attack, so these checks refuse it:

    SAFE000  more unsafe items on one file than are worth listing (the first ones are listed)
    SAFE001  a forbidden element: <script>, <iframe>, <frame>, <object>, <embed>, <applet>,
             <portal>, <base>, <meta>, <link>, <form>, SVG <foreignObject>, <handler>, an SVG
             animation that rewrites a link, an `xml-stylesheet` instruction
    SAFE002  an inline event handler attribute (onclick=, onload=, onerror= …)
    SAFE003  a `javascript:` or `vbscript:` URL
    SAFE004  a `data:` URL anywhere but as the source of a PNG, JPEG, GIF, WebP or AVIF picture
    SAFE005  a picture, video, style or other resource loaded from another site (it tracks readers)
    SAFE006  an SVG file with a DOCTYPE internal subset (entity declarations)
    SAFE007  an SVG file that is not well-formed XML
    (SAFE008, unsafe characters in front matter, is in site/frontmatter.py; the one-line meanings
    of all codes are in guidebuild/codes.toml.)

How: a real HTML tokenizer (`html.parser`), never a regex over the whole file, reads the HTML. For
Markdown pages the truth is the *rendered* page (rendered with the site's own extensions), because
Markdown can produce HTML that is not in the source (`[x](javascript:…)`, `{ onclick=… }` from
attr_list). Each finding in the rendered page is then placed at its line in the source: first by
tokenizing the source itself (code blocks and code spans blanked out, so a page that *shows*
`<script>` in backticks is fine), then by searching for the offending text. All scans are linear.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.entities import html5 as html5_entities
from html.parser import HTMLParser
from pathlib import Path
from xml.parsers import expat

from guidebuild.findings import Finding
from guidebuild.site.textpos import LineIndex
from guidebuild.site.url_attributes import FETCHING_ATTRIBUTES, URL_ATTRIBUTES

MAX_PER_FILE = 50  # a hostile page with 10 000 bad links needs one line saying so, not 10 000

FORBIDDEN_ELEMENTS: dict[str, str] = {
    "script": "runs code in readers' browsers",
    "iframe": "embeds another site, which can run code and track readers",
    "frame": "embeds another site, which can run code and track readers",
    "frameset": "embeds other sites, which can run code and track readers",
    "object": "embeds a plug-in or another document that can run code",
    "embed": "embeds a plug-in or another document that can run code",
    "applet": "runs a Java plug-in",
    "portal": "embeds another site",
    "base": "changes where every relative link on the page goes",
    "meta": "can redirect readers to another site",
    "link": "loads styles, fonts or prefetches from other places",
    "form": "collects what readers type and can send it to another site",
    "foreignobject": "puts HTML inside an SVG picture, out of reach of these checks",
    "handler": "runs code inside an SVG picture",
    "listener": "runs code inside an SVG picture",
}
ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform"}
# Attributes that hold a URL, and those among them that make the browser fetch something at once
# (one list for every check: site/url_attributes.py).
NAVIGATING_ELEMENTS = {"a", "area"}  # their href is a link a reader chooses to follow, not a fetch
RASTER_DATA = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp|avif)[;,]", re.IGNORECASE)
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                     re.IGNORECASE)
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)

HINT_ELEMENT = ("Remove it: pages are plain Markdown with pictures from docs/assets/ "
                "(see 'Content safety' in CONTRIBUTING.md).")
HINT_HANDLER = "Remove the attribute: pages run no scripts (see 'Content safety' in CONTRIBUTING.md)."
HINT_SCRIPT_URL = "Link to a page of the guide or to an https:// address instead."
HINT_DATA_URL = "Save the file under docs/assets/ and link to it with a relative path."
HINT_EXTERNAL = ("Save a copy under docs/assets/ (if its licence allows) and use a relative path; "
                 "to credit the source, link to it instead.")


@dataclass(frozen=True)
class Hit:
    """One unsafe thing at an offset of the scanned text.

    `key` says what it is (so a hit in the rendered page can be matched with the same hit in the
    source) and `needle` is a regex that finds it in the source when tokenizing could not.
    """

    offset: int
    code: str
    message: str
    hint: str
    key: str
    needle: str


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _normalise_url(value: str) -> str:
    """The URL as a browser sees it: outer spaces and controls gone, tabs and newlines removed."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value).replace("\\", "/")


def _is_other_site(url: str, own_prefixes: tuple[str, ...]) -> bool:
    lowered = url.lower()
    if own_prefixes and lowered.startswith(own_prefixes):
        return False
    if lowered.startswith("//"):
        return True
    match = SCHEME.match(lowered)
    return bool(match) and match.group(1) in {"http", "https", "ftp", "ws", "wss"}


def _url_hits(tag: str, attribute: str, value: str, offset: int, fetches: bool,
              own_prefixes: tuple[str, ...]) -> list[Hit]:
    """Check one URL-valued attribute (srcset may hold several URLs)."""
    if attribute in ("srcset", "imagesrcset"):
        urls = [part.strip().split()[0] for part in value.split(",") if part.strip()]
    else:
        urls = [value]
    hits = []
    for raw in urls:
        url = _normalise_url(raw)
        match = SCHEME.match(url)
        scheme = match.group(1).lower() if match else ""
        needle = re.escape(raw.strip()) if raw.strip() else re.escape(attribute)
        if scheme in ("javascript", "vbscript"):
            hits.append(Hit(offset, "SAFE003", f"`{scheme}:` URL in <{tag} {attribute}>: {_short(url)}",
                            HINT_SCRIPT_URL, f"url:SAFE003:{url}", needle))
        elif scheme == "data" and not (fetches and RASTER_DATA.match(url)):
            hits.append(Hit(offset, "SAFE004", f"`data:` URL in <{tag} {attribute}>: {_short(url, 40)}",
                            HINT_DATA_URL, f"url:SAFE004:{url}", needle))
        elif fetches and _is_other_site(url, own_prefixes):
            hits.append(Hit(offset, "SAFE005",
                            f"<{tag} {attribute}> loads {_short(url)} from another site, which can track readers",
                            HINT_EXTERNAL, f"url:SAFE005:{url}", needle))
    return hits


def css_hits(css: str, offset: int, own_prefixes: tuple[str, ...], where: str = "style") -> list[Hit]:
    """External `url(…)`/`@import` and script URLs in a stylesheet or a style attribute."""
    base_exact = "\\" not in css
    if not base_exact:  # CSS escapes can spell `url(` or a scheme in disguise: read what the browser reads
        css = CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), css)
    hits = []
    for match in CSS_URL.finditer(css):
        raw = next((group for group in match.groups() if group is not None), "")
        url = _normalise_url(raw)
        at = offset + (match.start() if base_exact else 0)
        scheme_match = SCHEME.match(url)
        scheme = scheme_match.group(1).lower() if scheme_match else ""
        needle = re.escape(raw) if raw else r"url\("
        if scheme in ("javascript", "vbscript"):
            hits.append(Hit(at, "SAFE003", f"`{scheme}:` URL in {where}: {_short(url)}", HINT_SCRIPT_URL,
                            f"url:SAFE003:{url}", needle))
        elif _is_other_site(url, own_prefixes):
            hits.append(Hit(at, "SAFE005", f"{where} loads {_short(url)} from another site, which can track readers",
                            HINT_EXTERNAL, f"url:SAFE005:{url}", needle))
    return hits


def _attribute_offsets(tag_text: str, name: str) -> tuple[int, int]:
    """Offsets of an attribute's name and of its value in the start tag's text (0, 0 if not found)."""
    match = re.search(rf"(?<=[\s\"'/]){re.escape(name)}(?:\s*=\s*[\"']?|(?=[\s/>]|$))", tag_text, re.IGNORECASE)
    return (match.start(), match.end()) if match else (0, 0)


def _as_written(tag_text: str, name: str) -> str:
    """The tag name as the source spells it (`foreignObject`), since the tokenizer lowercases it."""
    written = tag_text[1:1 + len(name)]
    return written if written.lower() == name else name


def element_hits(tag: str, attrs: Iterable[tuple[str, str | None]], offset: int, tag_text: str,
                 own_prefixes: tuple[str, ...] = ()) -> list[Hit]:
    """Every rule for one start tag: forbidden element, event handlers, URLs, inline styles."""
    tag = _as_written(tag_text, tag)
    local = tag.lower().rsplit(":", 1)[-1]
    attrs = list(attrs)
    hits: list[Hit] = []
    element_needle = rf"<\s*(?:[\w.-]+:)?{re.escape(local)}\b"
    if local in FORBIDDEN_ELEMENTS:  # one finding per mistake: its attributes go with it
        return [Hit(offset, "SAFE001", f"<{tag}> is not allowed: it {FORBIDDEN_ELEMENTS[local]}",
                    HINT_ELEMENT, f"el:{local}", element_needle)]
    if local in ANIMATIONS:
        target = next((v for n, v in attrs if n.lower() == "attributename" and v), "")
        if target.lower().rsplit(":", 1)[-1] == "href":
            hits.append(Hit(offset, "SAFE001", f"<{tag} attributeName=\"{target}\"> rewrites a link as it runs",
                            HINT_ELEMENT, f"el:{local}:href", element_needle))
    for name, value in attrs:
        attribute = name.lower().rsplit(":", 1)[-1]
        name_at, value_at = _attribute_offsets(tag_text, name)
        at = offset + name_at
        if attribute.startswith("on") and len(attribute) > 2:
            hits.append(Hit(at, "SAFE002", f"event handler `{name}=` on <{tag}> runs code in readers' browsers",
                            HINT_HANDLER, f"on:{attribute}", rf"\b{re.escape(name)}\s*="))
            continue
        if value is None:
            continue
        if attribute == "style":
            hits += css_hits(value, offset + value_at, own_prefixes, where=f"the style of <{tag}>")
        elif attribute in URL_ATTRIBUTES:
            fetches = attribute in FETCHING_ATTRIBUTES or (attribute == "href" and local not in NAVIGATING_ELEMENTS)
            hits += _url_hits(tag, name, value, at, fetches, own_prefixes)
    return hits


class _Scanner(HTMLParser):
    """Tokenize HTML (or SVG, or Markdown with raw HTML) and collect hits with their offsets."""

    def __init__(self, text: str, own_prefixes: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.index = LineIndex(text)
        self.own_prefixes = own_prefixes
        self.hits: list[Hit] = []
        self._in_style = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.index.offset(line, column + 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hits += element_hits(tag, attrs, self._offset(), self.get_starttag_text() or "", self.own_prefixes)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hits += element_hits(tag, attrs, self._offset(), self.get_starttag_text() or "", self.own_prefixes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.hits += css_hits(data, self._offset(), self.own_prefixes, where="a <style> block")

    def handle_pi(self, data: str) -> None:
        if data.lower().startswith("xml-stylesheet"):
            self.hits.append(Hit(self._offset(), "SAFE001", "an `xml-stylesheet` instruction loads a stylesheet",
                                 HINT_ELEMENT, "pi:xml-stylesheet", r"<\?xml-stylesheet"))


def scan_html(text: str, own_prefixes: tuple[str, ...] = ()) -> list[Hit]:
    """All hits in an HTML (or SVG) text, in document order."""
    scanner = _Scanner(text, own_prefixes)
    scanner.feed(text)
    scanner.close()
    return scanner.hits


# ---------------------------------------------------------------------------------------------
# Markdown: blank out code, render, map back
# ---------------------------------------------------------------------------------------------
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})(.*)")
_INDENTED = re.compile(r"(?: {4}|\t)")
# Lines whose indented continuation is content, not code: list items, admonitions and details,
# content tabs, footnote and definition bodies.
_CONTAINER = re.compile(r" {0,3}(?:[-*+] |\d+[.)] |!!!|\?\?\?|===|\[\^[^\]]+\]:|: {3})")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t>]*(?=\n)")


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


def mask_code(text: str) -> str:
    """The text with code blocks and inline code spans replaced by spaces (same length).

    Used only to *place* findings: a `<script>` shown in backticks must not be mistaken for the
    real one further down. Whether something is unsafe is decided on the rendered page, so the
    simple reading of indented code here (top level only, not inside lists or admonitions) can at
    worst move a finding to another line, never hide or invent one.
    """
    lines = text.split("\n")
    fence = ""
    in_container = False  # indented lines continue a list item, admonition, tab or footnote
    previous_blank = True
    in_indented_code = False
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        blank = not line.strip()
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not match.group(2).strip():
                fence = ""
            lines[number] = " " * len(line)
        elif match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = match.group(1)
            lines[number] = " " * len(line)
        elif not blank and _INDENTED.match(line) and not in_container and (previous_blank or in_indented_code):
            in_indented_code = True
            lines[number] = " " * len(line)
        elif not blank:
            in_indented_code = False
            if not _INDENTED.match(line):
                in_container = bool(_CONTAINER.match(line))
        previous_blank = blank
    masked = "\n".join(lines)
    return _mask_spans(masked)


def _mask_spans(text: str) -> str:
    """Blank inline code spans: a run of N backticks up to the next run of exactly N, same paragraph."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if not runs:
        return text
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    paragraph = 0
    keyed = []
    for start, end in runs:
        while paragraph < len(breaks) and breaks[paragraph] < start:
            paragraph += 1
        keyed.append((end - start, paragraph))
    next_same: list[int | None] = [None] * len(runs)
    last: dict[tuple[int, int], int] = {}
    for number in range(len(runs) - 1, -1, -1):
        next_same[number] = last.get(keyed[number])
        last[keyed[number]] = number
    pieces = []
    done = 0
    number = 0
    while number < len(runs):
        start = runs[number][0]
        closing = next_same[number]
        if closing is None or (start > 0 and text[start - 1] == "\\"):
            number += 1
            continue
        end = runs[closing][1]
        pieces += [text[done:start], _blank(text[start:end])]
        done = end
        number = closing + 1
    pieces.append(text[done:])
    return "".join(pieces)




@dataclass
class _Source:
    path: str
    text: str
    masked: str
    index: LineIndex
    start: int = 0


class _Locator:
    """Find where a hit from the rendered page came from in the page (or in an included snippet)."""

    def __init__(self, page: _Source, source_hits: list[Hit], extras: list[_Source]) -> None:
        self.page = page
        self.extras = extras
        self.queues: dict[str, deque[int]] = {}
        for hit in source_hits:
            if hit.offset >= page.start:
                self.queues.setdefault(hit.key, deque()).append(hit.offset)
        self.cursors: dict[tuple[int, bool, str], int | None] = {}

    def _search(self, number: int, source: _Source, view: int, hit: Hit) -> int | None:
        slot = (number, view, hit.key)
        cursor = self.cursors.get(slot, source.start)
        if cursor is None:
            return None
        needle = hit.needle if view < 2 else _entity_tolerant(hit.needle)
        if needle is None:
            return None
        match = re.compile(needle, re.IGNORECASE).search(source.text if view == 1 else source.masked, cursor)
        self.cursors[slot] = match.end() if match else None
        return match.start() if match else None

    def locate(self, hit: Hit) -> tuple[str, int, int]:
        queue = self.queues.get(hit.key)
        if queue:
            return (self.page.path, *self.page.index.position(queue.popleft()))
        # Views: 0 = code blanked out, 1 = as written, 2 = code blanked, characters maybe written
        # as HTML entities (`jav&#97;script:` is what a hostile page would do).
        for view in (0, 1, 2):
            for number, source in enumerate([self.page, *self.extras]):
                offset = self._search(number, source, view, hit)
                if offset is not None:
                    return (source.path, *source.index.position(offset))
        return self.page.path, 0, 0


def _named_entities() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for name, char in html5_entities.items():
        if name.endswith(";") and len(char) == 1:
            names.setdefault(char, []).append(re.escape("&" + name))
    return names


_ENTITY_NAMES = _named_entities()


def _entity_tolerant(needle: str) -> str | None:
    """A regex matching the literal `needle` with any character spelled as an HTML entity.

    Only literal needles (escaped URLs) are widened; patterns such as `<\\s*script` are left alone.
    """
    try:
        literal = re.sub(r"\\(.)", r"\1", needle, flags=re.DOTALL)
    except re.error:
        return None
    if re.escape(literal) != needle or len(literal) > 2000:
        return None
    parts = []
    for char in literal:
        options = [re.escape(char), f"&#0*{ord(char)};?", f"&#x0*{ord(char):x};?", *_ENTITY_NAMES.get(char, [])]
        parts.append("(?:" + "|".join(options) + ")")
    return "".join(parts)


def _source(path: str, text: str, start: int = 0) -> _Source:
    return _Source(path, text, mask_code(text), LineIndex(text), start)


def check_markdown(path: str, text: str, *, body_offset: int = 0,
                   render: Callable[[str], str] | None = None, html: str | None = None,
                   snippets: Iterable[Path] = (), own_prefixes: tuple[str, ...] = ()) -> list[Finding]:
    """Unsafe HTML, handlers and URLs in one Markdown page, each at its line in the source.

    `html` is the page rendered as the site renders it (the page model's render), or `render`
    turns the page's Markdown body into it; when neither is given or rendering failed (a broken
    snippet include is reported by the build itself) the raw HTML in the source is checked instead.
    `snippets` are the files the render included, where a finding may really be.
    """
    page = _source(path, text, body_offset)
    source_hits = scan_html(page.masked, own_prefixes)
    if html is None and render is not None:
        try:
            html = render(text[body_offset:])
        except Exception:  # the render stage reports the same problem with MkDocs' own message
            html = None
    if html is None:
        placed = [(path, *page.index.position(h.offset), h) for h in source_hits if h.offset >= body_offset]
    else:
        extras = []
        for snippet in snippets:
            try:
                extras.append(_source(str(snippet), snippet.read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
        locator = _Locator(page, source_hits, extras)
        placed = [(*locator.locate(h), h) for h in scan_html(html, own_prefixes)]
    return _findings(path, placed)


def _findings(path: str, placed: list[tuple[str, int, int, Hit]]) -> list[Finding]:
    findings = [Finding(where, line, column, hit.code, hit.message, hint=hit.hint)
                for where, line, column, hit in placed]
    findings = list(dict.fromkeys(findings))  # one snippet included twice is one problem
    if len(findings) > MAX_PER_FILE:
        rest = len(findings) - MAX_PER_FILE
        findings = findings[:MAX_PER_FILE]
        findings.append(Finding(path, 0, 0, "SAFE000", f"{rest} more unsafe items in this file are not listed",
                                hint="Fix the ones above and build again; this file looks generated or hostile."))
    return findings


def check_html(path: str, text: str, own_prefixes: tuple[str, ...] = ()) -> list[Finding]:
    """Unsafe content in an HTML file shipped as it is from docs/."""
    index = LineIndex(text)
    return _findings(path, [(path, *index.position(h.offset), h) for h in scan_html(text, own_prefixes)])


def check_css(path: str, text: str, own_prefixes: tuple[str, ...] = ()) -> list[Finding]:
    """Stylesheets in docs/ must not load anything from other sites."""
    index = LineIndex(text)
    hits = css_hits(text, 0, own_prefixes, where="the stylesheet")
    return _findings(path, [(path, *index.position(h.offset), h) for h in hits])


class _StopParsing(Exception):
    pass


def check_svg(path: str, data: bytes, own_prefixes: tuple[str, ...] = ()) -> list[Finding]:
    """An SVG picture: well-formed XML, no entity declarations, and the same rules as for pages.

    A picture shown with <img> cannot run scripts, but the same file opened on its own (its own
    address on our site) can, with our site's permissions; external references leak readers.
    """
    findings: list[Finding] = []
    parser = expat.ParserCreate()

    def doctype(name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            findings.append(Finding(path, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, "SAFE006",
                                    "the SVG declares a DOCTYPE with entities, which can hide content or "
                                    "blow up in size when read",
                                    hint="Remove the `<!DOCTYPE … [ … ]>` block; export the SVG as plain SVG."))
            raise _StopParsing

    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except _StopParsing:
        pass
    except expat.ExpatError as error:
        findings.append(Finding(path, error.lineno, error.offset + 1, "SAFE007",
                                f"the SVG is not well-formed XML: {expat.ErrorString(error.code)}",
                                hint="Fix it in a text editor at this place, or export it again."))
    text = data.decode("utf-8-sig", errors="replace")
    index = LineIndex(text)
    findings += _findings(path, [(path, *index.position(h.offset), h) for h in scan_html(text, own_prefixes)])
    return findings
