"""Where the site lives: the one reading of `site_url` every check shares.

The built-site link check needs the path the site is served under (`/back-massage-guide/` for
`https://back-massage-guide.github.io/back-massage-guide/`), so that an absolute link inside it is
recognised as internal; the source link check needs the same to explain absolute links; the
content-safety rules need the whole address, so that a link to the site itself is not taken for
a request to another site.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def site_path(config: Any) -> str:
    """The path part of `site_url`, always ending in `/` (`/` when there is none)."""
    url = (config.site_url if config is not None else None) or ""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


def own_prefixes(config: Any) -> tuple[str, ...]:
    """The site's own address (lower case, ending in `/`), or nothing when site_url is not a web address.

    The trailing slash matters: `https://example.org` must not match `https://example.org.evil/`.
    """
    site_url = (config.site_url or "").strip().lower()
    if not site_url.startswith(("https://", "http://")):
        return ()
    return (site_url if site_url.endswith("/") else site_url + "/",)
