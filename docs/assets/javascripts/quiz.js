/* Prata med barn: "Testa dig själv", the self-check questions of a theme.
 *
 * Without this script the page shows every question with its answers and explanations in a
 * <details>. With it, the learner picks an answer and gives it with "Svara" (or Enter on the
 * answer): moving between the answers, as the arrow keys do, saves nothing. The first answer
 * to each question is her result, saved in this browser as
 * quiz:<quiz id>:<question id> = {first: the answer's key (made from its text)}, exported,
 * imported and cleared with her other work. She may then try the other answers and read every
 * explanation: the verdict shows, the result stays. "Gör om testet" removes the quiz's
 * answers, after a question. The scores ("3 av 4 rätt") are progress.js's, on every page.
 */
(function () {
  "use strict";

  var store = window.pratamedbarn && window.pratamedbarn.store;
  if (!store) return;
  var progress = window.pratamedbarn.progress;

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function isRight(fieldset, value) {
    var option = fieldset.querySelector('li[data-option="' + value + '"]');
    return Boolean(option && option.hasAttribute("data-correct"));
  }

  // The verdict and why of one answer; after a later try, also what the first answer was.
  function showFeedback(fieldset, value, first) {
    var option = fieldset.querySelector('li[data-option="' + value + '"]');
    var feedback = fieldset.querySelector(".pmb-quiz__feedback");
    feedback.replaceChildren();
    feedback.classList.remove("pmb-quiz__feedback--right", "pmb-quiz__feedback--wrong");
    if (!option) return;
    var right = isRight(fieldset, value);
    feedback.append(make("strong", "", right ? "Rätt. " : "Inte det bästa svaret. "));
    var why = option.querySelector(".pmb-quiz__why");
    if (why) feedback.append(why.cloneNode(true));
    if (first !== value) {
      feedback.append(make("span", "pmb-quiz__first", " Ditt första svar räknas i resultatet: det " +
        (isRight(fieldset, first) ? "var rätt." : "var inte det bästa svaret.")));
    }
    feedback.classList.add(right ? "pmb-quiz__feedback--right" : "pmb-quiz__feedback--wrong");
    // All the answers, with why, once the learner has answered.
    fieldset.querySelector(".pmb-quiz__answers").open = true;
  }

  // A question as saved: the first answer chosen and explained, or nothing chosen.
  function showQuestion(quiz, fieldset) {
    var first = progress.firstAnswer(quiz, fieldset.dataset.question);
    fieldset.querySelectorAll('input[type="radio"]').forEach(function (input) {
      input.checked = first !== null && input.value === first;
    });
    if (first !== null) {
      showFeedback(fieldset, first, first);
    } else {
      showFeedback(fieldset, null, null);
      fieldset.querySelector(".pmb-quiz__answers").open = false;
    }
  }

  function answer(quiz, fieldset) {
    var key = "quiz:" + quiz + ":" + fieldset.dataset.question;
    var checked = fieldset.querySelector('input[type="radio"]:checked');
    if (!checked) {
      var feedback = fieldset.querySelector(".pmb-quiz__feedback");
      feedback.className = "pmb-quiz__feedback";
      feedback.textContent = "Välj ett av svaren först.";
      return;
    }
    var first = progress.firstAnswer(quiz, fieldset.dataset.question);
    if (first === null) {
      first = checked.value;
      store.set(key, { first: first });
      progress.show(document);
    }
    showFeedback(fieldset, checked.value, first);
  }

  function setUpQuestion(quiz, fieldset) {
    var button = fieldset.querySelector(".pmb-quiz__answer");
    fieldset.querySelectorAll('input[type="radio"]').forEach(function (input) {
      input.disabled = false;
      // Enter gives the answer chosen, as the button does; the arrow keys only choose.
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); answer(quiz, fieldset); }
      });
    });
    button.disabled = false;
    button.addEventListener("click", function () { answer(quiz, fieldset); });
    showQuestion(quiz, fieldset);
  }

  function setUpRedo(container) {
    var quiz = container.dataset.quiz;
    var tools = container.querySelector(".pmb-quiz__redo");
    var button = tools.querySelector("button");
    var status = tools.querySelector(".pmb-quiz__redo-status");
    button.disabled = false;
    button.addEventListener("click", function () {
      if (!window.confirm("Vill du göra om testet? Dina svar på frågorna i det här testet tas " +
          "bort från den här webbläsaren, och ditt nya första svar på varje fråga blir ditt " +
          "resultat.")) return;
      store.keys("quiz:" + quiz + ":").forEach(store.remove);
      showAll(document);
      status.textContent = "Dina svar är borttagna. Du kan börja om från första frågan.";
      var first = container.querySelector('input[type="radio"]');
      if (first) first.focus();
    });
  }

  function showAll(root) {
    root.querySelectorAll(".pmb-quiz[data-quiz]").forEach(function (container) {
      container.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
        showQuestion(container.dataset.quiz, fieldset);
      });
    });
    progress.show(root);
  }

  function init() {
    document.querySelectorAll(".pmb-quiz[data-quiz]").forEach(function (container) {
      if (container.dataset.ready) return;
      container.dataset.ready = "1";
      container.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
        setUpQuestion(container.dataset.quiz, fieldset);
      });
      setUpRedo(container);
    });
  }

  // Another tab answered or cleared, or an import or "Rensa allt" here: draw the answers again.
  store.onChange(function () { showAll(document); });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
