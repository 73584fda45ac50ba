/*
 * Heard: small page behaviours. Loaded with `defer` on every page; no inline script anywhere.
 *
 * Quick exit: the link with [data-quick-exit-url] (and the Escape key) replaces this page in
 * the browser history with a neutral site, so Back does not return here. Without JavaScript
 * the same element is a plain link to that site.
 */
(function () {
  "use strict";

  function quickExitLink() {
    return document.querySelector("[data-quick-exit-url]");
  }

  function leave(url) {
    // Hide the page at once, so nothing stays on screen while the neutral site loads.
    document.body.hidden = true;
    document.title = "";
    window.location.replace(url);
  }

  // True when Escape belongs to something else: an open dialog, a USWDS modal or a widget
  // that already handled the key (for example a combo box closing its list).
  function escapeIsTaken(event) {
    if (event.defaultPrevented || event.isComposing) {
      return true;
    }
    var target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("dialog[open], [role='dialog'], [role='alertdialog']")) {
      return true;
    }
    return document.querySelector("dialog[open], .usa-modal-wrapper.is-visible") !== null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var link = target ? target.closest("[data-quick-exit-url]") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    leave(link.getAttribute("data-quick-exit-url"));
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    var link = quickExitLink();
    if (!link || escapeIsTaken(event)) {
      return;
    }
    event.preventDefault();
    leave(link.getAttribute("data-quick-exit-url"));
  });

  // After htmx swaps in new content for a form marked [data-focus-after-swap="#id"], move
  // focus to that element (a heading with tabindex="-1"), so keyboard and screen reader users
  // land on what changed instead of on a control that no longer exists.
  document.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail && event.detail.requestConfig;
    var source = config && config.elt;
    var selector = source && source.getAttribute ? source.getAttribute("data-focus-after-swap") : null;
    var target = selector ? document.querySelector(selector) : null;
    if (target && target !== document.activeElement) {
      target.focus();
    }
  });

  // A page restored from the back/forward cache after a quick exit must not reappear.
  window.addEventListener("pageshow", function (event) {
    var link = quickExitLink();
    if (event.persisted && document.body.hidden && link) {
      window.location.replace(link.getAttribute("data-quick-exit-url"));
    }
  });
})();
