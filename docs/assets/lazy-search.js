// Load the search index only when the reader first opens search. It is most of a page's
// weight (hundreds of KB for both languages), and a reader on a phone may never search.
// Material's bundle requests it at start-up with XMLHttpRequest; hold that one request back.
(() => {
  const INDEX = "search/search_index.json";
  const waiting = [];
  let released = false;
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.handbookUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!released && this.handbookUrl?.endsWith(INDEX)) {
      waiting.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach((go) => go());
  }
  // Opening search: clicking its icon or field, or Material's shortcut keys (f, s, /).
  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.(".md-search__input")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search") release();
  });
  document.addEventListener("keydown", (event) => {
    if (["f", "s", "/"].includes(event.key)) release();
  });
})();
