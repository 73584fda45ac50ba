/*
 * Heard: the safety plan offline. Loaded with `defer` on every page a client sees (with
 * data-sw-url: it registers the service worker that keeps /me/safety-plan/ and /help-now/
 * for offline use) and on the plan pages (print button). No inline script anywhere.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var swUrl = script ? script.getAttribute("data-sw-url") : null;

  if (swUrl && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(swUrl, { scope: "/" }).then(function () {
      var worker = navigator.serviceWorker.controller;
      if (worker && navigator.onLine) {
        worker.postMessage("refresh");
      }
    }).catch(function () {
      // Offline copies are a help, never a requirement: the page works without them.
    });
  }

  // The rest runs once per page, however many times the file is included.
  if (document.documentElement.hasAttribute("data-heard-plan-ready")) {
    return;
  }
  document.documentElement.setAttribute("data-heard-plan-ready", "");

  // Served by the service worker from its saved copy: say so, and when it was saved.
  var note = document.querySelector("[data-offline-copy]");
  var saved = note ? note.getAttribute("data-offline-copy") : "";
  if (note && saved) {
    var time = note.querySelector("time");
    var when = new Date(saved);
    if (time && !isNaN(when.getTime())) {
      time.setAttribute("datetime", saved);
      time.textContent = when.toLocaleString(document.documentElement.lang || undefined, {
        dateStyle: "medium",
        timeStyle: "short",
      });
    }
    note.hidden = false;
  }

  var buttons = document.querySelectorAll("[data-heard-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
