/* Prata med barn: "Visa på storbild", a session page run in the meeting room.
 *
 * The session page lists the time plan as steps (.pmb-step in .pmb-plan). The view shows one
 * step at a time in large type over the whole window: its activity, its film (playable in
 * place) and the group's questions, with a clock for the step's minutes that the facilitator
 * starts and pauses. Every step fits the window without scrolling: the film takes the room
 * its questions leave, and the type shrinks when a step has much to say.
 * Arrow keys (or Page Up/Down, which presentation clickers send) move between steps, also
 * while the film has focus; Space plays and pauses the film (on a step without one, the
 * clock); K starts and pauses the clock; Esc closes the view.
 *
 * Only the facilitator's place is saved (session:<id>, through window.pratamedbarn.store).
 * The view is made from the page's own plan, which holds no learner's notes.
 */
(function () {
  "use strict";

  var store = window.pratamedbarn && window.pratamedbarn.store;

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function twoDigits(n) { return (n < 10 ? "0" : "") + n; }

  function clockText(seconds) {
    return Math.floor(seconds / 60) + ":" + twoDigits(seconds % 60);
  }

  function setUp(start) {
    var plan = document.querySelector(".pmb-plan[data-session]");
    if (!plan) return;
    var steps = Array.prototype.slice.call(plan.querySelectorAll(".pmb-step"));
    var sessionId = plan.dataset.session;
    var key = "session:" + sessionId;
    var title = document.querySelector("article h1");
    start.hidden = false;

    var overlay = make("div", "pmb-meeting");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Storbild: " + (title ? title.textContent.trim() : ""));
    overlay.tabIndex = -1;
    overlay.hidden = true;

    var head = make("div", "pmb-meeting__head");
    var where = make("p", "pmb-meeting__where");
    where.setAttribute("aria-live", "polite");
    var close = make("button", "md-button pmb-meeting__close", "Stäng storbild (Esc)");
    close.type = "button";
    head.append(where, close);

    var stage = make("div", "pmb-meeting__stage");

    var foot = make("div", "pmb-meeting__foot");
    var previous = make("button", "md-button pmb-meeting__previous", "← Föregående");
    var clock = make("p", "pmb-meeting__clock");
    clock.setAttribute("role", "timer");
    var toggle = make("button", "md-button md-button--primary pmb-meeting__toggle", "Starta klockan");
    var next = make("button", "md-button pmb-meeting__next", "Nästa →");
    [previous, toggle, next].forEach(function (b) { b.type = "button"; });
    foot.append(previous, clock, toggle, next);
    overlay.append(head, stage, foot);
    document.body.append(overlay);

    var index = 0;
    var left = 0;          // seconds left of the step's minutes
    var timer = null;
    var opener = null;     // the element to give focus back to
    var placeholder = null; // where the shown step's content came from on the page

    function stopClock() {
      if (timer) clearInterval(timer);
      timer = null;
      toggle.textContent = "Starta klockan";
    }

    function drawClock() {
      // Past the step's minutes the clock counts on, in words, not only in colour.
      clock.textContent = left >= 0 ? clockText(left) + " kvar" : clockText(-left) + " över tiden";
      clock.classList.toggle("pmb-meeting__clock--over", left < 0);
    }

    function putBack() {
      // The step's content (and its player) goes back to its place in the page's plan.
      if (placeholder) {
        var content = stage.firstChild;
        placeholder.replaceWith(content);
        placeholder = null;
        content.querySelectorAll("video").forEach(function (video) { video.pause(); });
        content.querySelectorAll(".pmb-step__screen").forEach(function (part) { part.hidden = true; });
      }
    }

    function fit() {
      // The largest type at which the whole step fits (the stylesheet's size, down to half
      // of it): no facilitator should need the mouse to scroll on a projector.
      stage.style.fontSize = "";
      var size = parseFloat(getComputedStyle(stage).fontSize);
      var floor = size / 2;
      while (stage.scrollHeight > stage.clientHeight && size > floor) {
        size *= 0.92;
        stage.style.fontSize = size + "px";
      }
    }

    function film() {
      return stage.querySelector("video");
    }

    function playOrPause() {
      var video = film();
      if (!video.paused) { video.pause(); return; }
      var playing = video.play();
      // A film that cannot play says so in its own player; nothing more to do here.
      if (playing && playing.catch) playing.catch(function () {});
    }

    function show(at) {
      putBack();
      stopClock();
      index = Math.max(0, Math.min(steps.length - 1, at));
      var step = steps[index];
      var content = step.querySelector(".pmb-step__what");
      placeholder = make("div");
      content.replaceWith(placeholder);
      stage.replaceChildren(content);
      // The case and the questions of an exercise: on the page they stand under the plan.
      content.querySelectorAll(".pmb-step__screen").forEach(function (part) { part.hidden = false; });
      left = 60 * Number(step.dataset.minutes || 0);
      where.textContent = "Steg " + (index + 1) + " av " + steps.length + " · " +
        step.querySelector(".pmb-step__clock").textContent + " · " + step.dataset.minutes + " minuter";
      drawClock();
      previous.disabled = index === 0;
      next.disabled = index === steps.length - 1;
      if (store) store.set(key, index);
      fit();
      // The film or a button that had focus may have gone with the step, or been disabled:
      // the view keeps the keys.
      var focused = document.activeElement;
      if (!overlay.hidden && (!overlay.contains(focused) || focused.disabled)) overlay.focus();
    }

    function toggleClock() {
      if (timer) { stopClock(); return; }
      toggle.textContent = "Pausa klockan";
      timer = setInterval(function () { left -= 1; drawClock(); }, 1000);
    }

    function open() {
      opener = document.activeElement;
      var saved = store && store.get(key);
      overlay.hidden = false;
      document.documentElement.classList.add("pmb-meeting-open");
      show(saved ? Number(saved.value) || 0 : 0);
      overlay.focus();
      window.addEventListener("resize", fit);
      // Type that arrives late takes another measure of room.
      if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { fit(); });
    }

    function shut() {
      putBack();
      stopClock();
      overlay.hidden = true;
      window.removeEventListener("resize", fit);
      document.documentElement.classList.remove("pmb-meeting-open");
      if (opener && opener.focus) opener.focus();
    }

    start.querySelector(".pmb-meeting__open").addEventListener("click", open);
    close.addEventListener("click", shut);
    previous.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    toggle.addEventListener("click", toggleClock);

    function onControl(target) {
      // Space on a button, link or field does what it does there.
      return target !== overlay && target.closest &&
        target.closest("button, a[href], input, select, textarea, summary");
    }

    var moves = {
      ArrowRight: function () { show(index + 1); }, PageDown: function () { show(index + 1); },
      ArrowLeft: function () { show(index - 1); }, PageUp: function () { show(index - 1); },
      Escape: function () { shut(); },
      k: toggleClock, K: toggleClock
    };

    // In the capture phase: the keys reach the view before a focused film seeks with them,
    // and never reach Material's own shortcuts.
    overlay.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var act = moves.hasOwnProperty(event.key) ? moves[event.key] : null;
      if (event.key === " " && !onControl(event.target)) act = film() ? playOrPause : toggleClock;
      if (!act) return;
      event.preventDefault();
      event.stopPropagation();
      act();
    }, true);

    // Focus stays in the view while it is open.
    overlay.addEventListener("focusout", function (event) {
      if (!overlay.hidden && event.relatedTarget && !overlay.contains(event.relatedTarget)) overlay.focus();
    });
  }

  function init() {
    var start = document.querySelector(".pmb-meeting-start");
    if (start && !start.dataset.ready) {
      start.dataset.ready = "1";
      // A view left from another session page (instant navigation keeps the body).
      document.querySelectorAll(".pmb-meeting").forEach(function (old) { old.remove(); });
      setUp(start);
    }
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
