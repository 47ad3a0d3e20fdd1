"""The editor guide (REDAKTORSHANDBOK.md), followed step by step on a copy of the content.

The guide's examples are the very text these tests add to the files: a guide that drifts
from the code fails here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import CASES, REPO, break_content, mkdocs_build, run_check, site_project
from pratamedbarn import kinds
from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library
from pratamedbarn.markdown import render
from pratamedbarn.pages import build_pages
from pratamedbarn.site_build import SiteBuild

GUIDE = REPO / "REDAKTORSHANDBOK.md"
TEXT = GUIDE.read_text(encoding="utf-8")
EXAMPLES = dict(re.findall(r"<!-- test: ([a-z-]+) -->\n```[a-z]*\n(.*?)```", TEXT, re.S))
#: The sections as GitHub and GitLab show the guide: their anchors keep å, ä and ö.
SECTIONS = re.findall(r"^## (.+)$", TEXT, re.M)


def anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, no punctuation, hyphens for spaces."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


#: The guide's copy commands: an example film's files lent to a film not recorded yet.
BORROW = re.findall(r"^cp (\S+) (\S+)$", EXAMPLES["borrow-example"], re.M)


def append(path: Path, block: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block, encoding="utf-8")


def add_film_as_the_guide_says(content: Path) -> None:
    """'Lägg till en film' with its checklist, exercise, source, session and news post."""
    # The shipped example film's files, copied as the guide says.
    for source, target in BORROW:
        shutil.copy(REPO / source, content / target)
    append(content / "videos.yaml", EXAMPLES["film"])
    (content / "checklists" / "arg-barn.yaml").write_text(EXAMPLES["checklist"], encoding="utf-8")
    (content / "exercises" / "mota-ilska.yaml").write_text(EXAMPLES["exercise"], encoding="utf-8")
    append(content / "references.yaml", EXAMPLES["reference"])
    append(content / "study_guide.yaml", EXAMPLES["session"])
    append(content / "quizzes" / "fore-samtalet.yaml", EXAMPLES["quiz"])
    news = content / "docs" / "nyheter"
    news.mkdir(parents=True, exist_ok=True)
    (news / "2027-02-01-ny-film-om-arga-barn.md").write_text(EXAMPLES["news"], encoding="utf-8")


def build(tmp_path: Path, content: Path) -> Path:
    project = site_project(tmp_path, content, study_guide=True)
    # The repository's own news would be copied in too; the guide's post is enough here.
    for post in (project / "docs" / "nyheter").glob("2026-*.md"):
        post.unlink()
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_example_the_tests_follow_is_in_the_guide():
    assert len(BORROW) == 3
    assert set(EXAMPLES) == {"typo-output", "film", "source-file", "source-youtube", "source-vimeo",
                             "source-embed", "embed-hosts", "checklist", "exercise", "reference",
                             "session", "news", "reviewed", "quiz", "borrow-example", "edition",
                             "lokalt"}


def test_the_table_of_contents_lists_every_section_and_every_anchor_leads_somewhere():
    contents = TEXT.split("**Innehåll**")[1].split("\n## ")[0]
    listed = re.findall(r"^\d+\. \[(.+)\]\(#(.+)\)$", contents, re.M)
    assert listed == [(heading, anchor(heading)) for heading in SECTIONS]
    linked = set(re.findall(r"\]\(#([^)]+)\)", TEXT))
    assert linked <= {anchor(heading) for heading in re.findall(r"^#+ (.+)$", TEXT, re.M)}


def test_a_review_written_as_the_guide_shows_is_on_the_page(content: Path):
    # Last in an exercise's file, and last among a film's fields in videos.yaml.
    append(content / "exercises" / "lyssna.yaml", EXAMPLES["reviewed"])
    indented = "".join(f"    {line}" for line in EXAMPLES["reviewed"].splitlines(keepends=True))
    append(content / "videos.yaml", indented)
    library = load_library(content)
    film = library.videos.films[-1]
    assert film.reviewed == library.exercises["lyssna"].reviewed
    pages = build_pages(library)
    for kind, item_id in (("exercise", "lyssna"), ("film", film.id)):
        assert ('Fackgranskad <time datetime="2026-11-20">20 november 2026</time> av legitimerad '
                "psykolog vid Barnahus") in pages[kinds.kind(kind).path(item_id)]


def test_the_guide_is_linked_from_the_readme_and_not_published():
    assert "REDAKTORSHANDBOK.md" in (REPO / "README.md").read_text(encoding="utf-8")
    assert not (REPO / "docs" / GUIDE.name).exists()


def test_a_new_film_with_checklist_exercise_source_session_and_news(tmp_path: Path, content: Path):
    add_film_as_the_guide_says(content)
    result = run_check(content)
    assert result.returncode == 0, result.stderr
    site = build(tmp_path, content)

    # In the navigation (pruned to the open section): the film under its theme, the
    # checklist and exercise under theirs.
    def menu(path: str) -> list[str]:
        return [a.get_text(" ", strip=True) for a in page(site, path).select("nav.md-nav--primary a")]

    film_menu = menu("filmer/arg-barn")
    assert "Hur pratar jag med ett barn som är argt?" in film_menu
    assert "Under samtalet" in [label.get_text(" ", strip=True) for label in
                                page(site, "filmer/arg-barn").select("nav.md-nav--primary label")]
    assert "När barnet är argt" in menu("checklistor/arg-barn")
    assert "Att möta ett argt barn" in menu("ovningar/mota-ilska")
    assert "Nyheter" in menu("")
    film = page(site, "filmer/arg-barn")
    assert film.select_one("video source")["src"].endswith("media/filmer/arg-barn.mp4")
    assert film.select_one("video track")["srclang"] == "sv"

    # In the search index.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["filmer/arg-barn/"] == "Hur pratar jag med ett barn som är argt?"
    assert titles["checklistor/arg-barn/"] == "När barnet är argt"
    assert titles["ovningar/mota-ilska/"] == "Att möta ett argt barn"

    # In the study guide PDF: the session, its exercise and checklist, the new reference.
    text = subprocess.run(["pdftotext", "-layout", str(site / "studiehandledning.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for words in ("När barnet är argt", "Att möta ett argt barn", "Vad säger du först?",
                  "Jag erbjöd barnet en paus.", "Föräldrabalk (1949:381)"):
        assert words in text, words

    # The self-check question, with the film and the checklist its answers point to.
    quiz = page(site, "testa-dig-sjalv/fore-samtalet")
    assert "Vad gör du?" in quiz.get_text(" ")
    assert quiz.select_one('a[href$="checklistor/arg-barn/"]') is not None

    # On the news page, newest first, and in the feed.
    news = page(site, "nyheter")
    assert news.select("article h2")[0].get_text(strip=True) == "Ny film: när barnet är argt"
    assert "Ny film: när barnet är argt" in (site / "nyheter" / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind, shows", [
    ("source-youtube", "https://www.youtube.com/watch?v=AbCdEf12345"),
    ("source-vimeo", "https://vimeo.com/123456789"),
    ("source-embed", "https://play.minkommun.se/embed/abc123"),
])
def test_replacing_the_film_with_one_from_another_host(content: Path, kind: str, shows: str):
    add_film_as_the_guide_says(content)
    videos = content / "videos.yaml"
    text = videos.read_text(encoding="utf-8")
    assert EXAMPLES["source-file"] in text
    text = text.replace(EXAMPLES["source-file"], EXAMPLES[kind]).replace("    example: true\n", "")
    videos.write_text(text, encoding="utf-8")
    if kind == "source-embed":
        assert run_check(content).returncode == 1  # not yet an approved host
        hosts = EXAMPLES["embed-hosts"].removeprefix("embed_hosts:\n")
        videos.write_text(text.replace("embed_hosts:\n", "embed_hosts:\n" + hosts, 1), encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 0, result.stderr
    markdown = build_pages(load_library(content))[kinds.kind("film").path("arg-barn")]
    film = BeautifulSoup(render(markdown), "html.parser")
    assert film.select_one("video") is None
    assert film.find("a", href=shows) is not None
    assert not film.select("iframe")  # nothing loads from the other host before a click


def test_the_content_check_catches_the_typo_the_guide_shows(content: Path):
    # The guide's example names a shipped file; the same typo in a fixture file must give
    # the same message, so the example holds whatever the editors do to that file.
    shown = EXAMPLES["typo-output"].strip()
    assert re.match(r"^exercises/[a-z0-9-]+\.yaml:\d+: titel: ", shown), shown
    exercise = content / "exercises" / "lyssna.yaml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("title:", "titel:", 1),
                        encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 1
    said = next(line for line in result.stderr.splitlines() if ": titel: " in line)
    assert said.split(": titel: ", 1)[1] == shown.split(": titel: ", 1)[1]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_error_table_explains_every_kind_of_content_error(content: Path, case: dict):
    table = TEXT.split("## Felmeddelanden och hur du rättar dem")[1].split("\n## ")[0]
    phrases = [p.strip() for row in re.findall(r"^\| ([^|]+) \|", table, re.M)[1:]
               for p in row.split(",")]
    break_content(content, case)
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    line = next(line for line in str(caught.value).splitlines() if line.startswith(case["expect"]))
    assert any(phrase in line for phrase in phrases), f"no row of the guide's table fits: {line}"


def test_renaming_an_id_as_the_guide_says(content: Path):
    section = TEXT.split("## Byt namn på något")[1].split("\n## ")[0]
    assert "aliases: [tolk]" in section and "döp om filen" in section
    # 1. The new id, with the old one under aliases; 2. the file renamed.
    old = content / "exercises" / "lyssna.yaml"
    text = old.read_text(encoding="utf-8").replace("id: lyssna\n", "id: lyssna-aktivt\naliases: [lyssna]\n")
    (content / "exercises" / "lyssna-aktivt.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    # 3. The check names every place that still says the old id.
    with pytest.raises(ContentError) as caught:
        SiteBuild.load(content)
    assert {p.file for p in caught.value.problems} == {"videos.yaml"}
    assert all("'lyssna' heter nu 'lyssna-aktivt'" in p.message for p in caught.value.problems)
    for problem in caught.value.problems:
        path = content / problem.file
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[problem.line - 1] = lines[problem.line - 1].replace("lyssna", "lyssna-aktivt")
        path.write_text("".join(lines), encoding="utf-8")
    # 4. Then it passes, and the old address leads on to the new page.
    build = SiteBuild.load(content)
    moved = build.markdown["ovningar/lyssna.md"]
    assert "redirect: ../lyssna-aktivt/" in moved


def test_an_edition_made_as_the_guide_shows_fills_the_pages_that_ask_for_its_routines(
        content: Path):
    from pratamedbarn.editions import EDITIONS_DIR

    (content / EDITIONS_DIR).mkdir()
    (content / EDITIONS_DIR / "sjobacka.yaml").write_text(EXAMPLES["edition"], encoding="utf-8")
    videos = content / "videos.yaml"
    film = load_library(content).videos.films[0]
    # `lokalt:` last among the first film's fields, as the guide says.
    text = videos.read_text(encoding="utf-8")
    first_field = f"  - id: {film.id}\n"
    assert first_field in text
    text = text.replace(first_field, first_field + "    " + EXAMPLES["lokalt"], 1)
    videos.write_text(text, encoding="utf-8")
    result = run_check(content)
    assert result.returncode == 0, result.stderr
    assert "1 lokal utgåva i ordning: sjobacka." in result.stdout
    build = SiteBuild.load(content, edition="sjobacka")
    page_text = build.markdown[kinds.kind("film").path(film.id)]
    assert "Barnahus Sjöstaden" in page_text and "Så gör vi hos oss" in page_text
    # The guide names every routine there is.
    section = TEXT.split("## Ny utgåva för en kommun")[1].split("\n## ")[0]
    for slot in kinds.LOCAL_SLOTS.values():
        assert f"| `{slot.name}` | {slot.label} |" in section

