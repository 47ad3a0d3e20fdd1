"""What a learner's browser downloads: bytes and requests for a first and a second visit.

The shipped site is built and served on 127.0.0.1 by a small server that behaves like a
static host such as GitHub Pages: gzip for text files, `Cache-Control: max-age=600`, ETag
and Last-Modified with 304 answers, and byte ranges for films. Headless Chromium (Debian's,
through Playwright) opens each page. The server counts what it sends for each request
(status line, headers and body, gzipped where the browser asked for it): that is the
transfer over the network, including the search worker's requests, which the page's own
DevTools session does not see. Whatever the browser takes from its cache never reaches it.

A first visit starts with an empty cache; the second visit opens the same page again in the
same browser profile a moment later, as a learner who comes back within ten minutes.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import http.server
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from pratamedbarn.kinds import kind
from pratamedbarn.library import load_library
from pratamedbarn.urls import page_url

from .common import REPO, WORK, mkdocs, table, timed

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The same flags as the browser tests (tests/browser/conftest.py): no calls to Google.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".vtt", ".xml", ".txt", ".map"}
MAX_AGE = 600
#: Goal: a first visit, before any film plays, under this many compressed bytes.
GOAL = 250_000


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static web server as hosts run them: gzip, cache headers, 304s and byte ranges."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.sent = sum(map(len, self._headers_buffer)) + 2  # and the blank line
        super().end_headers()

    def do_GET(self):
        self.sent = 0
        try:
            self._get()
        finally:
            self.server.log.append((self.path, self.sent))

    def _get(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the standard redirect to the folder
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self._cache_headers(etag, stat.st_mtime)
            return self.end_headers()
        body = path.read_bytes()
        status, extra = 200, {}
        ranged = self.headers.get("Range", "")
        if ranged.startswith("bytes=") and "," not in ranged:
            start_text, _, end_text = ranged[6:].partition("-")
            start = int(start_text or 0)
            end = min(int(end_text) if end_text else len(body) - 1, len(body) - 1)
            status, extra["Content-Range"] = 206, f"bytes {start}-{end}/{len(body)}"
            body = body[start:end + 1]
        elif path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, extra["Content-Encoding"] = _gzip(path, stat.st_mtime_ns), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Vary", "Accept-Encoding")
        for name, value in extra.items():
            self.send_header(name, value)
        self._cache_headers(etag, stat.st_mtime)
        self.end_headers()
        self.sent += len(body)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # unless the browser had enough of a film

    def _cache_headers(self, etag: str, mtime: float) -> None:
        self.send_header("Cache-Control", f"max-age={MAX_AGE}")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))


@functools.cache
def _gzip(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@dataclass
class Visit:
    """One page view: what the server sent, and how many resources the page used."""

    sent: list[tuple[str, int]]  # (path, bytes: status line, headers and body) per request
    used: int  # requests the page made, answered from the network or from the cache

    def transferred(self, kind: str | None = None) -> int:
        """Bytes over the network, of one kind of file if `kind` is given."""
        return sum(size for path, size in self.sent if kind in (None, _kind(path)))


def _kind(path: str) -> str:
    """'film' (video, captions), 'search' (index, worker, stemmers) or 'page' (the rest)."""
    path = path.split("?")[0]
    if path.endswith((".mp4", ".webm", ".vtt")):
        return "film"
    if any(part in path for part in ("/search/", "/lunr/", "/workers/search")):
        return "search"
    return "page"


def _visit(context, server, url: str) -> Visit:
    page = context.new_page()
    used = []
    page.on("request", lambda request: used.append(request.url))  # workers' requests too
    server.log = []
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)  # late requests: the search index, the film's metadata
    page.close()
    return Visit(server.log, sum(1 for u in used if u.startswith("http")))


def _pages() -> dict[str, str]:
    """The start page, a film page and an exercise page of the shipped site."""
    library = load_library(REPO)
    film = next(iter(library.films.values()))
    exercise = next(iter(library.exercises.values()))
    return {"start page": "", f"film page ({film.id})": page_url(kind("film").path(film.id)),
            f"exercise page ({exercise.id})": page_url(kind("exercise").path(exercise.id))}


def measure() -> list[list[str]]:
    site = WORK / "weight-site"
    shutil.rmtree(site, ignore_errors=True)
    timed(mkdocs("build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in _pages().items():
                context = browser.new_context(locale="sv-SE")
                first = _visit(context, server, base + path)
                second = _visit(context, server, base + path)
                context.close()
                rows.append(_row(name, first, second))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def _kb(n: int) -> str:
    return f"{n / 1000:.1f} kB"


def _row(name: str, first: Visit, second: Visit) -> list[str]:
    total = first.transferred()
    return [name, _kb(total), "yes" if total < GOAL else f"**no** (+{_kb(total - GOAL)})",
            str(len(first.sent)), _kb(first.transferred("film")), _kb(first.transferred("search")),
            _kb(second.transferred()), f"{len(second.sent)} of {second.used}"]


def run() -> str:
    return table(["page", "first visit, transferred", f"under {_kb(GOAL)}?", "requests",
                  "of which film (video, captions)", "of which search (index, worker, stemmers)",
                  "second visit, transferred", "second visit, requests over the network"],
                 measure())
