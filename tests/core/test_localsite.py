"""The local server behaves like GitHub Pages where browsers can tell: path, 404 page, gzip."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from guidebuild.localsite import serve, sitemap_pages


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A tiny built site under https://example.org/guide/ with a page, a stylesheet and a 404 page."""
    (tmp_path / "safety").mkdir()
    (tmp_path / "index.html").write_text("<p>home " + "x" * 2000 + "</p>", encoding="utf-8")
    (tmp_path / "safety" / "index.html").write_text("<p>safety</p>", encoding="utf-8")
    (tmp_path / "extra.css").write_text("p { color: red }\n" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>https://example.org/guide/</loc></url>"
        "<url><loc>https://example.org/guide/safety/</loc></url></urlset>", encoding="utf-8")
    return tmp_path


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serves_the_site_under_its_site_url_path(built: Path) -> None:
    assert sitemap_pages(built) == ["", "safety/"]
    with serve(built) as base:
        assert base.endswith("/guide/")
        status, _, body = fetch(base + "safety/")
        assert (status, body) == (200, b"<p>safety</p>")
        assert fetch(base.removesuffix("guide/") + "safety/")[0] == 404, "the site must not answer outside its path"


def test_unknown_addresses_get_the_404_page(built: Path) -> None:
    with serve(built) as base:
        status, headers, body = fetch(base + "no/such/page/")
    assert status == 404
    assert body == b"<h1>Page not found</h1>"
    assert headers["Content-Type"].startswith("text/html")


def test_text_is_gzipped_only_for_browsers_that_accept_it(built: Path) -> None:
    with serve(built) as base:
        status, headers, body = fetch(base + "extra.css", gzip_ok=True)
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == (built / "extra.css").read_bytes()
        assert int(headers["Content-Length"]) == len(body) < (built / "extra.css").stat().st_size
        _, plain_headers, plain = fetch(base + "extra.css")
        assert "Content-Encoding" not in plain_headers and plain == (built / "extra.css").read_bytes()
