"""Read one built HTML, SVG or XML file and list every reference that fetches elsewhere or runs code.

Allow-list rules, applied to what the browser gets (after templates, hooks and every output step):

- A fetching attribute (`src`, `srcset`, `poster`, `data`, `action`, `formaction`, `background`,
  `ping`, `manifest`, SVG `href`/`xlink:href` under any prefix …) must stay on this site.
  Only a link a reader clicks (`<a href>`, `<area href>`, and `<link>` whose every `rel` only
  names a relation, such as `canonical`) may point elsewhere; `<link>` with any other `rel`
  (stylesheet, icon, preload, preconnect, dns-prefetch, manifest, an unknown one) is a fetch.
- `<meta http-equiv="refresh">` may only go to this site; `<base href>` may not leave it.
- Elements that embed another document or a plug-in are refused outright (the site has none).
- Scripts: `<script src>` must name a script file the build shipped; an inline script must be
  one written in the theme's own templates (overrides/ loads scripts from files); no `on*=` handlers, no `javascript:`
  URLs, no `srcdoc`. SVG files and XML run no script at all.
- CSS in `<style>` elements (HTML or any SVG prefix) and `style=` attributes is read by tinycss2
  (`css_refs`); `style=` attributes are refused anyway, as the Content-Security-Policy blocks them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from xml.parsers import expat

from guidebuild.privacy import css_refs
from guidebuild.privacy.urls import is_script_url, normalise, short, stays_here

FETCHING = frozenset({"src", "srcset", "imagesrcset", "poster", "data", "action", "formaction", "background",
                      "ping", "lowsrc", "dynsrc", "manifest", "codebase", "archive", "icon", "profile"})
LINK_ONLY_RELS = frozenset({"canonical", "prev", "next", "alternate", "author", "license", "help", "bookmark",
                            "external", "nofollow", "noopener", "noreferrer", "me", "tag", "opener"})
EMBEDDING = frozenset({"object", "embed", "applet", "iframe", "frame", "frameset", "portal", "fencedframe"})
CLICKED = frozenset({"a", "area"})
SVG_RUNNING = frozenset({"script", "handler", "listener", "foreignobject"})
ANIMATIONS = frozenset({"animate", "set", "animatemotion", "animatetransform"})
EXECUTABLE_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                              "application/ecmascript", "application/x-javascript", "text/jscript",
                              "text/livescript", "text/x-javascript", "text/x-ecmascript"})

PRIV_FETCH = "PRIV001"
PRIV_CODE = "PRIV002"
PRIV_STYLE_ATTRIBUTE = "PRIV005"


@dataclass(frozen=True)
class Problem:
    """One reference in one built file, at a 1-based line and column; `needle` finds it in a source."""

    line: int
    column: int
    code: str
    message: str
    needle: str


@dataclass
class Context:
    """What the scanners need to know about the build."""

    own_prefixes: tuple[str, ...]
    shipped_script: Callable[[str, str], bool]  # (page key, src) -> is it a script file the build shipped?
    template_script: Callable[[str], bool]  # inline script text -> written in a template?


def _local(name: str) -> str:
    return name.lower().rsplit(":", 1)[-1]


def _urls(attribute: str, value: str) -> list[str]:
    if attribute in ("srcset", "imagesrcset"):
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


def css_problems(css: str, line: int, column: int, where: str, context: Context, *,
                 declarations: bool = False) -> list[Problem]:
    """Fetches in CSS text that starts at (line, column) of the file."""
    refs = css_refs.declarations_refs(css) if declarations else css_refs.stylesheet_refs(css)
    problems = []
    for ref in refs:
        ok = stays_here(ref.url, context.own_prefixes, data_pictures=ref.context != "@import")
        if ok and not is_script_url(ref.url):
            continue
        at_line = line + ref.line - 1
        at_column = (column + ref.column - 1) if ref.line == 1 else ref.column
        problems.append(Problem(at_line, at_column, PRIV_FETCH,
                                f"{ref.context} in {where} loads {short(ref.url)}, which is not a file of this site",
                                ref.url))
    return problems


def attribute_problems(tag: str, attrs: list[tuple[str, str | None]], line: int, column: int,
                       context: Context, *, svg: bool = False) -> list[Problem]:
    """The rules for one start tag's attributes (HTML or XML)."""
    local = _local(tag)
    values = {_local(n): (v or "") for n, v in attrs}
    rels = set((values.get("rel") or "").lower().split())
    problems: list[Problem] = []

    def add(code: str, message: str, needle: str) -> None:
        problems.append(Problem(line, column, code, message, needle))

    for name, value in attrs:
        attribute = _local(name)
        value = value or ""
        if attribute.startswith("on") and len(attribute) > 2:
            add(PRIV_CODE, f"event handler `{name}=` on <{tag}> runs code the build did not ship", f"{name}=")
            continue
        if attribute == "srcdoc":
            add(PRIV_CODE, f"`srcdoc` on <{tag}> holds a whole page, scripts included", name)
        elif attribute == "style":
            add(PRIV_STYLE_ATTRIBUTE, f"a `style=` attribute on <{tag}>: the Content-Security-Policy blocks it",
                value.strip() or name)
            problems += css_problems(value, line, column, f"the style of <{tag}>", context, declarations=True)
        if attribute == "href" and local in CLICKED:
            if is_script_url(value):
                add(PRIV_CODE, f"`{short(value, 40)}` in <{tag} href> runs code when clicked", value.strip())
            continue
        fetches = attribute in FETCHING or (attribute == "href" and not (local == "link" and rels
                                                                          and rels <= LINK_ONLY_RELS))
        if not fetches:
            continue
        for url in _urls(attribute, value):
            if is_script_url(url):
                add(PRIV_CODE, f"`{short(url, 40)}` in <{tag} {name}> runs code", url.strip())
            elif not stays_here(url, context.own_prefixes):
                add(PRIV_FETCH, f"<{tag} {name}> loads {short(normalise(url))}, which is not a file of this site",
                    url.strip())
    if local in ANIMATIONS and _local(values.get("attributename", "")) == "href":
        add(PRIV_CODE, f"<{tag} attributeName=\"href\"> rewrites a link as it runs", tag)
    if local == "meta" and values.get("http-equiv", "").lower() == "refresh":
        target = re.sub(r"^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?", "", values.get("content", ""), flags=re.IGNORECASE)
        target = target.strip("'\" ")
        if target and not stays_here(target, context.own_prefixes, data_pictures=False):
            add(PRIV_FETCH, f"<meta http-equiv=\"refresh\"> sends readers to {short(target)}", target)
    if local in EMBEDDING:
        add(PRIV_FETCH, f"<{tag}> embeds another document or a plug-in", tag)
    if svg and local in SVG_RUNNING:
        add(PRIV_CODE, f"<{tag}> in a picture runs code or holds HTML", tag)
    return problems


