{% autoescape off %}/*
 * Heard's service worker: keeps the person's safety plan and the help page for when the
 * network is gone. Nothing else is ever cached (no other client data).
 *
 * Network first: every time one of these pages loads online, the fresh copy replaces the
 * saved one. Offline, the saved copy is served, marked with the time it was saved so the
 * page can say so. Signing out (or being signed out) deletes the saved copies.
 */
"use strict";

var CACHE = "heard-offline-v1";
var PAGES = {{ pages }};
var ASSETS = {{ assets }};
var SIGN_OUT = {{ sign_out }};
var SAVED_AT = "X-Heard-Saved-At";
var REFRESH_AFTER_MS = 10 * 60 * 1000;

function isPage(path) {
  return PAGES.indexOf(path) !== -1;
}

// A copy of a page response with the time it was saved.
function stamped(response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: headers,
    });
  });
}

function forget(path) {
  return caches.open(CACHE).then(function (cache) {
    return cache.delete(path);
  });
}

// Keep a good response; forget the saved page when the server says the person is signed
// out or may no longer see it.
function keep(path, response) {
  var page = isPage(path);
  if (page && (response.type === "opaqueredirect" || response.redirected ||
      response.status === 403 || response.status === 404)) {
    return forget(path);
  }
  if (!response.ok || response.redirected || response.type !== "basic") {
    return Promise.resolve();
  }
  var copy = page ? stamped(response.clone()) : Promise.resolve(response.clone());
  return copy.then(function (saved) {
    return caches.open(CACHE).then(function (cache) {
      return cache.put(path, saved);
    });
  });
}

function refresh(paths) {
  return Promise.all(paths.map(function (path) {
    return fetch(path, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return keep(path, response); })
      .catch(function () { return undefined; });
  }));
}

// Offline: the saved copy, with the time it was saved written into the page
// (data-offline-copy="" becomes data-offline-copy="<time>"; plan-offline.js shows a note).
function offlineCopy(path) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(path);
  }).then(function (saved) {
    if (!saved) {
      return Response.error();
    }
    if (!isPage(path)) {
      return saved;
    }
    var when = saved.headers.get(SAVED_AT) || "";
    return saved.text().then(function (html) {
      var headers = new Headers(saved.headers);
      headers.delete("Content-Length");
      return new Response(html.replace('data-offline-copy=""', 'data-offline-copy="' + when + '"'), {
        status: saved.status,
        statusText: saved.statusText,
        headers: headers,
      });
    });
  });
}

function networkFirst(event, path) {
  return fetch(event.request).then(function (response) {
    event.waitUntil(keep(path, response).catch(function () { return undefined; }));
    return response;
  }, function () {
    return offlineCopy(path);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(refresh(PAGES.concat(ASSETS)).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("heard-offline-") === 0 && name !== CACHE;
    }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (SIGN_OUT.indexOf(url.pathname) !== -1) {
    // Signing out, or the sign-in page: the saved plan must not stay on this device.
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== "GET" || (!isPage(url.pathname) && ASSETS.indexOf(url.pathname) === -1)) {
    return;
  }
  event.respondWith(networkFirst(event, url.pathname));
});

// plan-offline.js asks for a refresh when a page loads online, so a plan changed by the
// care team is saved here too, without the person opening it.
self.addEventListener("message", function (event) {
  if (event.data !== "refresh") {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(PAGES.map(function (path) {
      return cache.match(path).then(function (saved) {
        var when = saved ? Date.parse(saved.headers.get(SAVED_AT) || "") : 0;
        return Date.now() - (when || 0) > REFRESH_AFTER_MS ? path : null;
      });
    }));
  }).then(function (stale) {
    return refresh(stale.filter(Boolean));
  }));
});
{% endautoescape %}
