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
 * The search worker waits for the same moment. Material starts it as the page opens, and on a
 * phone its script (lunr and Material's search code: 40 KB, 12 KB compressed) is downloaded and
 * compiled while Material sets up the page, on a processor that has few cores to spare. Until the
 * reader opens the search, Material gets a stand-in: it keeps Material's listeners and starts
 * the real worker, which then does the same job, when the search is opened or Material first
 * sends it a message. Material only listens to the worker's messages and posts to it (9.8's
 * browser/worker), so that is all the stand-in does.
 *
 * It must run before Material's bundle (overrides/main.html loads it first, without `defer`),
 * because the bundle makes the request and starts the worker while it starts. Only that request
 * and that worker are touched.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/assets\/javascripts\/workers\/search\.[^/]*\.js$/;
  var wanted = false;
  var waiting = [];

  /* Whether the path of `url` (relative to the page) matches `pattern`; false for a bad URL. */
  function pathMatches(pattern, url) {
    try {
      return pattern.test(new URL(String(url), document.baseURI).pathname);
    } catch (error) {
      return false;
    }
  }

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
    this.bmgSearchIndex = pathMatches(INDEX, url);
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

  var RealWorker = window.Worker;

  /* Stands in for the search worker until the reader wants it; see the top of this file. */
  function standInFor(url, options) {
    var standIn = new EventTarget();
    var worker = null;
    var ended = false;

    function passOn(event) {
      var copy = event.type === "error"
        ? new ErrorEvent("error", { message: event.message, filename: event.filename,
                                    lineno: event.lineno, colno: event.colno, error: event.error })
        : new MessageEvent(event.type, { data: event.data, origin: event.origin,
                                         lastEventId: event.lastEventId, ports: event.ports });
      standIn.dispatchEvent(copy);
    }

    function wake() {
      if (worker || ended) {
        return;
      }
      worker = new RealWorker(url, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        worker.addEventListener(type, passOn);
      });
    }

    standIn.postMessage = function () {
      wake();
      if (worker) {
        worker.postMessage.apply(worker, arguments);
      }
    };
    standIn.terminate = function () {
      ended = true;
      if (worker) {
        worker.terminate();
      }
    };
    waiting.push(wake);
    return standIn;
  }

  if (RealWorker && typeof EventTarget === "function") {
    var SearchAwareWorker = function Worker(url, options) {
      if (!wanted && pathMatches(WORKER, url)) {
        return standInFor(url, options);
      }
      return new RealWorker(url, options);
    };
    SearchAwareWorker.prototype = RealWorker.prototype;
    window.Worker = SearchAwareWorker;
  }

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
