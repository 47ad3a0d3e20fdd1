"""The start page's poster thumbnails: made once, kept by the poster's bytes, never stale."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

from pratamedbarn import thumbnails as thumbs
from pratamedbarn.library import load_library


def _poster(content: Path, name: str) -> Path:
    return content / "docs" / load_library(content).films[name].source.poster


def test_a_thumbnail_is_a_small_webp_of_the_poster(content: Path):
    made = thumbs.thumbnails(load_library(content))
    poster = _poster(content, "tolk")
    with Image.open(BytesIO(made[thumbs.thumbnail_path(poster.name)])) as image:
        assert image.format == "WEBP"
        assert image.size[0] <= thumbs.SIZE[0] and image.size[1] <= thumbs.SIZE[1]


def test_a_second_build_takes_the_kept_thumbnails(content: Path, monkeypatch):
    first = thumbs.thumbnails(load_library(content))
    assert list((content / thumbs.CACHE_DIR).glob("*.webp"))

    def made_again(poster: bytes) -> bytes:
        raise AssertionError("a kept thumbnail was made again")

    monkeypatch.setattr(thumbs, "_thumbnail", made_again)
    assert thumbs.thumbnails(load_library(content)) == first


def test_a_changed_poster_gets_a_new_thumbnail(content: Path):
    path = thumbs.thumbnail_path(_poster(content, "tolk").name)
    before = thumbs.thumbnails(load_library(content))[path]
    Image.new("RGB", (64, 36), "red").save(_poster(content, "tolk"), "JPEG")
    after = thumbs.thumbnails(load_library(content))[path]
    assert after != before
    with Image.open(BytesIO(after)) as image:
        assert image.convert("RGB").getpixel((0, 0))[0] > 200  # red, not the old poster


def test_a_project_where_nothing_can_be_kept_still_gets_its_thumbnails(content: Path):
    (content / ".cache").write_text("not a folder")  # the cache cannot be made
    library = load_library(content)
    made = thumbs.thumbnails(library)
    assert set(made) == {thumbs.thumbnail_path(f.source.poster) for f in library.films.values()}
    assert all(data.startswith(b"RIFF") for data in made.values())
