"""What the content check tells an editor without stopping publication.

Expert review: how many films, checklists, exercises and self-checks nobody has reviewed,
or nobody has for more than a year. The self-checks' best answers: whether most of them
stand in the same place, where a learner soon finds them without reading.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from . import kinds
from .errors import ContentProblem
from .library import Library
from .models import Item
from .wording import ordinal


def reviewable(library: Library) -> list[Item]:
    """Every item of a kind an expert reviews: the kinds whose model has `reviewed`."""
    return [item for _, item, _, _ in library.entries() if "reviewed" in type(item).model_fields]


def _a_year_before(day: date) -> date:
    # 29 February has no day in the year before: the 28th is a year before it.
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def review_notice(library: Library, today: date) -> str | None:
    """How many items were never reviewed, and how many were last reviewed more than 12
    months before `today`; None when every item has a review of the last 12 months."""
    items = reviewable(library)
    never = sum(item.reviewed is None for item in items)
    due = sum(item.reviewed is not None and item.reviewed.date < _a_year_before(today)
              for item in items)
    if not never and not due:
        return None
    return (f"{never} av {len(items)} filmer, checklistor, övningar och självtest har aldrig "
            f"fackgranskats, och {due} fackgranskades senast för mer än 12 månader sedan "
            "(fältet reviewed, se redaktörshandboken).")


def answer_place_problems(library: Library) -> list[ContentProblem]:
    """A warning when more than half of the self-check questions have their best answer in
    the same place: a learner would soon pick by the place instead of thinking."""
    places = Counter(question.best for quiz in library.items["quiz"].values()
                     for question in quiz.questions)
    if not places:
        return []
    place, crowded = places.most_common(1)[0]
    if crowded * 2 <= places.total():
        return []
    return [ContentProblem(f"{kinds.kind('quiz').folder}/", 1, "", (
        f"i {crowded} av {places.total()} frågor i Testa dig själv är det bästa svaret det "
        f"{ordinal(place)}. Byt ordning på svaren i några frågor, så att högst hälften av de "
        "bästa svaren står på samma plats: annars går rätt svar att gissa."))]
