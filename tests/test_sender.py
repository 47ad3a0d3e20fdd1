"""Issue 19 without a browser: the publisher's settings, the production check, what search
indexes, exercises alone or together, and the films' order at the end of a film page."""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import GOOD, REPO, mkdocs_build, site_project
from pratamedbarn import kinds
from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library
from pratamedbarn.models import Exercise
from pratamedbarn.publisher import PRODUCTION_ENV, fill, placeholder
from pratamedbarn.search import forms, keywords, refine_index
from pratamedbarn.urls import page_url


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def empty_publisher(root: Path, keep: tuple[str, ...] = ()) -> None:
    path = root / "site.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["publisher"] = {k: v for k, v in data["publisher"].items() if k in keep}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def run(root: Path, *args: str, production: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != PRODUCTION_ENV}
    if production:
        env[PRODUCTION_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "pratamedbarn", *args, "--root", str(root)],
                          capture_output=True, text=True, check=False, env=env)


# ---- The sender ----

def test_every_page_names_the_publisher_with_links_to_accessibility_and_about(fixture_site: Path):
    for page in ("index.html", "filmer/tolk/index.html", "checklistor/fore-samtalet/index.html",
                 "tillganglighet/index.html"):
        footer = soup(fixture_site, page).select_one("footer .pmb-sender")
        assert "Utges av FoU-center i Region Exempel" in footer.get_text(" ", strip=True), page
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        assert links["info@exempel.se"] == "mailto:info@exempel.se"
        assert links["Lämna synpunkter"] == "https://exempel.se/synpunkter"
        here = posixpath.dirname(page) or "."
        for name, target in (("Tillgänglighet", "tillganglighet"), ("Om webbplatsen", "om-oss")):
            assert posixpath.normpath(posixpath.join(here, links[name])) == target, page
        logo = footer.select_one("img.pmb-sender__logo")
        assert logo["alt"] == "FoU-center i Region Exempel"
        assert (fixture_site / page).parent.joinpath(logo["src"]).resolve().is_file()


def test_the_accessibility_statement_is_filled_in_from_the_settings(fixture_site: Path):
    text = soup(fixture_site, "tillganglighet/index.html").select_one("article").get_text(" ")
    assert "FYLL I" not in text and "{{" not in text
    for value in ("FoU-center i Region Exempel", "info@exempel.se", "010-123 45 67",
                  "Webbansvarig på FoU-centret", "https://exempel.se/synpunkter"):
        assert value in text


def test_no_shipped_page_has_a_placeholder_of_its_own():
    # Every "[FYLL I …]" comes from an empty setting, never from the page's own text.
    for path in (REPO / "docs").rglob("*.md"):
        assert "FYLL I" not in path.read_text(encoding="utf-8"), path


def test_an_empty_setting_shows_what_to_fill_in_and_an_unknown_one_stops_the_build():
    library = load_library(GOOD)
    empty = library.site.publisher.model_copy(update={"phone": ""})
    assert fill("Ring {{ publisher.phone }}.", empty, "x.md") == (
        f"Ring **{placeholder('publisher.phone')}**.")
    with pytest.raises(ContentError, match=r"publisher\.fax"):
        fill("Fax: {{ publisher.fax }}", empty, "x.md")


def test_check_warns_for_each_empty_setting_and_still_passes(content: Path):
    empty_publisher(content, keep=("name",))
    result = run(content, "check")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if "publisher." in line]
    assert any("publisher.email: fyll i e-postadress" in w for w in warnings)
    assert not any("publisher.name" in w for w in warnings)
    assert len(warnings) == 6  # email, phone, responsible, feedback, logo, support


