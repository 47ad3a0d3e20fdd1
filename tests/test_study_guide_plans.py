"""The shipped study guide, read as a facilitator reads it: plans that fit, a discussion for
every film, room for every writing task, and nothing an office printer would cut off."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from pypdf import PdfReader

from pratamedbarn.library import Library
from pratamedbarn.urls import PDF_NAME

MM = 72 / 25.4  # PDF points in a millimetre
#: An office laser printer leaves about 4–5 mm at each edge unprinted.
PRINTABLE_MARGIN_MM = 5
#: The stages a timeline prints along its line: part of the room to write.
TIMELINE = {"Anmälan", "Utredning", "Beslut", "Uppföljning"}
_ROW = re.compile(r"(\d+):(\d\d)–(\d+):(\d\d)\s+(\d+)\s+(.*?)(?=\n\d+:\d\d–|\nTill samtalsledaren)",
                  re.S)


@pytest.fixture(scope="module")
def pdf(shipped_site: Path) -> Path:
    return shipped_site / PDF_NAME


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    """The text of every page, as pdftotext gives it."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


@pytest.fixture(scope="module")
def starts(pdf: Path) -> dict[str, int]:
    """The 0-based page each bookmarked section starts on, by its bookmark title."""
    reader = PdfReader(pdf)
    found: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found[item.title] = reader.get_destination_page_number(item)

    walk(reader.outline)
    return found


def _session_text(pages: list[str], starts: dict[str, int], number: int, title: str) -> str:
    # The time plan is on the session's first page or runs onto the next one.
    first = starts[f"Träff {number}. {title}"]
    return "\n".join(pages[first:first + 2])


def _minutes(clock_h: str, clock_m: str) -> int:
    return int(clock_h) * 60 + int(clock_m)


def test_every_time_plan_adds_up_and_gives_each_exercise_its_printed_minutes(
        shipped_library: Library, pages: list[str], starts: dict[str, int]):
    sessions = shipped_library.study_guide.sessions
    for number, session in enumerate(sessions, start=1):
        text = _session_text(pages, starts, number, session.title)
        assert f"TRÄFF {number} AV {len(sessions)} · {session.minutes} MINUTER" in text
        rows = _ROW.findall(text)
        assert len(rows) == len(session.plan), f"träff {number}: {rows}"
        clock = 0
        for h1, m1, h2, m2, minutes, activity in rows:
            assert _minutes(h1, m1) == clock and _minutes(h2, m2) == clock + int(minutes)
            clock += int(minutes)
            exercise = re.search(r"Övning: (.+?) \(sidan\s(\d+)\)", " ".join(activity.split()))
            if exercise:
                page = pages[int(exercise[2]) - 1]
                assert exercise[1] in " ".join(page.split()), f"{exercise[1]} is not on its page"
                printed = {int(n) for n in re.findall(r"ÖVNING · (\d+) MINUTER", page)}
                printed |= {int(n) for n in re.findall(r"Kortare variant, (\d+) minuter", page)}
                assert int(minutes) in printed, (
                    f"träff {number}: the plan gives {exercise[1]} {minutes} minutes, "
                    f"its page says {sorted(printed)}")
        assert clock == session.minutes, f"träff {number}: the plan has {clock} minutes"
        if session.minutes >= 120:
            assert any(" ".join(a.split()).startswith("Paus") for *_, a in rows), f"träff {number}"


def test_every_film_in_a_plan_has_discussion_questions_beside_its_advice(
        shipped_library: Library, pages: list[str], starts: dict[str, int]):
    for session in shipped_library.study_guide.sessions:
        for step in session.plan:
            if not step.film:
                continue
            film = shipped_library.films[step.film]
            first = starts[f"Film: {film.title}"]
            # The film's card, its questions and its advice may run onto the next page.
            text = " ".join(" ".join(pages[first:first + 2]).split())
            after = text[text.index(film.title):]
            assert "Frågor till gruppen" in after and "Råden i filmen" in after, film.id
            assert " ".join(step.questions[0].split())[:40] in after, film.id


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word of every page with its box in points: (x0, y0, x1, y1, text)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    soup = BeautifulSoup(html, "html.parser")
    return [[(float(w["xmin"]), float(w["ymin"]), float(w["xmax"]), float(w["ymax"]), w.text)
             for w in page.find_all("word")] for page in soup.find_all("page")]


