"""Serve a built site on 127.0.0.1 the way GitHub Pages serves it, for browser tests and benchmarks.

Four things differ from `python -m http.server`, and each changes what a browser sees:
- the site lives under the path of `site_url` (`/back-massage-guide/`), because Material writes
  absolute asset addresses into `404.html`; served from `/`, the 404 page would lose its styles;
- an unknown address gets `404.html` with status 404, as on Pages;
- text is sent gzip-compressed when the browser accepts it, as Pages does: page weight and load
  times measured without compression would be two to four times too high;
- every file has an `ETag` (weak when compressed, as Pages sends it), and a request that names the
  current one with `If-None-Match` gets `304 Not Modified` and no body, as on Pages: the service
  worker asks that way whether its copy of a page is still the newest.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, ClassVar
from urllib.parse import urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/manifest+json",
                "application/xml", "image/svg+xml")


def site_prefix(site_dir: Path) -> str:
    """The URL path the site lives under, read from the built sitemap (`/back-massage-guide/`)."""
    sitemap = site_dir / "sitemap.xml"
    first = re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else None
    if not first:
        return "/"
    path = urlsplit(first.group(1)).path
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def sitemap_pages(site_dir: Path) -> list[str]:
    """Every page the sitemap lists, as paths below the site's root (`""`, `safety/`, …)."""
    locations = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    prefix = site_prefix(site_dir)
    return [urlsplit(location).path.removeprefix(prefix) for location in locations]


#: One served answer, for benchmarks that count what a browser downloaded: (path, status, bytes
#: on the wire: headers plus the body as sent, compressed when it was).
Sent = tuple[str, int, int]


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    traffic: list[Sent] | None = None
    # GitHub Pages sends the app manifest with its own type (Python's table does not know it).
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json"}

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: callers print what they measure, not every request."""

    def translate_path(self, path: str) -> str:
        local = urlsplit(path).path
        if not local.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + local.removeprefix(self.prefix))

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # the stdlib's redirect to "folder/", or a 404
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        etag = f'"{hashlib.sha256(body).hexdigest()[:20]}"'
        if self._compresses(kind):
            etag = "W/" + etag  # Pages (like nginx) weakens the tag of what it compresses on the fly
        if etag.removeprefix("W/") in _tags(self.headers.get("If-None-Match", "")):
            return self._send_not_modified(etag)
        return self._send(200, kind, body, etag)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        stream = self._send(404, "text/html", page.read_bytes())
        if self.command != "HEAD":
            self.copyfile(stream, self.wfile)

    def _compresses(self, kind: str) -> bool:
        return kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")

    def _send_not_modified(self, etag: str) -> BinaryIO:
        self.send_response(304)
        self._send_caching_headers(etag)
        self._count(304, 0)
        self.end_headers()
        return io.BytesIO(b"")

    def _send_caching_headers(self, etag: str) -> None:
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if etag:
            self.send_header("ETag", etag)

    def _count(self, code: int, body_bytes: int) -> None:
        if self.traffic is not None:
            headers = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
            self.traffic.append((urlsplit(self.path).path, code, headers + body_bytes))

    def _send(self, code: int, kind: str, body: bytes, etag: str = "") -> BinaryIO:
        """Send the headers for `body` (compressed when worth it and accepted); return the body."""
        compress = self._compresses(kind)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(code)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self._send_caching_headers(etag)
        self._count(code, len(body))
        self.end_headers()
        return io.BytesIO(body)


def _tags(header: str) -> set[str]:
    """The entity tags an `If-None-Match` header names, compared weakly (W/ dropped), as for GET."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when a browser hangs up mid-answer.

    Browsers drop connections they no longer need (a page navigates on, a test closes its tab);
    http.server then prints a full "Exception occurred during processing of request" traceback
    that reports nothing wrong with the site. Any other error is still printed.
    """

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, aborted or broken pipe
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(site_dir: Path, port: int = 0, traffic: list[Sent] | None = None) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port unless given); yield the site's base URL.

    With `traffic`, every file served is appended to it (see `Sent`).
    """
    prefix = site_prefix(site_dir)
    handler = type("SiteHandler", (_Handler,), {"prefix": prefix, "traffic": traffic})
    server = _QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
