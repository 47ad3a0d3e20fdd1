"""'Testa dig själv' in a real browser: an answer shows why, survives a reload, and moves
with the learner's other saved work through export, clear and import."""

from __future__ import annotations

import json

import pytest

from pratamedbarn import kinds

PREFIX = "pratamedbarn:v1:"


@pytest.fixture
def quiz(shipped_library):
    return next(iter(shipped_library.items["quiz"].values()))


def _url(base_url: str, quiz) -> str:
    return base_url + kinds.kind("quiz").path(quiz.id).removesuffix(".md") + "/"


def _wrong_then_right(question):
    """The keys of a wrong answer and of the best one."""
    wrong = next(o.key for o in question.options if not o.correct)
    return wrong, question.options[question.best].key


@pytest.fixture
def learner(profile):
    """A page in a fresh profile of the office PC or of the phone."""
    page = profile.new_page()
    page.profile = profile.name
    return page


def _saved(page, key: str):
    raw = page.evaluate("key => localStorage.getItem(key)", PREFIX + key)
    return None if raw is None else json.loads(raw)["value"]


def _quiz_keys(page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':quiz:'))")


def _tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def _focused_value(page) -> str:
    return page.evaluate("document.activeElement.value")


def test_with_the_keyboard_alone_moving_saves_nothing_and_the_first_answer_counts(learner,
                                                                                   base_url, quiz):
    page = learner
    question = quiz.questions[0]
    keys = [o.key for o in question.options]
    page.goto(_url(base_url, quiz))
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    _tab_to(page, f'fieldset[data-question="{question.id}"] input[type="radio"]')
    # Arrow keys move between the answers (and choose them), and save nothing.
    for _ in range(len(keys) - 1):
        page.keyboard.press("ArrowDown")
    chosen = _focused_value(page)
    assert chosen == keys[-1]
    assert _quiz_keys(page) == []
    assert fieldset.locator(".pmb-quiz__feedback").inner_text() == ""
    # Tab reaches "Svara"; Enter gives the answer chosen, and only that one is saved.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Svara"
    page.keyboard.press("Enter")
    assert _saved(page, f"quiz:{quiz.id}:{question.id}") == {"first": chosen}
    right = question.options[-1].correct
    feedback = fieldset.locator(".pmb-quiz__feedback")
    assert feedback.inner_text().startswith("Rätt." if right else "Inte det bästa svaret.")
    assert fieldset.locator("details").get_attribute("open") is not None
    score = page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]')
    assert score.inner_text() == \
        f"Du har svarat på 1 av {len(quiz.questions)} frågor, {int(right)} rätt."
    # Trying another answer (Shift+Tab back, an arrow, then Space on "Svara") shows its
    # verdict and why, and says the first answer is the one that counts.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")
    other = _focused_value(page)
    assert other != chosen
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    other_right = next(o.correct for o in question.options if o.key == other)
    assert feedback.inner_text().startswith("Rätt." if other_right else "Inte det bästa svaret.")
    assert "Ditt första svar räknas i resultatet" in feedback.inner_text()
    assert _saved(page, f"quiz:{quiz.id}:{question.id}") == {"first": chosen}
    assert score.inner_text().endswith(f"{int(right)} rätt.")
    # Enter on a chosen answer gives it too, in the next question.
    second = quiz.questions[1]
    _tab_to(page, f'fieldset[data-question="{second.id}"] input[type="radio"]')
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert _saved(page, f"quiz:{quiz.id}:{second.id}") == {"first": _focused_value(page)}
    page.reload()
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    assert fieldset.locator(f'input[value="{chosen}"]').is_checked()
    assert fieldset.locator(".pmb-quiz__feedback").inner_text().startswith(
        "Rätt." if right else "Inte det bästa svaret.")
    assert "första svar" in page.locator("article").inner_text()


def test_answering_by_touch_or_mouse_needs_the_button(learner, base_url, quiz):
    page = learner
    question = quiz.questions[0]
    wrong, right = _wrong_then_right(question)
    page.goto(_url(base_url, quiz))
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    svara = fieldset.get_by_role("button", name="Svara")
    tap = (lambda target: target.tap()) if page.profile == "phone" else (lambda target: target.click())
    tap(svara)
    assert fieldset.locator(".pmb-quiz__feedback").inner_text() == "Välj ett av svaren först."
    assert _quiz_keys(page) == []
    tap(fieldset.locator(f'input[value="{right}"]'))
    tap(fieldset.locator(f'input[value="{wrong}"]'))
    assert _quiz_keys(page) == []
    tap(svara)
    tap(fieldset.locator(f'input[value="{right}"]'))
    tap(svara)
    assert fieldset.locator(".pmb-quiz__feedback").inner_text().startswith("Rätt.")
    assert _saved(page, f"quiz:{quiz.id}:{question.id}") == {"first": wrong}
    assert page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]').inner_text() == \
        f"Du har svarat på 1 av {len(quiz.questions)} frågor, 0 rätt."


