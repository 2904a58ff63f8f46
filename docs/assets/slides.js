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
