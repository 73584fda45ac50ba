// Check-in form: tell the server the browser's time zone, so days and times follow the
// person's own clock until they choose a zone in their settings. Nothing else is sent.
(function () {
  "use strict";
  var field = document.querySelector('.heard-checkin input[name="tz"]');
  if (!field || !window.Intl) { return; }
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    field.value = "";
  }
})();
