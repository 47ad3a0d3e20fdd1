"""What the content check says without stopping publication: expert review, answer places."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from helpers import GOOD, run_check
from pratamedbarn.library import Library, load_library
from pratamedbarn.notices import answer_place_problems, review_notice, reviewable

#: The fixture's one reviewed item, the checklist fore-samtalet, was reviewed on this day.
REVIEWED = date(2026, 11, 20)


def test_films_checklists_exercises_and_self_checks_can_be_reviewed(fixture_library: Library):
    items = reviewable(fixture_library)
    assert len(items) == (len(fixture_library.films) + len(fixture_library.checklists)
                          + len(fixture_library.exercises) + len(fixture_library.items["quiz"]))


def test_the_notice_counts_the_items_never_reviewed_and_those_due(fixture_library: Library):
    notice = review_notice(fixture_library, REVIEWED.replace(year=2027))
    assert notice.startswith("8 av 9 filmer, checklistor, övningar och självtest har aldrig "
                             "fackgranskats, och 0 fackgranskades senast för mer än 12 månader")
    # A year and a day after the review, it is due again.
    later = review_notice(fixture_library, date(2027, 11, 21))
    assert "och 1 fackgranskades senast för mer än 12 månader sedan" in later


def test_no_notice_when_every_item_has_a_recent_review(fixture_library: Library):
    review = fixture_library.checklists["fore-samtalet"].reviewed

    def reviewed(item):
        fields = type(item).model_fields
        return item.model_copy(update={"reviewed": review}) if "reviewed" in fields else item

    # Films are read from videos.yaml, the other kinds from their own files.
    videos = fixture_library.videos.model_copy(
        update={"films": [reviewed(film) for film in fixture_library.videos.films]})
    library = dataclasses.replace(
        fixture_library, files={**fixture_library.files, "videos.yaml": videos},
        items={kind: {i: reviewed(item) for i, item in by_id.items()}
               for kind, by_id in fixture_library.items.items()})
    assert review_notice(library, REVIEWED) is None


def test_check_prints_the_review_notice_and_still_passes():
    result = run_check(GOOD)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stdout.splitlines() if "fackgranskats" in line]
    assert len(notices) == 1 and notices[0].startswith("Obs: 8 av 9 filmer"), result.stdout
    assert result.stdout.splitlines()[-1] == "Ändringen kan publiceras."


def _best_answers_first(content: Path) -> None:
    """Put the best answer of every fixture question first (two of four stand second)."""
    path = content / "quizzes" / "fore-samtalet.yaml"
    text = path.read_text(encoding="utf-8")
    for right, wrong in (("Lyssnar", "Pratar"), ("Barnet", "Tiden")):
        first = (f"      - text: {wrong}.\n        why: Läs checklistan.\n"
                 "        checklist: fore-samtalet\n")
        best = (f"      - text: {right}.\n        correct: true\n        why: Det står i filmen.\n"
                "        film: forbereda-samtalet\n")
        assert first + best in text
        text = text.replace(first + best, best + first)
    path.write_text(text, encoding="utf-8")


def test_best_answers_in_varied_places_give_no_warning(fixture_library: Library):
    # Two of the fixture's four best answers stand first, two second: half is not most.
    assert answer_place_problems(fixture_library) == []


def test_most_best_answers_in_one_place_are_a_warning_not_an_error(content: Path):
    _best_answers_first(content)
    problems = answer_place_problems(load_library(content))
    assert [str(p) for p in problems] == [
        "quizzes/:1: i 4 av 4 frågor i Testa dig själv är det bästa svaret det första. Byt "
        "ordning på svaren i några frågor, så att högst hälften av de bästa svaren står på "
        "samma plats: annars går rätt svar att gissa."]
    result = run_check(content)
    assert result.returncode == 0, result.stderr
    assert f"Varning: {problems[0]}" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "Ändringen kan publiceras."


def test_the_shipped_self_checks_keep_their_best_answers_in_varied_places(
        shipped_library: Library):
    # A learner who finds the best answer in the same place every time stops reading.
    problems = answer_place_problems(shipped_library)
    assert problems == [], "\n".join(map(str, problems))
