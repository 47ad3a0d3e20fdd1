"""Loading good content: the fixture and the shipped content."""

from pathlib import Path

from helpers import GOOD, REPO
from pratamedbarn.library import load_library


def test_fixture_content_loads_with_every_kind_of_source():
    library = load_library(GOOD)
    kinds = {film.source.kind for film in library.films.values()}
    assert kinds == {"file", "youtube", "vimeo", "embed"}
    assert list(library.themes) == ["fore-samtalet", "under-samtalet"]
    assert library.films["forbereda-samtalet"].duration == 40
    assert library.films["inleda-samtalet"].chapters[0].time == 0


def test_shipped_content_loads():
    library = load_library(REPO)
    assert library.films and library.checklists and library.exercises


def test_windows_file_with_bom_and_crlf_loads(content: Path):
    path = content / "checklists" / "fore-samtalet.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"))
    library = load_library(content)
    assert library.checklists["fore-samtalet"].items[0].id == "syfte"


def test_stray_file_in_content_folder_is_noted_not_fatal(content: Path):
    (content / "exercises" / "anteckningar.txt").write_text("hej", encoding="utf-8")
    library = load_library(content)
    assert any("anteckningar.txt" in note for note in library.notes)


def test_checklists_follow_the_order_films_first_name_them(content: Path):
    path = content / "videos.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "checklists: [fore-samtalet]", "checklists: [under-samtalet]"), encoding="utf-8")
    assert list(load_library(content).checklists) == ["under-samtalet", "fore-samtalet"]
