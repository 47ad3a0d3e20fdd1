"""The learner's saved work in a real browser: ticks, watched films, notes, Mina anteckningar.

These tests use the fixture content (tests/fixtures/good): it has items with aliases and a
self-hosted film that really plays. Ids, titles and counts are read from its Library.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import GOOD
from pratamedbarn.library import load_library

LIBRARY = load_library(GOOD)
PREFIX = "pratamedbarn:v1:"
CHECKLIST = next(iter(LIBRARY.checklists.values()))
EXERCISE = next(iter(LIBRARY.exercises.values()))
SELF_HOSTED = next(f for f in LIBRARY.films.values() if f.source.kind == "file")
ELSEWHERE = next(f for f in LIBRARY.films.values() if f.source.kind != "file")

# localStorage that throws, as in a browser where the learner has blocked site data.
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("Access is denied", "SecurityError"); }
});
"""


def saved(page, key: str):
    """The value saved under a short key, or None."""
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + key)
    return None if raw is None else json.loads(raw)["value"]


def saved_work(page) -> dict:
    """All of localStorage but the time of the visit (updated.js), which every page view moves."""
    stored = json.loads(page.evaluate("() => JSON.stringify(localStorage)"))
    stored.pop(PREFIX + "visit", None)
    return stored


def errors_of(page) -> list[str]:
    """Uncaught errors thrown in the site's own scripts (storage.js, progress.js, notes.js)."""
    errors: list[str] = []

    def record(error):
        if re.search(r"/assets/javascripts/(storage|progress|notes)\.js", error.stack or ""):
            errors.append(error.stack)

    page.on("pageerror", record)
    return errors


def test_a_tick_survives_a_reload(page, fixture_url):
    item = CHECKLIST.items[-1]
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    page.get_by_label(item.text).check()
    page.reload()
    assert page.get_by_label(item.text).is_checked()
    assert saved(page, f"checklist:{CHECKLIST.id}:{item.id}") is True
    assert page.foreign_requests == []


def test_a_checkbox_is_reached_with_tab_and_toggled_with_space(page, fixture_url):
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input[data-item]')"):
            break
    else:
        pytest.fail("no checkbox of the checklist could be reached with Tab")
    first = CHECKLIST.items[0]
    assert page.evaluate("document.activeElement.dataset.item") == first.id
    page.keyboard.press("Space")
    assert page.get_by_label(first.text).is_checked()
    assert saved(page, f"checklist:{CHECKLIST.id}:{first.id}") is True


def test_a_checklist_can_be_reset_after_a_question(page, fixture_url):
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    for item in CHECKLIST.items:
        page.get_by_label(item.text).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ta bort alla bockar").click()
    page.reload()
    assert not any(page.get_by_label(item.text).is_checked() for item in CHECKLIST.items)


def test_a_note_survives_instant_navigation_away_and_back(page, fixture_url):
    question = EXERCISE.questions[0]
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    page.evaluate("window.stillTheSamePage = true")
    field = page.get_by_role("textbox", name=question.text)
    field.press_sequentially("Jag börjar med att säga vem jag är.")
    # Away at once, before the typing pause has passed: the note must not be lost.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Mina anteckningar").click()
    page.wait_for_url(re.compile("/mina-anteckningar/(#.*)?$"))
    assert page.evaluate("window.stillTheSamePage"), "expected Material's instant navigation"
    answer = page.locator(f'[data-exercise-notes="{EXERCISE.id}"] [data-question="{question.id}"]')
    assert answer.inner_text().startswith("Jag börjar med att säga vem jag är.")
    page.go_back()
    page.wait_for_url(re.compile(f"/ovningar/{EXERCISE.id}/(#.*)?$"))
    assert page.get_by_role("textbox", name=question.text).input_value() == \
        "Jag börjar med att säga vem jag är."
    assert page.evaluate("window.stillTheSamePage")
    assert page.foreign_requests == []


