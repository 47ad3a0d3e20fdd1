"""Every self-hosted film really plays in Chromium, with its Swedish captions showing."""

from __future__ import annotations


def test_every_self_hosted_film_plays_with_swedish_captions(page, base_url, shipped_library):
    films = [f for f in shipped_library.films.values() if f.source.kind == "file"]
    assert films
    for film in films:
        state = play(page, f"{base_url}filmer/{film.id}/")
        assert state["language"] == "sv", film.id
        assert state["mode"] == "showing", f"{film.id}: the captions show from the start"
        assert state["cue"].strip(), film.id
        assert state["width"] > 0, f"{film.id}: the video track decodes"
        assert abs(state["duration"] - film.duration) <= 1.5, \
            f"{film.id}: the duration in videos.yaml matches the file"


def play(page, url: str) -> dict:
    """Play the page's film muted, as its page sets it up; its captions' language and
    mode, first cue, size and length."""
    page.goto(url)
    page.evaluate("""() => {
        const video = document.querySelector('video');
        video.muted = true;
        return video.play();
    }""")
    page.wait_for_function("""() => {
        const video = document.querySelector('video');
        const cues = video.textTracks[0].activeCues;
        return video.currentTime > 0.5 && cues && cues.length > 0;
    }""", timeout=15000)
    return page.evaluate("""() => {
        const video = document.querySelector('video');
        const track = video.textTracks[0];
        return {language: track.language, mode: track.mode, cue: track.activeCues[0].text,
                width: video.videoWidth, duration: video.duration};
    }""")
