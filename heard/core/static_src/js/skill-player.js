/*
 * Guided players on a skill's page. Loaded with `defer`; no inline script (CSP).
 *
 * Without JavaScript the players stay hidden and the steps list is the exercise. With it:
 *
 * Breathing pacer ([data-skill-player="breathing"]): Start/Pause, a total time (1, 2, 3 or
 * 5 minutes), a circle that grows on the in-breath and shrinks on the out-breath, and a
 * text label ("Breathe in… 4") in a polite live region that changes only when the phase
 * changes (never every second). With prefers-reduced-motion the circle is hidden and not
 * animated: the words and a progress bar remain.
 *
 * Step by step ([data-skill-player="steps"]): one step at a time from the steps list, with
 * Back and Next, "Step 2 of 5", focus on the step heading, and the Stop button or End to
 * stop. Escape is never taken: it stays the Quick exit key everywhere, because someone may
 * need to leave the page at once.
 *
 * Words come from data- attributes that the template translated.
 */
(function () {
  "use strict";

  var TICK_MS = 200;

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function clock(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // --- Breathing pacer ----------------------------------------------------------------------

  function breathingPacer(root) {
    var data = root.dataset;
    var names = ["in", "hold", "out", "rest"];
    var pattern = (data.pattern || "4,0,4,0").split(",").map(function (n) {
      return parseInt(n, 10) || 0;
    });
    var phases = [];
    names.forEach(function (name, i) {
      if (pattern[i] > 0) {
        phases.push({ name: name, ms: pattern[i] * 1000 });
      }
    });
    if (!phases.length) {
      return;
    }
    var cycleMs = phases.reduce(function (sum, p) { return sum + p.ms; }, 0);
    var labels = { in: data.phaseIn, hold: data.phaseHold, out: data.phaseOut, rest: data.phaseRest };

    var circle = root.querySelector("[data-pacer-circle]");
    var count = root.querySelector("[data-pacer-count]");
    var phaseText = root.querySelector("[data-pacer-phase]");
    var progress = root.querySelector("[data-pacer-progress]");
    var left = root.querySelector("[data-pacer-left]");
    var toggle = root.querySelector("[data-pacer-toggle]");
    var stop = root.querySelector("[data-pacer-stop]");

    var timer = null;
    var elapsed = 0;
    var last = 0;
    var current = -1; // phase number since the start (cycle * phases + index)
    var finished = false;

    function totalMs() {
      var chosen = root.querySelector('input[name="pacer_minutes"]:checked');
      return (chosen ? parseInt(chosen.value, 10) : 3) * 60 * 1000;
    }

    function say(text) {
      if (phaseText.textContent !== text) {
        phaseText.textContent = text;
      }
    }

    function shape(phase, remainingMs) {
      if (reducedMotion()) {
        return;
      }
      circle.style.removeProperty("transform");
      circle.style.setProperty("--heard-phase", Math.max(remainingMs, 100) / 1000 + "s");
      if (phase.name === "in") {
        circle.classList.add("is-full");
      } else if (phase.name === "out") {
        circle.classList.remove("is-full");
      }
    }

    function where(ms) {
      var cycle = Math.floor(ms / cycleMs);
      var pos = ms - cycle * cycleMs;
      for (var i = 0; i < phases.length; i += 1) {
        if (pos < phases[i].ms) {
          return { number: cycle * phases.length + i, phase: phases[i], remaining: phases[i].ms - pos };
        }
        pos -= phases[i].ms;
      }
      return { number: (cycle + 1) * phases.length, phase: phases[0], remaining: phases[0].ms };
    }

    function show(force) {
      var total = totalMs();
      var at = where(elapsed);
      if (at.number !== current || force) {
        current = at.number;
        // The live region hears one line per phase: "Breathe in… 4".
        say(labels[at.phase.name] + "\u2026 " + Math.round(at.phase.ms / 1000));
        shape(at.phase, at.remaining);
      }
      count.textContent = String(Math.ceil(at.remaining / 1000));
      progress.value = Math.min(100, Math.round((elapsed / total) * 100));
      left.textContent = fill(data.textLeft || "{time}", { time: clock(total - elapsed) });
    }

    function tick() {
      var now = Date.now();
      elapsed += now - last;
      last = now;
      if (elapsed >= totalMs()) {
        finish();
        return;
      }
      show(false);
    }

    function halt() {
      if (timer !== null) {
        window.clearInterval(timer);
        timer = null;
      }
    }

    function freeze() {
      // Hold the circle where it is while paused.
      if (!reducedMotion()) {
        circle.style.setProperty("--heard-phase", "0s");
        circle.style.transform = window.getComputedStyle(circle).transform;
      }
    }

    function run() {
      if (finished) {
        elapsed = 0;
        finished = false;
      }
      last = Date.now();
      current = -1;
      show(true);
      timer = window.setInterval(tick, TICK_MS);
      toggle.textContent = data.labelPause;
      stop.hidden = false;
    }

    function pause() {
      halt();
      freeze();
      say(data.textPaused);
      toggle.textContent = data.labelResume;
    }

    function reset(text) {
      halt();
      circle.style.removeProperty("transform");
      circle.style.setProperty("--heard-phase", "1s");
      circle.classList.remove("is-full");
      count.textContent = "";
      toggle.textContent = data.labelAgain;
      stop.hidden = true;
      say(text);
    }

    function finish() {
      elapsed = totalMs();
      finished = true;
      progress.value = 100;
      left.textContent = "";
      reset(data.textDone);
    }

    toggle.addEventListener("click", function () {
      if (timer !== null) {
        pause();
      } else {
        run();
      }
    });
    stop.addEventListener("click", function () {
      elapsed = 0;
      finished = false;
      progress.value = 0;
      left.textContent = "";
      reset(data.textStopped);
      toggle.focus();
    });
    root.hidden = false;
  }

  // --- Step by step ---------------------------------------------------------------------------

  function stepPlayer(root) {
    var data = root.dataset;
    var list = document.getElementById(data.stepsFrom || "");
    if (!list) {
      return;
    }
    var steps = Array.prototype.map.call(list.querySelectorAll("li"), function (li) {
      return li.textContent.trim();
    });
    if (!steps.length) {
      return;
    }
    var intro = root.querySelector("[data-stepper-intro]");
    var start = root.querySelector("[data-stepper-start]");
    var stage = root.querySelector("[data-stepper-stage]");
    var heading = root.querySelector("[data-stepper-heading]");
    var text = root.querySelector("[data-stepper-text]");
    var back = root.querySelector("[data-stepper-back]");
    var next = root.querySelector("[data-stepper-next]");
    var stopButton = root.querySelector("[data-stepper-stop]");
    var done = root.querySelector("[data-stepper-done]");
    var index = 0;

    function render() {
      heading.textContent = fill(data.textStep, { n: index + 1, total: steps.length });
      text.textContent = steps[index];
      back.hidden = index === 0;
      next.textContent = index === steps.length - 1 ? data.labelFinish : data.labelNext;
      heading.focus();
    }

    function begin() {
      index = 0;
      intro.hidden = true;
      start.hidden = true;
      done.hidden = true;
      stage.hidden = false;
      render();
    }

    function stop() {
      stage.hidden = true;
      intro.hidden = false;
      start.hidden = false;
      start.focus();
    }

    function finish() {
      stage.hidden = true;
      start.hidden = false;
      done.hidden = false;
      done.focus();
    }

    start.addEventListener("click", begin);
    back.addEventListener("click", function () {
      if (index > 0) {
        index -= 1;
        render();
      }
    });
    next.addEventListener("click", function () {
      if (index >= steps.length - 1) {
        finish();
      } else {
        index += 1;
        render();
      }
    });
    stopButton.addEventListener("click", stop);
    root.addEventListener("keydown", function (event) {
      if (stage.hidden || event.isComposing) {
        return;
      }
      if (event.key === "End") {
        event.preventDefault();
        stop();
      }
    });
    root.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-skill-player]"), function (root) {
    if (root.getAttribute("data-skill-player") === "breathing") {
      breathingPacer(root);
    } else if (root.getAttribute("data-skill-player") === "steps") {
      stepPlayer(root);
    }
  });
})();
