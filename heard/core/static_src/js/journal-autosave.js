/*
 * Journal autosave: keeps the draft on the server a few seconds after typing stops, and when
 * the page is hidden or left. Loaded with `defer` on the journal edit page only.
 *
 * The form works without this file ("Save draft" and "Save entry" are plain submit buttons).
 * Nothing is kept in the browser: no localStorage or sessionStorage, so a shared device holds
 * no journal text. The server answers with a short status (inside an aria-live region) that
 * says when the draft was saved, or, when what was written sounds like a crisis, a calm note
 * that links to support. Autosave never moves the person to another page.
 */
(function () {
  "use strict";

  var DELAY_MS = 3000;

  var form = document.querySelector("form[data-journal-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector("[data-autosave-status]");
  var tokenField = form.querySelector("input[name='csrfmiddlewaretoken']");
  var timer = null;
  var dirty = false;
  var sending = false;
  var submitting = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function payload() {
    var data = new FormData(form);
    data.set("save", "draft");
    return data;
  }

  function send(options) {
    if (!dirty || submitting) {
      return;
    }
    if (sending && !(options && options.leaving)) {
      // One request at a time; try again once this one is done.
      schedule();
      return;
    }
    dirty = false;
    sending = true;
    var request = window.fetch(form.action, {
      method: "POST",
      body: payload(),
      credentials: "same-origin",
      // keepalive lets the last save finish while the page is being left.
      keepalive: Boolean(options && options.leaving),
      headers: {
        "HX-Request": "true",
        "X-CSRFToken": tokenField ? tokenField.value : ""
      }
    });
    request
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (status) {
          // The server's own escaped partial: the time saved, or a note with a support link.
          status.innerHTML = html;
        }
      })
      .catch(function () {
        dirty = true;
        say(form.getAttribute("data-autosave-failed") || "");
        if (!(options && options.leaving)) {
          schedule();
        }
      })
      .then(function () {
        sending = false;
      });
  }

  function schedule() {
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(send, DELAY_MS);
  }

  form.addEventListener("input", function () {
    dirty = true;
    schedule();
  });

  form.addEventListener("submit", function () {
    // A real save (or "Save draft") is on its way: no autosave may race it.
    submitting = true;
    if (timer) {
      window.clearTimeout(timer);
    }
  });

  function leaving() {
    if (timer) {
      window.clearTimeout(timer);
    }
    if (!dirty || submitting) {
      return;
    }
    // A beacon outlives the page. The CSRF token travels in the form data; the answer (a
    // whole page) is not needed.
    if (navigator.sendBeacon && navigator.sendBeacon(form.action, payload())) {
      dirty = false;
      return;
    }
    send({ leaving: true });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      leaving();
    }
  });
  window.addEventListener("pagehide", leaving);
})();
