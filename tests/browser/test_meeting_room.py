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
    # The ground rules, a film and an exercise's case with its questions.
    for step in range(4):
        assert run_axe(page) == [], f"steg {step + 1}"
        page.keyboard.press("ArrowRight")


#: What a step on the big screen measures: whether it fits, where its parts end.
STEP_BOX = """() => {
    const stage = document.querySelector('.pmb-meeting__stage');
    const foot = document.querySelector('.pmb-meeting__foot').getBoundingClientRect();
    const video = stage.querySelector('video');
    const bottoms = [...stage.querySelectorAll('li, p')].filter(e => e.getClientRects().length)
        .map(e => e.getBoundingClientRect().bottom);
    return {scroll: stage.scrollHeight, room: stage.clientHeight,
            // The page behind the view does not scroll while it is open.
            pageScrolls: getComputedStyle(document.documentElement).overflowY !== 'hidden'
                && document.documentElement.scrollHeight > innerHeight,
            view: document.querySelector('.pmb-meeting').getBoundingClientRect().bottom,
            foot: foot.bottom,
            lowest: Math.max(0, ...bottoms), footTop: foot.top,
            video: video ? video.getBoundingClientRect().height : null,
            text: stage.innerText};
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def test_every_step_of_every_session_fits_the_screen(browser, base_url, shipped_library, size):
    """No step needs the mouse: its film, case and questions are all on the screen at once."""
    width, height = size
    assert shipped_library.study_guide.sessions[0].plan[0].ground_rules  # step 1 shows them
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": height})
    page = context.new_page()
    session_kind = kinds.kind("session")
    for session in shipped_library.study_guide.sessions:
        page.goto(base_url + session_kind.path(session.id).removesuffix(".md") + "/")
        _open_with_keyboard(page)
        for number, step in enumerate(session.plan, start=1):
            box = page.evaluate(STEP_BOX)
            where = f"{session.id}, steg {number} vid {width}×{height}"
            assert box["scroll"] <= box["room"], where
            assert not box["pageScrolls"], where
            assert box["view"] <= height and box["foot"] <= height, where
            assert box["lowest"] <= box["footTop"], where
            text = " ".join(box["text"].split())
            if step.film:
                assert box["video"] >= height / 4, where  # shrunk, still a film to watch
                for question in step.questions:
                    assert " ".join(question.split()[:4]) in text, where
            if step.exercise:
                exercise = shipped_library.exercises[step.exercise]
                if exercise.case:
                    assert " ".join(exercise.case.split()[:5]) in text, where
                for question in exercise.questions:
                    assert " ".join(question.text.split()[:4]) in text, where
            if step.ground_rules:
                for rule in shipped_library.study_guide.ground_rules:
                    assert " ".join(rule.split()[:4]) in text, where
            page.keyboard.press("ArrowRight")
    context.close()


def test_the_keys_work_while_the_film_has_focus(projector, base_url, shipped_library):
    session, path = _first_session(shipped_library)
    at = next(i for i, step in enumerate(session.plan) if step.film)
    page = projector
    page.goto(base_url + path)
    _open_with_keyboard(page)
    where = page.locator(".pmb-meeting__where")
    clock = page.locator(".pmb-meeting__clock")
    page.keyboard.press("Space")  # a step without a film: Space runs the clock
    page.wait_for_timeout(1300)
    assert clock.inner_text() != f"{session.plan[0].minutes}:00 kvar"
    for _ in range(at):
        page.keyboard.press("ArrowRight")
    video = page.locator(f'.pmb-meeting video[data-film="{session.plan[at].film}"]')
    video.evaluate("v => { v.muted = true; v.focus(); }")
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"
    # Space plays and pauses the film, as a presenter expects; the clock stays as it was.
    page.keyboard.press("Space")
    page.wait_for_function("v => !v.paused", arg=video.element_handle())
    page.wait_for_timeout(600)
    page.keyboard.press("Space")
    page.wait_for_function("v => v.paused", arg=video.element_handle())
    assert clock.inner_text() == f"{session.plan[at].minutes}:00 kvar"
    played = video.evaluate("v => v.currentTime")
    assert played > 0
    # The arrow keys change step, not the film's time, while the film has focus.
    video.focus()
    page.keyboard.press("ArrowLeft")
    assert where.inner_text().startswith(f"Steg {at} av")
    page.keyboard.press("ArrowRight")
    assert where.inner_text().startswith(f"Steg {at + 1} av")
    assert video.evaluate("v => v.currentTime") == played
    video.focus()
    page.keyboard.press("ArrowRight")
    assert where.inner_text().startswith(f"Steg {at + 2} av")
    # K runs the clock wherever the focus is.
    page.keyboard.press("ArrowLeft")
    video.focus()
    page.keyboard.press("k")
    assert page.locator(".pmb-meeting__toggle").inner_text() == "Pausa klockan"
    assert video.evaluate("v => v.paused")


def test_the_big_screen_buttons_look_like_buttons(projector, base_url, shipped_library):
    _, path = _first_session(shipped_library)
    page = projector
    page.goto(base_url + path)
    _open_with_keyboard(page)
    looks = page.eval_on_selector_all(".pmb-meeting button", """buttons => buttons.map(b => {
        const style = getComputedStyle(b);
        const page = getComputedStyle(b.closest('.pmb-meeting')).backgroundColor;
        return {name: b.textContent, edge: style.borderTopStyle !== 'none'
                && parseFloat(style.borderTopWidth) >= 1
                && style.borderTopColor !== page && style.borderTopColor !== 'rgba(0, 0, 0, 0)',
                filled: style.backgroundColor !== page
                && style.backgroundColor !== 'rgba(0, 0, 0, 0)'};
    })""")
    assert len(looks) == 4
    for look in looks:
        assert look["edge"] or look["filled"], look["name"]
