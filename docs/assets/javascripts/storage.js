/* Prata med barn: the learner's saved ticks, watched films and notes.
 *
 * Everything lives in this browser's localStorage and never leaves it. One key an item:
 *   pratamedbarn:v1:checklist:<checklist id>:<item id>   value true/false (ticked)
 *   pratamedbarn:v1:film:<film id>                       value true/false (watched)
 *   pratamedbarn:v1:film:<film id>:played                value true: started in its player
 *   pratamedbarn:v1:film:<film id>:finished              value true: played to near the end
 *   pratamedbarn:v1:note:<exercise id>:<question id>     value the note's text
 *   pratamedbarn:v1:quiz:<quiz id>:<question id>         {first: the first answer's key}
 *   pratamedbarn:v1:session:<session id>                 the facilitator's step (a number)
 *   pratamedbarn:v1:rating:<yyyymmddhhmmss>              a self-rating: [1–5, ...]
 *   pratamedbarn:v1:learner:name                         the name on the certificate
 * each holding JSON {"value": ..., "updated": "<ISO time>"}. One more key is not the learner's
 * work and so stays out of export files (its name is no kind's), but "Rensa allt" removes it:
 *   pratamedbarn:v1:visit                                value {last, since} (see updated.js)
 * The time lets an import decide
 * which of two versions is newer. When localStorage cannot be used (a private window, blocked
 * or full storage) the same API keeps the data in memory for as long as the tab is open.
 *
 * Other scripts use window.pratamedbarn.store; this file must be loaded before them.
 */
