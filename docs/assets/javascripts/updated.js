/* Prata med barn: "Uppdaterad" beside the links to pages that changed since the last visit.
 *
 * The build writes each page's day of last change into days.js (window.pratamedbarnDays, by
 * URL relative to the site root). pratamedbarn.js keeps the time of the learner's visits in
 * this browser only (key "visit", see there) and loads days.js and this script when there is
 * a previous visit; nothing is sent anywhere. Days have no time of day, so a page is marked
 * only when it changed on a later day than that of the previous visit: never wrongly.
 */
(function () {
  "use strict";

  // The menu, not the table of contents: its links lead within this page.
  var LINKS = ".md-nav--primary a.md-nav__link[href], a.pmb-card__link, .pmb-theme__title a";

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
    // The end of the previous visit, as a day: kept by pratamedbarn.js, which loads this
    // script (and days.js) only when there is one.
    var since = window.pratamedbarnSince;
    var root = siteRoot();
    if (!days || !since || !root) return;
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
