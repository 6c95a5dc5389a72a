/*
 * Back Massage Guide: keyboard and motion fixes for Material's header, loaded on every page.
 *
 * 1. The menu button on phones is a <label> for a hidden checkbox, which a keyboard cannot
 *    reach and a screen reader does not call a button. Replace it with a real <button> that
 *    says whether the menu is open, moves focus into the menu when opened from the keyboard,
 *    and closes the menu with Escape or when focus leaves it.
 * 2. Readers who ask for reduced motion get instant scrolling even where Material's script asks
 *    the browser for smooth scrolling (CSS cannot override a script's `behavior: "smooth"`).
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
