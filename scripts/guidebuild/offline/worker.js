/*
 * Back Massage Guide: the service worker that keeps the whole guide readable with no signal.
 *
 * The build (scripts/guidebuild/offline/worker.py) writes this file to the site's root as sw.js,
 * with PRECACHE filled in: every file of that build, each with the SHA-256 of its content, and a
 * version made from all of them. Do not edit sw.js; edit this template.
 *
 * - Install: fetch every file, check each against its hash (the browser's `integrity` check)
 *   and keep it only if it is a same-origin 200 answer; a file an older cache holds with the same
 *   hash is copied instead of downloaded again. All or nothing: one failure and this version is
 *   not installed, so the version already in charge goes on serving.
 * - Activate: delete this site's older caches, then take over the open pages; they hear of it
 *   (offline.js tells the reader once that a newer version is ready).
 * - Pages: network first, with a short timeout, so a reader online gets the newest text; then
 *   the cache; then the cached 404 page. The network is asked with the kept copy's ETag, so an
 *   unchanged page costs a 304 answer instead of its full text. Everything else: the cache first, then the network.
 *   Nothing fetched at run time is stored, so one cache never mixes two builds.
 * - Requests to other hosts are left alone (the guide makes none).
 *
 * All addresses are relative to the worker's scope (the site's root folder), so the same file
 * works under /back-massage-guide/ and at the root of a fork.
 */
"use strict";

const PRECACHE = __PRECACHE__;

const PAGE_TIMEOUT_MS = 3000;
const SCOPE = self.registration.scope;
// One origin can hold several sites (user.github.io/a/ and /b/): name caches by scope too, and
// delete only our own.
const CACHE_PREFIX = "back-massage-guide:" + new URL(SCOPE).pathname + ":";
const CACHE_NAME = CACHE_PREFIX + PRECACHE.version;
const NOT_FOUND = new URL(PRECACHE.notFound, SCOPE).href;

function isCacheable(response) {
  // Same-origin ("basic"), complete (200) and not the end of a redirect: never opaque answers.
  return response.ok && response.status === 200 && response.type === "basic" && !response.redirected;
}

async function hasIntegrity(response, integrity) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return "sha256-" + btoa(String.fromCharCode(...digest)) === integrity;
}

// An update downloads only what changed: a file whose bytes an older cache of this site already
// holds (same address, same SHA-256) is copied from there.
async function fromOlderCache(url, integrity) {
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME);
  for (const name of names) {
    const old = await (await caches.open(name)).match(url);
    if (old && await hasIntegrity(old.clone(), integrity)) {
      return old;
    }
  }
  return null;
}

async function precache() {
  const responses = await Promise.all(PRECACHE.files.map(async (file) => {
    const url = new URL(file.url, SCOPE).href;
    const kept = await fromOlderCache(url, file.integrity);
    if (kept) {
      return [url, kept];
    }
    // `no-cache`: revalidate with the server, so the HTTP cache cannot hand back an older build.
    const response = await fetch(new Request(url, { cache: "no-cache", integrity: file.integrity }));
    if (!isCacheable(response)) {
      throw new Error("precache: " + url + " answered " + response.status + " " + response.type);
    }
    return [url, response];
  }));
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(
    () => self.skipWaiting(),
    async (error) => {
      await caches.delete(CACHE_NAME); // nothing half-filled is left behind
      throw error; // the install fails; the version in charge stays in charge
    }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

async function fromCache(request, options) {
  const cache = await caches.open(CACHE_NAME);
  return cache.match(request, options);
}

async function cachedPage(request) {
  const url = new URL(request.url);
  url.hash = "";
  url.search = ""; // search results link to pages with ?h=word
  let found = await fromCache(url.href);
  if (!found && !url.pathname.endsWith("/")) {
    found = await fromCache(url.href + "/");
  }
  if (!found && url.pathname.endsWith("/index.html")) {
    found = await fromCache(url.href.slice(0, -"index.html".length));
  }
  return found;
}

async function notFoundPage() {
  const page = await fromCache(NOT_FOUND);
  if (!page) {
    return Response.error();
  }
  return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
}

// The copy of a page kept at install is asked for by its ETag: when the host still has the same
// page it answers 304 Not Modified (a few hundred bytes, not the page) and the copy is shown;
// when the page has changed, the host sends the new text, which is shown instead.
function askIfChanged(request, cached) {
  const tag = cached && cached.headers.get("ETag");
  if (!tag) {
    return request;
  }
  const headers = new Headers(request.headers);
  headers.set("If-None-Match", tag);
  return new Request(request, { headers });
}

async function page(request) {
  const cached = await cachedPage(request);
  const network = fetch(askIfChanged(request, cached)).catch(() => null);
  const first = await Promise.race([network, timeout(PAGE_TIMEOUT_MS)]);
  if (first) {
    // Online: the host's answer, whatever its status (its own 404 too); 304 means "your copy is it".
    return first.status === 304 && cached ? cached : first;
  }
  if (cached) {
    return cached;
  }
  return (await network) || notFoundPage();
}

async function asset(request) {
  const cached = await fromCache(request);
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return; // not ours to answer
  }
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});

// offline.js asks whether this version is complete before it shows "Available offline".
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "status" || !event.ports[0]) {
    return;
  }
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    const stored = new Set((await cache.keys()).map((request) => request.url));
    event.ports[0].postMessage({
      version: PRECACHE.version,
      complete: PRECACHE.files.every((file) => stored.has(new URL(file.url, SCOPE).href)),
    });
  })());
});
