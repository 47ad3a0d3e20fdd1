/* Prata med barn: "Testa dig själv", the self-check questions of a theme.
 *
 * Without this script the page shows every question with its answers and explanations in a
 * <details>. With it, the learner picks an answer, sees at once whether it is the best one
 * and why, and the choice is saved in this browser (quiz:<quiz id>:<question id>, the
 * option's key, made from its text), like ticks and notes: exported, imported and cleared
 * with them. A number saved there is an option's place from before the answers changed
 * places: it is not taken for an answer.
 * Scores ("3 av 4 rätt") are counted wherever a page has [data-quiz-score].
 */
(function () {
  "use strict";

  var store = window.pratamedbarn && window.pratamedbarn.store;
  if (!store) return;

  function chosen(quiz, question) {
    var saved = store.get("quiz:" + quiz + ":" + question);
    return saved && typeof saved.value === "string" ? saved.value : null;
  }

  function showFeedback(fieldset, value) {
    var option = fieldset.querySelector('li[data-option="' + value + '"]');
    var feedback = fieldset.querySelector(".pmb-quiz__feedback");
    if (!option || !feedback) return;
    var right = option.hasAttribute("data-correct");
    var why = option.querySelector(".pmb-quiz__why");
    feedback.replaceChildren();
    var verdict = document.createElement("strong");
    verdict.textContent = right ? "Rätt. " : "Inte det bästa svaret. ";
    feedback.append(verdict);
    if (why) feedback.append(why.cloneNode(true));
    feedback.classList.toggle("pmb-quiz__feedback--right", right);
    feedback.classList.toggle("pmb-quiz__feedback--wrong", !right);
    // All the answers, with why, once the learner has chosen.
    fieldset.querySelector(".pmb-quiz__answers").open = true;
  }

  function updateScores(root) {
    root.querySelectorAll("[data-quiz-score]").forEach(function (score) {
      var s = window.pratamedbarn.progress.quizScore(score.dataset.quizScore, score.dataset.answers);
      score.textContent = s.answered === 0 ? "Inte påbörjad." :
        "Du har svarat på " + s.answered + " av " + s.total + " frågor, " + s.right + " rätt.";
      score.hidden = false;
    });
  }

  function setUpQuiz(container) {
    var quiz = container.dataset.quiz;
    container.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var question = fieldset.dataset.question;
      var saved = chosen(quiz, question);
      fieldset.querySelectorAll('input[type="radio"]').forEach(function (input) {
        input.disabled = false;
        if (saved !== null && input.value === saved) {
          input.checked = true;
          showFeedback(fieldset, saved);
        }
        input.addEventListener("change", function () {
          store.set("quiz:" + quiz + ":" + question, input.value);
          showFeedback(fieldset, input.value);
          updateScores(document);
        });
      });
    });
  }

  function init() {
    document.querySelectorAll(".pmb-quiz[data-quiz]").forEach(function (container) {
      if (container.dataset.ready) return;
      container.dataset.ready = "1";
      setUpQuiz(container);
    });
    updateScores(document);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
