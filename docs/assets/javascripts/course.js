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

  function ratings() {
    return store.keys("rating:").sort().map(function (key) {
      var record = store.get(key);
      return record && Array.isArray(record.value) ? { key: key, values: record.value, updated: record.updated } : null;
    }).filter(Boolean);
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
        " förut, senast " + swedishDate(ratings()[earlier - 1].updated) + ".";
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
    var width = 320, height = 160, left = 28, bottom = 20, top = 10, right = 10;
    var x = function (i) { return all.length === 1 ? left + (width - left - right) / 2 :
      left + i * (width - left - right) / (all.length - 1); };
    var y = function (v) { return top + (5 - v) * (height - top - bottom) / 4; };
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("class", "pmb-chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Medelvärdet av dina svar, från " + means[0].toFixed(1).replace(".", ",") +
      " till " + means[means.length - 1].toFixed(1).replace(".", ",") + " på en skala från 1 till 5. " +
      "Alla svar står i tabellen.");
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
    // No class: the theme styles it as it styles the tables in the text.
    var table = make("table");
    table.append(make("caption", "", "Dina svar, 1 = inte alls säker, 5 = helt säker"));
    var head = make("tr");
    head.append(make("th", "", "Påstående"));
    all.forEach(function (r) { var th = make("th", "", swedishDate(r.updated)); th.scope = "col"; head.append(th); });
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

  function savedTrue(key) { var r = store.get(key); return !!(r && r.value); }

  function setUpCertificate(box) {
    var data = box.querySelector(".pmb-cert__data");
    var films = listOf(data, "data-cert-film");
    var exercises = listOf(data, "data-cert-exercise");
    var checklists = listOf(data, "data-cert-checklist");
    var quizzes = listOf(data, "data-cert-quiz");
    var left = box.querySelector(".pmb-cert__left");
    var paper = box.querySelector(".pmb-cert__paper");
    var name = box.querySelector("#pmb-cert-name");
    var savedName = store.get("learner:name");
    name.disabled = false;
    name.value = savedName ? savedName.value : "";

    function quizScore(li) {
      return window.pratamedbarn.progress.quizScore(li.dataset.certQuiz, li.dataset.answers);
    }

    function render() {
      var unseen = films.filter(function (li) { return !savedTrue("film:" + li.dataset.certFilm); });
      var open = quizzes.filter(function (li) { var s = quizScore(li); return s.answered < s.total; });
      left.replaceChildren();
      paper.replaceChildren();
      if (unseen.length || open.length) {
        paper.hidden = true;
        left.append(make("h2", "", "Det här är kvar innan du kan skriva ut intyget"));
        var list = make("ul");
        unseen.forEach(function (li) { list.append(make("li", "", "Se filmen: " + li.textContent)); });
        open.forEach(function (li) {
          var s = quizScore(li);
          list.append(make("li", "", "Testa dig själv: " + li.textContent + " (" + s.answered + " av " + s.total + " frågor besvarade)"));
        });
        left.append(list);
        return;
      }
      paper.hidden = false;
      var button = make("button", "md-button md-button--primary pmb-cert__print", "Skriv ut intyget");
      button.type = "button";
      button.addEventListener("click", function () { window.print(); });
      left.append(make("p", "", "Du har sett alla filmer och svarat på alla frågor i Testa dig själv."), button);
      paper.append(make("p", "pmb-cert__kind", "Kursintyg"),
                   make("h2", "pmb-cert__who", name.value.trim() || "(skriv ditt namn ovanför)"),
                   make("p", "", "har gått webbkursen " + box.dataset.site + " om samtal med barn i socialtjänstens utredningar." +
                        (box.dataset.issuer ? " Kursen ges ut av " + box.dataset.issuer + "." : "")),
                   make("p", "pmb-cert__date", "Utskrivet " + swedishDate(new Date().toISOString()) + "."));
      var done = make("dl", "pmb-cert__list");
      function row(term, items) {
        done.append(make("dt", "", term), make("dd", "", items.length ? items.join(", ") + "." : "Inga."));
      }
      row("Filmer som du har sett (" + films.length + ")", films.map(function (li) { return li.textContent; }));
      row("Övningar med egna anteckningar", exercises.filter(function (li) {
        return li.dataset.notes.split(" ").some(function (id) {
          var r = store.get("note:" + li.dataset.certExercise + ":" + id);
          return r && String(r.value).trim();
        });
      }).map(function (li) { return li.textContent; }));
      row("Checklistor som du har använt", checklists.filter(function (li) {
        return li.dataset.items.split(" ").some(function (id) { return savedTrue("checklist:" + li.dataset.certChecklist + ":" + id); });
      }).map(function (li) { return li.textContent; }));
      row("Testa dig själv", quizzes.map(function (li) {
        var s = quizScore(li); return li.textContent + ": " + s.right + " av " + s.total + " rätt";
      }));
      paper.append(done, make("p", "pmb-cert__note",
        "Intyget är kursdeltagarens egen sammanställning av det som finns sparat i webbläsaren. " +
        "Ingen har kontrollerat det."));
    }

    name.addEventListener("input", function () { store.set("learner:name", name.value); render(); });
    render();
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

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
