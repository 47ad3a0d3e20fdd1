/* Prata med barn: checklist ticks, watched films and the learner's progress.
 * Saved through window.pratamedbarn.store (storage.js). Runs on every page view, also after
 * Material's instant navigation. Controls that save are made here, so that a page without
 * JavaScript shows none that would not work.
 */
(function () {
  "use strict";

  var store = window.pratamedbarn.store;
  // Most of a self-hosted film has played: it counts as watched.
  var WATCHED_SHARE = 0.9;

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  // ---- Checklists ----

  function setUpChecklist(list) {
    var checklist = list.dataset.checklist;
    var tools = make("div", "pmb-checklist-tools");
    var reset = make("button", "md-button pmb-checklist-reset", "Ta bort alla bockar");
    reset.type = "button";
    var status = make("p", "pmb-checklist-status");
    status.setAttribute("aria-live", "polite");
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[data-item]"));
    boxes.forEach(function (box) {
      var saved = store.get("checklist:" + checklist + ":" + box.dataset.item);
      box.checked = Boolean(saved && saved.value);
      box.addEventListener("change", function () {
        store.set("checklist:" + checklist + ":" + box.dataset.item, box.checked);
        status.textContent = "";
      });
    });
    reset.addEventListener("click", function () {
      if (!window.confirm("Vill du ta bort alla bockar i den här checklistan?")) return;
      boxes.forEach(function (box) {
        box.checked = false;
        store.set("checklist:" + checklist + ":" + box.dataset.item, false);
      });
      status.textContent = "Alla bockar är borttagna.";
    });
    tools.append(reset, status);
    list.after(tools);
  }

  // ---- Watched films ----

  function savedTrue(key) {
    var saved = store.get(key);
    return Boolean(saved && saved.value);
  }

  function watched(filmId) { return savedTrue("film:" + filmId); }

  /** How a film was seen: "finished" (played to near the end), "played" (marked as seen
   *  and started in its player), "marked" (only marked as seen) or null (not seen, or the
   *  mark taken back with "Ångra"). */
  function filmSeen(filmId) {
    if (!watched(filmId)) return null;
    if (savedTrue("film:" + filmId + ":finished")) return "finished";
    return savedTrue("film:" + filmId + ":played") ? "played" : "marked";
  }

  // Not seen: one button, "Jag har sett filmen". Seen: the button says "Sedd ✓" and a
  // separate "Ångra" takes the mark back, so the natural tap never undoes what it says.
  function showWatched(box, isWatched, message) {
    var button = box.querySelector(".pmb-watched__button");
    var undo = box.querySelector(".pmb-watched__undo");
    button.textContent = isWatched ? "Sedd ✓" : "Jag har sett filmen";
    button.classList.toggle("pmb-watched__button--seen", isWatched);
    undo.hidden = !isWatched;
    box.querySelector(".pmb-watched__status").textContent = message || "";
  }

  function setUpFilm(figure) {
    var filmId = figure.dataset.film;
    // The page keeps a place for the button right after the film (see player.py).
    var box = figure.nextElementSibling;
    if (!box || !box.classList.contains("pmb-watched") || box.childElementCount) {
      box = make("div", "pmb-watched");
      figure.after(box);
    }
    var button = make("button", "md-button pmb-watched__button");
    button.type = "button";
    var undo = make("button", "md-button pmb-watched__undo", "Ångra");
    undo.type = "button";
    undo.setAttribute("aria-label", "Ångra: markera filmen som inte sedd");
    var status = make("p", "pmb-watched__status");
    status.setAttribute("aria-live", "polite");
    box.append(button, undo, status);
    showWatched(box, watched(filmId));
    var video = figure.querySelector("video");
    // Once watched or decided by hand, playing the film does not change the mark again.
    var autoDone = watched(filmId);

    button.addEventListener("click", function () {
      autoDone = true;
      if (watched(filmId)) {
        showWatched(box, true, "Filmen är redan markerad som sedd.");
        return;
      }
      store.set("film:" + filmId, true);
      showWatched(box, true, "Filmen är markerad som sedd.");
    });
    undo.addEventListener("click", function () {
      autoDone = true;
      store.set("film:" + filmId, false);
      showWatched(box, false, "Filmen är inte längre markerad som sedd.");
      button.focus();
    });

    if (!video) return;
    video.addEventListener("play", function () { markPlayed(filmId); });
    function check() {
      if (!(video.duration > 0) || playedShare(video) < WATCHED_SHARE) return;
      if (!savedTrue("film:" + filmId + ":finished")) store.set("film:" + filmId + ":finished", true);
      if (autoDone) return;
      autoDone = true;
      store.set("film:" + filmId, true);
      showWatched(box, true, "Du har sett filmen. Den är markerad som sedd.");
    }
    video.addEventListener("timeupdate", check);
    video.addEventListener("ended", check);
  }

  // The share of the film really played in this page view: jumping to the end is not seeing it.
  function playedShare(video) {
    var seconds = 0;
    for (var i = 0; i < video.played.length; i++) seconds += video.played.end(i) - video.played.start(i);
    return seconds / video.duration;
  }

  /** Remember that a film was started in its player (the certificate tells it apart from a
   *  film only marked as seen). pratamedbarn.js calls it for a film on another host. */
  function markPlayed(filmId) {
    if (!savedTrue("film:" + filmId + ":played")) store.set("film:" + filmId + ":played", true);
  }


  // ---- Progress on the start page, theme pages and Mina anteckningar ----

  function filmsText(seen, total) {
    return "Du har sett " + seen + " av " + total + (total === 1 ? " film." : " filmer.");
  }

  function showProgress(root) {
    root.querySelectorAll("[data-films]").forEach(function (element) {
      var ids = element.dataset.films.split(/\s+/).filter(Boolean);
      element.textContent = filmsText(ids.filter(watched).length, ids.length);
    });
    root.querySelectorAll("[data-film-link]").forEach(function (link) {
      var mark = link.nextElementSibling;
      var hasMark = mark && mark.classList.contains("pmb-seen");
      if (watched(link.dataset.filmLink) && !hasMark) {
        link.after(make("span", "pmb-seen", "sedd"));
      } else if (!watched(link.dataset.filmLink) && hasMark) {
        mark.remove();
      }
    });
    // A theme on the start page: its bar, "2 av 4 filmer sedda", and the first film not seen.
    root.querySelectorAll("[data-theme-films]").forEach(function (theme) {
      var ids = theme.dataset.themeFilms.split(/\s+/).filter(Boolean);
      var seen = ids.filter(watched).length;
      var status = theme.querySelector(".pmb-theme__status");
      theme.querySelector(".pmb-theme__bar").value = seen;
      theme.querySelector(".pmb-theme__count").textContent = seen === ids.length ?
        "Alla " + ids.length + " filmer sedda." : seen + " av " + ids.length + " filmer sedda.";
      var next = ids.filter(function (id) { return !watched(id); })[0];
      var link = next && theme.querySelector('[data-film-link="' + next + '"]');
      var go = theme.querySelector(".pmb-theme__continue");
      go.hidden = !(seen > 0 && link);
      if (link) go.href = link.href;
      status.classList.remove("pmb-theme__status--waiting");
    });
    root.querySelectorAll("[data-checklist-progress]").forEach(function (element) {
      var checklist = element.dataset.checklistProgress;
      var items = element.dataset.items.split(/\s+/).filter(Boolean);
      var ticked = items.filter(function (item) {
        var saved = store.get("checklist:" + checklist + ":" + item);
        return saved && saved.value;
      }).length;
      element.textContent = "(" + ticked + " av " + items.length + " avbockade)";
    });
    // Testa dig själv: "3 av 4 rätt", counted from first answers, wherever a page has a score.
    root.querySelectorAll("[data-quiz-score]").forEach(function (element) {
      var s = quizScore(element.dataset.quizScore, element.dataset.answers);
      element.textContent = s.answered === 0 ? "Inte påbörjad." :
        "Du har svarat på " + s.answered + " av " + s.total + " frågor, " + s.right + " rätt.";
      element.hidden = false;
    });
    showContinue(root);
  }

  // "Fortsätt där du slutade" under the start page's heading, on a returning visit: the film
  // the learner last started or marked as seen, or once that one is seen, the next film after
  // it (in the course's order) that is not.
  function showContinue(root) {
    var box = root.querySelector(".pmb-continue");
    if (!box) return;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pmb-card__link[data-film-link]"));
    var ids = cards.map(function (card) { return card.dataset.filmLink; });
    var last = -1, lastTime = "";
    ids.forEach(function (id, at) {
      ["film:" + id, "film:" + id + ":played"].forEach(function (key) {
        var saved = store.get(key);
        if (saved && saved.value && String(saved.updated) > lastTime) {
          last = at;
          lastTime = String(saved.updated);
        }
      });
    });
    var after = last === -1 ? [] : ids.slice(last).concat(ids.slice(0, last));
    var next = after.filter(function (id) { return !watched(id); })[0];
    box.hidden = !next;
    if (!next) return;
    var card = cards[ids.indexOf(next)];
    var link = box.querySelector("a");
    link.href = card.href;
    link.querySelector(".pmb-continue__film").textContent =
      card.querySelector(".pmb-card__title").textContent;
  }

  // A film page's button says again what is saved, when another tab changed it.
  function showFilmMarks(root) {
    root.querySelectorAll("figure.pmb-player[data-film]").forEach(function (figure) {
      var box = figure.nextElementSibling;
      if (box && box.querySelector(".pmb-watched__button")) showWatched(box, watched(figure.dataset.film));
    });
  }

  function init() {
    var lists = document.querySelectorAll("ul.pmb-checklist[data-checklist]");
    var films = document.querySelectorAll("figure.pmb-player[data-film]");
    lists.forEach(setUpChecklist);
    films.forEach(setUpFilm);
    showProgress(document);
    if (lists.length || films.length || document.querySelector("[data-films]")) store.announce();
  }

  /**
   * The learner's first answer to a quiz question (the key of the answer), or null: the first
   * answer is the result, whatever she tries after it. A value saved before first answers were
   * kept (the last choice, or an answer's place) is no answer.
   */
  function firstAnswer(quiz, question) {
    var saved = store.get("quiz:" + quiz + ":" + question);
    var value = saved && saved.value;
    return value && typeof value.first === "string" ? value.first : null;
  }

  /**
   * A quiz's score from the first answers: `answers` is its data-answers attribute, one
   * "question:best answer's key" pair a question (Quiz.answer_key). Returns {answered, right,
   * total}.
   */
  function quizScore(quiz, answers) {
    var pairs = (answers || "").split(" ").filter(Boolean);
    var answered = 0, right = 0;
    pairs.forEach(function (pair) {
      var parts = pair.split(":");
      var first = firstAnswer(quiz, parts[0]);
      if (first !== null) {
        answered++;
        if (first === parts[1]) right++;
      }
    });
    return { answered: answered, right: right, total: pairs.length };
  }

  window.pratamedbarn.progress = {
    show: showProgress, quizScore: quizScore, firstAnswer: firstAnswer,
    filmSeen: filmSeen, markPlayed: markPlayed
  };

  store.onChange(function () {
    showProgress(document);
    showFilmMarks(document);
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
