"""Plain language: LIX warnings from the content check."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO
from pratamedbarn.library import load_library
from pratamedbarn.readability import LIX_LIMIT, lix, readability_warnings

HARD = ("Socialsekreterarens utredningsmetodik förutsätter kontinuerlig dokumentation "
        "beträffande barnets delaktighetsmöjligheter, vårdnadshavarnas samtyckesförutsättningar "
        "och socialnämndens handläggningsrutiner.")


def test_lix_follows_the_formula():
    # 10 words, 2 sentences, 3 long words (> 6 letters): 10/2 + 100*3/10 = 35.
    assert lix("Jag går hem nu. Barnet ska berätta allting för socialsekreteraren.") == 35


def test_a_hard_text_is_warned_about_by_file_line_and_field(content: Path):
    path = content / "exercises" / "forsta-minuten.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "purpose: Att öva på början av ett samtal.", f"purpose: {HARD}")
    path.write_text(text, encoding="utf-8")
    warnings = readability_warnings(load_library(content).sources)
    assert [str(w).split(" (LIX")[0] for w in warnings if w.file.startswith("exercises/")] == [
        "exercises/forsta-minuten.yaml:6: purpose: texten är svårläst"]


def test_reference_titles_are_citations_not_prose():
    library = load_library(REPO)
    assert any(lix(r.title) > LIX_LIMIT for r in library.references.values())
    assert not any(w.file == "references.yaml" and w.field.endswith("title")
                   for w in readability_warnings(library.sources))


def test_shipped_content_is_plain_language():
    assert readability_warnings(load_library(REPO).sources) == []
