/*
 * Articles at /learn/<slug>/: show the Print button (hidden without JavaScript, where the
 * browser's own print command still works) and print the page when it is pressed.
 * No inline script anywhere (CSP).
 */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-heard-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
