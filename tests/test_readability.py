"""Plain language: a hard text is a content error, named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library
from pratamedbarn.readability import LIX_LIMIT, MIN_WORDS, lix, readability_problems

HARD = ("Socialsekreterarens utredningsmetodik förutsätter kontinuerlig dokumentation "
        "beträffande barnets delaktighetsmöjligheter, vårdnadshavarnas samtyckesförutsättningar "
        "och socialnämndens handläggningsrutiner.")


def test_lix_follows_the_formula():
    # 10 words, 2 sentences, 3 long words (> 6 letters): 10/2 + 100*3/10 = 35.
    assert lix("Jag går hem nu. Barnet ska berätta allting för socialsekreteraren.") == 35


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_hard_text_stops_the_check_by_file_line_and_field(content: Path):
    replace_in(content / "exercises" / "forsta-minuten.yaml",
               "purpose: Att öva på början av ett samtal.", f"purpose: {HARD} {HARD}")
    with pytest.raises(ContentError) as caught:
        load_library(content)
    assert [str(p).split(" (LIX")[0] for p in caught.value.problems] == [
        "exercises/forsta-minuten.yaml:6: purpose: texten är svårläst"]


def test_a_short_line_is_not_measured(content: Path):
    # Two long words make any short line "hard": LIX means nothing there.
    assert lix("Vårdnadshavarens samtycke behövs inte.") > LIX_LIMIT
    replace_in(content / "exercises" / "forsta-minuten.yaml",
               "purpose: Att öva på början av ett samtal.",
               "purpose: Vårdnadshavarens samtycke behövs inte.")
    load_library(content)


def test_reference_titles_are_citations_not_prose(content: Path):
    title = " ".join([HARD] * 2)
    replace_in(content / "references.yaml", "title: Konventionen om barnets rättigheter",
               f"title: {title}")
    library = load_library(content)
    assert len(title.split()) >= MIN_WORDS and lix(title) > LIX_LIMIT
    assert readability_problems(library.sources) == []
