"""Issue 29: "Flytta till en annan enhet". A phone makes a link (and its QR code) on Mina
anteckningar; an office PC opens it, sees what it holds, says yes, and has the learner's work.
The data rides in the link's fragment, so the web server's log never sees any of it."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from bench.nginx import nginx
from checkers import watch_policy
from helpers import REPO
from pratamedbarn.library import load_library

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PC = {"viewport": {"width": 1280, "height": 800}}
NOTES = "mina-anteckningar/"
#: Words only a learner writes, to look for where they must not be.
NOTE_TEXT = "Barnet ritade huset och sa Zebrafink"


@pytest.fixture(scope="module")
def work() -> dict:
    """A learner's saved work, as short keys and values, on real items of the shipped site."""
    library = load_library(REPO)
    films = list(library.films)[:2]
    checklist = next(iter(library.checklists.values()))
    quiz = next(iter(library.items["quiz"].values()))
    exercise = next(iter(library.exercises.values()))
    question = (exercise.writing or exercise.questions)[0].id
    return {
        **{f"film:{film}": True for film in films},
        **{f"checklist:{checklist.id}:{item.id}": True for item in checklist.items[:3]},
        f"quiz:{quiz.id}:{quiz.questions[0].id}": quiz.questions[0].options[quiz.questions[0].best].key,
        "rating:20261201120000": [2, 3, 4],
        f"note:{exercise.id}:{question}": NOTE_TEXT,
    }


@pytest.fixture
def logged(site_dir, tmp_path):
    """The shipped site served by nginx, which logs every request it answers."""
    log = tmp_path / "access.log"
    with nginx(site_dir, log=log) as url:
        yield url, log


SAVE = """work => Object.entries(work).forEach(([key, value]) =>
    window.pratamedbarn.store.set(key, value))"""
SAVED = """() => Object.fromEntries(window.pratamedbarn.store.keys('').map(key =>
    [key, window.pratamedbarn.store.get(key).value]))"""


def _make_link(browser, url: str, work: dict, with_notes: bool) -> str:
    """On the phone: save the work, then ask Mina anteckningar for a link; check its QR code."""
    phone = browser.new_context(locale="sv-SE", **PHONE)
    page = phone.new_page()
    problems = watch_policy(page)
    page.goto(url + NOTES)
    page.evaluate(SAVE, work)
    page.reload()
    if with_notes:
        page.get_by_label("Ta med mina anteckningar och namnet på intyget").check()
    page.get_by_role("button", name="Visa QR-kod och länk").tap()
    status = page.locator(".pmb-move__status")
    status.filter(has_text="Klart").wait_for()
    link = page.get_by_role("textbox", name="Länken").input_value()
    # The QR code, as a camera sees it, reads as the same link.
    shot = page.locator(".pmb-move__qr svg").screenshot()
    assert [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))] == [link]
    assert problems == []
    phone.close()
    return link


def _open_link(browser, link: str) -> tuple[object, object, list[str]]:
    pc = browser.new_context(locale="sv-SE", **PC)
    page = pc.new_page()
    problems = watch_policy(page)
    page.goto(link)
    return pc, page, problems


def test_a_phone_moves_the_learners_work_to_a_pc_and_no_server_sees_it(browser, logged, work):
    url, log = logged
    link = _make_link(browser, url, work, with_notes=False)
    assert link.startswith(url + NOTES + "#flytta=")
    fragment = urlsplit(link).fragment
    assert NOTE_TEXT not in link and "checklist" not in link  # compressed, and no notes

    pc, page, problems = _open_link(browser, link)
    question = page.locator(".pmb-move__incoming")
    question.wait_for()
    text = question.inner_text()
    assert "2 sedda filmer" in text and "3 bockar i checklistorna" in text
    assert "1 svar i Testa dig själv" in text and "1 självskattning" in text
    assert "anteckning" not in text.split("Det läggs till")[0]
    # Nothing is saved before the learner says yes.
    assert page.evaluate(SAVED) == {}
    page.get_by_role("button", name="Lägg till").click()
    page.locator(".pmb-move__status").filter(has_text="Klart. 7 saker hämtades från länken.").wait_for()
    assert page.evaluate(SAVED) == {k: v for k, v in work.items() if not k.startswith("note:")}
    # The address bar, and the history entry, no longer hold the data.
    assert page.evaluate("location.href") == url + NOTES
    assert problems == []
    # What came with the link shows at once, without a reload.
    assert page.locator(".pmb-progress").inner_text().startswith("Du har sett 2 av")
    pc.close()

    sent = log.read_text(encoding="utf-8")
    assert NOTES in sent
    assert "flytta" not in sent and fragment[:40] not in sent and "#" not in sent


