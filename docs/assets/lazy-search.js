// Search that never drops a query. Loaded before Material's bundle, it changes three things:
// 1. The index is fetched only when the reader first opens search: it is most of a page's
//    weight, and a reader on a phone may never search. Material requests it at start-up
//    with XMLHttpRequest; that one request is held back until search opens.
// 2. The index is the page's own language (search/search_index.<lang>.json, split at build
//    time by tools/handbook/render/search.py), so a Tajik reader gets Tajik pages only.
// 3. Material reads the query only on `keyup`. Phone keyboards (IME, autocorrect,
//    dictation), pasting and input tools change the field without one, and the query was
//    lost; every `input` event now also tells Material with a keyup.
(() => {
  const INDEX = /search\/search_index\.json$/;
  const waiting = [];
  let released = false;
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    let target = String(url);
    this.handbookIndex = INDEX.test(target);
    if (this.handbookIndex) {
      target = target.replace(INDEX, `search/search_index.${document.documentElement.lang}.json`);
    }
    return open.call(this, method, target, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!released && this.handbookIndex) {
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
  document.addEventListener("input", (event) => {
    if (event.target.matches?.(".md-search__input")) {
      release();
      event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
})();
