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


def test_an_answer_shows_why_and_survives_a_reload(page, base_url, quiz):
    question = quiz.questions[0]
    wrong, right = _wrong_then_right(question)
    page.goto(_url(base_url, quiz))
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    fieldset.locator(f'input[value="{wrong}"]').check()
    feedback = fieldset.locator(".pmb-quiz__feedback")
    assert feedback.inner_text().startswith("Inte det bästa svaret.")
    why = next(o.why for o in question.options if o.key == wrong)
    assert why.split()[0] in feedback.inner_text()
    fieldset.locator(f'input[value="{right}"]').check()
    assert feedback.inner_text().startswith("Rätt.")
    # Every answer and why, open now that the learner has chosen.
    assert fieldset.locator("details").get_attribute("open") is not None
    score = page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]')
    assert score.inner_text() == f"Du har svarat på 1 av {len(quiz.questions)} frågor, 1 rätt."
    page.reload()
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    assert fieldset.locator(f'input[value="{right}"]').is_checked()
    assert fieldset.locator(".pmb-quiz__feedback").inner_text().startswith("Rätt.")
    assert page.foreign_requests == []


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
    page.locator(f'fieldset[data-question="{question.id}"] input[value="{right}"]').check()
    key = f"quiz:{quiz.id}:{question.id}"
    page.goto(base_url + "mina-anteckningar/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Spara till fil").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["items"][key]["value"] == right
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


def test_an_answer_saved_as_a_place_before_the_answers_moved_is_no_answer(page, base_url, quiz):
    # Answers were saved by their place until the places changed (issue 27): such a number
    # may now point at another answer, so it is neither shown nor counted.
    question = quiz.questions[0]
    page.goto(_url(base_url, quiz))
    page.evaluate("""([key, place]) => localStorage.setItem(key,
        JSON.stringify({value: place, updated: new Date().toISOString()}))""",
                  [f"{PREFIX}quiz:{quiz.id}:{question.id}", question.best])
    page.reload()
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    assert fieldset.locator("input:checked").count() == 0
    assert fieldset.locator(".pmb-quiz__feedback").inner_text() == ""
    assert page.locator(f'.pmb-quiz__score[data-quiz-score="{quiz.id}"]').inner_text() == "Inte påbörjad."
