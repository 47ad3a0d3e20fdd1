"""A checklist or exercise page printed from Chromium is a clean handout of its own."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pratamedbarn import kinds

SCREEN_ONLY = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top"


def printed_text(page, tmp_path: Path) -> str:
    """Print the page to an A4 PDF, as the browser's print dialog does, and read it back."""
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def visible_in_print(page, selector: str) -> list[str]:
    """The elements matching `selector` that take up room on paper."""
    page.emulate_media(media="print")
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length > 0).map(e => e.className)")


@pytest.fixture
def checklist(shipped_library):
    return next(iter(shipped_library.checklists.values()))


@pytest.fixture
def exercise(shipped_library):
    return next(iter(shipped_library.exercises.values()))


@pytest.mark.parametrize("kind", ["checklist", "exercise"])
def test_navigation_header_footer_and_search_are_not_printed(page, base_url, kind, tmp_path,
                                                             shipped_library):
    item = next(iter(shipped_library.items[kind].values()))
    page.goto(base_url + kinds.kind(kind).path(item.id)[:-3] + "/")
    assert visible_in_print(page, SCREEN_ONLY) == []
    text = " ".join(printed_text(page, tmp_path).split())
    assert item.title in text
    assert "Hoppa till innehåll" not in text
    # Navigation labels of other parts of the site are not on the paper.
    assert "Forskning och lagar" not in text and "Tillgänglighet" not in text


def test_printed_checklist_keeps_its_tick_boxes(page, base_url, checklist):
    page.goto(f"{base_url}checklistor/{checklist.id}/")
    page.emulate_media(media="print")
    boxes = page.locator(".pmb-checklist input[type=checkbox]")
    assert boxes.count() == len(checklist.items)
    for index in range(boxes.count()):
        box = boxes.nth(index).bounding_box()
        assert box and box["width"] >= 14 and box["height"] >= 14  # big enough for a pen


ROOM_TO_WRITE = """els => els.map(h => {
    const lines = parseFloat(getComputedStyle(h, '::after').height) || 0;
    const next = h.nextElementSibling;
    const field = next && next.querySelector('textarea');
    return Math.max(lines, field ? field.getBoundingClientRect().height : 0);
})"""


def test_printed_exercise_has_ruled_space_under_each_question(browser, base_url, exercise):
    # Without JavaScript (or before it has run) the paper gets ruled lines.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}ovningar/{exercise.id}/")
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(".pmb-questions h3", ROOM_TO_WRITE)
    # The questions, and the writing tasks' own fields above them.
    assert len(heights) == len(exercise.questions) + len(exercise.writing)
    assert all(height >= 90 for height in heights), heights  # three lines, 9 mm apart
    page.emulate_media(media="screen")
    screen = page.eval_on_selector(".pmb-questions h3",
                                   "e => getComputedStyle(e, '::after').content")
    assert screen in ("none", "normal"), "the lines are for paper only"
    context.close()


def test_printed_exercise_has_room_to_write_under_each_question(page, base_url, exercise):
    page.goto(f"{base_url}ovningar/{exercise.id}/")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(".pmb-questions h3", ROOM_TO_WRITE)
    assert len(heights) == len(exercise.questions) + len(exercise.writing)
    assert all(height >= 60 for height in heights), heights


def test_each_page_for_the_child_prints_on_one_a4_page(page, base_url, shipped_library,
                                                         tmp_path):
    handout_kind = kinds.kind("handout")
    for handout in shipped_library.items["handout"].values():
        page.goto(base_url + handout_kind.path(handout.id).removesuffix(".md") + "/")
        page.emulate_media(media="print")
        pdf = tmp_path / f"{handout.id}.pdf"
        # With the browser's own header and footer, on by default in Chromium's print
        # dialog: the page's address, the date and the title in the margins.
        page.pdf(path=str(pdf), format="A4", display_header_footer=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert "Pages:           1" in info, handout.id
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert handout.parts[-1].heading in text and "Sök" not in text, handout.id
        # The child's sheet: no site address or page date, which are for the worker, nor
        # the browser's header and footer.
        assert "Senast uppdaterad" not in text and "http" not in text, handout.id
        assert not re.search(r"\d{1,2}/\d{1,2}/\d{2}|\d+/\d+\s*$", text), handout.id
        assert "Prata med barn" not in text and "1/1" not in text, handout.id
        # Its pictograms print beside their headings.
        icons = page.eval_on_selector_all(
            ".pmb-handout h2 img", "imgs => imgs.filter(i => i.complete && i.naturalWidth > 0"
            " && i.getClientRects().length > 0).length")
        assert icons == sum(1 for part in handout.parts if part.icon), handout.id
