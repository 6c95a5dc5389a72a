/*
 * Back Massage Guide: the colour switch (system setting, light, dark), loaded on every page just
 * after the header and before the page's text, without `defer`.
 *
 * Why this file and not Material's own palette code: Material starts its palette once the whole
 * page has been painted, and in that one task it restyles every element of the page three times
 * (it swaps `no-js` for `js` on <html>, marks <body> with data-md-color-switching, which a rule
 * applies to every element, and adds a color-scheme <meta>, then fills it in), and restyles it
 * once more when it takes data-md-color-switching off again. On Lighthouse's
 * simulated phone that was the largest part of the Total Blocking Time of every page. Here the
 * same changes happen while only the header exists, where a restyle costs next to nothing; after
 * that, only when the reader switches. overrides/main.html hides the palette form from Material's
 * script (it renames `data-md-component="palette"` to `data-bmg-palette`).
 *
 * It does what Material 9.8's components/palette does: the choice is kept per site under
 * Material's "__palette" key (Material's inline script in the header reads it before the first
 * paint, and this file writes it in the same shape); "system setting" follows the phone's light or
 * dark mode, also when that changes while the page is open; only the label of the current choice
 * is shown (it switches to the next); Enter on the switch moves on; the theme-color and
 * color-scheme <meta> tags follow the header's colours; transitions are off while colours change.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  // What the focus-visible polyfill in Material's bundle puts on <html> as it starts. Made there,
  // the change restyles every element of the painted page (7 ms on Safety in a trace on a 2-core
  // machine, four times that on Lighthouse's simulated phone); made here, before the text exists,
  // it costs nothing, and the polyfill then finds both in place. No style rule of Material's or
  // ours reads them; the polyfill still marks each focused element itself.
  root.classList.add("js-focus-visible");
  root.setAttribute("data-js-focus-visible", "");

  var form = document.querySelector("form[data-bmg-palette]");
  var inputs = form ? Array.prototype.slice.call(form.querySelectorAll("input")) : [];
  if (!inputs.length || !window.matchMedia) {
    return;
  }
  var SYSTEM = "(prefers-color-scheme)";
  var body = document.body;
  var header = document.querySelector("[data-md-component=header]") || body;
  var light = window.matchMedia("(prefers-color-scheme: light)");
  var current = 0;

  function metaNamed(name) {
    var meta = document.head.querySelector('meta[name="' + name + '"]');
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = name;
      document.head.appendChild(meta);
    }
    return meta;
  }
  var themeColour = metaNamed("theme-color");
  var colourScheme = metaNamed("color-scheme");

  function coloursOf(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent")
    };
  }

  // The saved choice, or else the first entry whose media query matches (the system setting).
  function startingIndex() {
    var saved = null;
    try {
      saved = window.__md_get ? window.__md_get("__palette") : null;
    } catch (error) {
      saved = null; // storage blocked or unreadable: behave as on a first visit
    }
    var index = saved && typeof saved.index === "number" ? saved.index : -1;
    if (index < 0) {
      index = inputs.findIndex(function (input) {
        return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
    }
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  function hex(rgb) {
    return "#" + (rgb.match(/\d+/g) || []).slice(0, 3).map(function (value) {
      return Number(value).toString(16).padStart(2, "0");
    }).join("");
  }

  // `switching`: the reader (or the system setting) changes the colours of a painted page; turn
  // transitions off meanwhile, as Material does. Not on the first call: nothing has been painted
  // yet, and taking the attribute off again later would restyle the whole page.
  function apply(index, switching) {
    current = index;
    var colours = coloursOf(inputs[index]);
    if (colours.media === SYSTEM) {
      var match = form.querySelector(light.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']");
      if (match) {
        var system = coloursOf(match);
        colours.scheme = system.scheme;
        colours.primary = system.primary;
        colours.accent = system.accent;
      }
    }
    if (switching) {
      body.setAttribute("data-md-color-switching", "");
    }
    Object.keys(colours).forEach(function (key) {
      // Only real changes: setting an attribute to the value it has restyles nothing.
      if (colours[key] !== null && body.getAttribute("data-md-color-" + key) !== colours[key]) {
        body.setAttribute("data-md-color-" + key, colours[key]);
      }
    });
    inputs.forEach(function (input, position) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") {
        label.hidden = position !== index;
      }
    });
    try {
      if (window.__md_set) {
        window.__md_set("__palette", { index: index, color: colours });
      }
    } catch (error) {
      // Not saved: the choice lasts for this page only.
    }
    // Reading the header's style applies the new colours now, while transitions are off.
    var style = window.getComputedStyle(header);
    colourScheme.content = style.colorScheme;
    themeColour.content = hex(style.backgroundColor);
    if (switching) {
      window.setTimeout(function () {
        body.removeAttribute("data-md-color-switching");
      }, 0);
    }
  }

  inputs.forEach(function (input, position) {
    input.addEventListener("change", function () {
      apply(position, true);
    });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var next = inputs[(current + 1) % inputs.length];
      next.click();
      next.focus();
    }
  });
  var follow = function () {
    apply(current, true);
  };
  if (light.addEventListener) {
    light.addEventListener("change", follow);
  } else if (light.addListener) {
    light.addListener(follow);
  }

  apply(startingIndex(), false);
})();
