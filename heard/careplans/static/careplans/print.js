/*
 * Heard: the printable care plan. Shows the Print button (hidden until this runs, so
 * without JavaScript the page just says to use the browser's Print command). No inline
 * script anywhere.
 */
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-careplan-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
