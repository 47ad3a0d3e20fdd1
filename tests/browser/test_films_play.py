"""Every self-hosted film really plays in Chromium, with its Swedish captions showing."""

from __future__ import annotations

import pytest

from helpers import REPO
from pratamedbarn.library import load_library

LIBRARY = load_library(REPO)
SELF_HOSTED = [f.id for f in LIBRARY.films.values() if f.source.kind == "file"]


@pytest.mark.parametrize("film_id", SELF_HOSTED)
def test_film_plays_with_swedish_captions(page, base_url, film_id):
    page.goto(f"{base_url}filmer/{film_id}/")
    page.evaluate("""() => {
        const video = document.querySelector('video');
        video.muted = true;
        video.textTracks[0].mode = 'showing';
        return video.play();
    }""")
    page.wait_for_function("""() => {
        const video = document.querySelector('video');
        const cues = video.textTracks[0].activeCues;
        return video.currentTime > 0.5 && cues && cues.length > 0;
    }""", timeout=15000)
    state = page.evaluate("""() => {
        const video = document.querySelector('video');
        const track = video.textTracks[0];
        return {language: track.language, cue: track.activeCues[0].text,
                width: video.videoWidth, duration: video.duration};
    }""")
    assert state["language"] == "sv"
    assert state["cue"].strip()
    assert state["width"] > 0, "the video track decodes"
    film = LIBRARY.films[film_id]
    assert abs(state["duration"] - film.duration) <= 1.5, "duration in videos.yaml matches the file"
