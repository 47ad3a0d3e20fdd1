/* Prata med barn: private notes to the exercises' questions, and the page Mina anteckningar
 * (all notes, print, export to a file, import from a file, clear everything).
 * Saved through window.pratamedbarn.store (storage.js); nothing leaves the browser.
 */
(function () {
  "use strict";

  var store = window.pratamedbarn.store;
  var SAVE_DELAY = 600;  // ms after the last key press
  var EXPORT_FORMAT = "pratamedbarn-anteckningar";
  var pending = {};      // note key -> function that saves it now

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function savedText(record) {
    return record ? "Sparat " + store.formatTime(record.updated) + "." : "";
  }

  // Save what is still waiting: before the page goes away or instant navigation moves on.
  function flush() {
    Object.keys(pending).forEach(function (key) { pending[key](); });
  }

  // ---- Notes fields on an exercise page ----

  function noteField(exercise, heading) {
    var question = heading.dataset.question;
    var key = "note:" + exercise + ":" + question;
    var id = "anteckning--" + exercise + "--" + question;
    var box = make("div", "pmb-note");

    var label = make("label", "pmb-note__label", "Dina anteckningar");
    label.htmlFor = id;
    var hidden = make("span", "pmb-visually-hidden", " till frågan: " + heading.textContent.trim());
    label.append(hidden);
    var field = make("textarea", "pmb-note__field");
    field.id = id;
    field.rows = 5;
    // The page's one privacy reminder (setUpExercise) describes every field.
    field.setAttribute("aria-describedby", REMINDER_ID);
    var status = make("p", "pmb-note__status");

    var saved = store.get(key);
    field.value = saved ? saved.value : "";
    status.textContent = savedText(saved);
    // The saved time is set before the box is in the page, so loading it announces nothing.
    status.setAttribute("aria-live", "polite");

    var timer = null;
    function save() {
      clearTimeout(timer);
      delete pending[key];
      var kept = store.set(key, field.value);
      status.textContent = kept ? "Sparat."
        : "Kan inte sparas här. Det försvinner när du stänger fliken.";
    }
    field.addEventListener("input", function () {
      status.textContent = "";
      clearTimeout(timer);
      pending[key] = save;
      timer = setTimeout(save, SAVE_DELAY);
    });
    field.addEventListener("blur", function () { if (pending[key]) save(); });

    box.append(label, field, status);
    return box;
  }

  var REMINDER_ID = "anteckningar-integritet";

  function setUpExercise(container) {
    // Said once a page, above the questions, not under every field.
    if (!document.getElementById(REMINDER_ID)) {
      var reminder = make("p", "pmb-note__help pmb-note__reminder",
        "Skriv inget som kan visa vem en klient är. Det du skriver sparas bara i den här " +
        "webbläsaren. Det skickas inte någonstans.");
      reminder.id = REMINDER_ID;
      container.before(reminder);
    }
    container.querySelectorAll("[data-question]").forEach(function (heading) {
      heading.after(noteField(container.dataset.exercise, heading));
    });
  }

  // ---- Mina anteckningar ----

  function fillAnswers(root) {
    root.querySelectorAll("[data-exercise-notes]").forEach(function (section) {
      var exercise = section.dataset.exerciseNotes;
      var written = 0;
      section.querySelectorAll(".pmb-answer[data-question]").forEach(function (answer) {
        var saved = store.get("note:" + exercise + ":" + answer.dataset.question);
        var text = saved ? String(saved.value) : "";
        answer.replaceChildren();
        if (text.trim()) {
          written++;
          answer.append(make("p", "pmb-answer__text", text),
                        make("p", "pmb-answer__time", savedText(saved)));
        } else {
          answer.append(make("p", "pmb-answer__empty", "Inget skrivet än."));
        }
      });
      // An exercise with no notes at all takes one line; its questions show once written.
      section.classList.toggle("pmb-empty", written === 0);
      var none = section.querySelector(".pmb-mynotes__none");
      if (!none) {
        none = make("p", "pmb-mynotes__none", "Inget skrivet än.");
        section.querySelector(".pmb-mynotes__questions").before(none);
      }
    });
    window.pratamedbarn.progress.show(root);
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /** Everything saved, as an export file holds it; only the keys `keep` accepts, if given. */
  function exportData(keep) {
    var items = {};
    store.keys("").forEach(function (key) {
      if (!keep || keep(key)) items[key] = store.get(key);
    });
    return { format: EXPORT_FORMAT, version: store.VERSION, edition: store.EDITION,
             exported: new Date().toISOString(), items: items };
  }

  function exportAll() {
    var data = exportData();
    var items = data.items;
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var link = make("a");
    link.href = URL.createObjectURL(blob);
    link.download = "pratamedbarn-" + (store.EDITION ? store.EDITION + "-" : "") +
      "anteckningar-" + today() + ".json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    return Object.keys(items).length;
  }

  // An export file holds text a learner wrote; a larger file is not one of ours.
  var MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  var NOTHING_CHANGED = " Inget av det du har sparat ändrades.";

  var ANSWER_KEY = /^[0-9a-f]{8}$/;  // QuizOption.key

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function validRecord(key, record) {
    if (!store.SHORT_KEY.test(key) || !isPlainObject(record)) return false;
    var fields = Object.keys(record).sort().join(",");
    if (fields !== "updated,value" || typeof record.updated !== "string" ||
        isNaN(Date.parse(record.updated))) return false;
    var value = record.value;
    if (key.indexOf("note:") === 0) return typeof value === "string";
    // A quiz answer is {first: the first answer's key}. Files from before first answers were
    // kept hold the last choice's key, or before that the answer's place: they import, but
    // do not count as answers.
    if (key.indexOf("quiz:") === 0) {
      return (isPlainObject(value) && Object.keys(value).join(",") === "first" &&
              ANSWER_KEY.test(value.first)) ||
        ANSWER_KEY.test(value) || (Number.isInteger(value) && value >= 0);
    }
    // A facilitator's step (session:) is a number from 0.
    if (key.indexOf("session:") === 0) return Number.isInteger(value) && value >= 0;
    // A self-rating: the answers, 1–5, to the statements in order.
    if (key.indexOf("rating:") === 0) {
      return Array.isArray(value) && value.length > 0 && value.every(function (v) {
        return Number.isInteger(v) && v >= 1 && v <= 5;
      });
    }
    if (key.indexOf("learner:") === 0) return typeof value === "string" && value.length <= 200;
    return typeof value === "boolean";
  }

  function editionName(edition) {
    return edition ? "utgåvan " + edition + " av kursen" : "kursens allmänna utgåva";
  }

  /** "" when export data (a file, or a link from move.js) was saved in this edition of the
   * course; else a Swedish sentence that says where it comes from, starting with `what`
   * ("Filen", "Länken"). Its work is the learner's own, but its routines were another
   * municipality's: the page asks before mixing them. */
  function otherEdition(data, what) {
    var from = isPlainObject(data) && typeof data.edition === "string" ? data.edition : "";
    if (from === store.EDITION) return "";
    return what + " kommer från " + editionName(from) + ", och det här är " +
      editionName(store.EDITION) + ".";
  }

  /** Check export data (a parsed file, or a link from move.js) before anything is merged.
   * Returns {keys} when every item is one this site saves, else {problem, at}: problem is
   * "format", "version" or "content", at the first unexpected key. */
  function checkImport(data) {
    if (!isPlainObject(data) || data.format !== EXPORT_FORMAT) return { problem: "format" };
    if (data.version !== store.VERSION) return { problem: "version" };
    var keys = isPlainObject(data.items) ? Object.keys(data.items) : null;
    var wrong = keys && keys.filter(function (key) { return !validRecord(key, data.items[key]); });
    if (!keys || wrong.length) return { problem: "content", at: wrong && wrong[0] };
    return { keys: keys };
  }

  /** Merge checked items into what is saved; `from` says where they came from ("från
   * filen"). Returns what happened, in Swedish. */
  function mergeImport(items, from) {
    var keys = Object.keys(items);
    var both = 0;
    keys.forEach(function (key) {
      var result = store.merge(key, store.get(key), items[key]);
      store.put(key, result.record);
      if (result.kept) both++;
    });
    // Items saved under ids that have since been renamed follow their new ids.
    store.migratePage(document);
    store.changed();
    var taken = keys.length;
    var message = "Klart. " + taken + (taken === 1 ? " sak" : " saker") + " hämtades " + from + ".";
    if (both) {
      message += " " + both + (both === 1 ? " anteckning" : " anteckningar") + " fanns redan " +
        "med en annan text. Båda versionerna finns kvar, den nyaste först.";
    }
    return message;
  }

  /** Merge an export file's text into what is saved; returns what happened, in Swedish.
   * The whole file is checked first: a file with anything unexpected changes nothing. */
  function importText(text) {
    var data;
    try { data = JSON.parse(text); } catch (error) { data = null; }
    var checked = checkImport(data);
    if (checked.problem === "format") {
      return "Filen kunde inte läsas. Välj en fil som du har sparat från Mina anteckningar." +
        NOTHING_CHANGED;
    }
    if (checked.problem === "version") {
      return "Filen kommer från en annan version av webbplatsen och kan inte läsas här." +
        NOTHING_CHANGED;
    }
    if (checked.problem) {
      return "Filen innehåller något annat än anteckningar, bockar, sedda filmer och svar" +
        (checked.at ? " (vid ”" + checked.at.slice(0, 60) + "”)" : "") +
        ", så den kan inte hämtas. Den kan ha ändrats efter att den sparades." + NOTHING_CHANGED;
    }
    var other = otherEdition(data, "Filen");
    if (other && !window.confirm(other + " Vill du ändå hämta den hit?")) {
      return "Filen hämtades inte." + NOTHING_CHANGED;
    }
    return mergeImport(data.items, "från filen");
  }

  function setUpMyNotes(tools) {
    var status = tools.querySelector(".pmb-mynotes__status");
    var file = tools.querySelector("input[type=file]");
    tools.classList.remove("pmb-mynotes__tools--waiting");
    tools.querySelector("[data-action=print]").addEventListener("click", function () {
      window.print();
    });
    tools.querySelector("[data-action=export]").addEventListener("click", function () {
      var n = exportAll();
      status.textContent = "Filen är sparad med " + n + (n === 1 ? " sak." : " saker.") +
        " Den innehåller dina anteckningar: spara den där bara du kommer åt den.";
    });
    tools.querySelector("[data-action=import]").addEventListener("click", function () {
      file.click();
    });
    file.addEventListener("change", function () {
      var chosen = file.files[0];
      if (!chosen) return;
      if (chosen.size > MAX_IMPORT_BYTES) {
        status.textContent = "Filen är större än 5 MB och kan inte vara en fil från Mina " +
          "anteckningar. Välj filen som du sparade med Spara till fil." + NOTHING_CHANGED;
        file.value = "";
        return;
      }
      chosen.text().then(function (text) {
        status.textContent = importText(text);
        file.value = "";
      });
    });
    tools.querySelector("[data-action=clear]").addEventListener("click", function () {
      var sure = window.confirm("Vill du ta bort alla dina anteckningar, bockar och sedda " +
        "filmer från den här webbläsaren? Det går inte att ångra. Spara dem till en fil " +
        "först om du vill ha kvar dem.");
      if (!sure) return;
      store.clearAll();
      store.changed();
      status.textContent = "Allt är borttaget från den här webbläsaren.";
    });
    fillAnswers(document);
  }

  function init() {
    flush();
    var exercises = document.querySelectorAll("[data-exercise]");
    exercises.forEach(setUpExercise);
    var tools = document.querySelector(".pmb-mynotes__tools");
    if (tools) setUpMyNotes(tools);
    if (exercises.length || tools) store.announce();
  }

  // For move.js ("Flytta till en annan enhet"): a link carries export data, checked and
  // merged by the same rules as a file.
  window.pratamedbarn.notes = {
    FORMAT: EXPORT_FORMAT, exportData: exportData, checkImport: checkImport,
    otherEdition: otherEdition, mergeImport: mergeImport
  };

  // Saved data changed under the page (an import, "Rensa allt", another tab): show it again.
  store.onChange(function () { fillAnswers(document); });
  window.addEventListener("pagehide", flush);
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
