"""Two local editions served from one host (/huddinge/, /nacka/) share the browser's storage:
each keeps its learners' data apart, and an export file from one asks before it is imported
into the other (issue 31)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from bench.nginx import nginx
from helpers import GOOD, made_once, site_project
from pratamedbarn.editions import EDITION_ENV, EDITIONS_DIR
from pratamedbarn.library import load_library

LIBRARY = load_library(GOOD)
CHECKLIST = next(iter(LIBRARY.checklists.values()))
ITEM = CHECKLIST.items[0]
EDITIONS = ("huddinge", "nacka")


def _edition(name: str) -> dict:
    return {"site_url": f"https://{name}.example/", "publish": False,
            "publisher": {"name": f"{name.capitalize()} kommun", "email": f"info@{name}.example"}}


@pytest.fixture(scope="module")
def one_host(tmp_path_factory):
    """The fixture content built as two editions, side by side under one nginx root."""
    def make(tmp: Path) -> None:
        project = site_project(tmp)
        (project / EDITIONS_DIR).mkdir()
        for name in EDITIONS:
            (project / EDITIONS_DIR / f"{name}.yaml").write_text(
                yaml.safe_dump(_edition(name), allow_unicode=True), encoding="utf-8")
        for name in EDITIONS:
            env = {**os.environ, EDITION_ENV: name, "NO_MKDOCS_2_WARNING": "1"}
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                 str(project / "mkdocs.yml"), "-d", str(tmp / "root" / name)],
                capture_output=True, text=True, env=env, check=False)
            assert result.returncode == 0, result.stderr

    root = made_once(tmp_path_factory, "two-editions", make) / "root"
    with nginx(root) as url:
        yield url


def _checklist(url: str, edition: str) -> str:
    return f"{url}{edition}/checklistor/{CHECKLIST.id}/"


def _stored_keys(page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage)")


def test_a_tick_in_one_edition_does_not_appear_in_the_other(page, one_host):
    page.goto(_checklist(one_host, "huddinge"))
    page.get_by_label(ITEM.text).check()
    page.reload()
    assert page.get_by_label(ITEM.text).is_checked()
    key = f"pratamedbarn@huddinge:v1:checklist:{CHECKLIST.id}:{ITEM.id}"
    assert key in _stored_keys(page)

    page.goto(_checklist(one_host, "nacka"))
    assert not page.get_by_label(ITEM.text).is_checked()
    # Clearing everything in one edition leaves the other's work where it was.
    page.goto(f"{one_host}nacka/mina-anteckningar/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_text("Allt är borttaget").wait_for()
    assert key in _stored_keys(page)
    assert page.foreign_requests == []


def test_an_export_names_its_edition_and_another_edition_asks_before_importing(
        page, one_host, tmp_path):
    page.goto(_checklist(one_host, "huddinge"))
    page.get_by_label(ITEM.text).check()
    page.goto(f"{one_host}huddinge/mina-anteckningar/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara till fil").click()
    assert download_info.value.suggested_filename.startswith("pratamedbarn-huddinge-anteckningar-")
    exported = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["edition"] == "huddinge"

    page.goto(f"{one_host}nacka/mina-anteckningar/")
    asked: list[str] = []

    def import_file(answer: bool) -> None:
        def respond(dialog):
            asked.append(dialog.message)
            dialog.accept() if answer else dialog.dismiss()
        page.once("dialog", respond)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Hämta från fil").click()
        chooser.value.set_files(exported)

    import_file(answer=False)
    page.get_by_text("Filen hämtades inte.").wait_for()
    assert "utgåvan huddinge" in asked[0] and "utgåvan nacka" in asked[0]
    page.goto(_checklist(one_host, "nacka"))
    assert not page.get_by_label(ITEM.text).is_checked()

    page.goto(f"{one_host}nacka/mina-anteckningar/")
    import_file(answer=True)
    page.get_by_text("hämtades från filen").wait_for()
    page.goto(_checklist(one_host, "nacka"))
    assert page.get_by_label(ITEM.text).is_checked()


def test_one_host_sends_each_editions_own_404_page_and_keeps_its_assets(one_host):
    # No browser needed: what nginx (server/nginx/site.conf) answers under an edition's folder.
    def get(path: str):
        try:
            with urllib.request.urlopen(one_host + path, timeout=10) as answer:
                return answer.status, answer.headers, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    for name in EDITIONS:
        status, _, body = get(f"{name}/filmer/finns-inte/")
        assert status == 404 and f"Utges av <strong>{name.capitalize()} kommun" in body
    _, headers, _ = get("nacka/assets/javascripts/site.js")
    assert headers["Cache-Control"] == "max-age=3600"


def test_the_certificate_names_the_editions_sender_as_its_issuer(page, one_host):
    page.goto(f"{one_host}huddinge/intyg/")
    # Every film played to its end, every first answer right: the certificate is shown.
    records = {f"film:{film_id}{part}": True for film_id in LIBRARY.films
               for part in ("", ":played", ":finished")}
    for quiz in LIBRARY.items["quiz"].values():
        for question in quiz.questions:
            records[f"quiz:{quiz.id}:{question.id}"] = {"first": question.options[question.best].key}
    page.evaluate("""records => { for (const [key, value] of Object.entries(records))
        localStorage.setItem('pratamedbarn@huddinge:v1:' + key,
            JSON.stringify({value, updated: new Date().toISOString()})); }""", records)
    page.reload()
    paper = page.locator(".pmb-cert__paper")
    assert paper.is_visible()
    text = paper.inner_text()
    assert "Kursen ges av Huddinge kommun och omfattar" in text
    assert text.count("Huddinge kommun") == 1  # one issuer line, the edition's


def test_a_move_link_from_another_edition_says_so_before_anything_is_added(page, one_host):
    # "Flytta till en annan enhet": the link carries its edition as an export file does.
    page.goto(_checklist(one_host, "huddinge"))
    page.get_by_label(ITEM.text).check()
    page.goto(f"{one_host}huddinge/mina-anteckningar/")
    page.get_by_role("button", name="Visa QR-kod och länk").click()
    page.locator(".pmb-move__status").filter(has_text="Klart").wait_for()
    link = page.get_by_role("textbox", name="Länken").input_value()
    assert link.startswith(f"{one_host}huddinge/mina-anteckningar/#flytta=")

    def question_at(url: str) -> str:
        page.goto(one_host)
        page.goto(url)
        question = page.locator(".pmb-move__incoming")
        question.wait_for()
        return question.inner_text()

    nacka = link.replace("/huddinge/", "/nacka/")
    text = question_at(nacka)
    assert "Länken kommer från utgåvan huddinge av kursen, och det här är utgåvan nacka" in text
    page.get_by_role("button", name="Avbryt").click()
    page.locator(".pmb-move__status").filter(has_text="Inget lades till").wait_for()
    page.goto(_checklist(one_host, "nacka"))
    assert not page.get_by_label(ITEM.text).is_checked()

    question_at(nacka)
    page.get_by_role("button", name="Lägg till").click()
    page.locator(".pmb-move__status").filter(has_text="hämtades från länken").wait_for()
    page.goto(_checklist(one_host, "nacka"))
    assert page.get_by_label(ITEM.text).is_checked()
    # Within its own edition the link asks only what it always asks.
    assert "utgåvan" not in question_at(link)
