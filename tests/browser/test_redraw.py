"""Mina anteckningar and the start page show what is saved now, without a reload: after an
import, after "Rensa allt", and when another tab saves or clears (the `storage` event)."""

from __future__ import annotations

import json

import pytest

PREFIX = "pratamedbarn:v1:"


def _work(library) -> dict:
    """Some of everything: a film seen, a quiz question answered, a self-rating, a note."""
    film = next(iter(library.films.values()))
    quiz = next(iter(library.items["quiz"].values()))
    question = quiz.questions[0]
    exercise = next(iter(library.exercises.values()))
    when = "2026-11-20T10:00:00.000Z"
    return {f"film:{film.id}": {"value": True, "updated": when},
            f"film:{film.id}:played": {"value": True, "updated": when},
            f"quiz:{quiz.id}:{question.id}": {"value": {"first": question.options[question.best].key},
                                              "updated": when},
            "rating:20261120110000": {"value": [3] * len(library.site.confidence), "updated": when},
            f"note:{exercise.id}:{exercise.questions[0].id}": {"value": "Min tanke om samtalet.",
                                                              "updated": when}}


def _views(page, library) -> dict:
    """What Mina anteckningar or the start page shows of the saved work."""
    quiz = next(iter(library.items["quiz"].values()))
    return page.evaluate("""quiz => ({
        films: document.querySelector('.pmb-progress')?.textContent,
        score: document.querySelector(`.pmb-quiz__score[data-quiz-score="${quiz}"]`)?.textContent,
        chart: document.querySelector('[data-rating-chart]')?.textContent,
        dots: document.querySelectorAll('[data-rating-chart] circle').length,
        continues: document.querySelector('.pmb-continue')?.hidden === false,
        text: document.querySelector('article').innerText })""", quiz.id)


def test_my_notes_redraws_after_import_and_after_clearing(profile, base_url, shipped_library,
                                                          tmp_path):
    page = profile.new_page()
    total = len(shipped_library.films)
    path = tmp_path / "anteckningar.json"
    path.write_text(json.dumps({"format": "pratamedbarn-anteckningar", "version": 1,
                                "exported": "2026-11-21T10:00:00.000Z",
                                "items": _work(shipped_library)}), encoding="utf-8")
    page.goto(base_url + "mina-anteckningar/")
    page.locator(".pmb-quiz__score").first.wait_for(state="attached")
    page.wait_for_function("() => !document.querySelector('.pmb-quiz__score').hidden")
    before = _views(page, shipped_library)
    assert before["score"] == "Inte påbörjad." and before["dots"] == 0
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(path)
    page.get_by_text("hämtades från filen").wait_for()
    after = _views(page, shipped_library)
    assert after["films"] == f"Du har sett 1 av {total} filmer."
    assert after["score"].startswith("Du har svarat på 1 av")
    assert after["dots"] == 1 and "Inga svar än" not in after["chart"]
    assert "Min tanke om samtalet." in after["text"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_text("Allt är borttaget").wait_for()
    cleared = _views(page, shipped_library)
    assert cleared["films"] == f"Du har sett 0 av {total} filmer."
    assert cleared["score"] == "Inte påbörjad."
    assert cleared["dots"] == 0 and "Inga svar än" in cleared["chart"]
    assert "Min tanke om samtalet." not in cleared["text"]


@pytest.mark.parametrize("path", ["", "mina-anteckningar/"])
def test_a_page_redraws_when_another_tab_saves_or_clears(profile, base_url, shipped_library, path):
    shown = profile.new_page()
    other = profile.new_page()
    total = len(shipped_library.films)
    shown.goto(base_url + path)
    shown.wait_for_function("() => !document.querySelector('.pmb-quiz__score').hidden")
    assert _views(shown, shipped_library)["score"] == "Inte påbörjad."
    other.goto(base_url + "mina-anteckningar/")
    other.evaluate("""items => { for (const [key, record] of Object.entries(items))
        localStorage.setItem('pratamedbarn:v1:' + key, JSON.stringify(record)); }""",
                   _work(shipped_library))
    shown.wait_for_function(
        "total => document.querySelector('.pmb-progress').textContent === "
        "`Du har sett 1 av ${total} filmer.`", arg=total)
    views = _views(shown, shipped_library)
    assert views["score"].startswith("Du har svarat på 1 av")
    if path:
        assert views["dots"] == 1 and "Min tanke om samtalet." in views["text"]
    else:
        assert views["continues"]
    other.once("dialog", lambda dialog: dialog.accept())
    other.get_by_role("button", name="Rensa allt").click()
    shown.wait_for_function(
        "total => document.querySelector('.pmb-progress').textContent === "
        "`Du har sett 0 av ${total} filmer.`", arg=total)
    views = _views(shown, shipped_library)
    assert views["score"] == "Inte påbörjad."
    assert not views["continues"]
    if path:
        assert views["dots"] == 0 and "Min tanke om samtalet." not in views["text"]
