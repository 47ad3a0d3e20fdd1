"""The film players in a real browser: nothing loads from another host until the learner asks."""

from __future__ import annotations

from helpers import REPO
from pratamedbarn.library import load_library


def _film_ids(kind: str) -> list[str]:
    return [f.id for f in load_library(REPO).films.values() if f.source.kind == kind]


def test_self_hosted_film_has_swedish_captions_track(page, base_url):
    film_id = _film_ids("file")[0]
    page.goto(f"{base_url}filmer/{film_id}/")
    page.wait_for_function("() => document.querySelector('video').textTracks.length > 0")
    language = page.evaluate("document.querySelector('video').textTracks[0].language")
    assert language == "sv"
    assert page.foreign_requests == []
