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

  function watched(filmId) {
    var saved = store.get("film:" + filmId);
    return Boolean(saved && saved.value);
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
    function check() {
      if (autoDone || !(video.duration > 0)) return;
      if (video.ended || video.currentTime >= WATCHED_SHARE * video.duration) {
        autoDone = true;
        store.set("film:" + filmId, true);
        showWatched(box, true, "Du har sett filmen. Den är markerad som sedd.");
      }
    }
    video.addEventListener("timeupdate", check);
    video.addEventListener("ended", check);
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
   * A quiz's score from the saved answers: `answers` is its data-answers attribute, one
   * "question:best answer's key" pair a question (Quiz.answer_key). Returns {answered, right,
   * total}. A number saved is an answer's place from before the answers had keys: not counted.
   */
  function quizScore(quiz, answers) {
    var pairs = (answers || "").split(" ").filter(Boolean);
    var answered = 0, right = 0;
    pairs.forEach(function (pair) {
      var parts = pair.split(":");
      var saved = store.get("quiz:" + quiz + ":" + parts[0]);
      if (saved && typeof saved.value === "string") {
        answered++;
        if (saved.value === parts[1]) right++;
      }
    });
    return { answered: answered, right: right, total: pairs.length };
  }

  window.pratamedbarn.progress = { show: showProgress, quizScore: quizScore };

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