def test_notes_go_only_when_the_learner_chooses_and_the_same_rules_as_a_file_apply(
        browser, logged, work):
    url, _ = logged
    link = _make_link(browser, url, work, with_notes=True)
    pc, page, _ = _open_link(browser, url + NOTES)
    # The PC has a different note to the same question, written after the phone's.
    note_key = next(k for k in work if k.startswith("note:"))
    page.evaluate(SAVE, {note_key: "Min egen anteckning på datorn"})
    page.goto(link)
    question = page.locator(".pmb-move__incoming")
    question.wait_for()
    assert "1 anteckning" in question.inner_text()
    page.get_by_role("button", name="Lägg till").click()
    status = page.locator(".pmb-move__status")
    status.filter(has_text="hämtades från länken").wait_for()
    # As with a file: two different notes are both kept, the newer first.
    assert "Båda versionerna finns kvar" in status.inner_text()
    note = page.evaluate(SAVED)[note_key]
    assert note.startswith("Min egen anteckning på datorn") and NOTE_TEXT in note
    pc.close()


def test_a_link_the_learner_turns_down_or_that_was_changed_saves_nothing(browser, logged, work):
    url, _ = logged
    link = _make_link(browser, url, work, with_notes=False)
    pc, page, problems = _open_link(browser, link)
    page.locator(".pmb-move__incoming").wait_for()
    page.get_by_role("button", name="Avbryt").click()
    page.locator(".pmb-move__status").filter(has_text="Inget lades till").wait_for()
    assert page.evaluate(SAVED) == {}
    assert page.evaluate("location.hash") == ""

    # A link cut short on its way, and one whose content is no export data.
    for broken in (link[:-30], url + NOTES + "#flytta=AAAA"):
        page.goto(url)
        page.goto(broken)
        page.locator(".pmb-move__status").filter(has_text="Inget av det du har sparat").wait_for()
        assert page.locator(".pmb-move__incoming").count() == 0
        assert page.evaluate(SAVED) == {}
    assert problems == []
    pc.close()


def test_too_much_for_a_qr_code_points_to_the_file(browser, logged):
    url, _ = logged
    phone = browser.new_context(locale="sv-SE", **PHONE)
    page = phone.new_page()
    page.goto(url + NOTES)
    exercise = next(iter(load_library(REPO).exercises.values()))
    question = (exercise.writing or exercise.questions)[0].id
    # Text that deflate cannot shrink: far more than a QR code holds.
    page.evaluate("""key => window.pratamedbarn.store.set(key,
        Array.from({length: 6000}, () => Math.random().toString(36).slice(2, 3)).join(''))""",
                  f"note:{exercise.id}:{question}")
    page.evaluate(SAVE, {"film:" + next(iter(load_library(REPO).films)): True})
    page.reload()
    page.get_by_label("Ta med mina anteckningar och namnet på intyget").check()
    page.get_by_role("button", name="Visa QR-kod och länk").tap()
    status = page.locator(".pmb-move__status")
    status.filter(has_text="för mycket för en QR-kod").wait_for()
    assert "Spara till fil" in status.inner_text()
    assert page.locator(".pmb-move__result").is_hidden()
    # Without the notes, the rest fits.
    page.get_by_label("Ta med mina anteckningar och namnet på intyget").uncheck()
    page.get_by_role("button", name="Visa QR-kod och länk").tap()
    status.filter(has_text="Klart").wait_for()
    assert re.search(r"#flytta=[\w-]+$", page.get_by_role("textbox", name="Länken").input_value())
    phone.close()