(function () {
  "use strict";

  // A local edition (window.pratamedbarnEdition, written by the build) keeps its data under
  // a root of its own, "pratamedbarn@<edition>:", so that two editions served from one host
  // never see, import or clear each other's data. The generic course keeps "pratamedbarn:".
  var EDITION = window.pratamedbarnEdition || "";
  var ROOT = "pratamedbarn" + (EDITION ? "@" + EDITION : "") + ":";
  // The key scheme's version: also the version of export files.
  var VERSION = 1;
  var PREFIX = ROOT + "v" + VERSION + ":";
  // The kinds of saved data and the attributes that carry their ids: the registry of kinds
  // (pratamedbarn/kinds.py), written by the build as kinds.js, loaded before this script.
  var ITEM_ATTRIBUTES = window.pratamedbarnKinds || {};
  var KINDS = Object.keys(ITEM_ATTRIBUTES);
  // Saved data that belongs to no item: the self-ratings (rating:<yyyymmddhhmmss>) and the
  // name the learner writes on the certificate (learner:name). See course.js.
  var OWN_KINDS = ["rating", "learner"];
  // A short key is what export files hold: "note:forsta-minuten:kansla".
  var SHORT_KEY = new RegExp("^(" + KINDS.concat(OWN_KINDS).join("|") +
                             "):[a-z0-9-]+(:[a-z0-9-]+)?$");

  var memory = {};        // used when localStorage is not there, and after a failed write
  var problem = null;     // "unavailable" or "full": what the notice tells the learner
  var local = probe();

  function probe() {
    try {
      var storage = window.localStorage;
      storage.setItem(PREFIX + "probe", "1");
      storage.removeItem(PREFIX + "probe");
      return storage;
    } catch (error) {
      problem = "unavailable";
      return null;
    }
  }

  function readRaw(fullKey) {
    if (Object.prototype.hasOwnProperty.call(memory, fullKey)) return memory[fullKey];
    if (!local) return null;
    try { return local.getItem(fullKey); } catch (error) { return null; }
  }

  function parse(raw) {
    if (raw === null || raw === undefined) return null;
    try {
      var record = JSON.parse(raw);
      return record && typeof record === "object" && "value" in record ? record : null;
    } catch (error) {
      return null;
    }
  }

  /** The saved record {value, updated} under a short key, or null. */
  function get(key) {
    return parse(readRaw(PREFIX + key));
  }

  /** Save a record as it is (used by import and migration). True if it will outlive the tab. */
  function put(key, record) {
    var raw = JSON.stringify({ value: record.value, updated: record.updated });
    if (local) {
      try {
        local.setItem(PREFIX + key, raw);
        delete memory[PREFIX + key];
        return true;
      } catch (error) {
        problem = "full";
        announce();
      }
    }
    memory[PREFIX + key] = raw;
    return false;
  }

  /** Save a value now. True if it is saved in the browser, false if only for this tab. */
  function set(key, value) {
    return put(key, { value: value, updated: new Date().toISOString() });
  }

  function remove(key) {
    delete memory[PREFIX + key];
    if (local) {
      try { local.removeItem(PREFIX + key); } catch (error) { /* nothing saved to remove */ }
    }
  }

  /** Every saved short key that starts with `start` (e.g. "note:" or "checklist:x:"). */
  function keys(start) {
    var found = {};
    Object.keys(memory).forEach(function (fullKey) { found[fullKey] = true; });
    if (local) {
      try {
        for (var i = 0; i < local.length; i++) found[local.key(i)] = true;
      } catch (error) { /* list what memory holds */ }
    }
    return Object.keys(found)
      .filter(function (fullKey) { return fullKey.indexOf(PREFIX + (start || "")) === 0; })
      .map(function (fullKey) { return fullKey.slice(PREFIX.length); })
      .filter(function (key) { return SHORT_KEY.test(key); })
      .sort();
  }

  /** Remove everything this site ever saved, in every version of the key scheme. */
  function clearAll() {
    memory = {};
    if (!local) return;
    try {
      var doomed = [];
      for (var i = 0; i < local.length; i++) {
        if (local.key(i).indexOf(ROOT) === 0) doomed.push(local.key(i));
      }
      doomed.forEach(function (fullKey) { local.removeItem(fullKey); });
    } catch (error) { /* nothing left we can reach */ }
  }

  function newer(a, b) {
    return String(a.updated || "") >= String(b.updated || "") ? a : b;
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    return date.toLocaleString("sv-SE", { day: "numeric", month: "long", year: "numeric",
                                          hour: "2-digit", minute: "2-digit" });
  }

  function isFirstAnswer(record) {
    return Boolean(record.value) && typeof record.value.first === "string";
  }

  // A quiz question's first answer stays the first: of two, the earlier wins, and either
  // beats a value saved before first answers were kept (the last choice, or a place).
  function firstAnswer(mine, theirs) {
    if (isFirstAnswer(mine) !== isFirstAnswer(theirs)) return isFirstAnswer(mine) ? mine : theirs;
    if (!isFirstAnswer(mine)) return newer(mine, theirs);
    return newer(mine, theirs) === mine ? theirs : mine;
  }

  /**
   * Two versions of one item as one, losing nothing: ticks and films take the newer version;
   * a quiz question keeps the first answer; two different notes are kept both, the newer
   * first, unless the newer one simply goes on from the older one. Returns {record, kept}
   * where kept is true when both notes were kept.
   */
  function merge(key, mine, theirs) {
    if (!mine) return { record: theirs, kept: false };
    if (!theirs) return { record: mine, kept: false };
    if (key.indexOf("quiz:") === 0) return { record: firstAnswer(mine, theirs), kept: false };
    var first = newer(mine, theirs);
    var second = first === mine ? theirs : mine;
    if (key.indexOf("note:") !== 0 || first.value === second.value ||
        String(first.value).indexOf(String(second.value)) !== -1) {
      return { record: first, kept: false };
    }
    var text = [first.value, "— Äldre version, sparad " + formatTime(second.updated) + " —\n" +
                second.value].filter(function (part) { return String(part).trim() !== ""; });
    return { record: { value: text.join("\n\n"), updated: first.updated }, kept: true };
  }

  /**
   * Move what was saved under an item's old ids (its aliases) to its id, so that a renamed
   * checklist, film or exercise keeps the learner's ticks and notes.
   */
  function migrate(kind, id, aliases) {
    aliases.forEach(function (alias) {
      if (!alias || alias === id) return;
      keys(kind + ":" + alias).forEach(function (oldKey) {
        var rest = oldKey.slice((kind + ":" + alias).length);
        if (rest !== "" && rest.charAt(0) !== ":") return;  // another id that starts alike
        var newKey = kind + ":" + id + rest;
        // The old key goes only once the new one is really saved: nothing is lost.
        if (put(newKey, merge(newKey, get(newKey), get(oldKey)).record)) remove(oldKey);
      });
    });
  }

  // The notice is shown on every page that saves something, above the content.
  var NOTICES = {
    unavailable: "Den här webbläsaren låter inte sidan spara något (det händer till exempel " +
      "i ett privat fönster). Du kan bocka av, markera filmer och skriva som vanligt, men det " +
      "försvinner när du stänger fliken eller laddar om sidan. Vill du behålla det? Gå till " +
      "Mina anteckningar och välj Spara till fil innan du stänger fliken.",
    full: "Webbläsarens lagring är full, så det du gör nu sparas inte. Det försvinner när du " +
      "stänger fliken eller laddar om sidan. Gå till Mina anteckningar och välj Spara till " +
      "fil innan du stänger fliken."
  };

  function announce() {
    if (!problem) return;
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    var notice = content.querySelector(".pmb-storage-notice");
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "admonition warning pmb-storage-notice";
      notice.setAttribute("role", "status");
      var title = document.createElement("p");
      title.className = "admonition-title";
      title.textContent = "Det du gör sparas inte";
      notice.append(title, document.createElement("p"));
      var heading = content.querySelector("h1");
      if (heading) heading.after(notice); else content.prepend(notice);
    }
    notice.lastChild.textContent = NOTICES[problem];
  }

  /** Migrate every item on the page that lists old ids in data-aliases. */
  function migratePage(root) {
    root.querySelectorAll("[data-aliases]").forEach(function (element) {
      KINDS.forEach(function (kind) {
        ITEM_ATTRIBUTES[kind].forEach(function (attribute) {
          var id = element.getAttribute(attribute);
          if (id) migrate(kind, id, element.getAttribute("data-aliases").split(/\s+/));
        });
      });
    });
  }

  // Runs before the other scripts' set-up on each page view, as it subscribes first.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { migratePage(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { migratePage(document); });
  }

  // Pages that show saved data draw it again when it changes under them: in another tab or
  // window (the `storage` event), or by an import or "Rensa allt" here (changed()).
  var listeners = [];

  /** Call `listener` whenever saved data changed other than by the page's own controls. */
  function onChange(listener) { listeners.push(listener); }

  /** Tell every onChange listener that much may have changed (after an import or a clear). */
  function changed() { listeners.forEach(function (listener) { listener(); }); }

  window.addEventListener("storage", function (event) {
    // null: another tab cleared storage. The visit's time is no learner data (see top).
    if (event.key === null ||
        (event.key.indexOf(PREFIX) === 0 && SHORT_KEY.test(event.key.slice(PREFIX.length)))) {
      changed();
    }
  });

  window.pratamedbarn = window.pratamedbarn || {};
  window.pratamedbarn.store = {
    VERSION: VERSION, SHORT_KEY: SHORT_KEY, EDITION: EDITION,
    get: get, set: set, put: put, remove: remove, keys: keys, clearAll: clearAll,
    onChange: onChange, changed: changed,
    merge: merge, migratePage: migratePage, formatTime: formatTime,
    /** Show the polite notice if saving does not work (call after a page is set up). */
    announce: announce
  };
})();
