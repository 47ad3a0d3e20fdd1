"""Pocket cards (fickkort): A6 cards, four to an A4 sheet with cut marks, to carry into the talk.

One card a checklist (its `card` points, or its first six), then the study guide's own
`pocket_cards` (the ground rules of a talk, the first questions). Laid out by the same
WeasyPrint setup, fonts and print stylesheet folder as the study guide.
"""

from __future__ import annotations

from dataclasses import dataclass

from .library import Library
from .study_guide import Publication, environment
from .version import Version


@dataclass(frozen=True)
class Card:
    kicker: str
    title: str
    points: list[str]


def cards(library: Library) -> list[Card]:
    """Every card, in the order they are printed."""
    found = [Card("Checklista", c.title, [item.text for item in c.card_items()])
             for c in library.checklists.values()]
    found += [Card("Att tänka på", c.title, c.points) for c in library.study_guide.pocket_cards]
    return found


def render_cards(library: Library, publication: Publication, version: Version) -> str:
    """The cards as one HTML document, four to an A4 page, ready for WeasyPrint."""
    every = cards(library)
    sheets = [every[i:i + 4] for i in range(0, len(every), 4)]
    return environment().get_template("cards.html.j2").render(
        sheets=sheets, guide=library.study_guide, publication=publication, version=version)
