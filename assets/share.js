// share.js: the "Copy link" and "Cite" buttons of recommendations, the page's
// address on paper, and the context above a recommendation opened by its
// anchor. No request, no storage: works from file://, over HTTP and under
// any sub-path.
(function () {
  "use strict";

  // addressOf is the absolute address a .share element stands for: the
  // published one when the site has a base URL, else its link resolved
  // against the page's own address.
  function addressOf(el) {
    return el.dataset.url || new URL(el.dataset.href, location.href).href;
  }

  // output returns the field (and its status line) that shows the copied
  // text after the buttons, made on first use.
  function output(el) {
    let box = el.nextElementSibling;
    if (box && box.classList.contains("share-out")) return box;
    box = document.createElement("span");
    box.className = "share-out";
    const id = "share-" + Math.random().toString(36).slice(2);
    const label = document.createElement("label");
    label.htmlFor = id;
    const field = document.createElement("textarea");
    field.id = id;
    field.readOnly = true;
    field.rows = 2;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    box.append(label, field, status);
    el.after(box);
    return box;
  }

  // copy puts text on the clipboard where the browser allows it; otherwise
  // it leaves the text selected in the field, for the reader to copy.
  async function copy(el, what) {
    const address = addressOf(el);
    const text = what === "cite" ? el.dataset.citation.replace("{url}", address) : address;
    const box = output(el);
    const [label, field, status] = box.children;
    const M = window.factsheetI18n.t; // the page language's words (assets/messages.js)
    label.textContent = what === "cite" ? M("share.citation") : M("share.link");
    field.value = text;
    field.style.height = "auto"; // as tall as its text (CSSOM, which the CSP allows)
    field.style.height = field.scrollHeight + 2 + "px";
    status.textContent = "";
    delete box.dataset.copied;
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      status.textContent = what === "cite" ? M("share.citation.copied") : M("share.link.copied");
      box.dataset.copied = "clipboard";
      return;
    } catch (e) {
      // no clipboard access (file://, permission refused): select the text
    }
    field.focus();
    field.select();
    box.dataset.copied = "selected";
    status.textContent = M("share.selected");
  }

  function setUpShare() {
    for (const el of document.querySelectorAll(".share[data-href]")) {
      el.hidden = false;
      for (const b of el.querySelectorAll("button[data-copy]")) {
        b.addEventListener("click", () => copy(el, b.dataset.copy));
      }
    }
  }

  // printAddress prints the address the page was opened at, when the site has
  // no base URL to give it.
  function printAddress() {
    for (const el of document.querySelectorAll(".print-address[data-address=relative]")) {
      el.textContent = location.href;
    }
  }

  // headingBefore finds the heading a block stands under, in its section.
  function headingBefore(el) {
    for (let n = el; n && !n.matches("main, section.part, article"); n = n.parentElement) {
      for (let p = n.previousElementSibling; p; p = p.previousElementSibling) {
        if (/^H[2-6]$/.test(p.tagName)) return p;
      }
    }
    return null;
  }

  // showContext scrolls a recommendation opened by its anchor so that the
  // heading it stands under shows above it, when both fit on the screen.
  function showContext() {
    const id = decodeURIComponent(location.hash.slice(1));
    let target = id.startsWith("rec-") && document.getElementById(id);
    if (!target) return;
    if (target.classList.contains("anchor")) target = target.parentElement;
    const heading = headingBefore(target);
    if (!heading) return;
    const top = heading.getBoundingClientRect().top + scrollY;
    if (target.getBoundingClientRect().top + scrollY - top < innerHeight * 0.5) scrollTo(0, Math.max(0, top - 8));
  }

  setUpShare();
  printAddress();
  if (document.readyState === "complete") showContext();
  else addEventListener("load", showContext);
  addEventListener("hashchange", showContext);
})();