def test_a_production_build_stops_naming_the_empty_setting(content: Path, tmp_path: Path):
    empty_publisher(content, keep=("name", "email", "phone", "responsible", "feedback"))
    project = site_project(tmp_path, content)
    result = run(project, "generate", str(tmp_path / "out"), production=True)
    assert result.returncode == 1
    assert "site.yaml" in result.stderr and "publisher.logo: fyll i logotypen" in result.stderr
    assert "publisher.email" not in result.stderr
    # The same content builds when it is not the published build (a branch, a preview).
    result = run(project, "generate", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr


def test_the_shipped_workflows_publish_as_production_builds():
    github = (REPO / ".github/workflows/publicera.yml").read_text(encoding="utf-8")
    assert f"{PRODUCTION_ENV}: ${{{{ github.ref == 'refs/heads/main'" in github
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["variables"][PRODUCTION_ENV] == "1"
    assert PRODUCTION_ENV not in str(gitlab["test"])


# ---- Search ----

def search_index(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def test_search_leaves_out_lists_notes_and_fallbacks_and_labels_each_kind(shipped_site: Path,
                                                                           shipped_library):
    index = search_index(shipped_site)
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    for left_out in ("mina-anteckningar/", "checklistor/", "ovningar/", "nyheter/",
                     "teman/under-samtalet/"):
        assert left_out not in pages
    text = json.dumps(index, ensure_ascii=False)
    assert "Din webbläsare kan inte visa filmen" not in text
    assert "Nästa film" not in text
    tags = {doc["location"]: doc.get("tags") for doc in index["docs"] if "#" not in doc["location"]}
    # One item of each kind, whatever the editors have called it.
    for kind, tag in (("film", "Film"), ("checklist", "Checklista"), ("exercise", "Övning")):
        first = next(iter(shipped_library.items[kind]))
        assert tags[page_url(kinds.kind(kind).path(first))] == [tag], kind
    assert tags["studiehandledning/"] == ["Träff"]
    assert tags["tillganglighet/"] == ["Sida"]


def test_synonyms_and_their_forms_go_into_a_field_search_indexes(shipped_site: Path,
                                                                   shipped_library):
    index = search_index(shipped_site)
    assert "keywords" in index["config"]["fields"]
    assert "tags" in index["config"]["fields"]
    # A page that has a word of a synonym group is found by the group's words and forms.
    def mentions(doc: dict, word: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", doc["text"].lower()) is not None

    mentioned = [(group, doc) for group in shipped_library.site.synonyms for doc in index["docs"]
                 if " " not in group[0] and mentions(doc, group[0])]
    assert mentioned, "no page mentions a word of a synonym group"
    for group, doc in mentioned[:5]:
        singles = [word for word in group if " " not in word]
        assert {f for word in singles for f in forms(word)} <= set(doc["keywords"].split())


def test_a_section_gets_the_words_of_each_group_it_mentions():
    groups = [["orosanmälan", "anmälan"], ["små barn", "förskolebarn"]]
    assert "orosanmälan" in keywords("Fallet", "Skolan har gjort en anmälan.", groups)
    assert "förskolebarn" in keywords("", "Samtal med små barnen.", groups)
    assert keywords("", "Barn som är små.", groups) == []
    assert "anmälan" not in keywords("", "Vi pratar om små barn.", groups)


def test_refining_an_engine_without_materials_index_does_nothing(tmp_path: Path):
    assert refine_index(tmp_path, [["a", "b"]]) is False


# ---- Alone or together ----

def test_an_exercise_shows_the_solo_version_first_with_its_own_minutes(fixture_site: Path):
    article = soup(fixture_site, "ovningar/forsta-minuten/index.html").select_one("article")
    headings = [h.get_text(strip=True) for h in article.select("h3")]
    solo = headings.index("Om du gör övningen ensam (15 minuter)")
    group = headings.index("Om ni gör övningen i grupp (30 minuter)")
    assert solo < group
    assert "Ensam: 15 minuter · I grupp: 30 minuter" in article.get_text()
    assert "Skriv ner vad du själv skulle säga" in article.get_text()


def test_an_exercise_without_versions_keeps_its_steps(fixture_site: Path):
    text = soup(fixture_site, "ovningar/lyssna/index.html").select_one("article").get_text()
    assert "i grupp · 30 minuter" in text and "Sitt två och två." in text
    assert "Om du gör övningen ensam" not in text


def test_a_version_needs_its_format():
    with pytest.raises(ValueError, match="formats saknar individual"):
        Exercise(id="x", title="X", formats=["group"], minutes=10, purpose="P", steps=["S"],
                 solo={"minutes": 5, "steps": ["Gör"]},
                 questions=[{"id": "q", "text": "Q?"}])


# ---- Films in order ----

def test_a_film_page_ends_with_the_previous_and_next_film_in_the_themes_order(fixture_site: Path):
    library = load_library(GOOD)
    order = [f.id for t in library.videos.themes for f in library.films_in(t.id)]
    for at, film in enumerate(order):
        nav = soup(fixture_site, f"filmer/{film}/index.html").select_one("nav.pmb-film-nav")
        links = {a.select_one(".pmb-film-nav__dir").get_text(): a["href"] for a in nav.select("a")}
        assert links.get("Föregående") == (f"../{order[at - 1]}/" if at else None)
        assert links.get("Nästa film") == (f"../{order[at + 1]}/" if at + 1 < len(order) else None)


def test_the_start_page_keeps_the_menu():
    start = (REPO / "pratamedbarn/templates/pages/start.md.j2").read_text(encoding="utf-8")
    assert not re.search(r"hide:\s*\n\s*-\s*navigation", start)


def test_every_printout_says_where_it_comes_from(fixture_site: Path):
    source = soup(fixture_site, "checklistor/fore-samtalet/index.html").select_one(".pmb-print-source")
    assert source.get_text(strip=True).startswith(
        "Prata med barn, utges av FoU-center i Region Exempel · http")
    assert source.get_text(strip=True).endswith("/checklistor/fore-samtalet/")


def test_the_fixture_site_builds_in_production(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(PRODUCTION_ENV, "1")
    result = mkdocs_build(site_project(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_the_time_of_an_exercise_with_versions_says_both(fixture_site: Path):
    listing = soup(fixture_site, "ovningar/index.html").select_one("article table").get_text(" ")
    assert "Ensam 15 minuter, i grupp 30 minuter" in listing
    assert "30 minuter" in listing


def test_the_study_guide_prints_an_exercises_group_version(content: Path):
    from pratamedbarn.study_guide import Publication, render_html
    from pratamedbarn.version import current_version

    library = load_library(content)
    publication = Publication(site_url="https://exempel.se/", author="Prata med barn")
    html = render_html(library, publication, current_version(content))
    article = BeautifulSoup(html, "html.parser").select_one("article.exercise#kopia-ovning-forsta-minuten")
    if article is None:
        pytest.skip("the fixture's study guide does not print forsta-minuten")
    assert "Jämför era första meningar i gruppen." in article.get_text()
    assert "Skriv ner vad du själv skulle säga" not in article.get_text()
    assert "30 minuter" in article.select_one(".kicker").get_text()


def test_every_footer_lists_every_part_of_the_site(fixture_site: Path):
    from pratamedbarn.generate import read_config
    from pratamedbarn.pages import sitemap
    from pratamedbarn.site_build import SiteBuild

    build = SiteBuild.load(GOOD)
    # The fixture site's menu: see helpers.site_project.
    project_nav = read_config(fixture_site.parent / "project" / "mkdocs.yml").get("nav") or []
    parts = sitemap(build.nav(project_nav))
    assert {"Start", "Checklistor", "Övningar", "Mina anteckningar", "Tillgänglighet"} <= {
        p["title"] for p in parts}
    for page in ("index.html", "filmer/tolk/index.html", "ovningar/lyssna/index.html"):
        footer = soup(fixture_site, page).select_one("footer")
        here = posixpath.dirname(page) or "."
        reached = {posixpath.normpath(posixpath.join(here, a["href"])) for a in footer.select("a")}
        for part in parts:
            assert posixpath.normpath(part["url"] or ".") in reached, (page, part)
