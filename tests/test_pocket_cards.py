"""The pocket cards (fickkort), tested by opening the PDF the site build publishes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import REPO
from pratamedbarn.library import Library
from pratamedbarn.pocket_cards import NOTES, SHEET, Card, cards, sheets
from pratamedbarn.study_guide import read_publication
from pratamedbarn.urls import CARDS_NAME

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def pdf(shipped_site: Path) -> Path:
    return shipped_site / CARDS_NAME


@pytest.fixture(scope="module")
def site_url() -> str:
    return read_publication(REPO / "mkdocs.yml").site_url


def _words(pdf: Path) -> list:
    """Every page's words with their boxes, as pdftotext -bbox reads them."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page.find_all("word") for page in BeautifulSoup(html, "html.parser").find_all("page")]


def _slot_text(words: list, slot: int) -> str:
    """The text in one quarter of a sheet (0: top left, 1: top right, 2, 3: below), joined
    without spaces or hyphens, so that a line break inside a word or an address is no matter."""
    column, row = slot % 2, slot // 2
    inside = [w.text for w in words
              if column * A4[0] / 2 <= float(w["xmin"]) < (column + 1) * A4[0] / 2
              and row * A4[1] / 2 <= float(w["ymin"]) < (row + 1) * A4[1] / 2]
    return _flat(" ".join(inside))


def _flat(text: str) -> str:
    return "".join(text.split()).replace("-", "").replace("­", "")


def test_four_a6_cards_to_an_a4_sheet(pdf: Path, shipped_library: Library, site_url: str):
    reader = PdfReader(pdf)
    every = cards(shipped_library, site_url)
    assert len(reader.pages) == -(-len(every) // 4)
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) \
            == (round(A4[0], 1), round(A4[1], 1))
    # Each card's title sits in its own quarter of the sheet, in order.
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = BeautifulSoup(html, "html.parser").find_all("page")
    for index, card in enumerate(every):
        words = pages[index // 4].find_all("word")
        first = card.title.split()[0]
        spots = [(float(w["xmin"]), float(w["ymin"])) for w in words if w.text == first]
        column, row = index % 2, (index % 4) // 2
        assert any(column * A4[0] / 2 <= x < (column + 1) * A4[0] / 2
                   and row * A4[1] / 2 <= y < (row + 1) * A4[1] / 2 for x, y in spots), card.title


def test_a_checklist_card_has_the_points_the_content_chose(shipped_library: Library,
                                                           site_url: str):
    checklist = next(c for c in shipped_library.checklists.values() if c.card)
    card = next(c for c in cards(shipped_library, site_url) if c.title == checklist.title)
    by_id = {item.id: item.text for item in checklist.items}
    assert card.points == [by_id[i] for i in checklist.card]


def test_the_cards_are_tagged_with_embedded_fonts_at_ten_points_or_more(pdf: Path):
    root = PdfReader(pdf).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "sv"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    heights = [float(w["ymax"]) - float(w["ymin"])
               for w in BeautifulSoup(html, "html.parser").find_all("word")]
    # pdftotext's word box is about 1.2 times the font size.
    assert min(heights) >= 10 * 1.1, min(heights)


def test_no_checklist_card_leaves_out_points_without_saying_so(pdf: Path,
                                                               shipped_library: Library,
                                                               site_url: str):
    """A card holds the whole list, or says how many points it shows and where the rest are."""
    pages = _words(pdf)
    titles = [card.title for card in cards(shipped_library, site_url)]
    for checklist in shipped_library.checklists.values():
        at = titles.index(checklist.title)
        text = _slot_text(pages[at // SHEET], at % SHEET)
        shown = [item for item in checklist.items if _flat(item.text)[:40] in text]
        assert shown, checklist.id
        if len(shown) < len(checklist.items):
            address = f"{site_url.split('://')[-1]}checklistor/{checklist.id}"
            assert _flat(f"Urval: {len(shown)} av {len(checklist.items)} punkter, "
                         f"hela listan på {address}") in text, checklist.id


def test_every_place_on_every_sheet_holds_a_card(pdf: Path, shipped_library: Library):
    # The card for when a child tells of violence is one of them.
    pages = _words(pdf)
    for number, words in enumerate(pages, start=1):
        for slot in range(SHEET):
            assert _slot_text(words, slot), f"ark {number}, plats {slot + 1} är tom"
    text = _flat(" ".join(w.text for words in pages for w in words))
    assert _flat("När barnet berättar om våld eller övergrepp") in text


def test_a_sheets_empty_places_get_a_card_for_notes():
    five = [Card("Checklista", f"Kort {n}", ["En punkt."]) for n in range(5)]
    laid = sheets(five)
    assert [len(sheet) for sheet in laid] == [SHEET, SHEET]
    assert laid[1][1:] == [NOTES] * 3
    assert sheets(five[:4]) == [five[:4]]
