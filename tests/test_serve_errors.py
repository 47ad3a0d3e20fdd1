"""`make serve` with broken content: a Swedish error page on every address, never a request
that hangs, never an old page shown as current; the study guide's address says it is being
made until it is; Ctrl+C stops the server and its worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.nginx import free_port
from helpers import site_project
from pratamedbarn.preview import PENDING_TEXT, error_page, with_preview

#: Seconds a request may take before it counts as hanging. Generous: a busy machine is slow,
#: and a request that waits for a fixed file waits for ever.
REQUEST_TIMEOUT = 60
#: Seconds to wait for a rebuild after a save to show.
REBUILD = 300
EMPTY_TITLE = ("title: Före samtalet", "title:")


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve --strict` of `project`, as `make serve` runs it, in a session of its own
    (as a terminal: Ctrl+C reaches every process of it)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}",
         "-f", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        yield f"http://127.0.0.1:{port}/", server
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        server.stderr.close()


def get(url: str) -> str:
    """The page at `url`; a request that takes over REQUEST_TIMEOUT seconds fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")


def wait_for(url: str, text: str) -> str:
    """The page at `url` once it contains `text` (the server may still be starting)."""
    deadline = time.monotonic() + REBUILD
    while time.monotonic() < deadline:
        try:
            page = get(url)
        except urllib.error.URLError as error:
            assert "timed out" not in str(error), f"{url} hung"
            page = ""
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}; last: {page[:300]!r}")


def edit(path: Path, find: str, replace: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")


def test_a_broken_save_shows_the_problems_on_every_page_until_fixed(tmp_path: Path):
    project = site_project(tmp_path)
    videos = project / "videos.yaml"
    with serving(project) as (url, server):
        film = wait_for(url + "filmer/", "Före samtalet")
        assert "Innehållet har" not in film
        edit(videos, *EMPTY_TITLE)
        page = wait_for(url + "filmer/", "Innehållet har ett fel")
        # The problem with its file and line; the old page's content is gone.
        assert "<code>videos.yaml:" in page and "title" in page
        assert "Sidan laddas om av sig själv" in page and "Före samtalet" not in page
        # The server's live-reload script is in it: the browser reloads it after the fix.
        assert "livereload(" in page
        # Every address, also one that existed and one that never did.
        for path in ("", "checklistor/fore-samtalet/", "finns-inte/"):
            assert "Innehållet har ett fel" in get(url + path)
        edit(videos, EMPTY_TITLE[1] + "\n", EMPTY_TITLE[0] + "\n")
        assert "Innehållet har" not in wait_for(url + "filmer/", "Före samtalet")
        server.send_signal(signal.SIGINT)
        errors = server.communicate(timeout=REBUILD)[1]
    # The terminal said it in Swedish, with no MkDocs line about a stuck server.
    assert "videos.yaml:" in errors and "laddar om sidan av sig själv" in errors
    assert "BuildError" not in errors and "stuck" not in errors and "Traceback" not in errors


def test_serve_started_on_broken_content_shows_the_problems(tmp_path: Path):
    project = site_project(tmp_path)
    edit(project / "videos.yaml", *EMPTY_TITLE)
    with serving(project) as (url, _server):
        assert "<code>videos.yaml:" in wait_for(url, "Innehållet har ett fel")


def test_ctrl_c_stops_the_server_and_its_layout_worker(tmp_path: Path):
    project = site_project(tmp_path, study_guide=True)
    with serving(project) as (url, server):
        wait_for(url + "studiehandledning.pdf", "%PDF-")
        # A save, and Ctrl+C while the guide is laid out again.
        edit(project / "videos.yaml", "summary: ", "summary: Ändrad. ")
        wait_for(url + "filmer/forbereda-samtalet/", "Ändrad.")
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl+C in the terminal does
        errors = server.communicate(timeout=REBUILD)[1]
        assert "Traceback" not in errors, errors
        left = []
        for _ in range(100):  # the worker and multiprocessing's helper end right after
            left = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True,
                                  text=True, check=False).stdout.split()
            if not left:
                break
            time.sleep(0.1)
        assert not left, f"processes left after Ctrl+C: {left}"


def test_the_study_guide_address_says_it_is_being_made_until_it_is(tmp_path: Path):
    def site(environ, start_response):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"404 Not Found"]

    busy = [True]
    app = with_preview(site, tmp_path, "/", lambda: None, lambda: busy[0])
    answer = {}

    def start_response(status, headers):
        answer["status"] = status

    body = b"".join(app({"PATH_INFO": "/studiehandledning.pdf"}, start_response)).decode()
    assert answer["status"] == "200 OK" and PENDING_TEXT in body and 'lang="sv"' in body
    busy[0] = False  # laid out, or no study guide at all: the server answers as it would
    assert b"".join(app({"PATH_INFO": "/studiehandledning.pdf"}, start_response)) == b"404 Not Found"


def test_the_error_page_escapes_what_the_content_says():
    page = error_page(["videos.yaml:3: summary: <script>alert(1)</script> är inte tillåtet."])
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<code>videos.yaml:3</code>" in page
