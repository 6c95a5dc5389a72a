/*
 * Back Massage Guide: load the search index when the reader starts a search, not with every page.
 *
 * Material's script asks for search/search_index.json as soon as a page opens, so every first
 * visit downloads the text of the whole guide (about a third of the home page's weight) even
 * when the reader never searches. This file holds that one request back until the reader opens
 * the search: focuses the search field (a click, a tap, or Material's "/", "s" and "f" keys),
 * or opens a page whose address already carries a search (`?q=`). Search then works as before;
 * the index is small and arrives while the reader types the first word.
 *
 * It must run before Material's bundle (overrides/main.html loads it first, without `defer`),
 * because the bundle makes the request while it starts. Only that request is touched.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var wanted = false;
  var waiting = [];

  function start() {
    if (wanted) {
      return;
    }
    wanted = true;
    waiting.splice(0).forEach(function (send) {
      send();
    });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      this.bmgSearchIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    } catch (error) {
      this.bmgSearchIndex = false;
    }
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.bmgSearchIndex || wanted) {
      return send.apply(request, args);
    }
    waiting.push(function () {
      send.apply(request, args);
    });
  };

  if (/[?&]q=/.test(location.search)) {
    start();
  }
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search")) {
      start();
    }
  });
  // On phones the search opens from the magnifier in the header; start as the finger lands.
  document.addEventListener("pointerdown", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('label[for="__search"], .md-search')) {
      start();
    }
  });
})();
