"""A session page in the meeting room: "Visa på storbild" run with the keyboard alone, at a
projector's 1280×720, in both palettes; only the facilitator's place is saved."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from checkers import run_axe
from pratamedbarn import kinds

PREFIX = "pratamedbarn:v1:"


@pytest.fixture
def projector(browser, request):
    scheme = getattr(request, "param", "light")
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 720},
                                  color_scheme=scheme)
    page = context.new_page()
    yield page
    context.close()


def _first_session(shipped_library):
    session = shipped_library.study_guide.sessions[0]
    return session, kinds.kind("session").path(session.id).removesuffix(".md") + "/"


def _open_with_keyboard(page):
    button = page.get_by_role("button", name="Visa på storbild")
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".pmb-meeting").wait_for(state="visible")


def test_a_facilitator_steps_through_session_one_with_the_keyboard(projector, base_url,
                                                                     shipped_library):
    session, path = _first_session(shipped_library)
    page = projector
    page.goto(base_url + path)
    _open_with_keyboard(page)
    view = page.locator(".pmb-meeting")
    where = page.locator(".pmb-meeting__where")
    assert where.inner_text().startswith(f"Steg 1 av {len(session.plan)}")
    assert " ".join(session.plan[0].activity.split()[:4]) in view.inner_text()
    # Every step, forward with the arrow key; its film plays in place.
    for number, step in enumerate(session.plan[1:], start=2):
        page.keyboard.press("ArrowRight")
        assert where.inner_text().startswith(f"Steg {number} av")
        assert f"{step.minutes} minuter" in where.inner_text()
        if step.film:
            video = view.locator(f'video[data-film="{step.film}"]')
            expect(video).to_be_visible()
            assert page.locator(".pmb-meeting__clock").inner_text() == f"{step.minutes}:00 kvar"
            page.keyboard.press("k")
            page.wait_for_timeout(2300)
            assert page.locator(".pmb-meeting__clock").inner_text() in (
                f"{step.minutes - 1}:58 kvar", f"{step.minutes - 1}:57 kvar")
            page.keyboard.press("k")  # pause
            paused = page.locator(".pmb-meeting__clock").inner_text()
            page.wait_for_timeout(1200)
            assert page.locator(".pmb-meeting__clock").inner_text() == paused
            video.evaluate("v => { v.muted = true; return v.play(); }")
            assert video.evaluate("v => !v.paused")
            for question in step.questions:
                assert question.split()[0] in view.inner_text()
    page.keyboard.press("ArrowRight")  # past the last step: stays there
    assert where.inner_text().startswith(f"Steg {len(session.plan)} av")
    page.keyboard.press("ArrowLeft")
    assert where.inner_text().startswith(f"Steg {len(session.plan) - 1} av")
    # The place is the only thing saved, and it is where the view opens again.
    # (Material keeps its own palette choice beside it, under a key of its own, and every
    # page notes the time of the visit for the "Uppdaterad" marks: no learner's data.)
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith(PREFIX) and k != PREFIX + "visit"] == \
        [PREFIX + f"session:{session.id}"]
    page.keyboard.press("Escape")
    assert not view.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Visa på storbild"
    page.reload()
    _open_with_keyboard(page)
    assert where.inner_text().startswith(f"Steg {len(session.plan) - 1} av")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}session:{session.id}')"))
    assert saved["value"] == len(session.plan) - 2


def test_no_learner_notes_are_shown_on_the_big_screen(projector, base_url, shipped_library):
    session, path = _first_session(shipped_library)
    page = projector
    exercise_id = next(step.exercise for step in session.plan if step.exercise)
    question = shipped_library.exercises[exercise_id].questions[0].id
    page.goto(base_url + path)
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify("
                  "{value: value, updated: new Date().toISOString()}))",
                  [f"{PREFIX}note:{exercise_id}:{question}", "Min privata anteckning"])
    page.reload()
    _open_with_keyboard(page)
    for _ in session.plan:
        assert "Min privata anteckning" not in page.locator(".pmb-meeting").inner_text()
        page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("projector", ["light", "dark"], indirect=True)
def test_the_big_screen_passes_axe_in_both_palettes(projector, base_url, shipped_library):
    _, path = _first_session(shipped_library)
    page = projector
    page.goto(base_url + path)
    _open_with_keyboard(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert run_axe(page) == []