def test_redo_clears_the_quiz_after_a_question(page, base_url, quiz, shipped_library):
    other = next(q for q in shipped_library.items["quiz"].values() if q.id != quiz.id)
    page.goto(_url(base_url, other))
    first = other.questions[0]
    page.locator(f'fieldset[data-question="{first.id}"] input').first.check()
    page.locator(f'fieldset[data-question="{first.id}"]').get_by_role("button", name="Svara").click()
    page.goto(_url(base_url, quiz))
    for question in quiz.questions[:2]:
        fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
        fieldset.locator("input").first.check()
        fieldset.get_by_role("button", name="Svara").click()
    redo = page.get_by_role("button", name="Gör om testet")
    page.once("dialog", lambda dialog: dialog.dismiss())
    redo.click()
    assert len(_quiz_keys(page)) == 3
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    redo.click()
    assert "göra om testet" in messages[0]
    assert _quiz_keys(page) == [f"{PREFIX}quiz:{other.id}:{first.id}"]
    assert page.locator("article input:checked").count() == 0
    assert page.locator(".pmb-quiz__feedback").all_inner_texts() == [""] * len(quiz.questions)
    assert page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]').inner_text() == \
        "Inte påbörjad."
    assert page.get_by_role("status").filter(has_text="Dina svar är borttagna").is_visible()
    # A new first answer counts again.
    question = quiz.questions[0]
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    fieldset.locator(f'input[value="{question.options[question.best].key}"]').check()
    fieldset.get_by_role("button", name="Svara").click()
    assert page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]').inner_text().endswith(
        "1 rätt.")


def test_without_javascript_the_questions_read_fully_with_the_answers(browser, base_url, quiz):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_url(base_url, quiz))
    for question in quiz.questions:
        fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
        details = fieldset.locator("details")
        details.locator("summary").click()
        for option in question.options:
            assert " ".join(option.why.split()[:3]) in " ".join(details.inner_text().split())
        assert details.locator("li[data-correct]").count() == 1
    context.close()


def test_export_clear_and_import_bring_the_answers_back(page, base_url, quiz, tmp_path):
    question = quiz.questions[-1]
    _, right = _wrong_then_right(question)
    page.goto(_url(base_url, quiz))
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    fieldset.locator(f'input[value="{right}"]').check()
    fieldset.get_by_role("button", name="Svara").click()
    key = f"quiz:{quiz.id}:{question.id}"
    page.goto(base_url + "mina-anteckningar/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Spara till fil").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["items"][key]["value"] == {"first": right}
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Rensa allt").click()
    page.get_by_text("Allt är borttaget").wait_for()
    assert page.evaluate(f"localStorage.getItem('{PREFIX}{key}')") is None
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(exported)
    page.get_by_text("hämtades från filen").wait_for()
    page.goto(_url(base_url, quiz))
    assert page.locator(f'fieldset[data-question="{question.id}"] input[value="{right}"]').is_checked()


@pytest.mark.parametrize("legacy", ["place", "last choice"])
def test_an_answer_saved_before_first_answers_were_kept_is_no_answer(page, base_url, quiz, legacy):
    # Answers were saved by their place until the places changed (issue 27), then as the
    # last choice, which could be tried until it said "Rätt" (issue 29): neither counts.
    question = quiz.questions[0]
    value = question.best if legacy == "place" else question.options[question.best].key
    page.goto(_url(base_url, quiz))
    page.evaluate("""([key, value]) => localStorage.setItem(key,
        JSON.stringify({value, updated: new Date().toISOString()}))""",
                  [f"{PREFIX}quiz:{quiz.id}:{question.id}", value])
    page.reload()
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    assert fieldset.locator("input:checked").count() == 0
    assert fieldset.locator(".pmb-quiz__feedback").inner_text() == ""
    assert page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]').inner_text() == "Inte påbörjad."
    # Answering now keeps the new first answer.
    fieldset.locator("input").last.check()
    fieldset.get_by_role("button", name="Svara").click()
    assert _saved(page, f"quiz:{quiz.id}:{question.id}") == {"first": question.options[-1].key}


def test_an_import_keeps_the_earlier_first_answer(page, base_url, quiz, tmp_path):
    # Answered on the phone first, then differently on the PC: the phone's answer was first.
    question, later, legacy = quiz.questions[0], quiz.questions[1], quiz.questions[2]
    keys = [o.key for o in question.options]
    page.goto(_url(base_url, quiz))
    page.evaluate("""([key, value]) => localStorage.setItem(key,
        JSON.stringify({value, updated: "2026-11-20T10:00:00.000Z"}))""",
                  [f"{PREFIX}quiz:{quiz.id}:{question.id}", {"first": keys[1]}])
    items = {f"quiz:{quiz.id}:{question.id}": {"value": {"first": keys[0]},
                                               "updated": "2026-11-19T10:00:00.000Z"},
             f"quiz:{quiz.id}:{later.id}": {"value": {"first": later.options[0].key},
                                            "updated": "2026-11-19T10:00:00.000Z"},
             f"quiz:{quiz.id}:{legacy.id}": {"value": legacy.options[0].key,
                                             "updated": "2026-11-21T10:00:00.000Z"}}
    path = tmp_path / "fran-telefonen.json"
    path.write_text(json.dumps({"format": "pratamedbarn-anteckningar", "version": 1,
                                "exported": "2026-11-21T10:00:00.000Z", "items": items}),
                    encoding="utf-8")
    page.goto(base_url + "mina-anteckningar/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Hämta från fil").click()
    chooser.value.set_files(path)
    page.get_by_text("hämtades från filen").wait_for()
    assert _saved(page, f"quiz:{quiz.id}:{question.id}") == {"first": keys[0]}
    assert _saved(page, f"quiz:{quiz.id}:{later.id}") == {"first": later.options[0].key}
    # Mina anteckningar counts the imported answers at once: two answered, no reload.
    score = page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]')
    assert score.inner_text().startswith(f"Du har svarat på 2 av {len(quiz.questions)} frågor")
