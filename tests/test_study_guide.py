"""The study guide PDF, tested by opening it: text, contents, outline, metadata, fonts, QR codes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from helpers import GOOD, REPO, made_once
from pratamedbarn import study_guide
from pratamedbarn.library import load_library
from pratamedbarn.study_guide import (
    Layout,
    build_study_guide,
    read_publication,
    render_html,
    write_pdf,
)
from pratamedbarn.version import current_version

SITE_URL = read_publication(REPO / "mkdocs.yml").site_url


@pytest.fixture(scope="session")
def guide(tmp_path_factory) -> Path:
    """The fixture content's study guide, built once."""
    def build(tmp: Path) -> None:
        build_study_guide(GOOD, tmp / "studiehandledning.pdf", REPO / "mkdocs.yml")

    return made_once(tmp_path_factory, "guide", build) / "studiehandledning.pdf"


@pytest.fixture(scope="session")
def reader(guide: Path) -> PdfReader:
    return PdfReader(guide)


def normalized(text: str) -> str:
    """Text as pdftotext gives it, with hyphenation undone and white space collapsed."""
    return " ".join(re.sub(r"-\n", "", text).split())


def page_text(pdf: Path, first: int, last: int | None = None, layout: bool = False) -> str:
    """The text of pages first..last (1-based), from poppler's pdftotext; `layout` keeps each
    line of the page one line of text (pdftotext may otherwise put a column of it apart)."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-f", str(first),
                           "-l", str(last or first), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """The bookmarks as (level, title, 1-based page)."""
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def _has_notes(kind: str, item) -> bool:
    # The facilitator's part prints each film, and each exercise with example answers or a
    # shorter variant; the rest is only on the participants' sheets.
    return kind == "film" or (kind == "exercise"
                              and bool(item.example_answers or item.short_variant))


def expected_sections(root: Path) -> list[tuple[int, str]]:
    """The guide's sections as a reader of study_guide.yaml expects them, with their levels."""
    library = load_library(root)
    # In the order of the site's menu (the registry of kinds).
    kinds = (("film", "Film", library.films), ("checklist", "Checklista", library.checklists),
             ("exercise", "Övning", library.exercises))
    sections = [(1, "Innehåll"), (1, "Till samtalsledaren")]
    seen, sheets = set(), []
    for number, session in enumerate(library.study_guide.sessions, start=1):
        sections.append((1, f"Träff {number}. {session.title}"))
        for step in session.plan:
            for kind, label, items in kinds:
                item_id = getattr(step, kind)
                if item_id and (kind, item_id) not in seen:
                    seen.add((kind, item_id))
                    if _has_notes(kind, items[item_id]):
                        sections.append((2, f"{label}: {items[item_id].title}"))
                    if kind != "film":
                        sheets.append((2, f"{label}: {items[item_id].title}"))
    extra = [(kind, label, item) for kind, label, items in kinds for item in items.values()
             if (kind, item.id) not in seen]
    if extra:
        sections += [(1, "Mer att använda")] + [(2, f"{label}: {item.title}")
                                                for kind, label, item in extra
                                                if _has_notes(kind, item)]
    sheets += [(2, f"{label}: {item.title}") for kind, label, item in extra if kind != "film"]
    sections += [(1, "Kopieringsunderlag"), *sheets, (2, "Utvärdering")]
    appendices = [(2, title) for title in ("Översikt över träffarna", "Närvarolista",
                                            "Så gör vi hos oss", "Det här sägs i filmerna",
                                            "Anteckningar")]
    return sections + [(1, "Bilagor"), *appendices, (1, "Källor"), (1, "Om handledningen")]


def test_every_session_film_exercise_and_checklist_title_is_in_it(guide: Path):
    library = load_library(GOOD)
    text = normalized(page_text(guide, 1, 999))
    titles = ([s.title for s in library.study_guide.sessions] + [f.title for f in library.films.values()]
              + [e.title for e in library.exercises.values()]
              + [c.title for c in library.checklists.values()])
    for title in titles:
        assert title in text


def test_time_plan_shows_the_clock_from_the_start_of_the_session(guide: Path):
    text = normalized(page_text(guide, 1, 999))
    # The fixture's plan: 10, 10, 30 and 40 minutes.
    for span in ("0:00–0:10", "0:10–0:20", "0:20–0:50", "0:50–1:30"):
        assert span in text


def test_outline_follows_the_sections(reader: PdfReader):
    assert [(level, title) for level, title, _ in outline(reader)] == expected_sections(GOOD)


def test_each_contents_entry_names_the_page_where_its_section_starts(guide: Path,
                                                                      reader: PdfReader):
    sections = outline(reader)[1:]  # the contents do not list themselves
    contents_pages = range(outline(reader)[0][2], sections[0][2])
    # As laid out: the page numbers at the right, on their entries' lines (a number that
    # WeasyPrint's leader stops short of would otherwise be read as a column of its own).
    contents = "".join(page_text(guide, n, layout=True) for n in contents_pages)
    # Each entry ends with its page number after the dot leaders; titles may wrap.
    numbers = [int(n) for n in re.findall(r"(?:\. ?)+ *(\d+)\s*$", contents, flags=re.M)]
    assert len(numbers) == len(sections), contents
    for (level, title, page), number in zip(sections, numbers, strict=True):
        assert number == page, f"{title}: contents say {number}, the section starts on {page}"
        heading = title.split(": ", 1)[-1] if level == 2 else title.split(". ", 1)[-1]
        assert heading in normalized(page_text(guide, page)), f"{heading} not on page {page}"


