"""The course's own record in a real browser: the self-rating and its chart, the
certificate (what is left, then one printed A4 page), and that nothing of it leaves the
browser or is kept anywhere but under the site's versioned keys."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from pratamedbarn.publisher import placeholder
from pratamedbarn.wording import about_hours

PREFIX = "pratamedbarn:v1:"


def _rate(page, base_url, values):
    page.goto(base_url + "trygghet/")
    for number, value in enumerate(values, start=1):
        page.locator(f'input[name="pastaende-{number}"][value="{value}"]').check()
    page.get_by_role("button", name="Spara mina svar").click()
    page.get_by_text("Sparat.").wait_for()


def _saved(page, start: str) -> dict:
    """The learner's saved data under keys that begin with `start` (not the visit's time,
    which every page view moves on and no export holds)."""
    return page.evaluate("""start => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(start) && !k.endsWith(':visit'))
        .map(k => [k, JSON.parse(localStorage.getItem(k)).value]))""", PREFIX + start)


def test_a_self_rating_is_saved_and_drawn_with_its_table(page, base_url, shipped_library):
    statements = shipped_library.site.confidence
    _rate(page, base_url, [2] * len(statements))
    page.wait_for_timeout(1100)  # a second later: a rating of its own
    _rate(page, base_url, [4] * len(statements))
    saved = _saved(page, "rating:")
    assert sorted(map(tuple, saved.values())) == [(2,) * len(statements), (4,) * len(statements)]
    page.goto(base_url + "mina-anteckningar/")
    chart = page.locator("[data-rating-chart]")
    assert chart.locator("svg circle").count() == 2
    label = chart.locator("svg").get_attribute("aria-label")
    assert re.search(r"från 2,0 \(.+\) till 4,0 \(.+\)", label), label
    rows = chart.locator("tbody tr")
    assert rows.count() == len(statements) + 1  # and the mean
    assert rows.first.locator("th").inner_text() == statements[0]
    assert rows.first.locator("td").all_inner_texts() == ["2", "4"]
    # Two answers the same day: each column says its own time; the chart says the days.
    days = chart.locator("thead th[scope=col]").all_inner_texts()
    assert len(set(days)) == 2 and all(" kl. " in day for day in days), days
    marks = chart.locator("svg text").all_text_contents()[-2:]
    assert len(set(marks)) == 2 and all(" kl. " in mark for mark in marks), marks
    assert page.foreign_requests == []


def test_answers_on_different_days_read_as_their_days(page, base_url, shipped_library):
    statements = shipped_library.site.confidence
    page.goto(base_url + "mina-anteckningar/")
    _store(page, {"rating:20261101090000": [2] * len(statements),
                  "rating:20261124143000": [4] * len(statements)}, "2026-11-24T13:30:00.000Z")
    page.reload()
    chart = page.locator("[data-rating-chart]")
    assert chart.locator("thead th[scope=col]").all_inner_texts() == \
        ["1 november 2026", "24 november 2026"]
    assert chart.locator("svg text").all_text_contents()[-2:] == ["1 nov. 2026", "24 nov. 2026"]


def _store(page, records: dict, updated: str | None = None) -> None:
    """Save {short key: value} as the site saves it, at `updated` (default: now)."""
    page.evaluate("""([records, updated]) => { for (const [key, value] of Object.entries(records))
        localStorage.setItem('pratamedbarn:v1:' + key,
            JSON.stringify({value, updated: updated || new Date().toISOString()})); }""",
                  [records, updated])


def _finish_everything(page, library, notes: bool = False):
    """Every film played to the end and every first answer right (and, with `notes`, a note
    in every exercise: the longest certificate)."""
    records = {}
    for film_id in library.films:
        records[f"film:{film_id}"] = records[f"film:{film_id}:played"] = True
        records[f"film:{film_id}:finished"] = True
    for quiz in library.items["quiz"].values():
        for question in quiz.questions:
            records[f"quiz:{quiz.id}:{question.id}"] = {"first": question.options[question.best].key}
    if notes:
        for exercise in library.exercises.values():
            records[f"note:{exercise.id}:{exercise.questions[0].id}"] = "En tanke."
    _store(page, records)


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def test_films_only_marked_and_a_failed_quiz_are_left_with_links(page, base_url, shipped_library):
    # The learner: films marked by the button but never played, too few right.
    page.goto(base_url + "intyg/")
    _finish_everything(page, shipped_library)
    films = list(shipped_library.films.values())
    quiz = next(iter(shipped_library.items["quiz"].values()))
    _store(page, {f"film:{f.id}:played": False for f in films[:2]}
           | {f"film:{f.id}:finished": False for f in films[:2]}
           | {f"quiz:{quiz.id}:{q.id}": {"first": next(o.key for o in q.options if not o.correct)}
              for q in quiz.questions[:2]})
    page.reload()
    left = page.locator(".pmb-cert__left")
    assert not page.locator(".pmb-cert__paper").is_visible()
    for film in films[:2]:
        item = left.locator("li", has_text=film.title)
        assert "markerad som sedd men inte spelad" in item.inner_text()
        item.get_by_role("link", name=film.title).click()
        page.wait_for_url(f"**/filmer/{film.id}/")
        page.go_back()
    item = left.locator("li", has_text=quiz.title)
    right = len(quiz.questions) - 2
    percent = shipped_library.site.certificate.pass_percent
    assert f"{right} av {len(quiz.questions)} rätt på första svaren, minst {percent} procent" in \
        item.inner_text()
    item.get_by_role("link", name=quiz.title).click()
    page.wait_for_url(f"**/testa-dig-sjalv/{quiz.id}/")
    assert page.foreign_requests == []


def test_the_certificate_names_issuer_length_date_and_how_films_were_seen(page, base_url,
                                                                          shipped_library, tmp_path):
    page.goto(base_url + "intyg/")
    _finish_everything(page, shipped_library, notes=True)
    films = list(shipped_library.films.values())
    # Two films started and marked, not played to the end; the last thing done on 20 November.
    _store(page, {f"film:{f.id}:finished": False for f in films[:2]})
    _store(page, {f"film:{films[0].id}": True}, "2026-11-20T15:00:00.000Z")
    _store(page, {f"film:{f.id}": True for f in films[1:]}
           | {f"film:{f.id}:played": True for f in films}
           | {f"film:{f.id}:finished": True for f in films[2:]}, "2026-11-19T15:00:00.000Z")
    _store(page, {f"quiz:{quiz.id}:{q.id}": {"first": q.options[q.best].key}
                  for quiz in shipped_library.items["quiz"].values() for q in quiz.questions},
           "2026-11-18T15:00:00.000Z")
    page.reload()
    page.get_by_label("Ditt namn på intyget").fill("Kim Exempel")
    paper = page.locator(".pmb-cert__paper")
    assert paper.is_visible()
    text = paper.inner_text()
    issuer = shipped_library.site.publisher.name or placeholder("publisher.name")
    minutes = (sum(f.duration for f in films) / 60
               + sum((e.solo or e).minutes for e in shipped_library.exercises.values()))
    assert f"Kursen ges av {issuer} och omfattar {about_hours(round(minutes))}" in text
    assert "Kursen avslutades 20 november 2026." in text
    assert f"Filmer som har spelats till slutet ({len(films) - 2} av {len(films)})" in text
    assert f"Filmer som har startats och markerats som sedda (2 av {len(films)})" in text
    started = paper.locator("dt", has_text="startats").locator("xpath=following-sibling::dd[1]")
    assert started.locator("li").all_inner_texts() == [f.title for f in films[:2]]
    assert "?," not in text and "Ingen har kontrollerat" not in text
    assert "sparat i sin egen webbläsare" in text
    assert f"Övningar med egna anteckningar ({len(shipped_library.exercises)} av" in text
    # On paper: the certificate alone, on one A4 page, even with every list at its longest.
    page.emulate_media(media="print")
    pdf = tmp_path / "intyg.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert _pages(pdf) == 1
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    assert "Kim Exempel" in printed and "Det här är kvar" not in printed
    assert _saved(page, "learner:") == {PREFIX + "learner:name": "Kim Exempel"}


def test_export_clear_and_import_restore_ratings_and_the_name(page, base_url, shipped_library,
                                                              tmp_path):
    _rate(page, base_url, [3] * len(shipped_library.site.confidence))
    page.goto(base_url + "intyg/")
    page.get_by_label("Ditt namn på intyget").fill("Kim")
    before = _saved(page, "")
    page.goto(base_url + "mina-anteckningar/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Spara till fil").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_text("Allt är borttaget").wait_for()
    assert _saved(page, "") == {}
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(exported)
    page.get_by_text("hämtades från filen").wait_for()
    assert _saved(page, "") == before


@pytest.mark.parametrize("path", ["trygghet/", "intyg/", "mina-anteckningar/",
                                  "testa-dig-sjalv/fore-samtalet/", ""])
def test_the_course_pages_keep_everything_in_the_browser(page, base_url, shipped_library, path):
    _rate(page, base_url, [5] * len(shipped_library.site.confidence))
    _finish_everything(page, shipped_library)
    page.goto(base_url + "intyg/")
    page.get_by_label("Ditt namn på intyget").fill("Kim")
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0
    # Every key is the site's, versioned; Material keeps only its palette choice, under its own.
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if not k.startswith(PREFIX) and not k.endswith(".__palette")] == []
    assert json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}learner:name')"))["value"] == "Kim"
