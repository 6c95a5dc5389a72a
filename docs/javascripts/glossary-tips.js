/*
 * Back Massage Guide: the glossary's tooltips (what a word such as "effleurage" or "GP" means,
 * shown when the reader points at it or taps it), loaded on every page, deferred.
 *
 * Why not Material's own: with content.tooltips, Material's script builds a tooltip, with about a
 * dozen event subscriptions, for every glossary word on a page while the page opens (30 on the
 * Safety page), all in its one start-up task: a third of that task, which Lighthouse counts
 * against the page on a phone. This file listens once, on the document, and builds a tooltip only
 * for the word the reader points at. It uses Material's tooltip markup and styles (md-tooltip2),
 * so the tooltip looks and sits the same, and behaves like Material's: below the word, kept inside
 * the screen, gone a quarter of a second after the pointer leaves, the word's title set aside
 * meanwhile so the browser shows no second tooltip, and aria-describedby pointing at it.
 *
 * overrides/main.html marks each glossary word with `data-preview`, the attribute Material's
 * script skips when it builds tooltips (on anything but a link it does nothing else).
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 250;
  var SELECTOR = ".md-content abbr[data-preview]";
  var host = null;
  var title = "";
  var tooltip = null;
  var hideTimer = 0;

  function build(text) {
    var node = document.createElement("div");
    node.className = "md-tooltip2 md-tooltip2--bottom";
    node.id = "__bmg_glossary_tip";
    node.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = text;
    node.appendChild(inner);
    return node;
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (!host) {
      return;
    }
    host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    tooltip.remove();
    host = null;
    tooltip = null;
  }

  function show(word) {
    if (word === host) {
      window.clearTimeout(hideTimer);
      return;
    }
    hide();
    title = word.getAttribute("title") || "";
    if (!title) {
      return;
    }
    host = word;
    tooltip = build(title);
    word.removeAttribute("title");
    document.body.appendChild(tooltip);
    var box = word.getBoundingClientRect();
    var style = tooltip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    style.setProperty("--md-tooltip-width", tooltip.firstChild.getBoundingClientRect().width + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    word.setAttribute("aria-describedby", tooltip.id);
    var shown = tooltip;
    // Next frame, so that it fades in as Material's do instead of appearing at once.
    window.requestAnimationFrame(function () {
      if (tooltip === shown) {
        shown.classList.add("md-tooltip2--active");
      }
    });
  }

  function wordAt(target) {
    return target && target.closest ? target.closest(SELECTOR) : null;
  }

  // mouseover also comes after a tap on phones, as Material's own tooltips rely on.
  document.addEventListener("mouseover", function (event) {
    var word = wordAt(event.target);
    if (word) {
      show(word);
    } else if (host) {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (host && !event.relatedTarget) { // the pointer left the window
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  window.addEventListener("resize", hide);
})();
