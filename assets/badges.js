// badges.js: an urgency badge that the page's legend describes (its
// aria-describedby names an urgency of the legend) shows that description as
// its tooltip (style.css: .badge[data-tip]), set when the pointer or the focus
// first reaches it. The pages say each meaning once, in the legend, instead
// of in every badge; a badge without a description on its page keeps its own
// data-tip.
(function () {
  "use strict";

  function tip(e) {
    const badge = e.target instanceof Element ? e.target.closest(".badge[aria-describedby]") : null;
    if (!badge || badge.hasAttribute("data-tip")) return;
    const desc = document.getElementById(badge.getAttribute("aria-describedby"));
    if (desc) badge.setAttribute("data-tip", desc.textContent.replace(/\s+/g, " ").trim());
  }

  document.addEventListener("mouseover", tip);
  document.addEventListener("focusin", tip);
})();
