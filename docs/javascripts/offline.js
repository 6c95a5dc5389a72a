/*
 * Back Massage Guide: offline reading, loaded on every page.
 *
 * 1. On a first visit, register the service worker (sw.js at the site's root, written by the
 *    build) 5 s after the page has loaded, when the browser is idle, or as soon as the reader
 *    switches to another tab or app. Registering costs the main thread tens of milliseconds (the
 *    largest single item in a CPU profile of a first visit), which must not delay the first
 *    paint or the reader's first tap. Once a worker is in charge, nothing is registered again:
 *    the browser itself checks sw.js for a new version when the reader opens a page.
 * 2. Once the worker says its copy of the whole guide is complete, add a small "Available
 *    offline" note to the footer.
 * 3. When a newer version of the guide has been installed in the background and takes over,
 *    tell the reader once, quietly (a polite status message, no focus change), that reloading
 *    shows it.
 *
 * The site's root is found from this script's own address (javascripts/offline.js), so the
 * same code works under /back-massage-guide/ and at the root of a fork.
 */
(function () {
  "use strict";

  var REGISTER_DELAY_MS = 5000;
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script || !window.MessageChannel) {
    return;
  }
  var root = new URL("../", script.src);
  var workers = navigator.serviceWorker;
  var updateShown = false;
  // A page that a worker already controlled is running an older version when a new one takes over.
  var controlledAtStart = Boolean(workers.controller);

  function askStatus(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        resolve(event.data || {});
      };
      worker.postMessage({ type: "status" }, [channel.port2]);
    });
  }

  function showOfflineNote(status) {
    var footer = document.querySelector(".md-footer-meta .md-copyright");
    if (!status.complete || !footer || footer.querySelector(".bmg-offline-note")) {
      return;
    }
    var note = document.createElement("p");
    note.className = "bmg-offline-note";
    note.textContent = "Available offline: this guide is saved on this device.";
    footer.appendChild(note);
  }

  function checkOffline() {
    workers.ready.then(function (registration) {
      return registration.active ? askStatus(registration.active) : {};
    }).then(showOfflineNote, function () {});
  }

  function showUpdateNotice() {
    if (updateShown) {
      return;
    }
    updateShown = true;
    var notice = document.createElement("div");
    notice.className = "bmg-update-notice";
    notice.setAttribute("role", "status");
    document.body.appendChild(notice);
    var text = document.createElement("span");
    text.textContent = "A newer version of this guide is ready.";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload to see it";
    reload.addEventListener("click", function () {
      window.location.reload();
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Not now";
    close.addEventListener("click", function () {
      notice.remove();
    });
    // Filled after it is in the page, so screen readers announce it (politely, as a status).
    window.setTimeout(function () {
      notice.append(text, " ", reload, " ", close);
    }, 100);
  }

  workers.addEventListener("controllerchange", function () {
    if (controlledAtStart) {
      showUpdateNotice();
    }
    controlledAtStart = true;
    checkOffline();
  });

  function register() {
    workers.register(new URL("sw.js", root).href, { scope: root.href })
      .then(checkOffline, function () {});
  }

  var registered = false;
  function registerOnce() {
    if (!registered) {
      registered = true;
      register();
    }
  }

  function whenIdle() {
    window.setTimeout(function () {
      if (window.requestIdleCallback) {
        window.requestIdleCallback(registerOnce, { timeout: 5000 });
      } else {
        registerOnce();
      }
    }, REGISTER_DELAY_MS);
    // A reader who switches away early still gets the copy: a hidden page has no paint to delay.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        registerOnce();
      }
    });
  }

  if (workers.controller) {
    checkOffline();
  } else if (document.readyState === "complete") {
    whenIdle();
  } else {
    window.addEventListener("load", whenIdle, { once: true });
  }
})();
