"""The shipped study guide as it goes to the copier and is read aloud: the Kopieringsunderlag
and the page ranges that point into it, each film once, text sizes, and no page left nearly
empty. Everything is read from the PDF (pypdf, pdftotext, pdftoppm)."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from test_study_guide import normalized, outline

from pratamedbarn import kinds
from pratamedbarn.library import Library
from pratamedbarn.urls import PDF_NAME

MM = 72 / 25.4
#: The body of a page, between the running head and the footer (guide.css: @page margins).
BODY_BOTTOM_MM, BODY_TOP_MM = 20, 297 - 18
#: What only the facilitator reads: none of it may be on a page the participants get.
FACILITATOR_ONLY = ("Exempel på svar", "Till samtalsledaren", "Frågor till gruppen",
                    "Råden i filmen", "Det här ska gruppen ta med sig", "Vanliga fallgropar",
                    "Tidsplan", "Ta hand om gruppen")
_RANGE = re.compile(r"s\.\s(\d+)(?:–(\d+))?")


@pytest.fixture(scope="module")
def pdf(shipped_site: Path) -> Path:
    return shipped_site / PDF_NAME


@pytest.fixture(scope="module")
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    """The text of every page (index 0 is page 1), as pdftotext gives it."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def bookmarks(reader: PdfReader) -> list[tuple[int, str, int]]:
    return outline(reader)


def part(bookmarks, title: str) -> tuple[int, int]:
    """The first and last page (1-based) of the part whose level-1 bookmark is `title`."""
    tops = [(t, page) for level, t, page in bookmarks if level == 1]
    names = [t for t, _ in tops]
    first = tops[names.index(title)][1]
    following = tops[names.index(title) + 1][1] if names.index(title) + 1 < len(tops) else None
    return first, (following - 1 if following else 10_000)


def children(bookmarks, title: str) -> list[tuple[str, int]]:
    """The level-2 bookmarks under the level-1 bookmark `title`, with their pages."""
    found, inside = [], False
    for level, t, page in bookmarks:
        if level == 1:
            inside = t == title
        elif inside:
            found.append((t, page))
    return found


def session_text(pages, bookmarks, number: int, title: str) -> str:
    first, last = part(bookmarks, f"Träff {number}. {title}")
    return "\n".join(pages[first - 1:last])


def preparation_ranges(text: str) -> list[tuple[int, int]]:
    """The page ranges of the copy list under Förbered: "s. 61–62" → (61, 62)."""
    copy_list = " ".join(text[text.index("Kopiera, ett blad"):text.index("Det här behöver ni")]
                         .split())
    return [(int(a), int(b or a)) for a, b in _RANGE.findall(copy_list)]


def test_the_kopieringsunderlag_has_a_bookmark_and_every_sheet(
        bookmarks, shipped_library: Library):
    sheets = [title for title, _ in children(bookmarks, "Kopieringsunderlag")]
    expected = ([f"Övning: {e.title}" for e in shipped_library.exercises.values()]
                + [f"Checklista: {c.title}" for c in shipped_library.checklists.values()]
                + ["Utvärdering"])
    assert sorted(sheets) == sorted(expected)


def test_the_introduction_says_once_what_to_copy(pages, bookmarks):
    sentence = "Kopiera sidorna i Kopieringsunderlag, inte resten."
    where = [n for n, page in enumerate(pages, start=1) if sentence in normalized(page)]
    assert len(where) == 1 and normalized("\n".join(pages)).count(sentence) == 1
    first, last = part(bookmarks, "Till samtalsledaren")
    assert first <= where[0] <= last


def test_each_sheet_starts_on_a_page_of_its_own(pages, bookmarks):
    sheets = children(bookmarks, "Kopieringsunderlag")
    _, end = part(bookmarks, "Kopieringsunderlag")
    starts = [page for _, page in sheets] + [end + 1]
    for (title, page), following in zip(sheets, starts[1:], strict=True):
        heading = title.split(": ", 1)[-1]
        lines = [line.strip() for line in pages[page - 1].splitlines() if line.strip()]
        # The running head, then the sheet's kicker and its title: nothing of another sheet.
        assert lines[0] == "Kopieringsunderlag", title
        assert heading in normalized(" ".join(lines[1:4])), f"{title} does not start page {page}"
        for other in range(page + 1, following):
            assert heading not in normalized(pages[other - 1]), f"{title} on page {other}"
        assert following > page