def test_every_writing_task_has_room_below_its_label(shipped_library: Library, pdf: Path):
    pages = _words(pdf)
    for exercise in shipped_library.exercises.values():
        for task in exercise.writing:
            label = task.label.split()
            found = False
            for words in pages:
                texts = [w[4] for w in words]
                for i in range(len(words)):
                    if texts[i:i + len(label)] != label:
                        continue
                    # The label's last line: it may wrap.
                    label_line = words[i + len(label) - 1][3]
                    # A numbered list's own numbers ("1.") are part of the room to write.
                    below = [w[1] for w in words[i + len(label):] if w[1] > label_line + 2
                             and not re.fullmatch(r"\d+\.", w[4]) and w[4] not in TIMELINE]
                    room = (min(below) if below else 842 - 20 * MM) - label_line
                    # At least the rows asked for, less a little for the rows' own spacing
                    # (a timeline: its line with room above and below).
                    need = (40 if task.space == "timeline" else task.rows * 8.5 - 3) * MM
                    assert room >= need, (f"{exercise.id}/{task.id}: {room / MM:.0f} mm below "
                                          f"the label, {need / MM:.0f} mm needed")
                    found = True
            assert found, f"{exercise.id}/{task.id}: the label is not printed"


def test_no_text_lies_outside_the_printable_area(pdf: Path):
    margin = PRINTABLE_MARGIN_MM * MM
    width, height = 595.28, 841.89
    for number, words in enumerate(_words(pdf), start=1):
        for x0, y0, x1, y1, text in words:
            assert x0 >= margin and y0 >= margin, f"page {number}: {text!r} at the edge"
            assert x1 <= width - margin and y1 <= height - margin, f"page {number}: {text!r}"


def test_nothing_is_printed_in_the_outer_five_millimetres(pdf: Path, tmp_path: Path):
    # Drawings too: the cover's black bar once ran to the edge of the paper.
    dpi = 36
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(tmp_path / "p")],
                   check=True)
    strip = round(PRINTABLE_MARGIN_MM / 25.4 * dpi)
    for png in sorted(tmp_path.glob("p-*.png")):
        image = Image.open(png)
        w, h = image.size
        for box in ((0, 0, w, strip), (0, h - strip, w, h), (0, 0, strip, h), (w - strip, 0, w, h)):
            darkest = image.crop(box).getextrema()[0]
            assert darkest > 200, f"{png.name}: something is printed at the edge {box}"


def test_each_case_box_has_one_label(shipped_library: Library, pages: list[str]):
    # Every exercise is printed once; the box's heading is the only label of its case.
    text = "\n".join(pages)
    cases = [e for e in shipped_library.exercises.values() if e.case]
    assert text.upper().count("PÅHITTAT FALL") == len(cases)


def test_page_references_never_break(pages: list[str]):
    for number, page in enumerate(pages, start=1):
        assert not re.search(r"\(sidan\s*\n", page), f"page {number}: a page reference breaks"


def test_each_session_page_has_the_same_plan_as_the_printed_guide(
        shipped_library: Library, shipped_site: Path, pages: list[str], starts: dict[str, int]):
    for number, session in enumerate(shipped_library.study_guide.sessions, start=1):
        printed = _ROW.findall(_session_text(pages, starts, number, session.title))
        html = (shipped_site / "traffar" / session.id / "index.html").read_text(encoding="utf-8")
        steps = BeautifulSoup(html, "html.parser").select(".pmb-plan > .pmb-step")
        assert [int(step["data-minutes"]) for step in steps] == [int(r[4]) for r in printed]
        for step, row in zip(steps, printed, strict=True):
            on_paper = " ".join(row[5].split())
            on_screen = " ".join(step.get_text(" ").split())
            for label in ("Film", "Övning", "Checklista"):
                found = re.search(rf"{label}: (.+?) \(sidan", on_paper)
                if found:
                    assert found[1] in on_screen, f"träff {number}: {found[1]}"
            film = step.select_one("video[data-film], figure[data-film]")
            if film:
                title = shipped_library.films[film["data-film"]].title
                assert f"Film: {title}" in on_paper, f"träff {number}: {title}"
