"""A film page loads nothing of the film file until the learner presses play."""

from __future__ import annotations

from helpers import REPO
from pratamedbarn.library import load_library

FILMS = [f for f in load_library(REPO).films.values() if f.source.kind == "file"]


def test_film_file_is_not_downloaded_before_play(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}filmer/{FILMS[0].id}/", wait_until="networkidle")
    assert [url for url in requested if url.endswith(".mp4")] == []
    assert any(url.endswith(FILMS[0].source.poster) for url in requested), "the poster shows"