def test_each_session_lists_whole_sheets_to_copy_and_they_hold_no_facilitator_material(
        pages, bookmarks, shipped_library: Library):
    sheet_starts = {page: title for title, page in children(bookmarks, "Kopieringsunderlag")}
    copy_first, copy_last = part(bookmarks, "Kopieringsunderlag")
    ends = sorted(sheet_starts)[1:] + [copy_last + 1]
    sheet_ends = dict(zip(sorted(sheet_starts), (n - 1 for n in ends), strict=True))
    for number, session in enumerate(shipped_library.study_guide.sessions, start=1):
        ranges = preparation_ranges(session_text(pages, bookmarks, number, session.title))
        expected = {f"Checklista: {shipped_library.checklists[s.checklist].title}"
                    for s in session.plan if s.checklist}
        expected |= {f"Övning: {shipped_library.exercises[s.exercise].title}"
                     for s in session.plan if s.exercise}
        expected |= {"Utvärdering"} if "utvardering" in session.sheets else set()
        assert {sheet_starts.get(first) for first, _ in ranges} == expected, f"träff {number}"
        for first, last in ranges:
            assert sheet_ends[first] == last, f"träff {number}: s. {first}–{last} is not the whole sheet"
            for page in range(first, last + 1):
                assert copy_first < page <= copy_last
                text = normalized(pages[page - 1])
                for words in FACILITATOR_ONLY:
                    assert words not in text, f"träff {number}: {words!r} on page {page}"


def test_example_answers_stay_beside_their_exercise_in_the_facilitators_part(
        pages, bookmarks, shipped_library: Library):
    # The exercise's bookmark in the sessions, not its sheet's (the same title) after them.
    copies, _ = part(bookmarks, "Kopieringsunderlag")
    facilitator = {title: page for level, title, page in bookmarks
                   if level == 2 and page < copies}
    for exercise in shipped_library.exercises.values():
        if not exercise.example_answers:
            continue
        page = facilitator[f"Övning: {exercise.title}"]
        text = normalized(pages[page - 1] + pages[page])
        after = text[text.index(exercise.title):]
        assert "Exempel på svar" in after, exercise.id
        assert normalized(exercise.example_answers[0])[:30] in after.replace("\"", "”"), exercise.id


def test_a_film_is_printed_once_and_its_words_in_the_appendix(
        pages, bookmarks, shipped_library: Library):
    whole = normalized("\n".join(pages))
    first, _ = part(bookmarks, "Till samtalsledaren")
    facilitator = normalized("\n".join(pages[first - 1:part(bookmarks, "Kopieringsunderlag")[0]]))
    transcripts = dict(children(bookmarks, "Bilagor"))["Det här sägs i filmerna"]
    appendix_end = dict(children(bookmarks, "Bilagor"))["Anteckningar"] - 1
    for film in shipped_library.films.values():
        # The panel's advice once; the summary, which said the same, not in the facilitator's
        # part (an example film's words repeat it, in the appendix).
        assert whole.count(normalized(film.tips[0])[:40]) == 1, film.id
        assert normalized(film.summary)[:40] not in facilitator, film.id
        # Its card says where its words are; they are there, in the appendix.
        card = next(page for level, title, page in bookmarks if title == f"Film: {film.title}")
        card_text = normalized(pages[card - 1])
        after = card_text[card_text.index(film.title):]
        referred = int(re.search(r"Läs det som sägs i den högt: sidan (\d+)", after)[1])
        assert transcripts <= referred <= appendix_end, film.id
        last_words = normalized(film.transcript.split("\n\n")[1])[:40]
        assert last_words in normalized(pages[referred - 1] + pages[referred]), film.id


