// The visitor's ticket page: live status over Server-Sent Events (EventSource reconnects
// by itself, also after a server restart), a call noticed by sound, vibration and the
// tab's title, leaving the queue with a confirmation, and the rating after the visit.
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-data").textContent);
  var texts = page.texts;
  var last = page.status;
  var actionsKey = page.actions_key;
  var audio = null;
  var blink = null;
  document.body.dataset.alerts = "0";

  function $(id) { return document.getElementById(id); }
  function ended(s) { return s.status === "done" || s.status === "no_show" || s.status === "cancelled"; }
  function callKey(s) { return s.status === "called" ? s.called_at + "/" + s.recalls : ""; }

  // ---- noticing a call ----
  function unlockAudio() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) { return null; }
      if (!audio) { audio = new Ctx(); }
      if (audio.state === "suspended") { audio.resume(); }
    } catch (e) { audio = null; }
    return audio;
  }
  function beep() {
    var ctx = unlockAudio();
    if (!ctx) { return; }
    var t = ctx.currentTime;
    [0, 0.35, 0.7].forEach(function (offset, i) {
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = i === 2 ? 1046 : 880;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.5, t + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.32);
    });
  }
  function stopBlink() {
    if (blink) { clearInterval(blink); blink = null; document.title = page.title; }
  }
  function alertCall() {
    document.body.dataset.alerts = String(Number(document.body.dataset.alerts) + 1);
    beep();
    if (navigator.vibrate) { try { navigator.vibrate([400, 150, 400, 150, 800]); } catch (e) { /* not allowed */ } }
    stopBlink();
    var on = false;
    blink = setInterval(function () {
      on = !on;
      document.title = on ? "\uD83D\uDD14 " + page.title : page.title;
    }, 1000);
    setTimeout(stopBlink, 60000);
  }
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { stopBlink(); } });
  var sound = $("sound");
  if (sound) {
    sound.addEventListener("click", function () {
      if (unlockAudio()) { beep(); }
      sound.textContent = texts.sound_is_on;
      sound.setAttribute("aria-pressed", "true");
    });
  }
  // Any first touch unlocks the sound too (browsers allow it only after a gesture).
  document.addEventListener("pointerdown", unlockAudio, { once: true });

  // ---- live status ----
  function show(message) {
    $("live").innerHTML = message.live;
    if (message.actions_key !== actionsKey) {
      $("actions").innerHTML = message.actions;
      actionsKey = message.actions_key;
      bindActions();
    }
    page.title = message.title;
    if (!blink) { document.title = message.title; }
    var key = callKey(message.status);
    if (key && key !== callKey(last)) { alertCall(); }
    last = message.status;
    document.body.dataset.status = last.status;
  }
  var source = null;
  function connect() {
    if (!window.EventSource) { return; }
    source = new EventSource(page.events);
    source.addEventListener("status", function (e) {
      $("offline").hidden = true;
      show(JSON.parse(e.data));
      if (ended(last)) { source.close(); }
    });
    source.onerror = function () {
      // The browser reconnects by itself (the server asks for 2 s); say so meanwhile.
      if (!ended(last)) { $("offline").hidden = false; }
    };
  }
  document.body.dataset.status = last.status;
  if (!ended(last)) { connect(); }

  // ---- actions: leave, rate ----
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }
  function bindActions() {
    var leave = $("leave");
    var dialog = $("leave-dialog");
    if (leave && dialog) {
      leave.addEventListener("click", function () { dialog.showModal(); });
      dialog.addEventListener("close", function () {
        if (dialog.returnValue !== "yes") { leave.focus(); return; }
        var error = $("leave-error");
        post(page.leave).then(function (answer) {
          if (answer.status !== 200) { error.textContent = texts.error_other; return; }
          // The live stream shows the cancelled ticket; without it, load the page again.
          setTimeout(function () { if (last.status !== "cancelled") { location.reload(); } }, 3000);
        }, function () { error.textContent = texts.error_network; });
      });
    }
    var form = $("feedback");
    if (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var error = $("feedback-error");
        var chosen = form.querySelector("input[name=rating]:checked");
        if (!chosen) { error.textContent = texts.rate_choose; return; }
        var comment = $("comment").value.trim();
        var button = form.querySelector("button[type=submit]");
        button.disabled = true;
        post(page.feedback, { rating: Number(chosen.value), comment: comment || null }).then(function (answer) {
          button.disabled = false;
          if (answer.status === 201) {
            $("actions").innerHTML = '<p class="thanks" role="status">' + texts.rate_thanks + "</p>";
            actionsKey = "rated";
          } else if (answer.json && answer.json.error && answer.json.error.code === "already_rated") {
            error.textContent = texts.rate_already;
          } else if (answer.json && answer.json.error && answer.json.error.code === "feedback_closed") {
            error.textContent = texts.rate_closed;
          } else {
            error.textContent = texts.error_other;
          }
        }, function () { button.disabled = false; error.textContent = texts.error_network; });
      });
    }
  }
  bindActions();
}());
