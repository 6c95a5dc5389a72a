"""Is a URL one of this site's own files? The one rule every output check applies.

Allow-list, not block-list: a reference that makes the browser fetch is fine only when it stays on
this site (a relative path, an absolute path, or an address under `site_url`) or is a `data:`
picture. Everything else — another host, `//host`, any other scheme — is refused, whatever the
scheme is called, so a spelling nobody thought of fails closed.
"""

from __future__ import annotations

import re

SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
DATA_PICTURE = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp|avif|svg\+xml)[;,]", re.IGNORECASE)
SCRIPT_SCHEMES = ("javascript", "vbscript")
_CONTROLS = "".join(chr(c) for c in range(0x21))


def normalise(url: str) -> str:
    """The URL as a browser reads it: outer spaces and controls gone, tabs and newlines removed,
    backslashes as slashes (browsers treat `\\\\host` like `//host`)."""
    return re.sub(r"[\t\n\r]", "", url.strip(_CONTROLS)).replace("\\", "/")


def scheme(url: str) -> str:
    match = SCHEME.match(normalise(url))
    return match.group(1).lower() if match else ""


def is_script_url(url: str) -> bool:
    return scheme(url) in SCRIPT_SCHEMES


def stays_here(url: str, own_prefixes: tuple[str, ...], *, data_pictures: bool = True) -> bool:
    """True when fetching `url` from one of our pages asks no other host for anything."""
    url = normalise(url)
    if not url:
        return True
    lowered = url.lower()
    if own_prefixes and lowered.startswith(own_prefixes):
        return True
    if lowered.startswith("//"):
        return False
    if SCHEME.match(url):
        return data_pictures and bool(DATA_PICTURE.match(url))
    return True


def own_prefixes(site_url: str | None) -> tuple[str, ...]:
    """`https://example.org/guide/` (with the slash, so example.org.evil does not match)."""
    site_url = (site_url or "").strip().lower()
    if not site_url.startswith(("https://", "http://")):
        return ()
    return (site_url if site_url.endswith("/") else site_url + "/",)


def short(value: str, limit: int = 70) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
