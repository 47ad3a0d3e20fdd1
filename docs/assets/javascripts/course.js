/* Prata med barn: the course's own record, kept in this browser only.
 *
 * - "Hur trygg känner du dig?": each time the learner saves the statements, one record
 *   rating:<yyyymmddhhmmss> holds the answers (1–5) in the statements' order.
 * - Mina anteckningar draws the ratings over time: an SVG chart of the mean, and a table of
 *   every answer beside it (the table is the chart's text).
 * - Kursintyg: what is left, or a certificate to print, made from the saved films, notes,
 *   ticks and answers, with the name the learner types (learner:name).
 * Nothing is sent anywhere; export, import and "Rensa allt" include these keys.
 */
(function () {
  "use strict";

  var store = window.pratamedbarn && window.pratamedbarn.store;
  if (!store) return;
  var SVG = "http://www.w3.org/2000/svg";

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function swedishDate(iso) {
    var date = new Date(iso);
    return isNaN(date) ? "" : date.toLocaleDateString("sv-SE", { year: "numeric", month: "long", day: "numeric" });
  }

  // A rating's time is in its key (rating:<yyyymmddhhmmss>, local time): it stays the time
  // she answered whatever an import does to `updated`.
  function ratingTime(key, updated) {
    var m = /^rating:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(key);
    return m ? new Date(+m[1], m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : new Date(updated);
  }

  function ratings() {
    return store.keys("rating:").sort().map(function (key) {
      var record = store.get(key);
      return record && Array.isArray(record.value) ?
        { key: key, values: record.value, time: ratingTime(key, record.updated) } : null;
    }).filter(Boolean);
  }

  // "2 december 2026", with the time when she answered more than once that day (and its
  // seconds when more than once that minute): no two columns read the same.
  function ratingLabels(all, options) {
    var clock = { hour: "2-digit", minute: "2-digit" };
    var labels = all.map(function (r) { return r.time.toLocaleDateString("sv-SE", options); });
    [clock, { hour: "2-digit", minute: "2-digit", second: "2-digit" }].forEach(function (finer) {
      var first = labels.slice();
      labels = all.map(function (r, i) {
        var again = first.filter(function (label) { return label === first[i]; }).length > 1;
        return again ? r.time.toLocaleDateString("sv-SE", options) + " kl. " +
          r.time.toLocaleTimeString("sv-SE", finer) : first[i];
      });
    });
    return labels;
  }

  function stamp(date) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return "" + date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) +
      pad(date.getHours()) + pad(date.getMinutes()) + pad(date.getSeconds());
  }

  // ---- The statements ----

  function setUpRating(form) {
    var count = Number(form.dataset.statements);
    form.querySelectorAll("input, button").forEach(function (element) { element.disabled = false; });
    var status = form.querySelector(".pmb-rating__status");
    var earlier = ratings().length;
    if (earlier) {
      status.textContent = "Du har svarat " + earlier + (earlier === 1 ? " gång" : " gånger") +
        " förut, senast " + swedishDate(ratings()[earlier - 1].time) + ".";
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = [];
      for (var i = 1; i <= count; i++) {
        var checked = form.querySelector('input[name="pastaende-' + i + '"]:checked');
        values.push(checked ? Number(checked.value) : null);
      }
      if (values.indexOf(null) !== -1) {
        status.textContent = "Svara på alla påståenden först.";
        return;
      }
      var saved = store.set("rating:" + stamp(new Date()), values);
      status.textContent = saved ? "Sparat. Se dina svar över tid under Mina anteckningar." :
        "Kan inte sparas här. Det försvinner när du stänger fliken.";
    });
  }

  // ---- Ratings over time on Mina anteckningar ----

  function drawChart(box) {
    var statements = JSON.parse(box.dataset.statements || "[]");
    var all = ratings();
    box.replaceChildren();
    if (!all.length) {
      box.append(make("p", "", "Inga svar än. Svara på påståendena under Hur trygg känner du dig?"));
      return;
    }
    var means = all.map(function (r) {
      return r.values.reduce(function (a, b) { return a + b; }, 0) / r.values.length;
    });
    var width = 320, height = 170, left = 28, bottom = 30, top = 10, right = 10;
    var x = function (i) { return all.length === 1 ? left + (width - left - right) / 2 :
      left + i * (width - left - right) / (all.length - 1); };
    var y = function (v) { return top + (5 - v) * (height - top - bottom) / 4; };
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("class", "pmb-chart");
    svg.setAttribute("role", "img");
    var long = ratingLabels(all, { year: "numeric", month: "long", day: "numeric" });
    var short = ratingLabels(all, { year: "numeric", month: "short", day: "numeric" });
    var last = all.length - 1;
    svg.setAttribute("aria-label", "Medelvärdet av dina svar, från " + means[0].toFixed(1).replace(".", ",") +
      " (" + long[0] + ") till " + means[last].toFixed(1).replace(".", ",") + " (" + long[last] +
      ") på en skala från 1 till 5. Alla svar står i tabellen.");
    for (var v = 1; v <= 5; v++) {
      var line = document.createElementNS(SVG, "line");
      line.setAttribute("x1", left); line.setAttribute("x2", width - right);
      line.setAttribute("y1", y(v)); line.setAttribute("y2", y(v));
      line.setAttribute("class", "pmb-chart__grid");
      var label = document.createElementNS(SVG, "text");
      label.setAttribute("x", 4); label.setAttribute("y", y(v) + 4);
      label.setAttribute("class", "pmb-chart__label");
      label.textContent = String(v);
      svg.append(line, label);
    }
    var points = means.map(function (m, i) { return x(i) + "," + y(m); }).join(" ");
    var path = document.createElementNS(SVG, "polyline");
    path.setAttribute("points", points);
    path.setAttribute("class", "pmb-chart__line");
    svg.append(path);
    means.forEach(function (m, i) {
      var dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", x(i)); dot.setAttribute("cy", y(m)); dot.setAttribute("r", 4);
      dot.setAttribute("class", "pmb-chart__dot");
      svg.append(dot);
    });
    // The first and the last day under the line; the table has every day.
    (last ? [0, last] : [0]).forEach(function (i) {
      var day = document.createElementNS(SVG, "text");
      day.setAttribute("x", x(i)); day.setAttribute("y", height - 4);
      day.setAttribute("text-anchor", !last ? "middle" : i ? "end" : "start");
      day.setAttribute("class", "pmb-chart__label");
      day.textContent = short[i];
      svg.append(day);
    });
    // No class: the theme styles it as it styles the tables in the text.
    var table = make("table");
    table.append(make("caption", "", "Dina svar, 1 = inte alls säker, 5 = helt säker"));
    var head = make("tr");
    head.append(make("th", "", "Påstående"));
    long.forEach(function (label) { var th = make("th", "", label); th.scope = "col"; head.append(th); });
    var thead = make("thead"); thead.append(head);
    var tbody = make("tbody");
    statements.forEach(function (statement, s) {
      var row = make("tr");
      var th = make("th", "", statement); th.scope = "row";
      row.append(th);
      all.forEach(function (r) { row.append(make("td", "", r.values[s] === undefined ? "–" : String(r.values[s]))); });
      tbody.append(row);
    });
    var mean = make("tr");
    var mth = make("th", "", "Medelvärde"); mth.scope = "row";
    mean.append(mth);
    means.forEach(function (m) { mean.append(make("td", "", m.toFixed(1).replace(".", ","))); });
    tbody.append(mean);
    table.append(thead, tbody);
    var scroll = make("div", "pmb-chart__scroll");
    scroll.tabIndex = 0;
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", "Tabell över dina svar");
    scroll.append(table);
    box.append(svg, scroll);
  }

  // ---- The certificate ----

  function listOf(data, attribute) {
    return Array.prototype.slice.call(data.querySelectorAll("[" + attribute + "]"));
  }

  function record(key) { var r = store.get(key); return r && r.value ? r : null; }

  function latest(times) {
    return times.filter(Boolean).sort().pop() || "";
  }

  // When a film came to count as seen: the later of its mark and its playing.
  function filmTime(id) {
    var mark = record("film:" + id);
    var played = record("film:" + id + ":finished") || record("film:" + id + ":played");
    return latest([mark && mark.updated, played && played.updated]);
  }

  function link(text, href) {
    var a = make("a", "", text);
    a.href = href;
    return a;
  }

  // A list of titles, one an item: titles that end in "?" never run into each other.
  function titles(className, items) {
    var list = make("ul", className);
    items.forEach(function (item) { list.append(make("li", "", item)); });
    return list;
  }

  var redraws = new WeakMap();  // a certificate's box → draws it again from what is saved

  function setUpCertificate(box) {
    var data = box.querySelector(".pmb-cert__data");
    var films = listOf(data, "data-cert-film");
    var exercises = listOf(data, "data-cert-exercise");
    var checklists = listOf(data, "data-cert-checklist");
    var quizzes = listOf(data, "data-cert-quiz");
    var pass = Number(box.dataset.pass);
    var left = box.querySelector(".pmb-cert__left");
    var paper = box.querySelector(".pmb-cert__paper");
    var name = box.querySelector("#pmb-cert-name");
    var progress = window.pratamedbarn.progress;
    name.disabled = false;

    function seen(li) { return progress.filmSeen(li.dataset.certFilm); }

    function score(li) {
      var s = progress.quizScore(li.dataset.certQuiz, li.dataset.answers);
      s.passed = s.answered === s.total && s.right * 100 >= pass * s.total;
      return s;
    }

    function quizTime(li) {
      return latest(li.dataset.answers.split(" ").map(function (pair) {
        var r = record("quiz:" + li.dataset.certQuiz + ":" + pair.split(":")[0]);
        return r && r.updated;
      }));
    }

    function withNotes(li) {
      return li.dataset.notes.split(" ").some(function (id) {
        var r = store.get("note:" + li.dataset.certExercise + ":" + id);
        return r && String(r.value).trim();
      });
    }

    function ticked(li) {
      return li.dataset.items.split(" ").some(function (id) {
        return record("checklist:" + li.dataset.certChecklist + ":" + id);
      });
    }

    function showLeft(unseen, open) {
      left.append(make("h2", "", "Det här är kvar innan du kan skriva ut intyget"));
      var list = make("ul", "pmb-cert__todo");
      unseen.forEach(function (li) {
        var item = make("li", "", "Se filmen: ");
        item.append(link(li.textContent, li.dataset.href));
        if (seen(li) === "marked") {
          item.append(" (markerad som sedd men inte spelad här: starta filmen, eller spela den till slutet)");
        }
        list.append(item);
      });
      open.forEach(function (li) {
        var s = score(li);
        var item = make("li", "", "Testa dig själv: ");
        item.append(link(li.textContent, li.dataset.href), s.answered < s.total ?
          " (" + s.answered + " av " + s.total + " frågor besvarade)" :
          " (" + s.right + " av " + s.total + " rätt på första svaren, minst " + pass +
          " procent behövs: välj Gör om testet på sidan)");
        list.append(item);
      });
      left.append(list);
    }

    function showPaper() {
      var button = make("button", "md-button md-button--primary pmb-cert__print", "Skriv ut intyget");
      button.type = "button";
      button.addEventListener("click", function () { window.print(); });
      left.append(make("p", "", "Du har sett alla filmer och klarat alla delar av Testa dig själv."), button);
      var finished = films.filter(function (li) { return seen(li) === "finished"; });
      var started = films.filter(function (li) { return seen(li) === "played"; });
      var noted = exercises.filter(withNotes);
      var used = checklists.filter(ticked);
      var done = latest(films.map(function (li) { return filmTime(li.dataset.certFilm); })
        .concat(quizzes.map(quizTime)));
      var text = function (li) { return li.textContent; };
      paper.append(make("p", "pmb-cert__kind", "Kursintyg"),
        make("h2", "pmb-cert__who", name.value.trim() || "(skriv ditt namn ovanför)"),
        make("p", "", "har gått webbkursen " + box.dataset.site + " om samtal med barn i " +
          "socialtjänstens utredningar. Kursen ges av " + box.dataset.issuer + " och omfattar " +
          box.dataset.length + " med filmer och övningar."),
        make("p", "pmb-cert__date", "Kursen avslutades " + swedishDate(done) + "."));
      var list = make("dl", "pmb-cert__list");
      function row(term, items, className) {
        list.append(make("dt", "", term),
                    items.length ? wrap(titles(className, items)) : make("dd", "", "Inga."));
      }
      function wrap(element) { var dd = make("dd"); dd.append(element); return dd; }
      row("Filmer som har spelats till slutet (" + finished.length + " av " + films.length + ")",
          finished.map(text), "pmb-cert__columns");
      if (started.length) {
        row("Filmer som har startats och markerats som sedda (" + started.length + " av " +
            films.length + ")", started.map(text), "pmb-cert__columns");
      }
      row("Testa dig själv, minst " + pass + " procent rätt på första svaret", quizzes.map(function (li) {
        var s = score(li);
        return li.textContent + ": " + s.right + " av " + s.total + " rätt";
      }));
      row("Övningar med egna anteckningar (" + noted.length + " av " + exercises.length + ")",
          noted.map(text), "pmb-cert__columns pmb-cert__columns--short");
      row("Checklistor som har använts (" + used.length + " av " + checklists.length + ")",
          used.map(text), "pmb-cert__columns pmb-cert__columns--short");
      paper.append(list, make("p", "pmb-cert__note",
        "Intyget bygger på det som kursdeltagaren har sparat i sin egen webbläsare."));
    }

    function render() {
      var unseen = films.filter(function (li) {
        var how = seen(li);
        return how !== "finished" && how !== "played";
      });
      var open = quizzes.filter(function (li) { return !score(li).passed; });
      left.replaceChildren();
      paper.replaceChildren();
      paper.hidden = Boolean(unseen.length || open.length);
      if (paper.hidden) showLeft(unseen, open); else showPaper();
    }

    function showName() {
      var saved = store.get("learner:name");
      name.value = saved ? saved.value : "";
    }

    name.addEventListener("input", function () { store.set("learner:name", name.value); render(); });
    showName();
    render();
    redraws.set(box, function () { showName(); render(); });
  }

  function init() {
    document.querySelectorAll("[data-rating-form]").forEach(function (form) {
      if (!form.dataset.ready) { form.dataset.ready = "1"; setUpRating(form); }
    });
    document.querySelectorAll("[data-rating-chart]").forEach(drawChart);
    document.querySelectorAll("[data-certificate]").forEach(function (box) {
      if (!box.dataset.ready) { box.dataset.ready = "1"; setUpCertificate(box); }
    });
  }

  // Saved data changed under the page (an import, "Rensa allt", another tab): draw it again.
  store.onChange(function () {
    document.querySelectorAll("[data-rating-chart]").forEach(drawChart);
    document.querySelectorAll("[data-certificate]").forEach(function (box) {
      if (redraws.has(box)) redraws.get(box)();
    });
  });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
