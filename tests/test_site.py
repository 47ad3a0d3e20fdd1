"""A strict build of the site, and tests on the built HTML."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import GOOD, REPO, mkdocs_build, site_project
from pratamedbarn import kinds
from pratamedbarn.library import load_library
from pratamedbarn.urls import page_url


def soup(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_shipped_site_builds_strictly_with_a_page_for_every_item(shipped_site: Path):
    library = load_library(REPO)
    for kind in kinds.with_pages():
        for item_id in library.items[kind.name]:
            assert (shipped_site / page_url(kind.path(item_id)) / "index.html").is_file()


def test_a_page_for_every_film_checklist_and_exercise(fixture_site: Path):
    library = load_library(GOOD)
    for folder, items in (("filmer", library.films), ("checklistor", library.checklists),
                          ("ovningar", library.exercises)):
        for item_id, item in items.items():
            page = soup(fixture_site, f"{folder}/{item_id}")
            assert page.find("h1").get_text(strip=True) == item.title
            assert page.find("html")["lang"] == "sv"


def test_only_a_reviewed_item_says_when_and_by_whom(fixture_site: Path):
    # The fixture's checklist fore-samtalet has `reviewed:`; no other item has.
    library = load_library(GOOD)
    shown = {}
    for kind in kinds.with_pages():
        if "reviewed" not in kind.model.model_fields:
            continue
        for item_id in library.items[kind.name]:
            line = soup(fixture_site, page_url(kind.path(item_id))).select_one(".pmb-reviewed")
            if line:
                shown[kind.name, item_id] = (" ".join(line.get_text().split()),
                                             line.time["datetime"])
    assert shown == {("checklist", "fore-samtalet"): (
        "Fackgranskad 20 november 2026 av legitimerad psykolog vid Barnahus", "2026-11-20")}


def _internal_targets(site: Path):
    for html in site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                          ("video", "poster"), ("source", "src"), ("track", "src")):
            for element in page.find_all(tag):
                value = element.get(attr)
                if not value or urlsplit(value).scheme or value.startswith(("#", "//")):
                    continue
                yield html, value


def test_every_internal_link_resolves(fixture_site: Path):
    missing = []
    for html, value in _internal_targets(fixture_site):
        path = unquote(urlsplit(value).path)
        base = fixture_site if path.startswith("/") else html.parent
        target = Path(posixpath.normpath(str(base / path.lstrip("/"))))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            missing.append(f"{html.relative_to(fixture_site)} -> {value}")
    assert not missing, "\n".join(missing)


def test_self_hosted_film_is_a_video_with_swedish_captions(fixture_site: Path):
    page = soup(fixture_site, "filmer/forbereda-samtalet")
    video = page.find("video")
    assert video.has_attr("controls") and video["preload"] == "none"
    assert video["poster"].endswith("media/affischer/forbereda-samtalet.jpg")
    track = video.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "sv"
    assert not page.find("iframe")


@pytest.mark.parametrize("film_id, host, link", [
    ("inleda-samtalet", "www.youtube-nocookie.com", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("tolk", "player.vimeo.com", "https://vimeo.com/76979871"),
    ("lokal-film", "play.exempelkommun.se", "https://play.exempelkommun.se/embed/123"),
])
def test_film_on_another_host_waits_for_a_click(fixture_site: Path, film_id, host, link):
    page = soup(fixture_site, f"filmer/{film_id}")
    figure = page.find("figure", class_="pmb-embed")
    assert urlsplit(figure["data-embed-src"]).hostname == host
    assert not page.find("iframe"), "no iframe may load before the learner asks"
    assert figure.find("img")["src"].startswith("../../media/")
    assert figure.find("button", class_="pmb-embed__start")
    assert figure.find("a", class_="pmb-embed__link")["href"] == link


def test_navigation_follows_the_investigation(fixture_site: Path):
    page = soup(fixture_site, "")
    items = page.select_one("nav.md-nav--primary > ul").find_all("li", recursive=False)
    labels = [li.find(["a", "label"]).get_text(" ", strip=True) for li in items]
    # The generated pages in the order of an investigation, then the hand-written pages
    # (the fixture's own: see helpers.site_project).
    assert labels == ["Start", "Före samtalet", "Under samtalet", "Checklistor", "Övningar",
                      "Testa dig själv", "Till barnet", "Mina anteckningar",
 "Studiehandledning", "Forskning och lagar",
                      "Nyheter", "Om webbplatsen", "Tillgänglighet"]


def test_broken_content_fails_the_build_with_the_content_error(tmp_path: Path, content: Path):
    (content / "exercises" / "lyssna.yaml").write_text("id: lyssna\ntitel: x\n", encoding="utf-8")
    result = mkdocs_build(site_project(tmp_path, content), tmp_path / "site")
    assert result.returncode == 1
    assert "exercises/lyssna.yaml:2: titel: okänt fält" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("old, new", [("filmer/forbereda", "filmer/forbereda-samtalet"),
                                      ("ovningar/borja-samtalet", "ovningar/forsta-minuten")])
def test_an_old_id_sends_the_browser_on_with_a_link_as_fallback(fixture_site: Path, old, new):
    page = soup(fixture_site, old)
    link = page.select_one("article a[href]")
    target = Path(posixpath.normpath(str(fixture_site / old / link["href"])))
    assert target == fixture_site / new
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, _, url = refresh.partition("; url=")
    assert delay == "0"
    assert Path(posixpath.normpath(str(fixture_site / old / url))) == fixture_site / new
    assert not soup(fixture_site, new).find("meta", attrs={"http-equiv": "refresh"})


def test_my_notes_page_has_every_question_and_the_ids_to_fill_in(fixture_site: Path):
    library = load_library(GOOD)
    page = soup(fixture_site, "mina-anteckningar")
    for exercise in library.exercises.values():
        section = page.find("section", attrs={"data-exercise-notes": exercise.id})
        assert section.get("data-aliases", "").split() == exercise.aliases
        # The writing tasks first, as the exercise page has them, then the questions.
        questions = [h.get_text(strip=True) for h in section.find_all("h4")]
        assert questions == [t.label for t in exercise.writing] + [q.text for q in exercise.questions]
        slots = [div["data-question"] for div in section.select(".pmb-answer")]
        assert slots == [t.id for t in exercise.writing] + [q.id for q in exercise.questions]
    films = page.find("p", class_="pmb-progress")["data-films"].split()
    assert films == list(library.films)


def test_exercise_questions_carry_their_ids_for_the_notes(fixture_site: Path):
    library = load_library(GOOD)
    for exercise in library.exercises.values():
        page = soup(fixture_site, f"ovningar/{exercise.id}")
        headings = [h for box in page.find_all(attrs={"data-exercise": exercise.id})
                    for h in box.find_all("h3", attrs={"data-question": True})]
        assert [(h["data-question"], h.get_text(strip=True)) for h in headings] == \
            [(t.id, t.label) for t in exercise.writing] + [(q.id, q.text) for q in exercise.questions]


def test_generated_pages_have_no_inline_scripts_or_event_handlers(fixture_site: Path):
    # A Content-Security-Policy without 'unsafe-inline' must be able to cover what we add.
    for html in fixture_site.rglob("*.html"):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        assert not article.find("script"), html
        for element in article.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], html


def test_a_session_page_names_the_sheets_from_the_back_of_the_guide(shipped_site: Path):
    library = load_library(REPO)
    session_kind = kinds.kind("session")
    for session in library.items["session"].values():
        needs = soup(shipped_site, page_url(session_kind.path(session.id))).get_text(" ")
        evaluation = "utvärderingen, ur studiehandledningens Kopieringsunderlag" in needs
        assert evaluation == ("utvardering" in session.sheets), session.id
        assert ("Bladet Så gör vi hos oss" in needs) == ("hos-oss" in session.sheets), session.id
