/* The presenter view: a session clock driven by the plan (segments and their minutes).
   State lives in localStorage, so a reload or a locked phone loses nothing; the slides in
   another tab follow over a BroadcastChannel; the screen is kept awake where the Wake Lock
   API exists. Drift = how late the current segment started against the plan, plus how far
   it has run over its minutes. */
(function () {
  "use strict";
  var plan = JSON.parse(document.getElementById("plan").textContent);
  var t = JSON.parse(document.getElementById("strings").textContent);
  var steps = plan.steps;
  var key = "handbook-present:" + plan.lang + ":" + plan.id;
  var root = document.querySelector(".present");
  var MINUTE = 60000;
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("handbook-kit") : null;
  var wakeLock = null;

  function load() {
    try { return JSON.parse(localStorage.getItem(key)) || null; } catch (e) { return null; }
  }
  function save() {
    try {
      if (state) localStorage.setItem(key, JSON.stringify(state));
      else localStorage.removeItem(key);
    } catch (e) { /* private mode: the clock still runs, it is only not remembered */ }
  }
  // { planStart, index, starts: [ms when each segment began], paused: ms or null }
  var state = load();

  function $(selector) { return root.querySelector(selector); }
  function text(selector, value) { $(selector).textContent = value; }
  // "Planned HH:MM", or nothing (null); only the time changes, in a box of fixed width.
  function clock(selector, value) {
    $(selector).hidden = value === null;
    $(selector + " .hhmm").textContent = value || "";
  }

  function planStartFor(now) {
    if (!plan.start) return now;
    var parts = plan.start.split(":");
    var day = new Date(now);
    day.setHours(Number(parts[0]), Number(parts[1]), 0, 0);
    return day.getTime();
  }
  function planned(index) { return state.planStart + steps[index].offset * MINUTE; }
  function hhmm(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }
  function mmss(ms) {
    var sign = ms < 0 ? "−" : "";
    var seconds = Math.floor(Math.abs(ms) / 1000);
    return sign + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }
  // The current segment's start, moved on by the pause in progress (a pause stops its clock).
  function segmentStart(now) {
    var start = state.starts[state.index];
    return state.paused ? start + (now - state.paused) : start;
  }
  function drift(now) {
    if (state.index >= steps.length) return state.finalDrift || 0;
    var start = segmentStart(now);
    var end = start + steps[state.index].minutes * MINUTE;
    return (start - planned(state.index)) + Math.max(0, now - end);
  }
  function kindName(kind) { return t["kind_" + kind] || kind; }

  function render() {
    var now = Date.now();
    var started = !!state;
    var index = started ? state.index : 0;
    var finished = started && index >= steps.length;
    root.setAttribute("data-state", !started ? "idle" : finished ? "finished"
      : state.paused ? "paused" : "running");
    root.setAttribute("data-index", String(index));
    var current = steps[Math.min(index, steps.length - 1)];
    var next = steps[index + 1];
    var planStart = started ? state.planStart : planStartFor(now);
    var at = function (i) { return hhmm(planStart + steps[i].offset * MINUTE); };

    if (finished) {
      text("[data-now-title]", t.finished);
      text("[data-now-kind]", "");
      clock("[data-now-clock]", null);
      text("[data-now-cue]", "");
      text("[data-time-left]", "–");
    } else {
      text("[data-now-title]", current.title);
      text("[data-now-kind]", kindName(current.kind) + " · " + current.minutes + " "
        + t.minutes_short + (started && state.paused ? " · " + t.paused : ""));
      clock("[data-now-clock]", at(index));
      text("[data-now-cue]", started ? current.cue
        : plan.start ? t.day_not_started.replace("{start}", plan.start) : t.not_started);
      var left = started ? segmentStart(now) + current.minutes * MINUTE - now
        : current.minutes * MINUTE;
      text("[data-time-left]", mmss(left));
      $("[data-time-left]").classList.toggle("over", left < 0);
    }
    if (next && !finished) {
      text("[data-next-title]", next.title);
      clock("[data-next-clock]", at(index + 1));
    } else {
      text("[data-next-title]", "–");
      clock("[data-next-clock]", null);
    }

    var minutes = started ? Math.round(drift(now) / MINUTE) : 0;
    var driftBox = $("[data-drift]");
    driftBox.setAttribute("data-drift-minutes", String(minutes));
    driftBox.className = "drift " + (minutes > 0 ? "behind" : minutes < 0 ? "ahead" : "on-time");
    driftBox.textContent = !started ? "–"
      : minutes > 0 ? "+" + minutes + " " + t.minutes_short + " " + t.behind
      : minutes < 0 ? "−" + (-minutes) + " " + t.minutes_short + " " + t.ahead : t.on_time;
    var last = steps[steps.length - 1];
    var end = planStart + (last.offset + last.minutes) * MINUTE;
    text("[data-end]", t.session_end + " " + hhmm(end)
      + (started ? " · " + t.expected_end + " " + hhmm(end + minutes * MINUTE) : ""));

    $('[data-action="start"]').hidden = started;
    $('[data-action="pause"]').hidden = !started || finished || !!state.paused;
    $('[data-action="resume"]').hidden = !started || finished || !state.paused;
    $('[data-action="previous"]').disabled = !started || index === 0;
    $('[data-action="next"]').disabled = !started || finished;
    var link = $("[data-slides-link]");
    if (current.module) {
      link.hidden = false;
      link.href = "../../slides/" + current.module + "/index.html#/" + (current.slide + 2);
    } else {
      link.hidden = true;
    }
    $("[data-awake]").hidden = !wakeLock;
  }

  function announce() {
    var step = state && steps[state.index];
    if (channel && step && step.module) channel.postMessage({ module: step.module, slide: step.slide });
  }
  function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock || document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").then(function (lock) {
      wakeLock = lock;
      lock.addEventListener("release", function () { wakeLock = null; render(); });
      render();
    }).catch(function () { /* not allowed now (battery saver, hidden tab): fine */ });
  }
  function change(update) {
    var now = Date.now();
    update(now);
    save();
    announce();
    render();
  }
  var actions = {
    start: function () {
      change(function (now) {
        state = { planStart: planStartFor(now), index: 0, starts: [now], paused: null };
      });
      keepAwake();
    },
    pause: function () { change(function (now) { state.paused = now; }); },
    resume: function () {
      change(function (now) {
        state.starts[state.index] += now - state.paused;
        state.paused = null;
      });
      keepAwake();
    },
    next: function () {
      change(function (now) {
        if (state.paused) { state.starts[state.index] += now - state.paused; state.paused = null; }
        if (state.index === steps.length - 1) state.finalDrift = drift(now);
        state.index += 1;
        state.starts[state.index] = now;
      });
    },
    previous: function () {
      change(function (now) {
        if (state.paused) { state.starts[state.index] += now - state.paused; state.paused = null; }
        state.index -= 1;  // back to the earlier segment as if "next" had not been pressed
        state.starts.length = state.index + 1;
        delete state.finalDrift;
      });
    },
    reset: function () {
      if (window.confirm(t.reset_confirm)) change(function () { state = null; });
    }
  };
  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (button && actions[button.getAttribute("data-action")]) {
      actions[button.getAttribute("data-action")]();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (state && !state.paused) keepAwake();
  });
  // Another tab of this view (or a reload elsewhere) changed the state: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === key) { state = load(); render(); }
  });
  render();
  if (state && !state.paused) keepAwake();
  setInterval(render, 1000);
}());
