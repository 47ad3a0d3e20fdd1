"""One test a kind of bad input: the message names the file, the line and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import CASES, break_content
from pratamedbarn.errors import ContentError
from pratamedbarn.site_build import SiteBuild


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_content_is_reported_by_file_line_and_field(content: Path, case: dict):
    break_content(content, case)
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)  # what `make check` and both engines' builds load
    lines = str(caught.value).splitlines()
    matching = [line for line in lines if line.startswith(case["expect"])]
    assert matching, f"no line starts with {case['expect']!r} in:\n{caught.value}"
    assert any(case["says"] in line for line in matching), str(caught.value)
    # YAML's and Python's words for an empty or yes/no value are no Swedish.
    assert not re.search(r"\b(None|True|False)\b", str(caught.value)), str(caught.value)


def test_a_duplicate_id_is_reported_first_and_alone(content: Path):
    # The film it hides seems missing to a quiz, a handout and a session: knock-ons, left out.
    # A hard-to-read text in a file before videos.yaml is no knock-on: it is reported after.
    for name in ("duplicate id of a film other files name", "hard to read"):
        break_content(content, next(c for c in CASES if c["name"] == name))
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert [p.file for p in caught.value.problems] == ["videos.yaml", "exercises/lyssna.yaml"]


def test_all_problems_of_a_run_are_reported_together(content: Path):
    for case in CASES[:3]:
        break_content(content, case)
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    files = {problem.file for problem in caught.value.problems}
    assert {c["file"] for c in CASES[:3]} <= files


def _plan_minutes(root: Path, exercise_step: int, checklist_step: int) -> None:
    """Give the fixture's exercise step (30) and the checklist step after it (40) new minutes."""
    guide = root / "study_guide.yaml"
    old = ("      - minutes: 30\n        activity: Övning\n        exercise: forsta-minuten\n"
           "      - minutes: 40\n")
    new = old.replace("30", str(exercise_step)).replace("40", str(checklist_step))
    text = guide.read_text(encoding="utf-8")
    assert old in text
    guide.write_text(text.replace(old, new), encoding="utf-8")


def _add_short_variant(root: Path, minutes: int) -> None:
    """Give the fixture's exercise forsta-minuten (20 minutes) a shorter variant."""
    exercise = root / "exercises" / "forsta-minuten.yaml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(
        "minutes: 20\n", f"minutes: 20\nshort_variant:\n  minutes: {minutes}\n"
        "  text: Skriv bara det första du säger.\n"), encoding="utf-8")


def test_a_shorter_variant_lets_a_shorter_step_run_the_exercise(content: Path):
    _add_short_variant(content, 15)
    _plan_minutes(content, 15, 55)
    SiteBuild.load(content)


def test_a_step_that_fits_neither_the_exercise_nor_its_shorter_variant_is_reported(
        content: Path):
    _add_short_variant(content, 15)
    _plan_minutes(content, 10, 60)
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert ("study_guide.yaml:25: träff 'traff-1', plan[2].minutes: steget har 10 minuter men "
            "övningen 'forsta-minuten' tar 30 eller 15 minuter") in str(caught.value)


def test_a_step_longer_than_its_exercise_is_reported_too(content: Path):
    # The plan and the exercise page must agree: more minutes in the plan is a mismatch too.
    _plan_minutes(content, 35, 35)
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert "steget har 35 minuter men övningen 'forsta-minuten' tar 30 minuter" in str(caught.value)


def test_a_two_hour_session_without_a_break_is_reported(content: Path):
    guide = content / "study_guide.yaml"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("    minutes: 90\n", "    minutes: 120\n")
    text = text.replace("      - minutes: 40\n        activity: Checklista",
                        "      - minutes: 70\n        activity: Checklista")
    guide.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert "en träff på 120 minuter behöver en paus" in str(caught.value)


def test_a_film_step_without_discussion_questions_is_reported(content: Path):
    guide = content / "study_guide.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("        questions: [\"Hur förbereder ni er?\", \"Vad vill ni pröva?\"]\n",
                                  ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert "filmen 'forbereda-samtalet' behöver 2–3 samtalsfrågor" in str(caught.value)
