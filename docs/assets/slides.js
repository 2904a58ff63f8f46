/* Starts reveal.js on a generated deck and lets the presenter view (another tab of the same
   browser) move it: the presenter view posts {module, slide} on the "handbook-kit" channel. */
(function () {
  "use strict";
  var deck = document.querySelector(".reveal");
  var module = deck.getAttribute("data-module");
  Reveal.initialize({
    hash: true,
    controls: true,
    progress: true,
    slideNumber: "c/t",
    center: false,
    transition: "none",
    width: 1280,
    height: 720,
    pdfMaxPagesPerSlide: 1,  // a long slide is cut, not spilled over a second page
    plugins: [RevealNotes]
  });
  // A long exercise text shrinks until it fits the slide (not below a readable size); what
  // still does not fit scrolls, and the full text is on the printed handout anyway.
  var HEIGHT = 720, SMALLEST = 16;
  function fit(section) {
    var body = section.querySelector(".task, .questions, .points");
    if (!body) return;
    var shown = section.style.display;
    section.style.display = "block";
    var size = parseFloat(getComputedStyle(body).fontSize);
    while (section.scrollHeight > HEIGHT && size > SMALLEST) {
      size -= 1;
      body.style.fontSize = size + "px";
    }
    section.classList.toggle("overflowing", section.scrollHeight > HEIGHT);
    section.style.display = shown;
  }
  Reveal.on("ready", function () {
    deck.querySelectorAll(".slides > section").forEach(fit);
  });
  // Print layout is built asynchronously (after the fonts load); say when it is done.
  Reveal.on("pdf-ready", function () { deck.setAttribute("data-pdf-ready", "true"); });
  if (!("BroadcastChannel" in window)) return;
  var channel = new BroadcastChannel("handbook-kit");
  channel.onmessage = function (event) {
    var message = event.data || {};
    if (message.module !== module || message.slide === null) return;
    var target = deck.querySelector('[data-segment="' + message.slide + '"]');
    if (!target) return;
    var indices = Reveal.getIndices(target);
    Reveal.slide(indices.h, indices.v || 0);
  };
}());
