  /* ui.js: the search box and the results page. */
  /* ---- the page: search box (WAI-ARIA combobox) and results page ---- */

  var single = false; // the single-file edition: results are entries of this page

  /* href is the address of a hit from this page: its page, or in the
     single-file edition its entry or its heading (addresses from the index's
     urls patterns, see site/urls). */
  function href(h) {
    if (!single) return (document.body.dataset.root || "") + h.url;
    var urls = window.factsheetIndex.urls, at = h.url.indexOf("#");
    if (h.id) return urls.entry.replace("{}", h.id.toLowerCase());
    var numeral = h.chapter.slice(0, h.chapter.indexOf(". ")).toLowerCase();
    var ch = document.getElementById(urls.chapter.replace("{}", numeral).slice(1));
    if (!ch) return "#top";
    var frag = at < 0 ? "" : h.url.slice(at + 1);
    if (frag) { // the heading, whose anchor may carry a suffix here ("specific-2")
      var hs = Array.from(ch.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]"));
      var e = hs.find(function (e) { return e.id === frag; }) ||
        hs.find(function (e) { return e.id.replace(/-[0-9]+$/, "") === frag; });
      if (e) return "#" + e.id;
    }
    return "#" + ch.id;
  }

  /* M, plural and num: the page language's words (assets/messages.js). */
  function M() { return window.factsheetI18n.t.apply(null, arguments); }
  function plural(n, key) { return window.factsheetI18n.plural(n, key); }
  function num(n) { return window.factsheetI18n.num(n); }
  /* word is the factsheet's own word for an urgency level, from its legend. */
  function word(u) {
    var d = document.getElementById("desc-" + u);
    return d && d.dataset.word ? d.dataset.word : u;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  /* result fills e with the parts of a hit: title, badge, chapter, snippet. */
  function result(e, h, headTag) {
    var head = el(headTag, "sr-title", h.kind === "recommendation" ? M("recommendation", h.id) : h.title);
    e.appendChild(head);
    if (h.urgency) {
      e.appendChild(document.createTextNode(" "));
      e.appendChild(el("span", "badge u-" + h.urgency, word(h.urgency)));
    }
    if (h.party) e.appendChild(el("span", "sr-party", h.party));
    if (h.chapter !== h.title) e.appendChild(el("span", "sr-chapter", h.chapter));
    var p = el("span", "sr-snippet"), at = 0;
    h.marks.forEach(function (m) {
      p.appendChild(document.createTextNode(h.snippet.slice(at, m[0])));
      p.appendChild(el("mark", "", h.snippet.slice(m[0], m[1])));
      at = m[1];
    });
    p.appendChild(document.createTextNode(h.snippet.slice(at)));
    e.appendChild(p);
    return e;
  }

  function count(n, total, q) {
    if (!n) return M("none", q);
    return n < total ? M("count.some", num(n), num(total), q) : M(plural(total, "count"), num(total), q);
  }

  function box() {
    var input = document.getElementById("site-search-input"), list = document.getElementById("site-search-results");
    if (!input || !list) return;
    var form = input.form, status = el("div", "sr-status"), active = -1, opts = [];
    status.setAttribute("role", "status");
    list.parentNode.insertBefore(status, list.nextSibling);
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", M("results"));
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("placeholder", M("placeholder"));

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function select(i) {
      if (active >= 0) opts[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
      opts[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", opts[i].id);
      opts[i].scrollIntoView({ block: "nearest" });
    }
    /* option adds a to the list of options, going to href. */
    function option(a, href) {
      a.href = href;
      a.id = "site-search-option-" + opts.length;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      opts.push(a);
      list.appendChild(a);
    }
    function update() {
      var q = input.value.trim();
      list.textContent = "";
      opts = [];
      active = -1;
      if (!q) { close(); status.textContent = ""; return; }
      var res = search(input.value, { limit: 8 }), hits = res.hits;
      hits.forEach(function (h) { option(result(el("a", "sr-option"), h, "span"), href(h)); });
      if (!single) {
        option(el("a", "sr-option sr-more", res.total ? M(plural(res.total, "all"), num(res.total)) : M("open-page")),
          form.action.split("?")[0] + "?q=" + encodeURIComponent(q));
        var across = document.getElementById("site-search-all");
        if (across && across.getAttribute("href")) // a factsheet's pages: the same query over every factsheet
          option(el("a", "sr-option sr-more", across.textContent), across.getAttribute("href") + "?q=" + encodeURIComponent(q));
      }
      list.hidden = !opts.length;
      input.setAttribute("aria-expanded", opts.length ? "true" : "false");
      status.textContent = count(hits.length, res.total, q);
    }
    function go(a) {
      close();
      if (single) { location.hash = a.getAttribute("href"); } else { location.href = a.href; }
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { load(); if (input.value.trim() && list.hidden) update(); });
    input.addEventListener("keydown", function (e) {
      var n = opts.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (list.hidden) { update(); if (!opts.length) return; n = opts.length; }
        select(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n : active) - 1);
      } else if (e.key === "Enter") {
        if (active >= 0) { e.preventDefault(); go(opts[active]); } else if (single) { e.preventDefault(); if (n) go(opts[0]); }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); } else if (input.value) { e.preventDefault(); input.value = ""; status.textContent = ""; }
      }
    });
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    list.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a");
      if (a && single) { e.preventDefault(); go(a); }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target) && !list.contains(e.target)) close(); });
    input.addEventListener("blur", function (e) {
      var to = e.relatedTarget;
      if (to !== input && !(to && list.contains(to))) close();
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); input.select(); }
    });
    return input;
  }

  function page(input) {
    var root = document.getElementById("search-page");
    if (!root) return;
    var q = new URLSearchParams(location.search).get("q") || "";
    if (input) input.value = q;
    var scope = document.getElementById("search-all");
    if (scope && q) scope.href = scope.getAttribute("href").split("?")[0] + "?q=" + encodeURIComponent(q);
    var hits = q.trim() ? search(q, { limit: Infinity }).hits : [];
    var head = el("h2", "sr-count", !load() ? M("no-index") :
      q.trim() ? count(hits.length, hits.length, q.trim()) : M("hint"));
    head.id = "search-count";
    root.appendChild(head);
    if (!hits.length) {
      var slug = document.body.dataset.slug;
      var p = el("p", ""), parts = M("try", "\u0000").split("\u0000");
      var a = el("a", "", slug ? M("try.link") : M("try.factsheets"));
      a.href = (document.body.dataset.root || "") + (slug ? slug + "/recommendations/index.html" : "index.html");
      p.appendChild(document.createTextNode(parts[0]));
      p.appendChild(a);
      p.appendChild(document.createTextNode(parts[1] || ""));
      root.appendChild(p);
      return;
    }
    var ol = el("ol", "sr-results");
    ol.setAttribute("aria-labelledby", head.id);
    hits.forEach(function (h) {
      var li = el("li", "sr-result" + (h.urgency ? " u-" + h.urgency : ""));
      var a = el("a", "sr-link");
      a.href = href(h);
      result(a, h, "span");
      li.appendChild(a);
      ol.appendChild(li);
    });
    root.appendChild(ol);
  }

  window.factsheetSearch = {
    search: function (q, opts) { return search(q, opts).hits; },
    analyze: function (w) { return load() ? analyze(w) : ""; }
  };
  function start() {
    single = document.body.dataset.edition === "single-file";
    page(box());
  }
  if (typeof document === "undefined") return; // loaded outside a page, e.g. by a benchmark
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
