/* Glossary links show their definition in place, on hover and on keyboard focus; the link
   still leads to the glossary. Definitions come from atelier-glossaire-data.js (written at
   build time from the glossary page; a long one is cut, "suite", and says where the rest is).
   Escape hides the definition. The bubble opens below the word, or above it when the screen
   has no room below. */
(function () {
  "use strict";
  var defs = window.ATELIER_GLOSSAIRE || {};
  var count = 0;
  var TOP_BAR = 64; /* height of the theme's fixed top bar, in CSS pixels */
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
    if (def.suite) {
      var more = document.createElement("em");
      more.className = "atelier-definition-suite";
      more.textContent = "La suite dans le glossaire\u00a0: cliquez sur le mot ou appuyez sur Entrée.";
      tip.appendChild(more);
    }
    link.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
    function show() {
      /* shown below the word, moved left when it would run off a narrow screen, above the word
         when it would run off the bottom of the screen and there is room above (below the
         theme's top bar) */
      tip.style.left = "0";
      tip.style.top = "";
      tip.style.bottom = "";
      tip.hidden = false;
      var box = tip.getBoundingClientRect();
      var over = box.right - (document.documentElement.clientWidth - 8);
      if (over > 0) tip.style.left = (-over) + "px";
      var word = link.getBoundingClientRect();
      if (box.bottom > window.innerHeight - 8 && word.top - box.height - 8 > TOP_BAR) {
        tip.style.top = "auto";
        tip.style.bottom = "calc(100% + .35em)";
      }
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
