"""Pocket cards (fickkort): A6 cards, four to an A4 sheet with cut marks, to carry into the talk.

One card a checklist (its `card` points, or its first six), then the study guide's own
`pocket_cards` (the ground rules of a talk, what to do when a child tells of violence).
A checklist card that holds only some of its list says so, and where the whole list is
(its address, and a QR code to it).
A sheet's empty places get a card to write on, so that no slot is cut out blank. Laid out
by the same WeasyPrint setup, fonts and print stylesheet folder as the study guide.
"""

from __future__ import annotations

from dataclasses import dataclass

from .library import Library
from .sessions import Material
from .study_guide import Publication, environment, item_url
from .version import Version

#: Cards on an A4 sheet.
SHEET = 4


@dataclass(frozen=True)
class Card:
    kicker: str
    title: str
    points: list[str]
    #: A checklist card that holds a choice of its list: how many points the whole list has.
    of: int = 0
    #: Where the whole list is: its page on the site.
    whole_url: str = ""
    #: Ruled lines to write on, for a card that fills a sheet's empty place.
    lines: int = 0


#: Where a sheet would have an empty place: a card for the worker's own notes.
NOTES = Card("Att fylla i", "Egna anteckningar", [], lines=14)


def checklist_card(checklist, site_url: str) -> Card:
    """A checklist's card: its chosen points, and a note when they are not all of them."""
    points = [item.text for item in checklist.card_items()]
    if len(points) == len(checklist.items):
        return Card("Checklista", checklist.title, points)
    return Card("Checklista", checklist.title, points, of=len(checklist.items),
                whole_url=item_url(site_url, Material("checklist", checklist)))


def cards(library: Library, site_url: str) -> list[Card]:
    """Every card with content, in the order they are printed; the site's address at
    `site_url` is where a checklist's whole list is."""
    found = [checklist_card(c, site_url) for c in library.checklists.values()]
    found += [Card("Att tänka på", c.title, c.points) for c in library.study_guide.pocket_cards]
    return found


def sheets(every: list[Card]) -> list[list[Card]]:
    """The cards four to a sheet; the last sheet's empty places get a card for notes."""
    filled = every + [NOTES] * (-len(every) % SHEET)
    return [filled[i:i + SHEET] for i in range(0, len(filled), SHEET)]


def render_cards(library: Library, publication: Publication, version: Version) -> str:
    """The cards as one HTML document, four to an A4 page, ready for WeasyPrint."""
    return environment().get_template("cards.html.j2").render(
        sheets=sheets(cards(library, publication.site_url)), guide=library.study_guide,
        publication=publication, version=version)