class _HtmlScan(HTMLParser):
    """Tokenize a built page; collect problems with their places."""

    def __init__(self, key: str, context: Context) -> None:
        super().__init__(convert_charrefs=True)
        self.key = key
        self.context = context
        self.problems: list[Problem] = []
        self._text: tuple[str, dict[str, str], int, int] | None = None  # open <script>/<style>
        self._chunks: list[str] = []

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self._where()
        local = _local(tag)
        self.problems += attribute_problems(tag, attrs, line, column, self.context)
        values = {_local(n): (v or "") for n, v in attrs}
        if local == "script" and "src" in values and self._foreign_script(values):
            self.problems.append(Problem(line, column, PRIV_CODE,
                                         f"<script src=\"{short(values['src'], 50)}\"> is not a script file "
                                         "the build shipped", values["src"]))
        if local in ("script", "style"):
            self._text = (local, values, line, column + len(self.get_starttag_text() or ""))
            self._chunks = []

    def _foreign_script(self, values: dict[str, str]) -> bool:
        """A `<script src>` on this site that names no script file the build shipped (another
        host's is reported as a fetch)."""
        return (values.get("type", "").strip().lower() in EXECUTABLE_TYPES
                and stays_here(values["src"], self.context.own_prefixes, data_pictures=False)
                and not self.context.shipped_script(self.key, values["src"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._text is None or _local(tag) != self._text[0]:
            return
        local, values, line, column = self._text
        text = "".join(self._chunks)
        self._text = None
        if local == "style":
            self.problems += css_problems(text, line, column, "a <style> element", self.context)
        elif "src" not in values and text.strip() and values.get("type", "").strip().lower() in EXECUTABLE_TYPES \
                and not self.context.template_script(text):
            self.problems.append(Problem(line, column - 8, PRIV_CODE,
                                         "an inline <script> that is not one of the theme's own: pages and "
                                         "overrides/ run scripts only from docs/javascripts/", text.strip()[:60]))


def html_problems(key: str, text: str, context: Context) -> list[Problem]:
    scanner = _HtmlScan(key, context)
    scanner.feed(text)
    scanner.close()
    return scanner.problems


class _Stop(Exception):
    pass


def xml_problems(data: bytes, context: Context) -> list[Problem]:
    """An SVG or XML file, read namespace-aware: `<svg:style>`, `<x:script>`, `xlink:href` under any
    prefix are all seen by their local names. A DOCTYPE with an internal subset is refused (its
    entities could spell a reference the scan would then see only expanded, or blow up)."""
    problems: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator="}")
    open_style: list[tuple[int, int, list[str]]] = []

    def where() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def start(name: str, attributes: dict[str, str]) -> None:
        line, column = where()
        local = name.rsplit("}", 1)[-1]
        attrs: list[tuple[str, str | None]] = [(key.rsplit("}", 1)[-1], value) for key, value in attributes.items()]
        problems.extend(attribute_problems(local, attrs, line, column, context, svg=True))
        if local.lower() == "style":
            open_style.append((line, column, []))

    def end(name: str) -> None:
        if name.rsplit("}", 1)[-1].lower() == "style" and open_style:
            line, column, chunks = open_style.pop()
            problems.extend(css_problems("".join(chunks), line, column, "an SVG <style> element", context))

    def text(data: str) -> None:
        if open_style:
            open_style[-1][2].append(data)

    def instruction(target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            line, column = where()
            problems.append(Problem(line, column, PRIV_FETCH, "an `xml-stylesheet` instruction loads a stylesheet",
                                    "xml-stylesheet"))

    def doctype(name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
        if internal or system_id:
            line, column = where()
            problems.append(Problem(line, column, PRIV_FETCH, "a DOCTYPE with entities or an external DTD",
                                    "<!DOCTYPE"))
            raise _Stop

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.ProcessingInstructionHandler = instruction
    parser.StartDoctypeDeclHandler = doctype
    error = _parse(parser, data)
    if error is not None:
        problems.append(Problem(error.lineno, error.offset + 1, PRIV_FETCH,
                                f"not well-formed XML ({expat.ErrorString(error.code)}), so it cannot be checked", ""))
    return problems


def _parse(parser: Any, data: bytes) -> expat.ExpatError | None:
    """Run the parser to the end (or to a refused DOCTYPE); the XML error if it is not well-formed."""
    try:
        parser.Parse(data, True)
    except _Stop:
        return None
    except expat.ExpatError as error:
        return error
    return None


def resolve(key: str, url: str, site_path: str, own_prefixes: tuple[str, ...]) -> str | None:
    """The output file (relative to the output folder) that `url` on page `key` names, or None."""
    url = normalise(url)
    lowered = url.lower()
    for prefix in own_prefixes:
        if lowered.startswith(prefix):
            url = site_path + url[len(prefix):]
            break
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if path.startswith("/"):
        if not path.startswith(site_path):
            return None
        joined = path[len(site_path):]
    else:
        joined = posixpath.join(posixpath.dirname(key), path)
    normalised = posixpath.normpath(joined) if joined else ""
    return None if normalised.startswith("..") else normalised