def test_a_note_says_it_is_saved_and_reminds_of_confidentiality(page, fixture_url):
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    notes = page.locator(".pmb-note")
    assert notes.count() == len(EXERCISE.questions)
    # One reminder a page, above the questions, that every field points at.
    reminder = page.locator(".pmb-note__reminder")
    assert reminder.count() == 1 and reminder.is_visible()
    assert "klient" in reminder.inner_text() and "den här webbläsaren" in reminder.inner_text()
    assert "datorn" not in page.locator("article").inner_text()
    reminder_id = reminder.get_attribute("id")
    for i in range(notes.count()):
        assert notes.nth(i).locator("textarea").get_attribute("aria-describedby") == reminder_id
    field = page.get_by_role("textbox", name=EXERCISE.questions[-1].text)
    field.fill("En tanke.")
    status = notes.last.locator(".pmb-note__status")
    assert status.get_attribute("aria-live") == "polite"
    status.filter(has_text="Sparat").wait_for()
    assert saved(page, f"note:{EXERCISE.id}:{EXERCISE.questions[-1].id}") == "En tanke."


def test_a_self_hosted_film_that_has_played_counts_as_watched(page, fixture_url):
    page.goto(f"{fixture_url}filmer/{SELF_HOSTED.id}/")
    assert page.get_by_role("button", name="Jag har sett filmen").is_visible()
    assert not page.get_by_role("button", name=re.compile("^Ångra")).is_visible()
    page.evaluate("""() => { const v = document.querySelector('video');
                             v.muted = true; v.playbackRate = 4; return v.play(); }""")
    page.get_by_role("button", name="Sedd ✓").wait_for(timeout=15000)
    assert saved(page, f"film:{SELF_HOSTED.id}") is True
    # Played to the end, and started: the certificate tells it from a film only marked.
    assert saved(page, f"film:{SELF_HOSTED.id}:finished") is True
    assert saved(page, f"film:{SELF_HOSTED.id}:played") is True
    # The natural tap after the film has played keeps it seen: it does not undo the mark.
    page.get_by_role("button", name="Sedd ✓").click()
    assert saved(page, f"film:{SELF_HOSTED.id}") is True
    assert page.locator(".pmb-watched__status").inner_text() == "Filmen är redan markerad som sedd."
    page.goto(fixture_url)
    total = len(LIBRARY.films)
    assert page.locator(".pmb-progress").inner_text() == f"Du har sett 1 av {total} filmer."
    assert page.locator(f'[data-film-link="{SELF_HOSTED.id}"] + .pmb-seen').is_visible()


def test_jumping_to_the_end_of_a_film_is_not_playing_it_to_the_end(page, fixture_url):
    page.goto(f"{fixture_url}filmer/{SELF_HOSTED.id}/")
    # The film loads nothing before play (preload="none"): start it, then jump near its end.
    page.evaluate("""() => { const v = document.querySelector('video'); v.muted = true;
        v.addEventListener('loadedmetadata', () => { v.currentTime = v.duration * 0.95; },
                           { once: true });
        return v.play(); }""")
    page.wait_for_function("() => document.querySelector('video').ended", timeout=15000)
    assert saved(page, f"film:{SELF_HOSTED.id}:played") is True
    assert saved(page, f"film:{SELF_HOSTED.id}:finished") is None
    assert saved(page, f"film:{SELF_HOSTED.id}") is None


