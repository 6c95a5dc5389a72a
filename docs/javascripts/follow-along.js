/* Follow-along mode for the routine page; how and why: README.md, "Follow-along mode". */
(() => {
  "use strict";
  const doc = document;
  const KEY = "bmg-follow-along";
  const HASH = /^#follow-along(?:\/(full|short)(?:\/(\d+))?)?$/;
  const home = doc.getElementById("follow-along");
  const steps = doc.getElementById("steps");
  if (!home || !window.HTMLDialogElement) return;

  const el = (tag, cls, text, props) => {
    const e = Object.assign(doc.createElement(tag), props);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  // Page text without permalinks, footnote marks or links.
  const plain = (node) => {
    const c = node.cloneNode(true);
    c.querySelectorAll(".headerlink, .footnote-ref, sup[id^='fnref']").forEach((x) => x.remove());
    c.querySelectorAll("a").forEach((a) => a.replaceWith(...a.childNodes));
    c.removeAttribute("id");
    return c;
  };
  const words = (node) => plain(node).textContent.replace(/\s+/g, " ").trim();
  // What follows a heading, up to the next of the same or a higher rank.
  const section = (h) => {
    const out = [];
    for (let n = h.nextElementSibling; n && !(/^H[1-6]$/.test(n.tagName) && n.tagName <= h.tagName); n = n.nextElementSibling) out.push(n);
    return out;
  };
  const item = (body, label) => {
    for (const li of body.filter((e) => e.tagName === "UL").flatMap((u) => [...u.children])) {
      const b = li.firstElementChild;
      if (b && b.tagName === "STRONG" && li.firstChild === b && words(b).replace(/:$/, "") === label) {
        const rest = plain(li);
        rest.firstElementChild.remove();
        return [words(b), rest.textContent.replace(/\s+/g, " ").trim()];
      }
    }
    return null;
  };

  const full = [...doc.querySelectorAll(".routine-step[id]")].map((h) => {
    const m = /^(\d+)\.\s+(.+)$/.exec(words(h)) || [];
    const body = section(h);
    const cue = body.find((e) => e.matches("p.cue"));
    const img = body.map((e) => (e.matches("img") ? e : e.querySelector("img"))).find(Boolean);
    return { id: h.id, n: m[1], name: m[2], title: words(h), min: +h.dataset.minutes, cue: cue && words(cue),
      pressure: item(body, "Pressure"), ask: item(body, "Ask"), img };
  });
  if (!full.length || !full.every((s) => s.name && s.cue && s.min > 0)) return;
  const short = (() => {
    const h = doc.getElementById("short-version");
    const ol = h && section(h).find((e) => e.tagName === "OL");
    const list = ol ? [...ol.children].map((li) => {
      const a = li.querySelector("a[href^='#step-']");
      const s = a && full.find((x) => "#" + x.id === a.getAttribute("href"));
      const m = /\bfor (\d+(?:\.\d+)?)?(½)? minutes?\b/.exec(words(li));
      const min = m && (+(m[1] || 0) + (m[2] ? 0.5 : 0));
      return s && min ? { ...s, min } : null;
    }) : [];
    return list.length && list.every(Boolean) ? list : null;
  })();
  const routes = { full: [full, words(steps || home)] };
  if (short) routes.short = [short, words(doc.getElementById("short-version"))];

  const settings = { sound: false, buzz: false, speak: false, auto: true };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY));
    for (const k in settings) if (saved && typeof saved[k] === "boolean") settings[k] = saved[k];
  } catch (e) { /* storage blocked: keep the defaults */ }
  const save = () => {
    try { localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* not kept */ }
  };

  let route = "full", at = 0, left = 0, total = 1, last = 0, running = false, ticker = 0, view = "";
  let opener = null, audio = null, lock = null, noted = false, swiped = false, sx = null, sy = 0, stopText = null;
  const list = () => routes[route][0];
  const minutes = (m) => `${m} ${m === 1 ? "minute" : "minutes"}`;
  const sum = (r) => routes[r][0].reduce((t, s) => t + s.min, 0);

  const dlg = el("dialog", "fa");
  dlg.setAttribute("aria-label", words(home.querySelector("h2, h3") || home) || "Follow along");
  const button = (label, act, cls) => {
    const b = el("button", "fa-btn" + (cls ? " " + cls : ""), label, { type: "button" });
    b.addEventListener("click", (e) => { unmute(); act(e); });
    return b;
  };
  const top = el("div", "fa-top");
  const pauseBtn = button("Pause", () => run(!running), "fa-pause");
  top.append(pauseBtn, button("Steps", () => menu(), "fa-steps"), button("Stop", () => stop(), "fa-stop"),
    button("Close", () => dlg.close()));
  const stage = el("div", "fa-stage", null, { tabIndex: 0 }); // it scrolls on small screens
  stage.setAttribute("role", "group");
  stage.setAttribute("aria-label", "Step");
  const foot = el("div", "fa-foot");
  const timer = el("div", "fa-timer");
  const clock = el("p", "fa-time");
  clock.setAttribute("role", "timer");
  const track = el("div", "fa-track");
  const fill = el("div", "fa-fill");
  track.append(fill);
  timer.append(clock, track);
  const prevBtn = button("‹ Back", () => move(-1), "fa-prev");
  const nextBtn = button("Next ›", () => move(1), "fa-next");
  prevBtn.setAttribute("aria-label", "Previous step");
  nextBtn.setAttribute("aria-label", "Next step");
  foot.append(timer, prevBtn, nextBtn);
  const live = el("p", "fa-sr");
  live.setAttribute("aria-live", "polite");
  dlg.append(top, stage, foot, live);
  doc.body.append(dlg);
  const say = (text) => { live.textContent = text; };
  const show = (name, nodes, focus) => {
    view = name;
    dlg.dataset.view = name;
    stage.replaceChildren(...nodes);
    stage.scrollTop = 0;
    if (focus) focus.focus();
  };
  const heading = (text, level) => Object.assign(typeof text === "string" ? el("h" + (level || 2), "", text) : text,
    { tabIndex: -1 });

  const unmute = () => { // sound may start only from a tap or a key
    const A = window.AudioContext || window.webkitAudioContext;
    if (settings.sound && !audio && A) audio = new A();
    if (audio && audio.state === "suspended") audio.resume();
  };
  const chime = () => { // two soft notes made here, no download
    const t = audio.currentTime;
    [659.3, 987.8].forEach((f, k) => {
      const o = audio.createOscillator(), g = audio.createGain(), s = t + k * 0.2;
      o.frequency.value = f;
      g.gain.setValueAtTime(0.0001, s);
      g.gain.exponentialRampToValueAtTime(0.2, s + 0.03);
      g.gain.exponentialRampToValueAtTime(0.0001, s + 1.4);
      o.connect(g);
      g.connect(audio.destination);
      o.start(s);
      o.stop(s + 1.5);
    });
  };
  const synth = window.speechSynthesis;
  let voice = null;
  const voices = () => { // on-device voices only: no words leave it
    const lang = (doc.documentElement.lang || "en").toLowerCase().slice(0, 2);
    voice = (synth ? synth.getVoices() : []).filter((v) => v.localService && v.lang.toLowerCase().startsWith(lang))
      .sort((a, b) => b.default - a.default)[0] || null;
  };
  if (synth) { voices(); synth.addEventListener("voiceschanged", voices); }
  const speak = (s) => {
    if (!settings.speak || !voice) return;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(`${s.name}. ${s.cue} ${s.ask ? s.ask[1] : ""}`);
    u.voice = voice;
    u.lang = voice.lang;
    synth.speak(u);
  };
  const awake = () => {
    if (!("wakeLock" in navigator && navigator.wakeLock)) {
      if (!noted) {
        noted = true;
        const p = el("p", "fa-note", "This browser cannot keep the screen on. Set your screen to stay on longer in your phone's settings.");
        stage.firstElementChild.prepend(p);
        say(p.textContent);
      }
      return;
    }
    if (lock || doc.hidden) return;
    lock = true;
    navigator.wakeLock.request("screen").then((s) => {
      if (lock !== true || !running || !dlg.open) { lock = lock === true ? null : lock; s.release(); return; }
      lock = s;
      s.addEventListener("release", () => { if (lock === s) lock = null; });
    }, () => { lock = null; });
  };
  const asleep = () => {
    if (lock && lock !== true) lock.release();
    lock = null;
  };

  const paint = () => {
    const s = Math.max(0, Math.ceil(left / 1000));
    clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` + (running ? "" : left > 0 ? " · Paused" : " · Time is up");
    fill.style.transform = `scaleX(${Math.min(1, 1 - left / total)})`;
  };
  const tick = () => {
    const now = Date.now();
    if (running && !doc.hidden) left -= now - last;
    last = now;
    if (left <= 0) up();
    else paint();
  };
  const run = (on) => {
    const was = running;
    running = on && left > 0;
    last = Date.now();
    clearInterval(ticker);
    if (running) { ticker = setInterval(tick, 250); awake(); } else asleep();
    pauseBtn.textContent = running ? "Pause" : "Resume";
    if (view === "step") { paint(); if (was && !running && left > 0) say("Paused."); }
  };
  const up = () => {
    left = 0;
    if (settings.sound && audio) chime();
    if (settings.buzz && navigator.vibrate) navigator.vibrate([200, 100, 200]);
    if (settings.auto && at < list().length - 1) return go(at + 1, "Time is up. ");
    run(false);
    say("Time is up.");
    if (settings.auto) done();
  };

  // The address keeps the place; while open, the page (Material's tracking) must not rewrite it.
  const replace = history.replaceState.bind(history);
  history.replaceState = (...args) => (dlg.open ? undefined : replace(...args));
  const place = () => replace(null, "", view === "step" ? `#follow-along/${route}/${at + 1}` : "#follow-along");
  const go = (i, prefix) => {
    const s = list()[i];
    at = i;
    left = total = s.min * 60000;
    const card = el("div", "fa-card");
    const count = `${i + 1} of ${list().length}`;
    card.append(el("p", "fa-count", route === "full" ? "Step " + count : count + " · " + routes.short[1]),
      heading(s.title), el("p", "fa-cue", s.cue));
    for (const pair of [s.pressure, s.ask]) {
      if (!pair) continue;
      const p = el("p", "fa-item");
      p.append(el("strong", "", pair[0]), " " + pair[1]);
      card.append(p);
    }
    if (s.img) card.append(el("img", "", null, { src: s.img.currentSrc || s.img.src, alt: s.img.alt }));
    show("step", [card]);
    prevBtn.setAttribute("aria-disabled", String(i === 0));
    say(`${prefix || ""}Step ${count}: ${s.name}. ${minutes(s.min)}.`);
    speak(s);
    run(running);
    place();
  };
  const move = (by) => {
    if (view !== "step") return;
    if (at + by >= list().length) return done();
    if (at + by >= 0) go(at + by);
  };
  const check = (label, key, when) => {
    if (when === false) return "";
    const l = el("label", "fa-check");
    const box = el("input", "", null, { type: "checkbox", checked: settings[key] });
    box.addEventListener("change", () => { settings[key] = box.checked; save(); unmute(); });
    l.append(box, " " + label);
    return l;
  };
  const menu = () => {
    const wasStep = view === "step";
    run(false);
    const form = el("div", "fa-menu");
    const pick = el("fieldset");
    pick.append(el("legend", "", "Which routine?"));
    for (const r in routes) {
      const l = el("label", "fa-check");
      const radio = el("input", "", null, { type: "radio", name: "fa-route", checked: r === route });
      radio.addEventListener("change", () => { route = r; at = 0; jumps(); });
      l.append(radio, ` ${routes[r][1]} (${minutes(sum(r))})`);
      pick.append(l);
    }
    const opts = el("fieldset");
    opts.append(el("legend", "", "Settings"), check("Chime when a step's time is up", "sound"),
      check("Buzz when a step's time is up", "buzz", "vibrate" in navigator),
      check("Read each step aloud", "speak", !!voice), check("Go on to the next step by itself", "auto"));
    const start = button(wasStep ? "Carry on" : "Start", () => { go(at); run(true); pauseBtn.focus(); }, "fa-go");
    const jump = el("ol", "fa-jump");
    const jumps = () => jump.replaceChildren(...list().map((s, i) => {
      const li = el("li");
      li.append(button(`${s.title} (${minutes(s.min)})`, () => { go(i); run(true); pauseBtn.focus(); }));
      return li;
    }));
    jumps();
    const title = heading(dlg.getAttribute("aria-label"));
    form.append(title, pick, start, opts, heading("Jump to a step", 3), jump);
    show("menu", [form], title);
    place();
  };
  const panel = (name, nodes, buttons) => {
    const box = el("div", "fa-menu");
    box.append(...nodes.map(plain));
    const h = box.querySelector("h1, h2, h3, h4") || heading("Stop", 2);
    if (!h.parentNode) box.prepend(h);
    heading(h);
    const row = el("p", "fa-row");
    row.append(...buttons);
    box.append(row);
    show(name, [box], h);
  };
  const safety = () => { // the stop signs, from this site's Safety page
    if (stopText) return stopText;
    const a = [...doc.querySelectorAll("article a[href*='#stop-signs']")].find((x) => x.origin === location.origin);
    stopText = !a ? Promise.resolve([]) : fetch(a.href.split("#")[0], { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        const h = new DOMParser().parseFromString(html, "text/html").getElementById("stop-signs");
        return h ? [h, ...section(h)] : [a];
      }, () => [a]);
    return stopText;
  };
  const stop = () => {
    run(false);
    const back = () => go(at);
    safety().then((nodes) => panel("stop", nodes, [button("Back to the step", back, "fa-go"), button("Close", () => dlg.close())]));
  };
  const done = () => {
    run(false);
    const h = doc.getElementById("afterwards");
    panel("done", h ? [h, ...section(h)] : [], [button("Start again", () => { at = 0; menu(); }, "fa-go"),
      button("Close", () => dlg.close())]);
  };

  const open = (r, n) => {
    if (!dlg.open) {
      opener = doc.activeElement;
      dlg.showModal();
      doc.documentElement.classList.add("fa-open");
      safety();
    }
    if (r && routes[r]) route = r;
    if (n && n <= list().length) go(n - 1);
    else menu();
  };
  dlg.addEventListener("close", () => {
    run(false);
    if (synth) synth.cancel();
    view = "";
    doc.documentElement.classList.remove("fa-open");
    replace(null, "", location.pathname + location.search);
    (opener && opener !== doc.body && opener.isConnected ? opener : entry).focus();
  });
  dlg.addEventListener("keydown", (e) => {
    if (e.key === "Tab") { // focus stays inside
      const all = [...dlg.querySelectorAll("button, input")].filter((b) => b.offsetParent);
      const edge = e.shiftKey ? all[0] : all[all.length - 1];
      if (doc.activeElement === edge || !dlg.contains(doc.activeElement)) {
        e.preventDefault();
        (e.shiftKey ? all[all.length - 1] : all[0]).focus();
      }
    }
    if (view !== "step" || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      move(e.key === "ArrowRight" ? 1 : -1);
    } else if (e.key === " " && !e.target.closest(".fa-top")) {
      e.preventDefault();
      unmute();
      run(!running);
    }
  });
  // Tap the left or right half to go back or on, or swipe.
  stage.addEventListener("pointerdown", (e) => { sx = e.clientX; sy = e.clientY; swiped = false; });
  stage.addEventListener("pointercancel", () => { sx = null; });
  stage.addEventListener("pointerup", (e) => {
    if (sx === null || view !== "step") return;
    const dx = e.clientX - sx, dy = e.clientY - sy;
    sx = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) { swiped = true; move(dx < 0 ? 1 : -1); }
  });
  stage.addEventListener("click", (e) => {
    if (view !== "step" || swiped || e.target.closest("button, input, label, a")) { swiped = false; return; }
    const box = stage.getBoundingClientRect();
    move(e.clientX < box.left + box.width / 2 ? -1 : 1);
  });
  doc.addEventListener("visibilitychange", () => { // hidden: the clock holds, the lock goes
    last = Date.now();
    if (doc.hidden) asleep();
    else if (running && dlg.open) awake();
  });

  const entry = button("Start follow-along mode", () => open(), "md-button md-button--primary fa-entry");
  const p = el("p", "fa-start");
  p.append(entry);
  (section(home).find((e) => e.tagName === "P") || home).after(p);
  // Opened by the address (home page, reload): after load, or the jump to the heading takes focus.
  const m = HASH.exec(location.hash);
  const resume = () => open(m[1], m[2] && +m[2]);
  if (m) doc.readyState === "complete" ? resume() : addEventListener("load", resume);
})();
