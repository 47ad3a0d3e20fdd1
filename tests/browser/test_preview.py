"""`make serve` in Chromium: a save that breaks the content turns the open page into the
Swedish error page by itself, and the fix brings the page back by itself (live reload)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from helpers import site_project
from serving import EMPTY_TITLE, REBUILD, edit, serving, wait_for

FILM = "filmer/forbereda-samtalet/"


def test_the_open_page_shows_the_error_and_comes_back_after_the_fix(page, tmp_path: Path):
    project = site_project(tmp_path)
    videos = project / "videos.yaml"
    with serving(project) as (url, _server):
        wait_for(url + FILM, "</html>")
        page.goto(url + FILM)
        heading = page.locator("h1").first
        expect(heading).not_to_contain_text("Innehållet har")
        edit(videos, *EMPTY_TITLE)
        # No click, no reload by the test: the server's script reloads the page.
        expect(heading).to_have_text("Innehållet har ett fel", timeout=REBUILD * 1000)
        expect(page.locator("li code")).to_contain_text("videos.yaml:")
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        edit(videos, EMPTY_TITLE[1] + "\n", EMPTY_TITLE[0] + "\n")
        expect(heading).not_to_contain_text("Innehållet har", timeout=REBUILD * 1000)
        assert page.url == url + FILM
    assert not page.foreign_requests