def test_starting_a_film_on_another_host_remembers_that_it_was_played(page, fixture_url):
    page.route(re.compile(r"^https://(?!127\.0\.0\.1)"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Film</title>"))
    page.goto(f"{fixture_url}filmer/{ELSEWHERE.id}/")
    assert saved(page, f"film:{ELSEWHERE.id}:played") is None
    page.locator(".pmb-embed__start").click()
    page.locator(".pmb-embed iframe").wait_for()
    assert saved(page, f"film:{ELSEWHERE.id}:played") is True


def test_a_film_on_another_host_is_marked_by_hand_without_loading_it(page, fixture_url):
    page.goto(f"{fixture_url}filmer/{ELSEWHERE.id}/")
    page.get_by_role("button", name="Jag har sett filmen").click()
    assert page.get_by_role("button", name="Sedd ✓").is_visible()
    assert not page.get_by_role("button", name="Jag har sett filmen").count()
    page.goto(f"{fixture_url}teman/{ELSEWHERE.theme}/")
    films = LIBRARY.films_in(ELSEWHERE.theme)
    assert page.locator(".pmb-progress").inner_text() == \
        f"Du har sett 1 av {len(films)} {'film' if len(films) == 1 else 'filmer'}."
    page.goto(f"{fixture_url}filmer/{ELSEWHERE.id}/")
    assert page.get_by_role("button", name="Sedd ✓").is_visible()
    undo = page.get_by_role("button", name=re.compile("^Ångra"))
    assert undo.inner_text() == "Ångra"
    undo.click()
    assert saved(page, f"film:{ELSEWHERE.id}") is False
    assert page.get_by_role("button", name="Jag har sett filmen").is_visible()
    assert not undo.is_visible()
    assert page.locator(".pmb-watched__status").inner_text() == \
        "Filmen är inte längre markerad som sedd."
    assert not page.locator("iframe").count()
    assert page.foreign_requests == []


def test_without_javascript_nothing_pretends_to_save(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_url)
    assert page.locator(".pmb-progress").inner_text() == ""
    assert not page.locator(".pmb-progress").is_visible()
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    assert page.locator("textarea").count() == 0
    for question in EXERCISE.questions:
        assert page.get_by_role("heading", name=question.text).is_visible()
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    assert page.get_by_role("button").filter(has_text="bockar").count() == 0
    page.goto(f"{fixture_url}mina-anteckningar/")
    assert not page.get_by_role("button", name="Spara till fil").is_visible()
    for exercise in LIBRARY.exercises.values():
        for question in exercise.questions:
            assert page.locator("article").get_by_role("heading", name=question.text).is_visible()
    context.close()


def _fill_some_work(page, fixture_url) -> None:
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    page.get_by_label(CHECKLIST.items[0].text).check()
    page.goto(f"{fixture_url}filmer/{ELSEWHERE.id}/")
    page.get_by_role("button", name="Jag har sett filmen").click()
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    page.get_by_role("textbox", name=EXERCISE.questions[0].text).fill("Min anteckning.\nRad två.")
    page.locator(".pmb-note__status", has_text="Sparat").wait_for()


def test_export_clear_and_import_restore_everything(page, fixture_url, tmp_path):
    _fill_some_work(page, fixture_url)
    page.goto(f"{fixture_url}mina-anteckningar/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara till fil").click()
    exported = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "pratamedbarn-anteckningar" and data["version"] == 1
    assert data["exported"]
    note_key = f"note:{EXERCISE.id}:{EXERCISE.questions[0].id}"
    assert data["items"][note_key]["value"] == "Min anteckning.\nRad två."
    assert all(item["updated"] for item in data["items"].values())

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_text("Allt är borttaget").wait_for()
    assert page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('pratamedbarn:'))") == []
    assert "Min anteckning." not in page.locator("article").inner_text()

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(exported)
    page.get_by_text("hämtades från filen").wait_for()
    assert saved(page, note_key) == "Min anteckning.\nRad två."
    assert saved(page, f"checklist:{CHECKLIST.id}:{CHECKLIST.items[0].id}") is True
    assert saved(page, f"film:{ELSEWHERE.id}") is True
    assert "Min anteckning." in page.locator("article").inner_text()
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    assert page.get_by_role("textbox", name=EXERCISE.questions[0].text).input_value() == \
        "Min anteckning.\nRad två."
    assert page.foreign_requests == []


def test_an_older_note_from_a_file_never_replaces_a_newer_one(page, fixture_url, tmp_path):
    key = f"note:{EXERCISE.id}:{EXERCISE.questions[0].id}"
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    page.get_by_role("textbox", name=EXERCISE.questions[0].text).fill("Skrivet i dag.")
    page.locator(".pmb-note__status", has_text="Sparat").wait_for()
    old_file = tmp_path / "gammal.json"
    old_file.write_text(json.dumps({
        "format": "pratamedbarn-anteckningar", "version": 1, "exported": "2020-01-02T10:00:00Z",
        "items": {key: {"value": "Skrivet för länge sedan.", "updated": "2020-01-01T10:00:00Z"}},
    }), encoding="utf-8")
    page.goto(f"{fixture_url}mina-anteckningar/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(old_file)
    page.get_by_text("Båda versionerna finns kvar").wait_for()
    merged = saved(page, key)
    assert merged.startswith("Skrivet i dag.")
    assert "Skrivet för länge sedan." in merged


def test_saved_work_follows_a_renamed_item(page, fixture_url):
    renamed = [("note", e, f":{e.questions[0].id}", "ovningar")
               for e in LIBRARY.exercises.values() if e.aliases]
    renamed += [("film", f, "", "filmer") for f in LIBRARY.films.values() if f.aliases]
    renamed += [("checklist", c, f":{c.items[0].id}", "checklistor")
                for c in LIBRARY.checklists.values() if c.aliases]
    assert renamed, "the fixture content needs items with aliases"
    page.goto(fixture_url)
    for kind, item, rest, _ in renamed:
        value = "Skrivet under det gamla namnet." if kind == "note" else True
        page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify("
                      "{value: value, updated: '2025-05-05T10:00:00Z'}))",
                      [f"{PREFIX}{kind}:{item.aliases[0]}{rest}", value])
    for kind, item, rest, folder in renamed:
        page.goto(f"{fixture_url}{folder}/{item.id}/")
        assert saved(page, f"{kind}:{item.id}{rest}") is not None
        assert saved(page, f"{kind}:{item.aliases[0]}{rest}") is None
    exercise = next(item for kind, item, _, _ in renamed if kind == "note")
    page.goto(f"{fixture_url}ovningar/{exercise.id}/")
    assert page.get_by_role("textbox", name=exercise.questions[0].text).input_value() == \
        "Skrivet under det gamla namnet."


def test_blocked_storage_is_said_politely_and_the_page_still_works(browser, fixture_url):
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors = errors_of(page)
    page.goto(f"{fixture_url}checklistor/{CHECKLIST.id}/")
    assert page.get_by_text("Det du gör sparas inte").is_visible()
    page.get_by_label(CHECKLIST.items[0].text).check()
    assert page.get_by_label(CHECKLIST.items[0].text).is_checked()
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    assert page.get_by_text("Det du gör sparas inte").is_visible()
    page.get_by_role("textbox", name=EXERCISE.questions[0].text).fill("Bara i fliken.")
    page.locator(".pmb-note__status", has_text="Kan inte sparas").wait_for()
    # Material's own inline scripts also throw on blocked storage: only ours are checked here.
    assert errors == []
    context.close()


def _import(page, fixture_url, path) -> str:
    """Hämta från fil on Mina anteckningar; the status line it shows."""
    page.goto(f"{fixture_url}mina-anteckningar/")
    status = page.locator(".pmb-mynotes__status")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(path)
    page.wait_for_function("() => document.querySelector('.pmb-mynotes__status').textContent")
    return status.inner_text()


def _export_file(items: dict) -> dict:
    return {"format": "pratamedbarn-anteckningar", "version": 1,
            "exported": "2026-01-02T10:00:00Z", "items": items}


def test_markup_in_an_imported_note_is_shown_as_text(page, fixture_url, tmp_path):
    key = f"note:{EXERCISE.id}:{EXERCISE.questions[0].id}"
    hostile = '<img src="x" onerror="document.title=\'X\'"><b>fet</b>'
    path = tmp_path / "anteckningar.json"
    path.write_text(json.dumps(_export_file(
        {key: {"value": hostile, "updated": "2026-01-01T10:00:00Z"}})), encoding="utf-8")
    assert "hämtades från filen" in _import(page, fixture_url, path)
    answer = page.locator(f'[data-exercise-notes="{EXERCISE.id}"] .pmb-answer__text').first
    assert answer.inner_text() == hostile
    assert page.locator("article img, article b").count() == 0
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    assert page.get_by_role("textbox", name=EXERCISE.questions[0].text).input_value() == hostile
    assert page.title() != "X"


NOTE = f"note:{EXERCISE.id}:{EXERCISE.questions[0].id}"
GOOD_RECORD = {"value": "Från filen.", "updated": "2026-01-01T10:00:00Z"}
BAD_FILES = {
    "too large": (None, "större än 5 MB"),
    "not JSON": ("Det här är ingen JSON {", "kunde inte läsas"),
    "another format": (json.dumps({"format": "annat", "items": {}}), "kunde inte läsas"),
    "items as a list": (json.dumps(_export_file([GOOD_RECORD])), "något annat än anteckningar"),
    "a note that is a number": (json.dumps(_export_file(
        {NOTE: GOOD_RECORD, "checklist:x:y": {"value": 3, "updated": "2026-01-01T10:00:00Z"}})),
        "något annat än anteckningar"),
    "a time that is no time": (json.dumps(_export_file(
        {NOTE: {"value": "x", "updated": "i går"}})), "något annat än anteckningar"),
    "an answer that is neither a key nor a place": (json.dumps(_export_file(
        {NOTE: GOOD_RECORD, "quiz:x:y": {"value": "1", "updated": "2026-01-01T10:00:00Z"}})),
        "något annat än anteckningar"),
    "an unknown key": (json.dumps(_export_file(
        {NOTE: GOOD_RECORD, "__proto__": GOOD_RECORD})), "något annat än anteckningar"),
}


@pytest.mark.parametrize("text, says", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_and_changes_nothing(page, fixture_url, tmp_path, text, says):
    page.goto(f"{fixture_url}ovningar/{EXERCISE.id}/")
    page.get_by_role("textbox", name=EXERCISE.questions[0].text).fill("Mitt eget.")
    page.locator(".pmb-note__status", has_text="Sparat").wait_for()
    before = saved_work(page)
    path = tmp_path / "anteckningar.json"
    if text is None:  # over the limit, but valid JSON: refused by its size alone
        path.write_text(json.dumps(_export_file({NOTE: {
            "value": "x" * (5 * 1024 * 1024), "updated": "2026-01-01T10:00:00Z"}})))
    else:
        path.write_text(text, encoding="utf-8")
    shown = _import(page, fixture_url, path)
    assert says in shown and "Inget av det du har sparat ändrades" in shown
    assert saved_work(page) == before


def test_a_writing_task_gets_its_own_notes_field_like_a_question(page, fixture_url):
    exercise = next(e for e in LIBRARY.exercises.values() if e.writing)
    task = exercise.writing[0]
    page.goto(f"{fixture_url}ovningar/{exercise.id}/")
    assert page.locator(".pmb-note").count() == len(exercise.questions) + len(exercise.writing)
    field = page.get_by_role("textbox", name=task.label)
    field.fill("Hon sa att hon blev ledsen.")
    page.locator(".pmb-note__status").filter(has_text="Sparat").first.wait_for()
    assert saved(page, f"note:{exercise.id}:{task.id}") == "Hon sa att hon blev ledsen."
    page.reload()
    assert page.get_by_role("textbox", name=task.label).input_value() == \
        "Hon sa att hon blev ledsen."
    # The example answers are there to compare with, folded away until the learner opens them.
    example = page.locator("details", has_text="Exempel på svar")
    assert example.count() == 1 and example.get_attribute("open") is None
    page.goto(f"{fixture_url}mina-anteckningar/")
    assert "Hon sa att hon blev ledsen." in page.locator(
        f'[data-exercise-notes="{exercise.id}"]').inner_text()
