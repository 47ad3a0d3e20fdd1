/* Prata med barn: "Flytta till en annan enhet" on Mina anteckningar, with no server.
 *
 * A link to this page carries the learner's saved work in its fragment (#flytta=…), which a
 * browser never sends to any server: the export data (notes.js), in a compact form, deflated
 * (CompressionStream) and written in base64url. The same link is shown as a QR code
 * (qrcode-generator, vendor/, fetched only when she asks for one). Opening the link shows
 * what it holds and merges it only when she says yes, checked and merged by notes.js exactly
 * as "Hämta från fil"; then the fragment leaves the address bar and the history entry.
 * pratamedbarn.js fetches this script when she first reaches for the section, or at once
 * when the page opens from such a link.
 */
(function () {
  "use strict";

  var MARK = "#flytta=";
  var QR_SCRIPT = "vendor/qrcode-generator/qrcode.js";
  // A link holds at most what a QR code can; a much larger unpacked text is not one of ours.
  var MAX_UNPACKED = 5 * 1024 * 1024;
  var NOTHING_CHANGED = " Inget av det du har sparat ändrades.";
  var HERE = document.currentScript ? document.currentScript.src : "";
  var notes = window.pratamedbarn.notes;

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  // ---- The link's data: export data in a compact form ----

  // A facilitator's step belongs to the screen it was shown on; notes and the certificate's
  // name are text the learner wrote, and go only when she chooses.
  function carried(withNotes) {
    return function (key) {
      if (key.indexOf("session:") === 0) return false;
      return withNotes || (key.indexOf("note:") !== 0 && key.indexOf("learner:") !== 0);
    };
  }

  // {v, t, i: {key: [value, seconds after t in base 36]}, e}: the times, which make most of a
  // link's bytes, to the second and relative to the oldest; e, a local edition's id (none for
  // the generic course), which an import compares as it does a file's.
  function compact(data) {
    var keys = Object.keys(data.items);
    var seconds = keys.map(function (key) {
      return Math.floor(Date.parse(data.items[key].updated) / 1000);
    });
    var base = Math.min.apply(null, seconds.concat([Math.floor(Date.now() / 1000)]));
    var items = {};
    keys.forEach(function (key, n) {
      items[key] = [data.items[key].value, (seconds[n] - base).toString(36)];
    });
    var packed = { v: data.version, t: base, i: items };
    if (data.edition) packed.e = data.edition;
    return packed;
  }

  // Back to export data. Anything not in the compact form is passed on as it is, so that
  // notes.checkImport refuses it.
  function expand(packed) {
    var data = { format: notes.FORMAT, version: packed && packed.v, items: null,
                 edition: packed && typeof packed.e === "string" ? packed.e : "" };
    if (!packed || typeof packed.i !== "object" || !Number.isFinite(packed.t)) return data;
    data.items = {};
    Object.keys(packed.i).forEach(function (key) {
      var entry = packed.i[key];
      var fine = Array.isArray(entry) && entry.length === 2 && /^[0-9a-z]{1,8}$/.test(entry[1]);
      data.items[key] = fine ? {
        value: entry[0],
        updated: new Date((packed.t + parseInt(entry[1], 36)) * 1000).toISOString()
      } : entry;
    });
    return data;
  }

  function toBase64Url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function pack(data) {
    var json = new Blob([JSON.stringify(compact(data))]);
    var stream = json.stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return toBase64Url(new Uint8Array(buffer));
    });
  }

  // Inflated a chunk at a time, and given up past MAX_UNPACKED (a hostile link).
  function unpack(text) {
    var stream = new Blob([fromBase64Url(text)]).stream()
      .pipeThrough(new DecompressionStream("deflate-raw"));
    var reader = stream.getReader();
    var chunks = [];
    var size = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) return new Blob(chunks).text().then(JSON.parse);
        size += step.value.length;
        if (size > MAX_UNPACKED) { reader.cancel(); throw new Error("too large"); }
        chunks.push(step.value);
        return next();
      });
    }
    return next().then(expand);
  }

  // ---- Making the link and its QR code ----

  function loadQrLibrary() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(QR_SCRIPT, HERE).href;
      script.onload = function () { resolve(window.qrcode); };
      script.onerror = reject;
      document.head.append(script);
    });
  }

  // Dark modules on white whatever the palette (a scanner needs the contrast), as one path.
  function qrSvg(qrcode, link) {
    var qr = qrcode(0, "L");
    qr.addData(link);
    qr.make();  // throws when the link is too long for any QR code
    var count = qr.getModuleCount();
    var quiet = 4;
    var path = [];
    for (var row = 0; row < count; row++) {
      for (var col = 0; col < count; col++) {
        if (qr.isDark(row, col)) path.push("M" + (col + quiet) + " " + (row + quiet) + "h1v1h-1z");
      }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    var side = count + 2 * quiet;
    svg.setAttribute("viewBox", "0 0 " + side + " " + side);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR-kod med länken");
    svg.setAttribute("shape-rendering", "crispEdges");
    var background = document.createElementNS(ns, "rect");
    background.setAttribute("width", side);
    background.setAttribute("height", side);
    background.setAttribute("fill", "#fff");
    var modules = document.createElementNS(ns, "path");
    modules.setAttribute("d", path.join(""));
    modules.setAttribute("fill", "#000");
    svg.append(background, modules);
    return svg;
  }

  function showLink(box) {
    var status = box.querySelector(".pmb-move__status");
    var result = box.querySelector(".pmb-move__result");
    var withNotes = box.querySelector("[data-move-notes]").checked;
    var data = notes.exportData(carried(withNotes));
    result.hidden = true;
    if (!Object.keys(data.items).length) {
      status.textContent = "Det finns inget sparat att flytta än.";
      return;
    }
    if (typeof CompressionStream === "undefined") {
      status.textContent = "Den här webbläsaren kan inte göra en länk. Använd Spara till fil " +
        "och hämta filen på den andra enheten.";
      return;
    }
    Promise.all([pack(data), loadQrLibrary()]).then(function (done) {
      var link = location.origin + location.pathname + MARK + done[0];
      var svg;
      try { svg = qrSvg(done[1], link); } catch (error) { svg = null; }
      if (!svg) {
        status.textContent = "Det du har sparat är för mycket för en QR-kod. Använd Spara till " +
          "fil i stället och hämta filen på den andra enheten." +
          (withNotes ? " Eller gör en kod utan anteckningarna." : "");
        return;
      }
      box.querySelector(".pmb-move__qr").replaceChildren(svg);
      box.querySelector(".pmb-move__url").value = link;
      result.hidden = false;
      status.textContent = "Klart. Skanna koden med den andra enhetens kamera, eller öppna " +
        "länken där." + (withNotes ? " Länken innehåller dina anteckningar: visa den bara " +
        "för dig själv." : "");
    }, function () {
      status.textContent = "Länken kunde inte göras. Använd Spara till fil i stället.";
    });
  }

  function copyLink(box) {
    var field = box.querySelector(".pmb-move__url");
    var status = box.querySelector(".pmb-move__status");
    field.select();
    var copied = navigator.clipboard ? navigator.clipboard.writeText(field.value)
      : Promise.reject(new Error("no clipboard"));
    copied.then(function () { status.textContent = "Länken är kopierad."; },
                function () { status.textContent = "Markera länken och kopiera den."; });
  }

  // ---- Opening a link ----

  function forgetLink() {
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /** What the link holds, in Swedish: "5 sedda filmer, 3 svar i Testa dig själv och …". */
  function summary(items) {
    var count = {};
    Object.keys(items).forEach(function (key) {
      var kind = key.split(":")[0];
      var value = items[key].value;
      if (value === false || value === "") return;  // an untick or an emptied note
      count[kind] = (count[kind] || 0) + 1;
    });
    var parts = [];
    var known = {
      film: ["sedd film", "sedda filmer"],
      checklist: ["bock i checklistorna", "bockar i checklistorna"],
      quiz: ["svar i Testa dig själv", "svar i Testa dig själv"],
      rating: ["självskattning", "självskattningar"],
      note: ["anteckning", "anteckningar"]
    };
    Object.keys(known).forEach(function (kind) {
      if (count[kind]) parts.push(plural(count[kind], known[kind][0], known[kind][1]));
      delete count[kind];
    });
    if (count.learner) parts.push("ditt namn till intyget");
    delete count.learner;
    var rest = Object.keys(count).reduce(function (sum, kind) { return sum + count[kind]; }, 0);
    if (rest) parts.push(plural(rest, "annan sparad sak", "andra sparade saker"));
    if (!parts.length) return "inga bockar, sedda filmer eller svar";
    return parts.length === 1 ? parts[0]
      : parts.slice(0, -1).join(", ") + " och " + parts[parts.length - 1];
  }

  function problemText(problem) {
    if (problem === "version") {
      return "Länken kommer från en annan version av webbplatsen och kan inte läsas här.";
    }
    return "Länken kunde inte läsas. Den kan ha blivit avkortad när den kopierades: gör en ny " +
      "på den andra enheten, eller använd Spara till fil och Hämta från fil.";
  }

  function ask(box, data) {
    var status = box.querySelector(".pmb-move__status");
    var question = make("div", "pmb-move__incoming admonition question");
    question.tabIndex = -1;
    question.append(
      make("p", "admonition-title", "Lägga till från en annan enhet?"),
      make("p", null, "Länken innehåller " + summary(data.items) + "."),
      make("p", null, "Det läggs till det som redan är sparat i den här webbläsaren. Inget " +
        "tas bort. Finns samma sak på båda ställena gäller det som ändrades senast, och två " +
        "olika anteckningar till samma fråga sparas båda."));
    var other = notes.otherEdition(data, "Länken");
    if (other) question.append(make("p", null, other + " Vill du ändå lägga till det?"));
    var buttons = make("p", "pmb-mynotes__buttons");
    var yes = make("button", "md-button md-button--primary", "Lägg till");
    var no = make("button", "md-button", "Avbryt");
    yes.type = no.type = "button";
    buttons.append(yes, no);
    question.append(buttons);
    box.prepend(question);
    question.scrollIntoView({ block: "center" });
    question.focus();

    function close(message) {
      forgetLink();
      question.remove();
      status.textContent = message;
      box.querySelector("[data-action=move]").focus();
    }
    yes.addEventListener("click", function () {
      var message = notes.mergeImport(data.items, "från länken");
      close(message);
    });
    no.addEventListener("click", function () {
      close("Inget lades till." + NOTHING_CHANGED);
    });
  }

  function openLink(box) {
    var status = box.querySelector(".pmb-move__status");
    var text = location.hash.slice(MARK.length);
    var ready = typeof DecompressionStream === "undefined"
      ? Promise.reject(new Error("no DecompressionStream")) : Promise.resolve(text);
    ready.then(unpack).then(function (data) {
      var checked = notes.checkImport(data);
      if (checked.problem) throw new Error(checked.problem);
      ask(box, data);
    }).catch(function (error) {
      forgetLink();
      status.textContent = (typeof DecompressionStream === "undefined"
        ? "Den här webbläsaren kan inte läsa länken. Använd Spara till fil och Hämta från fil."
        : problemText(error.message)) + NOTHING_CHANGED;
      box.scrollIntoView({ block: "center" });
    });
  }

  function setUp(box) {
    box.querySelector("[data-action=move]").addEventListener("click", function () {
      showLink(box);
    });
    box.querySelector("[data-action=copy]").addEventListener("click", function () {
      copyLink(box);
    });
    box.querySelector("[data-move-notes]").addEventListener("change", function () {
      if (!box.querySelector(".pmb-move__result").hidden) showLink(box);
    });
    if (location.hash.indexOf(MARK) === 0) openLink(box);
    // A press that fetched this script (pratamedbarn.js, ON_USE).
    var pending = box.dataset.pmbPending;
    delete box.dataset.pmbPending;
    if (pending === "move") showLink(box);
    else if (pending === "copy") copyLink(box);
  }

  function init() {
    var box = document.querySelector("[data-move]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    setUp(box);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
