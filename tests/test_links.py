"""Links: internal ones are checked by every strict build; external ones by `python -m pratamedbarn links`."""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import GOOD, mkdocs_build, site_project
from pratamedbarn.links import Link, find_links


class _Handler(BaseHTTPRequestHandler):
    # /finns answers, anything else is missing; HEAD is refused as some servers do.
    def do_HEAD(self):
        self.send_response(405)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/finns" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_links_are_found_with_file_and_line_and_comments_are_skipped():
    assert find_links(GOOD) == [
        Link("videos.yaml", 67, "https://play.exempelkommun.se/embed/123"),
        Link("references.yaml", 7, "https://www.regeringen.se/"),
        # The publisher's feedback form is checked like any other address.
        Link("site.yaml", 15, "https://exempel.se/synpunkter")]


def test_the_links_command_reports_the_broken_address_and_changes_nothing(tmp_path: Path, server):
    references = (f"# Källor, se {server}/kommentar\nreferences:\n  - id: lag\n"
                  f"    url: {server}/finns\n")
    page = f"# Om oss\n\nLäs [mer]({server}/borta).\n"
    (tmp_path / "references.yaml").write_text(references, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "om-oss.md").write_text(page, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "links", "--root", str(tmp_path),
                             "--timeout", "5"], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Kontrollerar 2 externa adresser" in result.stdout
    assert result.stderr.splitlines() == [
        f"docs/om-oss.md:3: {server}/borta: svarar 404 (sidan finns inte). "
        "Kontrollera adressen eller byt till en som fungerar.",
        "1 länk fungerar inte. Rätta adressen i filen och kör kontrollen igen."]
    assert (tmp_path / "references.yaml").read_text(encoding="utf-8") == references
    assert (tmp_path / "docs" / "om-oss.md").read_text(encoding="utf-8") == page


def test_the_links_command_is_content_when_every_address_answers(tmp_path: Path, server):
    (tmp_path / "references.yaml").write_text(f"url: {server}/finns\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "links", "--root", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Alla externa länkar svarar." in result.stdout


def test_an_address_that_does_not_answer_is_reported(tmp_path: Path, server):
    # A port nobody listens on: the connection is refused at once.
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    closed = f"http://127.0.0.1:{httpd.server_address[1]}/x"
    httpd.server_close()
    (tmp_path / "references.yaml").write_text(f"url: {closed}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pratamedbarn", "links", "--root", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert (f"references.yaml:1: {closed}: går inte att nå (servern tar inte emot anslutningen)"
            in result.stderr)


@pytest.mark.parametrize("link, says", [
    ("[Om oss](om-osss.md)", "om-osss.md"),
    ("[Om oss](om-oss.md#finns-inte)", "finns-inte"),
])
def test_a_broken_internal_link_stops_the_strict_build(tmp_path: Path, link: str, says: str):
    project = site_project(tmp_path)
    page = project / "docs" / "tillganglighet.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "tillganglighet.md" in result.stderr and says in result.stderr
