"""The local server behaves like GitHub Pages where browsers can tell: path, 404 page, gzip."""

from __future__ import annotations

import gzip
import socket
import struct
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guidebuild.site import local_server
from guidebuild.site.local_server import serve, sitemap_pages


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


def _hang_up_mid_answer(base: str) -> None:
    """Ask for a large file and reset the connection before reading the answer."""
    host, port = base.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as client:
        client.sendall(f"GET {urlsplit(base).path}big.css HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_browser_hanging_up_prints_no_traceback(built: Path, capfd: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (built / "big.css").write_text("p { color: red }\n" * 400_000, encoding="utf-8")
    errors: list[BaseException | None] = []
    quiet = local_server._QuietServer.handle_error

    def recording(self: local_server._QuietServer, request: object, address: object) -> None:
        errors.append(sys.exc_info()[1])
        quiet(self, request, address)

    monkeypatch.setattr(local_server._QuietServer, "handle_error", recording)
    with serve(built) as base:
        for _ in range(3):
            _hang_up_mid_answer(base)
        deadline = time.monotonic() + 10
        while not errors and time.monotonic() < deadline:
            time.sleep(0.05)
    assert errors and all(isinstance(error, ConnectionError) for error in errors), errors
    assert "Exception occurred" not in capfd.readouterr().err


def test_other_server_errors_are_still_printed(built: Path, capfd: pytest.CaptureFixture[str]) -> None:
    with serve(built):
        server = local_server._QuietServer(("127.0.0.1", 0), local_server._Handler)
        try:
            raise ValueError("a real bug in a handler")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
        finally:
            server.server_close()
    err = capfd.readouterr().err
    assert "Exception occurred during processing of request" in err
    assert "a real bug in a handler" in err
