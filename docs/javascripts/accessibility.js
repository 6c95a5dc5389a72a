/*
 * Back Massage Guide: keyboard, motion and glossary fixes for Material, loaded on every page.
 *
 * 1. The menu button on phones is a <label> for a hidden checkbox, which a keyboard cannot
 *    reach and a screen reader does not call a button. Replace it with a real <button> that
 *    says whether the menu is open, moves focus into the menu when opened from the keyboard,
 *    and closes the menu with Escape or when focus leaves it.
 * 2. Readers who ask for reduced motion get instant scrolling even where Material's script asks
 *    the browser for smooth scrolling (CSS cannot override a script's `behavior: "smooth"`).
 * 3. The glossary's tooltips (what a word such as "effleurage" or "GP" means), shown when the
 *    reader points at a word or taps it; see the second part below. It lives here rather than in
 *    a file of its own so that no page needs one more request before Material starts.
 *
 * It runs at the end of the page, just before Material's bundle (overrides/main.html).
 *
 * The accessible names Material leaves out are added in overrides/main.html, on the server, so
 * they are there before any script runs.
 */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var sidebar = document.querySelector(".md-sidebar--primary");
  var nav = sidebar && sidebar.querySelector("nav");

  if (drawer && label && sidebar) {
    var opener = document.createElement("button");
    opener.type = "button";
    opener.className = label.className + " bmg-menu-button";
    opener.setAttribute("aria-label", (nav && nav.getAttribute("aria-label")) || "Navigation");
    while (label.firstChild) {
      opener.appendChild(label.firstChild);
    }
    label.replaceWith(opener);

    var syncExpanded = function () {
      opener.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    };
    var setOpen = function (open) {
      if (drawer.checked !== open) {
        drawer.click(); // a click, so Material sees the change event it listens for
      }
      syncExpanded();
    };
    syncExpanded();
    drawer.addEventListener("change", syncExpanded);

    opener.addEventListener("click", function (event) {
      setOpen(!drawer.checked);
      // Opened from the keyboard (a click event with no pointer position): move focus into it.
      if (drawer.checked && event.detail === 0) {
        var first = sidebar.querySelector("a[href]");
        if (first) {
          first.focus();
        }
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        setOpen(false);
        opener.focus();
      }
    });

    // An open drawer covers the page: close it when focus moves on to what lies underneath.
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && !sidebar.contains(next) && next !== opener) {
        setOpen(false);
      }
    });
  }

  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var instant = function (original) {
    return function () {
      var args = Array.prototype.slice.call(arguments);
      var options = args[0];
      if (reduce.matches && options && typeof options === "object" && options.behavior === "smooth") {
        args[0] = Object.assign({}, options, { behavior: "auto" });
      }
      return original.apply(this || window, args);
    };
  };
  ["scrollTo", "scrollBy", "scroll"].forEach(function (name) {
    if (Element.prototype[name]) {
      Element.prototype[name] = instant(Element.prototype[name]);
    }
    window[name] = instant(window[name]);
  });
  if (Element.prototype.scrollIntoView) {
    Element.prototype.scrollIntoView = instant(Element.prototype.scrollIntoView);
  }
})();

/*
 * The glossary's tooltips.
 *
 * Why not Material's own: with content.tooltips, Material's script builds a tooltip, with about a
 * dozen event subscriptions, for every glossary word on a page while the page opens (30 on the
 * Safety page), all in its one start-up task: a third of that task, which Lighthouse counts
 * against the page on a phone. This part listens once, on the document, and builds a tooltip only
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

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
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
      hideSoon();
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (host && !event.relatedTarget) { // the pointer left the window
      hideSoon();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  window.addEventListener("resize", hide);
})();
