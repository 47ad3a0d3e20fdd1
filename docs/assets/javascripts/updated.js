/* Prata med barn: "Uppdaterad" beside the links to pages that changed since the last visit.
 *
 * The build writes each page's day of last change into days.js (window.pratamedbarnDays, by
 * URL relative to the site root). The time of the learner's last visit is kept only in this
 * browser (storage.js, key "visit"); nothing is sent anywhere.
 *
 * What "last visit" means: a visit is a run of page views less than half an hour apart. The
 * marks compare with the end of the previous visit, not with this page view, so they stay
 * for the whole visit and do not vanish at the first click. The very first visit has nothing
 * to compare with and shows no marks. Days have no time of day, so a page is marked only
 * when it changed on a later day than that of the previous visit: a mark is never wrong.
 */
(function () {
  "use strict";

  var KEY = "visit";
  var GAP = 30 * 60 * 1000;
  // The menu, not the table of contents: its links lead within this page.
  var LINKS = ".md-nav--primary a.md-nav__link[href], a.pmb-card__link, .pmb-theme__title a";
  // Computed once a page load: instant navigation's later page views belong to this visit.
  var since;

  /** The end of the previous visit as a local day "YYYY-MM-DD", or null; notes this view. */
  function previousVisitDay(store) {
    var saved = store.get(KEY);
    var value = (saved && saved.value) || {};
    var now = new Date();
    var last = Date.parse(value.last);
    var end = isNaN(last) ? null : (now - last > GAP ? value.last : value.since || null);
    store.set(KEY, { last: now.toISOString(), since: end });
    return end && new Date(end).toLocaleDateString("sv-SE");
  }

  function siteRoot() {
    var script = document.querySelector('script[src*="assets/javascripts/days.js"]');
    return script && new URL(script.src.replace(/assets\/javascripts\/days\.js.*$/, ""), location.href);
  }

  function mark(link) {
    if (link.querySelector(".pmb-new")) return;
    var badge = document.createElement("span");
    badge.className = "pmb-new";
    badge.textContent = "Uppdaterad";
    var hidden = document.createElement("span");
    hidden.className = "pmb-visually-hidden";
    hidden.textContent = " sedan ditt senaste besök";
    badge.append(hidden);
    (link.querySelector(".md-ellipsis, .pmb-card__title") || link).append(" ", badge);
  }

  function init() {
    var days = window.pratamedbarnDays;
    var store = window.pratamedbarn && window.pratamedbarn.store;
    if (!days || !store) return;
    if (since === undefined) since = previousVisitDay(store);
    var root = siteRoot();
    if (!since || !root) return;
    document.querySelectorAll(LINKS).forEach(function (link) {
      var url = new URL(link.getAttribute("href"), location.href);
      if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return;
      var day = days[decodeURIComponent(url.pathname.slice(root.pathname.length))];
      if (day && day > since) mark(link);
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
