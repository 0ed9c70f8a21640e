/* explorer.js: the filters of the list of recommendations.

   The page carries everything: each entry its facets (data-facets="urgency:require
   chapter:iv addressee:party article:25") and its number of identifiers
   (data-n); the form #explorer-form one fieldset per dimension (data-dim, its
   checkboxes named after it) and a words box. The script knows no dimension by
   name: a new filter is a new fieldset and new facets, written by
   site/render/dimensions.go.

   The view lives in the address, "?urgency=require,request&chapter=iv&q=helpline"
   (commas for several values), or, where data-state="hash" (the single-file
   edition), in the fragment after the list's anchor: "#recommendations?urgency=require".
   Opening such an address shows that view; changing a filter replaces the address.
   Without this script the whole list shows, with the stylesheet's urgency filter. */
(function () {
  "use strict";
  var I18N = window.factsheetI18n, M = I18N.t; // the page language's words (assets/messages.js)

  var form = document.getElementById("explorer-form");
  var scope = form && document.getElementById(form.getAttribute("data-scope"));
  if (!scope) return;
  var hashMode = form.getAttribute("data-state") === "hash";
  var title = document.getElementById("explorer-title");
  var status = document.getElementById("explorer-status");
  var none = document.getElementById("explorer-none");
  var words = form.querySelector("input[name=q]");
  var baseTitle = document.title;
  var baseHeading = title ? title.textContent : "";

  var dims = Array.prototype.map.call(form.querySelectorAll("fieldset[data-dim]"), function (fs) {
    return { key: fs.getAttribute("data-dim"), boxes: Array.prototype.slice.call(fs.querySelectorAll("input[type=checkbox]")) };
  });
  var entries = Array.prototype.map.call(scope.querySelectorAll("[data-facets]"), function (el) {
    var facets = {};
    el.getAttribute("data-facets").split(" ").forEach(function (tok) {
      var i = tok.indexOf(":");
      if (i > 0) (facets[tok.slice(0, i)] = facets[tok.slice(0, i)] || []).push(tok.slice(i + 1));
    });
    /* data-weights="status:implemented:1 status:not-recorded:3": identifiers of
       the entry with a value, where its identifiers differ (site/render/dimensions.go) */
    var weights = {};
    (el.getAttribute("data-weights") || "").split(" ").forEach(function (tok) {
      var p = tok.split(":");
      if (p.length === 3) (weights[p[0]] = weights[p[0]] || {})[p[1]] = Number(p[2]);
    });
    return { el: el, facets: facets, weights: weights, n: Number(el.getAttribute("data-n")) || 1, words: wordsOf(el.querySelector(".rec-text")) };
  });
  /* the identifiers of entry e with value v in dimension k */
  function weight(e, k, v) {
    var w = e.weights[k];
    return w && w[v] !== undefined ? w[v] : e.n;
  }
  /* the identifiers of e in the view: all, unless a weighted dimension is chosen */
  function inView(e, st) {
    var n = e.n;
    dims.forEach(function (d) {
      if (!e.weights[d.key] || !st[d.key].length) return;
      n = Math.min(n, st[d.key].reduce(function (s, v) { return s + ((e.facets[d.key] || []).indexOf(v) >= 0 ? weight(e, d.key, v) : 0); }, 0));
    });
    return n;
  }
  var groups = Array.prototype.slice.call(scope.querySelectorAll("[data-group]"));

  /* words: lower case, accents off; those of the recommendation's own text
     (the "text" of recommendations.json): no lead-in, no footnote number */
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function tokens(s) {
    return fold(s).match(/[\p{L}\p{N}]+/gu) || [];
  }
  function wordsOf(el) {
    if (!el) return [];
    var copy = el.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("sup, .lead-in"), function (s) { s.remove(); });
    return tokens(copy.textContent);
  }
  /* every word of the query begins some word of the entry */
  function hasWords(entry, query) {
    return query.every(function (q) {
      return entry.words.some(function (w) { return w.indexOf(q) === 0; });
    });
  }

  function chosen() {
    var st = {};
    dims.forEach(function (d) {
      st[d.key] = d.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    return st;
  }
  /* does the entry pass every dimension's choice but skip's? */
  function passes(entry, st, query, skip) {
    for (var i = 0; i < dims.length; i++) {
      var k = dims[i].key, want = st[k];
      if (k === skip || !want.length) continue;
      var has = entry.facets[k] || [];
      if (!want.some(function (v) { return has.indexOf(v) >= 0; })) return false;
    }
    return hasWords(entry, query);
  }

  function update(write) {
    var st = chosen(), query = tokens(words.value);
    var shown = 0;
    entries.forEach(function (e) {
      var ok = passes(e, st, query, null);
      e.el.hidden = !ok;
      if (ok) shown += inView(e, st);
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("[data-facets]:not([hidden])"); });
    if (none) none.hidden = shown > 0;
    dims.forEach(function (d) {
      d.boxes.forEach(function (b) {
        var n = 0;
        entries.forEach(function (e) {
          if ((e.facets[d.key] || []).indexOf(b.value) >= 0 && passes(e, st, query, d.key)) n += e.weights[d.key] ? weight(e, d.key, b.value) : inView(e, st);
        });
        b.parentNode.querySelector(".n").textContent = String(n);
      });
    });
    heading(st, shown);
    if (write) writeAddress(st);
  }

  function count(n) { return M(I18N.plural(n, "recommendations"), I18N.num(n)); }

  /* the heading follows the filter with the legend's words: "Lithuania, urgency “Require” or “Request”: 12 recommendations" */
  function heading(st, n) {
    var urgency = dims.filter(function (d) { return d.key === "urgency"; })[0];
    var said = urgency ? urgency.boxes.filter(function (b) { return b.checked; }).map(function (b) { return M("explorer.level", b.getAttribute("data-title")); }) : [];
    var text = baseHeading;
    if (said.length) {
      text = M("explorer.heading", title.getAttribute("data-party"), said.join(M("explorer.or")), count(n));
    } else if (filtered(st)) {
      text = M("explorer.filtered", baseHeading, count(n));
    }
    if (title) title.textContent = text;
    if (status) status.textContent = describe(st, n);
    document.title = text === baseHeading ? baseTitle : text + " · " + baseTitle;
  }
  function filtered(st) {
    return dims.some(function (d) { return st[d.key].length; }) || words.value.trim() !== "";
  }
  /* what the view shows, in words, for the screen and the printed page */
  function describe(st, n) {
    var parts = [];
    dims.forEach(function (d) {
      if (d.key === "urgency" || !st[d.key].length) return;
      var labels = d.boxes.filter(function (b) { return b.checked; }).map(function (b) {
        return b.parentNode.querySelector("span").textContent;
      });
      parts.push(M("explorer.facet", d.boxes[0].closest("fieldset").querySelector("legend").textContent, labels.join(", ")));
    });
    if (words.value.trim()) parts.push(M("explorer.words", words.value.trim()));
    var total = entries.reduce(function (s, e) { return s + e.n; }, 0);
    var head = n === total ? count(n) : M("explorer.some", I18N.num(n), I18N.num(total));
    if (parts.length) return head + " · " + parts.join(" · ");
    return n === total ? M("explorer.by-chapter", head) : head + ".";
  }

  /* the address: "urgency=require,request&chapter=iv&q=helpline" */
  function params(st) {
    var out = [];
    dims.forEach(function (d) {
      if (st[d.key].length) out.push(d.key + "=" + st[d.key].map(encodeURIComponent).join(","));
    });
    if (words.value.trim()) out.push("q=" + encodeURIComponent(words.value.trim()));
    return out.join("&");
  }
  function writeAddress(st) {
    var p = params(st), url;
    if (hashMode) {
      url = location.pathname + location.search + (p ? "#" + scope.id + "?" + p : "#" + scope.id);
    } else {
      url = location.pathname + (p ? "?" + p : "") + location.hash;
    }
    try {
      history.replaceState(history.state, "", url);
    } catch (err) {
      /* some browsers refuse to change a file:// address; the view still shows */
    }
  }
  function readAddress() {
    var raw = location.search.slice(1);
    if (hashMode) {
      var h = location.hash, at = h.indexOf("?");
      raw = at >= 0 && h.slice(1, at) === scope.id ? h.slice(at + 1) : "";
    }
    var got = {};
    raw.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) got[kv.slice(0, i)] = kv.slice(i + 1);
    });
    dims.forEach(function (d) {
      var want = (got[d.key] || "").split(",").map(function (v) {
        try { return decodeURIComponent(v); } catch (err) { return v; }
      });
      d.boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
    });
    var q = got.q || "";
    try { q = decodeURIComponent(q.replace(/\+/g, " ")); } catch (err) { /* keep it as written */ }
    words.value = q;
    return raw !== "";
  }

  form.addEventListener("change", function () { update(true); });
  words.addEventListener("input", function () { update(true); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); update(true); });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  window.addEventListener("hashchange", function () {
    if (hashMode && readAddress()) {
      update(false);
      scope.scrollIntoView();
    }
  });

  /* the filters' own counts replace the static ones and the no-script filter */
  ["nojs-filter", "explorer-totals"].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) el.hidden = true;
  });
  form.hidden = false;
  var fromAddress = readAddress();
  update(false);
  if (hashMode && fromAddress) scope.scrollIntoView();
})();
