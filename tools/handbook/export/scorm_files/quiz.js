/* The module's quiz, reporting to the LMS through the SCORM 1.2 run-time API when one is
   there (window.API in a parent frame or the opener), and working alone when the page is
   opened as a file: feedback on every chosen option, a score and pass or fail either way.
   Reported: cmi.core.score.raw (0-100), cmi.core.lesson_status (passed or failed against the
   mastery score: the LMS's cmi.student_data.mastery_score, else the package's own), one
   cmi.interactions entry per question, then LMSCommit and LMSFinish. */
(function () {
  "use strict";

  function findApi(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API) { return win.API; }
      } catch (e) {
        return null; // a frame of another origin: no LMS can be reached through it
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var form = document.getElementById("quiz");
  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  var started = Date.now();
  var finished = false;
  var mastery = Number(form.getAttribute("data-mastery"));

  function lms(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    return api ? String(api[name].apply(api, args)) : "";
  }

  function sessionTime() {
    var seconds = Math.round((Date.now() - started) / 1000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" +
      pad(seconds % 60);
  }

  function finish() {
    if (!api || finished) { return; }
    finished = true;
    lms("LMSSetValue", "cmi.core.session_time", sessionTime());
    lms("LMSCommit", "");
    lms("LMSFinish", "");
  }

  if (api && lms("LMSInitialize", "") === "true") {
    var given = lms("LMSGetValue", "cmi.student_data.mastery_score");
    if (given !== "" && !isNaN(Number(given))) { mastery = Number(given); }
    var status = lms("LMSGetValue", "cmi.core.lesson_status");
    if (status === "" || status === "not attempted") {
      lms("LMSSetValue", "cmi.core.lesson_status", "incomplete");
    }
  } else {
    api = null;
  }
  window.addEventListener("pagehide", finish);

  var letters = "abcdefghijklmnopqrstuvwxyz";

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var questions = form.querySelectorAll("fieldset[data-question]");
    var result = document.getElementById("result");
    var answers = [];
    for (var i = 0; i < questions.length; i++) {
      var chosen = questions[i].querySelector("input:checked");
      if (!chosen) {
        result.textContent = form.getAttribute("data-unanswered");
        return;
      }
      answers.push(Number(chosen.value));
    }
    var right = 0;
    var base = Number(lms("LMSGetValue", "cmi.interactions._count")) || 0;
    for (var q = 0; q < questions.length; q++) {
      var fieldset = questions[q];
      var correct = Number(fieldset.getAttribute("data-correct"));
      var ok = answers[q] === correct;
      if (ok) { right++; }
      var notes = fieldset.querySelectorAll(".feedback");
      for (var n = 0; n < notes.length; n++) {
        var shown = Number(notes[n].getAttribute("data-option")) === answers[q];
        notes[n].hidden = !shown;
        notes[n].className = "feedback " + (ok ? "right" : "wrong");
      }
      if (api && !finished) {
        var key = "cmi.interactions." + (base + q) + ".";
        lms("LMSSetValue", key + "id", fieldset.getAttribute("data-question"));
        lms("LMSSetValue", key + "type", "choice");
        lms("LMSSetValue", key + "correct_responses.0.pattern", letters.charAt(correct));
        lms("LMSSetValue", key + "student_response", letters.charAt(answers[q]));
        lms("LMSSetValue", key + "result", ok ? "correct" : "wrong");
        lms("LMSSetValue", key + "weighting", "1");
      }
    }
    var score = Math.round(100 * right / questions.length);
    var passed = score >= mastery;
    result.textContent = form.getAttribute("data-score").replace("{score}", score)
      .replace("{mastery}", mastery) + " " +
      form.getAttribute(passed ? "data-passed" : "data-failed");
    if (api && !finished) {
      lms("LMSSetValue", "cmi.core.score.min", "0");
      lms("LMSSetValue", "cmi.core.score.max", "100");
      lms("LMSSetValue", "cmi.core.score.raw", String(score));
      lms("LMSSetValue", "cmi.core.lesson_status", passed ? "passed" : "failed");
      finish();
    }
  });
}());