def test_metadata_and_language(reader: PdfReader):
    assert reader.metadata.title == "Prata med barn: Studiehandledning"
    assert reader.metadata.author == read_publication(REPO / "mkdocs.yml").author
    assert reader.trailer["/Root"]["/Lang"] == "sv"


def test_it_is_a_tagged_pdf(reader: PdfReader):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])


def test_all_fonts_are_embedded_and_are_the_shipped_font(guide: Path):
    lines = subprocess.run(["pdffonts", str(guide)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        # Atkinson Hyperlegible, and DejaVu Sans for the digits in times (unslashed zero).
        assert "Atkinson-Hyperlegible" in name or "Guide-digits" in name, line


def test_a_film_card_qr_code_opens_the_films_page(guide: Path, reader: PdfReader, tmp_path: Path):
    page = next(page for level, title, page in outline(reader)
                if title == "Film: Hur förbereder jag mig?")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page),
                    "-singlefile", str(guide), str(tmp_path / "page")], check=True)
    codes = {code.text for code in zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))}
    assert f"{SITE_URL}filmer/forbereda-samtalet/" in codes


def test_links_to_the_site_work_on_screen(reader: PdfReader):
    uris = {annotation.get_object()["/A"].get("/URI")
            for page in reader.pages for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/A")}
    assert f"{SITE_URL}filmer/forbereda-samtalet/" in uris
    assert f"{SITE_URL}ovningar/forsta-minuten/" in uris


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build_study_guide.py"), *args],
                          capture_output=True, text=True, check=False)


def test_broken_study_guide_gives_the_content_error(content: Path, tmp_path: Path):
    path = content / "study_guide.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 40", "minutes: 45"),
                    encoding="utf-8")
    result = run_cli("--root", str(content), "-o", str(tmp_path / "guide.pdf"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "study_guide.yaml:14: träff 'traff-1': tidsplanen blir 95 minuter" in result.stderr
    assert not (tmp_path / "guide.pdf").exists()


def test_the_shipped_guide_has_every_section_in_its_outline(shipped_site: Path):
    reader = PdfReader(shipped_site / "studiehandledning.pdf")
    assert [(level, title) for level, title, _ in outline(reader)] == expected_sections(REPO)


def test_the_guide_builds_with_another_base_url(content: Path, tmp_path: Path):
    shutil.copy(REPO / "mkdocs.yml", content)  # --root: the content and its mkdocs.yml
    pdf = tmp_path / "guide.pdf"
    result = run_cli("-o", str(pdf), "--base-url", "https://exempel.se/prata/", "--root", str(content))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    assert [(level, title) for level, title, _ in outline(reader)] == expected_sections(GOOD)
    uris = {annotation.get_object()["/A"].get("/URI")
            for page in reader.pages for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/A")}
    assert any(uri.startswith("https://exempel.se/prata/filmer/") for uri in uris)


def test_the_site_build_includes_the_pdf(shipped_site: Path):
    assert (shipped_site / "studiehandledning.pdf").read_bytes().startswith(b"%PDF-")


def test_a_film_in_two_sessions_is_printed_once_and_referred_to_after(content: Path):
    path = content / "study_guide.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """\
  - id: traff-2
    title: Att se filmen igen
    minutes: 20
    goal: Att minnas.
    materials: [Pennor]
    plan:
      - minutes: 20
        activity: Film igen
        film: forbereda-samtalet
        questions: ["Vad minns ni?", "Vad har ni prövat?"]
    key_messages: [Det går att se en film igen.]
    pitfalls: [Ingen minns filmen.]
    next_time: Ingenting.
""", encoding="utf-8")
    library = load_library(content)
    html = render_html(library, read_publication(REPO / "mkdocs.yml"), current_version(content))
    assert html.count('id="film-forbereda-samtalet"') == 1
    second = html[html.index('id="traff-2"'):]
    assert 'class="see-earlier"><a class="page-ref" href="#film-forbereda-samtalet"' in second
    # The second session's own questions about the film are printed where it refers back.
    assert "Vad har ni prövat?" in second


def _layout_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_a_guide_laid_out_like_another_prints_the_same_in_one_layout(tmp_path: Path,
                                                                      monkeypatch):
    # Another edition's page numbers, written in, spare the layouts target-counter() needs.
    html = render_html(load_library(GOOD), read_publication(REPO / "mkdocs.yml"),
                       current_version(GOOD))
    layout = write_pdf(html, tmp_path / "alone.pdf")
    assert layout.sheets and layout.pages
    layouts = []
    real = study_guide._document
    monkeypatch.setattr(study_guide, "_document",
                        lambda *args: layouts.append(args) or real(*args))
    assert write_pdf(html, tmp_path / "like.pdf", like=layout) == layout
    assert len(layouts) == 1
    # Numbers that do not hold for this text: laid out again with the pages it found.
    layouts.clear()
    moved = Layout({anchor: page + 1 for anchor, page in layout.pages.items()}, layout.sheets)
    assert write_pdf(html, tmp_path / "moved.pdf", like=moved) == layout
    assert len(layouts) == 2
    # Sheets whose text is not the text they were measured with are measured again.
    layouts.clear()
    other = Layout(layout.pages, {anchor: ("en annan text", length + 1)
                                  for anchor, (_, length) in layout.sheets.items()})
    assert write_pdf(html, tmp_path / "other.pdf", like=other) == layout
    assert len(layouts) == 2  # the sheets alone, then the guide
    alone = _layout_text(tmp_path / "alone.pdf")
    assert re.search(r"\(sidan \d+\)", alone)
    for name in ("like", "moved", "other"):
        assert _layout_text(tmp_path / f"{name}.pdf") == alone, name