def _runs(reader: PdfReader, number: int) -> list[tuple[float, float, str]]:
    """The text of page `number` (1-based) as (size in pt, baseline in mm from the bottom, text)."""
    runs = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        # The text matrix times the page's matrix: its scale is the size as printed.
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append((size * math.hypot(c, d), y / MM, text))

    reader.pages[number - 1].extract_text(visitor_text=visit)
    return runs


def test_no_text_is_under_9_5_pt_and_the_films_words_are_at_least_10_5(reader, bookmarks):
    smallest = min((size, number, text) for number in range(1, len(reader.pages) + 1)
                   for size, _, text in _runs(reader, number))
    assert smallest[0] >= 9.5 - 0.01, f"{smallest[2]!r} on page {smallest[1]} is {smallest[0]:.1f} pt"
    appendix = dict(children(bookmarks, "Bilagor"))
    for number in range(appendix["Det här sägs i filmerna"], appendix["Anteckningar"]):
        body = [(size, text) for size, y, text in _runs(reader, number)
                if BODY_BOTTOM_MM < y < BODY_TOP_MM]
        assert body, number
        assert min(body)[0] >= 10.5 - 0.01, f"page {number}: {min(body)}"


def test_no_page_is_nearly_empty(pdf: Path, tmp_path: Path):
    # Each page as a photocopier sees it, at 40 dpi in grey: ink (anything darker than the
    # paper, the light grey writing lines too) must reach a fifth of the way down the body.
    dpi = 40
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(tmp_path / "p")],
                   check=True)
    top, bottom = (round(mm / 25.4 * dpi) for mm in (297 - BODY_TOP_MM, BODY_BOTTOM_MM))
    for png in sorted(tmp_path.glob("p-*.p?m")):
        image = Image.open(png)
        body = image.crop((0, top, image.width, image.height - bottom))
        rows = [y for y in range(body.height)
                if body.crop((0, y, body.width, y + 1)).getextrema()[0] < 240]
        filled = (max(rows) + 1) / body.height if rows else 0
        assert filled >= 0.2, f"{png.name}: only {filled:.0%} of the page is used"


def test_the_attendance_list_has_a_row_for_the_dates(pages, bookmarks):
    page = dict(children(bookmarks, "Bilagor"))["Närvarolista"]
    text = normalized(pages[page - 1])
    assert "Datum" in text and text.index("Datum") < text.index("Namn")


def test_session_5_points_to_the_local_routines_sheet_which_has_room(
        pages, bookmarks, shipped_library: Library, pdf: Path):
    sheet = dict(children(bookmarks, "Bilagor"))["Så gör vi hos oss"]
    session = shipped_library.study_guide.sessions[4]
    text = normalized(session_text(pages, bookmarks, 5, session.title))
    assert f"Så gör vi hos oss (sidan {sheet})" in text
    # The generic guide: every local routine with its question and room to write under it.
    routines = normalized("\n".join(pages[sheet - 1:sheet + 2]))
    assert all(normalized(f"{slot.label}. {slot.question}") in routines
               for slot in kinds.LOCAL_SLOTS.values())


def test_the_role_play_box_is_only_where_there_is_role_play(
        pages, bookmarks, shipped_library: Library):
    with_role_play = 0
    for number, session in enumerate(shipped_library.study_guide.sessions, start=1):
        role_play = any("rollspel" in step.activity.lower() for step in session.plan)
        with_role_play += role_play
        text = session_text(pages, bookmarks, number, session.title).lower()
        assert ("stoppord" in text) == role_play, f"träff {number}"
    assert with_role_play, "no session has a role play: the test would prove nothing"
    first, last = part(bookmarks, "Till samtalsledaren")
    assert "stoppord" not in "\n".join(pages[first - 1:last]).lower()


def test_session_5_has_an_example_answer_for_every_writing_task(shipped_library: Library):
    session = shipped_library.study_guide.sessions[4]
    exercises = [shipped_library.exercises[step.exercise] for step in session.plan if step.exercise]
    assert exercises
    for exercise in exercises:
        assert len(exercise.example_answers) >= len(exercise.writing), exercise.id


def test_session_1_has_a_break(shipped_library: Library):
    assert any(step.pause for step in shipped_library.study_guide.sessions[0].plan)
