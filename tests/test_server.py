"""The built site served by Debian's nginx with the shipped configuration (server/nginx/)."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.nginx import nginx
from pratamedbarn import csp


@pytest.fixture(scope="module")
def server(shipped_site: Path):
    with nginx(shipped_site) as url:
        yield url


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    """Status, headers and (uncompressed) body, asked as a browser asks: gzip welcome."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, answer, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer, body = error.code, error.headers, error.read()
    if answer["Content-Encoding"] == "gzip":
        body = gzip.decompress(body)
    return status, answer, body


def a_file(site: Path, pattern: str) -> str:
    return next(site.glob(pattern)).relative_to(site).as_posix()


def test_every_answer_carries_the_security_headers_a_meta_tag_cannot(server: str):
    for path in ("", "filmer/", "finns-inte/", "assets/stylesheets/pratamedbarn.css"):
        _, headers, _ = get(server + path)
        assert headers["Content-Security-Policy"] == csp.header_policy(), path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["X-Frame-Options"] == "DENY"


def test_the_header_and_the_pages_policy_agree(server: str):
    status, headers, body = get(server)
    meta = re.search(rb'Content-Security-Policy" content="([^"]*)"', body)[1].decode()
    meta_directives = {d.strip() for d in meta.split(";")}
    for directive in csp.header_policy().split("; "):
        # frame-ancestors is the one thing only a header can say.
        assert directive.startswith("frame-ancestors") or directive in meta_directives


def test_text_is_compressed_and_films_are_not(server: str, shipped_site: Path):
    for path in ("", "assets/stylesheets/pratamedbarn.css", "assets/javascripts/site.js",
                 "search/search_index.json", a_file(shipped_site, "media/textning/*.vtt")):
        status, headers, _ = get(server + path)
        assert status == 200 and headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in headers["Vary"], path
    _, headers, _ = get(server + a_file(shipped_site, "media/filmer/*.mp4"))
    assert headers["Content-Encoding"] is None


@pytest.mark.parametrize("pattern, mime", [
    ("media/textning/*.vtt", "text/vtt"),
    ("media/filmer/*.mp4", "video/mp4"),
    ("media/affischer/*.webp", "image/webp"),
    ("nyheter/feed.xml", "application/atom+xml"),
    ("assets/javascripts/site.js", "application/javascript"),
    ("assets/stylesheets/pratamedbarn.css", "text/css"),
    ("studiehandledning.pdf", "application/pdf"),
])
def test_mime_types(server: str, shipped_site: Path, pattern: str, mime: str):
    status, headers, _ = get(server + a_file(shipped_site, pattern))
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == mime


def test_pages_are_asked_again_and_fingerprinted_assets_kept_a_year(server: str, shipped_site: Path):
    _, headers, _ = get(server)
    assert headers["Cache-Control"] == "no-cache"
    bundle = a_file(shipped_site, "assets/javascripts/bundle.*.min.js")
    _, headers, _ = get(server + bundle)
    assert headers["Cache-Control"] == "max-age=31536000"
    _, headers, _ = get(server + "assets/javascripts/site.js")
    assert headers["Cache-Control"] == "max-age=3600"  # our own files keep their names


def test_a_missing_page_gets_the_sites_404_page(server: str):
    for path in ("filmer/finns-inte/", "a/b/c"):
        status, _, body = get(server + path)
        assert status == 404
        assert b'lang="sv"' in body and b"Sidan finns inte" in body


def test_films_seek_with_range_requests(server: str, shipped_site: Path):
    # Chapter links jump in the film: the browser asks for a part of the file.
    status, headers, body = get(server + a_file(shipped_site, "media/filmer/*.mp4"),
                                Range="bytes=1000-1999")
    assert status == 206
    assert headers["Content-Range"].startswith("bytes 1000-1999/")
    assert len(body) == 1000
