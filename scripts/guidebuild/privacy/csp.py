"""Build step: put a strict Content-Security-Policy into every built page.

GitHub Pages sets no response headers, so the policy travels in the page as
`<meta http-equiv="Content-Security-Policy">`. It is inserted right after `<meta charset>` (which
must come first, within the first 1024 bytes, and fetches nothing), before anything the policy
has to govern. Inline scripts and `<style>` elements are allowed only by the SHA-256 of their
exact text, computed here from the built page itself, so only the ones in the page when it was
built can run; the output check (`output.py`) has already made sure those were written in the
theme's own templates, not in content or overrides/

Directives (see README, "Privacy"): everything from this site only, nothing embedded, no forms
sent anywhere, no `eval`, workers and the manifest from this site. `frame-ancestors`,
`report-uri` and `sandbox` are left out: browsers ignore them in a `<meta>` policy and say so in
the console.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import Finding
from guidebuild.privacy.html_refs import EXECUTABLE_TYPES
from guidebuild.publish import StagedSite

META_NAME = "Content-Security-Policy"
BASE_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("child-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)


class _Inline(HTMLParser):
    """Collect the exact text of inline executable scripts and of `<style>` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open: str | None = None
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        executable = tag == "script" and "src" not in values and \
            values.get("type", "").strip().lower() in EXECUTABLE_TYPES
        self._open = "script" if executable else "style" if tag == "style" else None
        self._chunks = []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open:
            (self.scripts if tag == "script" else self.styles).append("".join(self._chunks))
        self._open = None


def _hash(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # the browser hashes the text after this
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(html: str) -> str:
    """The policy for one page: the base directives plus a hash for each inline script and style."""
    inline = _Inline()
    inline.feed(html)
    inline.close()
    script_hashes = sorted({_hash(text) for text in inline.scripts})
    style_hashes = sorted({_hash(text) for text in inline.styles})
    parts = []
    for name, value in BASE_POLICY:
        if name == "script-src" and script_hashes:
            value = " ".join([value, *script_hashes])
        elif name == "style-src" and style_hashes:
            value = " ".join([value, *style_hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def with_policy(html: str) -> str | None:
    """The page with its policy inserted first in `<head>` (after `<meta charset>`); None if no head."""
    head = _HEAD.search(html)
    if head is None:
        return None
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    meta = f'\n    <meta http-equiv="{META_NAME}" content="{policy_for(html)}">'
    return html[:at] + meta + html[at:]


def add_content_security_policy(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage: every HTML page in the staging folder gets its policy. A page without `<head>`
    (a fragment copied from docs/) cannot carry one and is refused."""
    out_dir = staged.folder
    findings = []
    for folder, _dirs, names in os.walk(out_dir):
        for name in names:
            if not name.lower().endswith((".html", ".htm")):
                continue
            path = Path(folder) / name
            html = path.read_text(encoding="utf-8", errors="replace")
            changed = with_policy(html)
            if changed is None:
                key = path.relative_to(out_dir).as_posix()
                findings.append(Finding(str(Path(config.docs_dir) / key), 0, 0, "PRIV004",
                                        "this HTML file has no <head>, so it cannot carry the "
                                        "Content-Security-Policy",
                                        hint="Write the page in Markdown, or give the HTML file a full "
                                             "<html><head>…</head><body>…</body></html> structure."))
                continue
            path.write_text(changed, encoding="utf-8")
    return findings
