/* Projection of a module (atelier_tools/projection.py). Keys: ArrowRight, Space, PageDown: next
   screen; ArrowLeft, PageUp: previous; Home, End; R or Enter: show the answer; T: start or pause
   the activity's countdown; N: open the trainer's view. The URL hash keeps the screen number.
   The trainer's view (same page, « ?formateur ») follows the projection through postMessage
   (works from file://, the projection opens it) and BroadcastChannel (same origin, over http). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("projection-donnees").textContent);
  var screens = Array.prototype.slice.call(document.querySelectorAll(".proj-ecran"));
  var counter = document.querySelector(".proj-compteur");
  var aside = document.querySelector(".proj-formateur");
  var trainerMode = /[?&]formateur\b/.test(location.search);
  var key = "atelier-projection-" + data.module;
  var channel = ("BroadcastChannel" in window) ? new BroadcastChannel(key) : null;
  var trainerWin = null;
  var state = { n: 1, revealed: {}, timer: null, debut: null };

  function clamp(n) { return Math.max(1, Math.min(screens.length, n)); }
  function fromHash() { var n = parseInt(location.hash.replace("#", ""), 10); return isNaN(n) ? 1 : clamp(n); }
  function mmss(s) {
    var neg = s < 0; s = Math.abs(Math.round(s));
    var t = String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
    return neg ? "−" + t : t;
  }
  function timerSeconds() {
    var t = state.timer; if (!t) return null;
    var left = t.left - (t.running ? (Date.now() - t.since) / 1000 : 0);
    return Math.max(0, left);
  }

  // A message goes through both ways (postMessage and BroadcastChannel): each is handled once.
  var sent = 0, handled = {};
  var sender = Math.random().toString(36).slice(2);
  function send(msg) {
    msg.source = key; msg.id = sender + "-" + (++sent);
    if (trainerMode) {
      if (window.opener && !window.opener.closed) { try { window.opener.postMessage(msg, "*"); } catch (e) {} }
    } else if (trainerWin && !trainerWin.closed) { try { trainerWin.postMessage(msg, "*"); } catch (e) {} }
    if (channel) { try { channel.postMessage(msg); } catch (e) {} }
  }
  function publish() { if (!trainerMode) send({ type: "etat", etat: state }); }

  function renderScreen() {
    screens.forEach(function (s, i) {
      var on = i + 1 === state.n;
      s.hidden = !on;
      var revealed = !!state.revealed[i + 1];
      s.classList.toggle("proj-revele", revealed);
      var r = s.querySelector(".proj-reponse"); if (r) r.hidden = !revealed;
    });
    renderCounter();
    renderTimer();
  }
  function renderCounter() {
    var s = screens[state.n - 1];
    if (counter) counter.textContent = "Écran " + state.n + " sur " + screens.length + (s && !s.hidden && hiddenBelow(s) ? " · suite ↓" : "");
  }
  function renderTimer() {
    document.querySelectorAll(".proj-minuteur").forEach(function (box) {
      var total = parseInt(box.dataset.secondes, 10);
      var left = state.timer ? timerSeconds() : total;
      box.querySelector(".proj-minuteur-temps").textContent = mmss(left);
      var st = box.querySelector(".proj-minuteur-etat");
      if (left <= 0) { box.dataset.fini = "1"; st.textContent = "Temps écoulé"; }
      else { delete box.dataset.fini; st.textContent = state.timer && state.timer.running ? "En cours (T : pause)" : (state.timer ? "En pause (T : reprendre)" : "Minuteur arrêté : touche T pour lancer"); }
    });
  }

  function go(n, fromRemote) {
    n = clamp(n);
    state.n = n;
    if (!trainerMode && location.hash !== "#" + n) history.replaceState(null, "", "#" + n);
    renderScreen();
    var target = screens[n - 1];
    if (target && !trainerMode) {
      target.scrollTop = 0;  // once shown: a hidden element keeps its scroll position
      var a = document.activeElement;
      if (!a || a === document.body || !target.contains(a)) {
        target.dataset.focusAuto = "1"; target.focus({ preventScroll: true });
        target.addEventListener("blur", function () { delete target.dataset.focusAuto; }, { once: true });
      }
      renderCounter();
    }
    if (trainerMode) renderTrainer();
    if (!fromRemote) publish();
  }
  function reveal() {
    var s = screens[state.n - 1];
    if (!s || s.dataset.kind !== "question") return;
    state.revealed[state.n] = !state.revealed[state.n];
    renderScreen(); if (trainerMode) renderTrainer(); publish();
    var r = s.querySelector(".proj-reponse");
    if (state.revealed[state.n] && r && r.scrollIntoView) r.scrollIntoView({ block: "nearest" });
  }
  function toggleTimer() {
    var s = screens[state.n - 1], box = s && s.querySelector(".proj-minuteur");
    if (!box) return;
    if (!state.timer) state.timer = { left: parseInt(box.dataset.secondes, 10), running: false, since: 0 };
    var t = state.timer;
    if (t.running) { t.left = timerSeconds(); t.running = false; }
    else if (t.left > 0) { t.running = true; t.since = Date.now(); }
    renderTimer(); publish();
  }
  // A screen taller than the window (a long list at 1280×720): « next » first scrolls down to
  // what is not shown yet, « previous » back up, so a clicker reaches everything.
  function hiddenBelow(s) { return s.scrollTop + s.clientHeight < s.scrollHeight - 4; }
  function command(cmd) {
    var s = screens[state.n - 1];
    if (cmd === "suivant" && s && !trainerMode && hiddenBelow(s)) { s.scrollTop += Math.round(s.clientHeight * 0.8); renderCounter(); }
    else if (cmd === "precedent" && s && !trainerMode && s.scrollTop > 4) { s.scrollTop -= Math.round(s.clientHeight * 0.8); renderCounter(); }
    else if (cmd === "suivant") go(state.n + 1);
    else if (cmd === "precedent") go(state.n - 1);
    else if (cmd === "debut") go(1);
    else if (cmd === "fin") go(screens.length);
    else if (cmd === "reponse") reveal();
    else if (cmd === "minuteur") toggleTimer();
  }
  function openTrainer() {
    var url = location.href.split("#")[0].split("?")[0] + "?formateur#" + state.n;
    trainerWin = window.open(url, key + "-formateur", "popup,width=1000,height=760");
    setTimeout(publish, 400);
  }

  function keyCommand(ev) {
    var t = ev.target, tag = t && t.tagName ? t.tagName.toLowerCase() : "";
    var inControl = tag === "input" || tag === "select" || tag === "textarea" || tag === "button" || tag === "a";
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return null;
    switch (ev.key) {
      case "PageDown": return "suivant";
      case "PageUp": return "precedent";
      case "ArrowRight": case " ": case "Spacebar": return inControl ? null : "suivant";
      case "ArrowLeft": return inControl ? null : "precedent";
      case "Home": return inControl ? null : "debut";
      case "End": return inControl ? null : "fin";
      case "Enter": return inControl ? null : "reponse";
      case "r": case "R": return "reponse";
      case "t": case "T": return "minuteur";
      case "n": case "N": return trainerMode ? null : "formateur";
      case "Escape": if (inControl) { t.blur(); } return null;
    }
    return null;
  }
  document.addEventListener("keydown", function (ev) {
    var cmd = keyCommand(ev);
    if (!cmd) return;
    ev.preventDefault();
    if (cmd === "formateur") { openTrainer(); return; }
    if (trainerMode && window.opener && !window.opener.closed) { send({ type: "commande", commande: cmd }); return; }
    command(cmd);
  });

  function receive(msg) {
    if (!msg || msg.source !== key || handled[msg.id]) return;
    handled[msg.id] = true;
    if (msg.type === "etat" && trainerMode) {
      msg.etat.n = clamp(msg.etat.n);
      state = msg.etat; renderScreen(); renderTrainer();
    } else if (msg.type === "commande" && !trainerMode) {
      command(msg.commande);
    } else if (msg.type === "bonjour" && !trainerMode) {
      publish();
    }
  }
  window.addEventListener("message", function (ev) { receive(ev.data); });
  if (channel) channel.onmessage = function (ev) { receive(ev.data); };
  screens.forEach(function (s) { s.addEventListener("scroll", renderCounter); });
  window.addEventListener("hashchange", function () { if (!trainerMode) go(fromHash()); });

  // ------------------------------------------------------------------ trainer's view
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
  function renderTrainer() {
    if (!aside) return;
    var s = data.ecrans[state.n - 1] || {};
    aside.innerHTML = "";
    aside.appendChild(el("h1", "Vue formateur — écran " + state.n + " sur " + screens.length + " : " + (s.titre || "")));
    var time = el("p"); time.id = "proj-temps"; aside.appendChild(time); renderClock();
    var next = data.ecrans[state.n];
    aside.appendChild(el("p", next ? "Écran suivant : " + next.titre + " (" + next.type + ")" : "Dernier écran."));
    if (s.projeter) { aside.appendChild(el("h2", "À projeter")); aside.appendChild(el("p", s.projeter)); }
    if (s.note) { aside.appendChild(el("h2", "Note")); aside.appendChild(el("p", s.note)); }
    if (s.reponse) {
      aside.appendChild(el("h2", "Réponse : " + s.reponse + (state.revealed[state.n] ? " (affichée)" : " (pas encore affichée : R ou Entrée)")));
      aside.appendChild(el("p", s.explication));
      aside.appendChild(el("p", "Niveau : " + s.niveau + ". Source : " + s.source));
      aside.appendChild(el("h2", "Ce que révèle chaque réponse"));
      var ul = el("ul");
      s.retours.forEach(function (o) {
        var li = el("li", o.lettre + " — " + o.texte + " → " + o.retour, o.correct ? "proj-retour-correct" : "");
        ul.appendChild(li);
      });
      aside.appendChild(ul);
    }
    if (s.consignes) {
      aside.appendChild(el("h2", "Déroulé (minuteur : T)"));
      var ol = el("ol"); s.consignes.forEach(function (c) { ol.appendChild(el("li", c)); }); aside.appendChild(ol);
      aside.appendChild(el("p", "Équipes : " + s.equipes));
      if (s.materiel.length) { aside.appendChild(el("h2", "Matériel")); var m = el("ul"); s.materiel.forEach(function (c) { m.appendChild(el("li", c)); }); aside.appendChild(m); }
      if (s.notes.length) { aside.appendChild(el("h2", "Notes")); var u = el("ul"); s.notes.forEach(function (c) { u.appendChild(el("li", c)); }); aside.appendChild(u); }
    }
  }
  function renderClock() {
    var box = document.getElementById("proj-temps"); if (!box) return;
    var spent = state.debut ? (Date.now() - state.debut) / 1000 : 0;
    var left = data.minutes * 60 - spent;
    var txt = "Temps passé : " + mmss(spent) + " · reste " + mmss(left) + " sur " + data.duree + " de cours (catalogue)";
    var tl = timerSeconds(); if (tl !== null) txt += " · minuteur : " + mmss(tl) + (state.timer.running ? "" : " (en pause)");
    box.textContent = txt; box.className = "proj-temps";
  }

  // A figure's PNG is often smaller than the screen: it grows to half the screen's height (or
  // the screen's width), keeping its shape; so do the states a demo swaps in.
  function fit(img) {
    function size() {
      if (!img.naturalWidth || !img.naturalHeight) return;
      var r = img.naturalWidth / img.naturalHeight;
      img.style.width = "min(100%, " + (50 * r).toFixed(3) + "vh)"; img.style.maxHeight = "none";
    }
    if (img.complete) size(); else img.addEventListener("load", size, { once: true });
  }
  document.querySelectorAll(".proj-sortie img").forEach(fit);
  if ("MutationObserver" in window) {
    new MutationObserver(function (records) {
      records.forEach(function (r) { r.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        if (n.matches("img")) fit(n); n.querySelectorAll && n.querySelectorAll("img").forEach(fit);
      }); });
    }).observe(document.querySelector(".proj-principal"), { childList: true, subtree: true });
  }

  // ------------------------------------------------------------------ start
  if (trainerMode) {
    document.body.classList.add("proj-mode-formateur");
    aside.hidden = false;
    document.title = "Vue formateur — " + document.title;
    state.n = fromHash(); state.debut = Date.now();
    renderScreen(); renderTrainer();
    send({ type: "bonjour" });
    setInterval(function () { renderClock(); }, 1000);
  } else {
    var saved = null;
    try { saved = parseInt(sessionStorage.getItem(key + "-debut"), 10); } catch (e) {}
    state.debut = saved || Date.now();
    try { sessionStorage.setItem(key + "-debut", String(state.debut)); } catch (e) {}
    state.n = fromHash();
    go(state.n);
    setInterval(function () { if (state.timer && state.timer.running) { renderTimer(); if (timerSeconds() <= 0) { state.timer.left = 0; state.timer.running = false; renderTimer(); publish(); } } }, 250);
  }
})();
