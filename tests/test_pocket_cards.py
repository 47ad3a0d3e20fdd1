"""The pocket cards (fickkort), tested by opening the PDF the site build publishes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pratamedbarn.library import Library
from pratamedbarn.pocket_cards import cards
from pratamedbarn.urls import CARDS_NAME

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def pdf(shipped_site: Path) -> Path:
    return shipped_site / CARDS_NAME


def test_four_a6_cards_to_an_a4_sheet(pdf: Path, shipped_library: Library):
    reader = PdfReader(pdf)
    every = cards(shipped_library)
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


def test_a_checklist_card_has_the_points_the_content_chose(shipped_library: Library):
    checklist = next(c for c in shipped_library.checklists.values() if c.card)
    card = next(c for c in cards(shipped_library) if c.title == checklist.title)
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
