"""A film page loads nothing of the film file or its captions until the learner presses play."""

from __future__ import annotations


def test_film_file_is_not_downloaded_before_play(page, base_url, shipped_library):
    film = next(f for f in shipped_library.films.values() if f.source.kind == "file")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # The poster shows: on a busy machine it may be asked for after the network went quiet.
    with page.expect_request(lambda request: request.url.endswith(film.source.poster)):
        page.goto(f"{base_url}filmer/{film.id}/", wait_until="networkidle")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if url.endswith((".mp4", ".vtt"))] == []

