"""`make serve` with broken content: a Swedish error page on every address, never a request
that hangs, never an old page shown as current; the study guide's address says it is being
made until it is; Ctrl+C stops the server and its worker."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from helpers import site_project
from pratamedbarn.preview import PENDING_TEXT, error_page, with_preview
from serving import EMPTY_TITLE, REBUILD, edit, get, serving, wait_for


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
        assert not left_behind(server), "processes left after Ctrl+C"


def left_behind(server: subprocess.Popen) -> list[str]:
    """The processes of the server's session still running once it has ended."""
    left = []
    for _ in range(600):  # the worker and multiprocessing's helper end right after
        left = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True,
                              text=True, check=False).stdout.split()
        if not left:
            break
        time.sleep(0.1)
    return left


def test_a_server_killed_outright_leaves_no_worker_behind(tmp_path: Path):
    # A closed terminal window or `kill` gives the server no chance to stop its worker.
    project = site_project(tmp_path, study_guide=True)
    with serving(project) as (url, server):
        wait_for(url + "studiehandledning.pdf", "%PDF-")
        server.kill()
        server.wait()
        assert not left_behind(server)


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


def test_a_build_that_fails_for_another_reason_shows_an_error_page_too(tmp_path: Path):
    # Under --strict a menu entry for a missing page stops MkDocs' build; the server of
    # `mkdocs serve` then answered no request until a build succeeded.
    project = site_project(tmp_path)
    config = project / "mkdocs.yml"
    with serving(project) as (url, _server):
        wait_for(url + "filmer/", "Före samtalet")
        edit(config, "\nnav:\n", "\nnav:\n- Saknas: saknas.md\n")
        page = wait_for(url + "filmer/", "Webbplatsen kunde inte byggas")
        assert "Före samtalet" not in page and "livereload(" in page
        edit(config, "- Saknas: saknas.md\n", "")
        assert "kunde inte byggas" not in wait_for(url + "filmer/", "Före samtalet")
