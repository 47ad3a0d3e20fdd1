"""The course's own record in a real browser: the self-rating and its chart, the
certificate (what is left, then one printed A4 page), and that nothing of it leaves the
browser or is kept anywhere but under the site's versioned keys."""

from __future__ import annotations

import json
import subprocess

import pytest

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
    assert "från 2,0 till 4,0" in chart.locator("svg").get_attribute("aria-label")
    rows = chart.locator("tbody tr")
    assert rows.count() == len(statements) + 1  # and the mean
    assert rows.first.locator("th").inner_text() == statements[0]
    assert rows.first.locator("td").all_inner_texts() == ["2", "4"]
    assert page.foreign_requests == []


def _finish_everything(page, library):
    records = {f"film:{film_id}": True for film_id in library.films}
    for quiz in library.items["quiz"].values():
        for question in quiz.questions:
            records[f"quiz:{quiz.id}:{question.id}"] = question.options[0].key
    page.evaluate("""records => { for (const [key, value] of Object.entries(records))
        localStorage.setItem('pratamedbarn:v1:' + key,
            JSON.stringify({value, updated: new Date().toISOString()})); }""", records)


def test_the_certificate_says_what_is_left_then_prints_on_one_page(page, base_url,
                                                                     shipped_library, tmp_path):
    page.goto(base_url + "intyg/")
    left = page.locator(".pmb-cert__left")
    first_film = next(iter(shipped_library.films.values()))
    assert f"Se filmen: {first_film.title}" in left.inner_text()
    assert not page.locator(".pmb-cert__paper").is_visible()
    _finish_everything(page, shipped_library)
    page.reload()
    page.get_by_label("Ditt namn på intyget").fill("Kim Exempel")
    paper = page.locator(".pmb-cert__paper")
    assert paper.is_visible()
    text = paper.inner_text()
    assert "Kim Exempel" in text and "Ingen har kontrollerat det." in text
    assert f"Filmer som du har sett ({len(shipped_library.films)})" in text
    page.emulate_media(media="print")
    pdf = tmp_path / "intyg.pdf"
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
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
