/* Prata med barn: film players, and a name for the theme's search dialog.
   Runs on every page view, also after instant navigation. */
(function () {
  "use strict";

  // A film on another host loads only when the learner presses its button.
  function setUpEmbeds(root) {
    root.querySelectorAll(".pmb-embed").forEach(function (figure) {
      var button = figure.querySelector(".pmb-embed__start");
      if (!button || button.dataset.ready) return;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        // Started in its player: the certificate tells this from a film only marked as seen.
        var progress = window.pratamedbarn && window.pratamedbarn.progress;
        if (progress) progress.markPlayed(figure.dataset.film);
        var frame = document.createElement("iframe");
        frame.src = figure.dataset.embedSrc;
        frame.title = figure.dataset.embedTitle;
        frame.allow = "fullscreen; picture-in-picture";
        frame.setAttribute("allowfullscreen", "");
        figure.replaceChildren(frame);
        frame.focus();
      });
    });
  }

  // Chapter links jump in the film on the page instead of opening the file.
  function setUpChapters(root) {
    root.querySelectorAll("a.pmb-chapter").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var video = root.querySelector('video[data-film="' + link.dataset.film + '"]');
        if (!video) return;
        event.preventDefault();
        video.currentTime = Number(link.dataset.time);
        video.play().catch(function () { /* autoplay may be refused: the time is still set */ });
        video.focus();
      });
    });
  }

  // A film's Swedish captions show from its first start (they are not `default` in the page,
  // which would fetch them before play). A learner who turns them off keeps them off.
  function setUpCaptions(root) {
    root.querySelectorAll("video").forEach(function (video) {
      if (video.dataset.captions) return;
      video.dataset.captions = "1";
      video.addEventListener("play", function () {
        var tracks = Array.prototype.slice.call(video.textTracks);
        if (tracks.some(function (track) { return track.mode === "showing"; })) return;
        var captions = tracks.filter(function (track) { return track.kind === "captions"; })[0];
        if (captions) captions.mode = "showing";
      }, { once: true });
    });
  }

  // The theme's search dialog has no accessible name (Lighthouse: aria-dialog-name). Named
  // here rather than in a copy of the theme's search partial, which differs between engines.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Sök på webbplatsen");
    }
  }

  // A checklist, an exercise or a page for the child is a handout: a "Skriv ut" button
  // in the place its page keeps for it under the heading (print_place.md.j2).
  function setUpPrint(root) {
    var place = root.querySelector("p.pmb-print");
    if (!place || place.firstChild) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Skriv ut";
    button.addEventListener("click", function () { window.print(); });
    place.append(button);
  }

  // Scripts that only some pages need are fetched on those pages alone, so that no other
  // page carries their weight. (The policy allows scripts from this site.)
  var ASSETS = document.currentScript ? document.currentScript.src : "";
  var COURSE = "[data-rating-form], [data-rating-chart], [data-certificate]";
  var PAGE_SCRIPTS = {
    "meeting.js": ".pmb-meeting-start",          // a session page: "Visa på storbild"
    "quiz.js": ".pmb-quiz",                     // Testa dig själv (progress.js counts scores)
    "course.js": COURSE                         // the self-rating, its chart, the certificate
  };
  var PAGE_STYLES = {
    "meeting.css": ".pmb-meeting-start",
    "quiz.css": ".pmb-quiz",
    "course.css": COURSE
  };
  function loadOnce(name, path, selector, tag) {
    if (!document.querySelector(selector)) return;
    if (document.querySelector('[data-pmb-asset="' + name + '"]')) return;
    var element = document.createElement(tag);
    if (tag === "link") { element.rel = "stylesheet"; element.href = new URL(path, ASSETS).href; }
    else { element.src = new URL(path, ASSETS).href; }
    element.dataset.pmbAsset = name;
    document.head.append(element);
  }
  // A script fetched only when the learner reaches for what it does (the first focus or click
  // in its part of the page), or at once when the page is opened from a link for it: "Flytta
  // till en annan enhet" on Mina anteckningar. Its part shows from here on (pmb-waiting); a
  // click that came before the script is kept in data-pmb-pending for it to carry out.
  var ON_USE = { "move.js": { selector: "[data-move]", hash: "#flytta=" } };
  function loadOnUse() {
    Object.keys(ON_USE).forEach(function (name) {
      var use = ON_USE[name];
      var part = document.querySelector(use.selector);
      if (!part || part.dataset.pmbOnUse) return;
      part.dataset.pmbOnUse = "1";
      part.classList.remove("pmb-waiting");
      var load = function () { loadOnce(name, name, use.selector, "script"); };
      if (location.hash.indexOf(use.hash) === 0) load();
      part.addEventListener("focusin", load);
      part.addEventListener("click", function (event) {
        var button = event.target.closest("[data-action]");
        if (button && !part.dataset.ready) part.dataset.pmbPending = button.dataset.action;
        load();
      });
    });
  }

  function loadPageScripts() {
    if (!ASSETS) return;
    loadOnUse();
    Object.keys(PAGE_STYLES).forEach(function (name) {
      loadOnce(name, "../stylesheets/" + name, PAGE_STYLES[name], "link");
    });
    Object.keys(PAGE_SCRIPTS).forEach(function (name) {
      loadOnce(name, name, PAGE_SCRIPTS[name], "script");
    });
  }

  // ---- Visits, for the "Uppdaterad" marks (updated.js) ----
  // A visit is a run of page views less than half an hour apart. The marks compare with the
  // end of the previous visit, not with this page view, so they stay for the whole visit and
  // do not vanish at the first click. The first visit ever has nothing to compare with: it
  // shows no marks and fetches neither the pages' days nor the script that marks them.
  var VISIT_GAP = 30 * 60 * 1000;
  var since;  // computed once a page load: instant navigation's views belong to this visit

  function previousVisitDay(store) {
    var saved = store.get("visit");
    var value = (saved && saved.value) || {};
    var now = new Date();
    var last = Date.parse(value.last);
    var end = isNaN(last) ? null : (now - last > VISIT_GAP ? value.last : value.since || null);
    store.set("visit", { last: now.toISOString(), since: end });
    return end && new Date(end).toLocaleDateString("sv-SE");
  }

  function loadUpdateMarks() {
    var store = window.pratamedbarn && window.pratamedbarn.store;
    if (since !== undefined || !store || !ASSETS) return;
    since = previousVisitDay(store);
    if (!since) return;
    window.pratamedbarnSince = since;
    ["days.js", "updated.js"].forEach(function (name) {
      var script = document.createElement("script");
      script.src = new URL(name, ASSETS).href;
      script.async = false;  // in this order: updated.js reads what days.js sets
      document.head.append(script);
    });
  }

  // A poster written as data-poster (a session page's films) loads when it comes into view.
  function setUpLazyPosters(root) {
    var videos = root.querySelectorAll("video[data-poster]:not([poster])");
    if (!videos.length) return;
    var show = function (video) { video.poster = video.dataset.poster; };
    if (!("IntersectionObserver" in window)) { videos.forEach(show); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { show(entry.target); observer.unobserve(entry.target); }
      });
    }, { rootMargin: "200px" });
    videos.forEach(function (video) { observer.observe(video); });
  }

  // On a phone the open search covers the page and holds it still: Material locks its
  // scrolling, and lets go a moment after the search closes. Tab out of the search lands on
  // the page's next link meanwhile, and the page never scrolled to it. It is brought into
  // view once the page is free and the search's closing transitions are over (the page
  // cannot scroll to it before). Each wait is bounded: a frame at a time, two seconds at most.
  function followFocusOutOfSearch(event) {
    var to = event.target;
    if (!document.body.hasAttribute("data-md-scrolllock") || to.closest(".md-search")) return;
    var frames = 0;
    (function whenSettled() {
      var busy = document.body.hasAttribute("data-md-scrolllock") ||
        document.getAnimations().some(function (a) {
          return a.playState === "running" && a instanceof CSSTransition;
        });
      if (busy && frames++ < 120) {
        requestAnimationFrame(whenSettled);
      } else if (document.activeElement === to) {
        to.scrollIntoView({ block: "nearest" });
      }
    })();
  }
  document.addEventListener("focusin", followFocusOutOfSearch);

  function init() {
    loadPageScripts();
    loadUpdateMarks();
    setUpLazyPosters(document);
    setUpEmbeds(document);
    setUpCaptions(document);
    setUpChapters(document);
    nameSearchDialog();
    setUpPrint(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
