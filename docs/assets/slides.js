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
  // Every slide fits the projector's 1280×720 without scrolling: a long text shrinks (not
  // below a readable size); if that is not enough it flows into two, then three columns
  // (the projector is wide) and shrinks again. The full text of an exercise is on the
  // printed handout anyway.
  var HEIGHT = 720, SMALLEST = 16;
  function overflows(section) { return section.scrollHeight > HEIGHT; }
  function shrink(section, body) {
    var size = parseFloat(getComputedStyle(body).fontSize);
    while (overflows(section) && size - 1 >= SMALLEST) {
      size -= 1;
      body.style.fontSize = size + "px";
    }
  }
  function fit(section) {
    var body = section.querySelector(".task, .questions, .points, :scope > ul");
    if (!body) return;
    var shown = section.style.display;
    section.style.display = "block";
    shrink(section, body);
    for (var columns = 2; columns <= 3 && overflows(section); columns++) {
      body.style.fontSize = "";
      section.classList.add("in-columns");
      body.style.columnCount = columns;
      shrink(section, body);
    }
    section.classList.toggle("overflowing", overflows(section));
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
