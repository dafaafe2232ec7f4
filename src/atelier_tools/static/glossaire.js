/* Glossary links show their definition in place, on hover and on keyboard focus; the link
   still leads to the glossary. Definitions come from atelier-glossaire-data.js (written at
   build time from the glossary page). Escape hides the definition. */
(function () {
  "use strict";
  var defs = window.ATELIER_GLOSSAIRE || {};
  var count = 0;
  function setup(link) {
    var hash = (link.getAttribute("href") || "").split("#")[1];
    var def = hash && defs[hash];
    if (!def || link.dataset.definition) return;
    link.dataset.definition = "1";
    link.classList.add("atelier-terme");
    var tip = document.createElement("span");
    tip.className = "atelier-definition";
    tip.id = "atelier-definition-" + (++count);
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var title = document.createElement("strong");
    title.textContent = def.terme;
    tip.appendChild(title);
    tip.appendChild(document.createTextNode(def.definition));
    link.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
    function show() {
      /* shown below the word, moved left when it would run off a narrow screen */
      tip.style.left = "0";
      tip.hidden = false;
      var over = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (over > 0) tip.style.left = (-over) + "px";
    }
    function hide() { tip.hidden = true; }
    link.addEventListener("mouseenter", show);
    link.addEventListener("mouseleave", function () { if (document.activeElement !== link) hide(); });
    link.addEventListener("focus", show);
    link.addEventListener("blur", hide);
    link.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
  }
  function run() {
    document.querySelectorAll('a[href*="glossaire.html#term-"]').forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
