/* search.js: the factsheet's search, answered in the page from the index that
   <slug>/search-index.js defines (window.factsheetIndex, written at build time
   from bleve by site/search), so it works from file://, over HTTP and under any
   sub-path. No framework, no eval, no inline style.

   API: window.factsheetSearch.search(query, {limit}) returns, best first,
   [{id, kind, title, url, urgency, chapter, party, snippet, marks}]: kind is
   "recommendation" or "section", url is relative to public/, marks are
   [start, end] offsets of the matched words in snippet, party is the
   factsheet's Party when the index is the series' (search-index.js at the
   root of the site: every factsheet, see seriesDocs), "" otherwise.
   window.factsheetSearch.analyze(word) is the term bleve makes of a word.

   Queries are taken apart and ranked exactly as site/search does it in Go (see
   its package comment): identifiers first, then documents with every word,
   then the others, by bleve's tf-idf score. */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{M}\p{N}]+(?:['’＇][\p{L}\p{M}\p{N}]+)*/gu;
  var ROMAN = /^(xv|xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)([0-9]{0,3})$/;
  var SEP = /^[ \-‐‑–—]*$/;
  var URGENCY = new Map([["require", "require"], ["requires", "require"], ["request", "request"],
    ["requests", "request"], ["invite", "invite"], ["invites", "invite"]]);

  /* ---- Porter stemmer: a port of github.com/blevesearch/go-porterstemmer,
     the stemmer of bleve's English analyzer, quirks included. ---- */

  function cons(s, i) {
    var c = s[i];
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
    if (c === "y") return i === 0 ? true : !cons(s, i - 1);
    return true;
  }
  function measure(s) {
    var n = s.length, m = 0, i = 0;
    if (!n) return 0;
    while (cons(s, i)) if (++i >= n) return 0;
    for (;;) {
      while (!cons(s, i)) if (++i >= n) return m;
      while (cons(s, i)) if (++i >= n) return m + 1;
      m++;
    }
  }
  function ends(s, x) {
    if (s.length <= x.length) return false;
    for (var i = 0; i < x.length; i++) if (s[s.length - x.length + i] !== x[i]) return false;
    return true;
  }
  function vowelIn(s) {
    for (var i = 0; i < s.length; i++) if (!cons(s, i)) return true;
    return false;
  }
  function doubleC(s) {
    var n = s.length;
    return n >= 2 && s[n - 1] === s[n - 2] && cons(s, n - 1);
  }
  function cvc(s) {
    var n = s.length;
    return n >= 3 && cons(s, n - 3) && !cons(s, n - 2) && cons(s, n - 1);
  }
  function cut(s, n) { return s.slice(0, s.length - n); }
  function setLast(s, c) { s = s.slice(); s[s.length - 1] = c; return s; }

  function step1a(s) {
    if (ends(s, "sses") || ends(s, "ies")) return cut(s, 2);
    if (ends(s, "ss")) return s;
    if (ends(s, "s")) return cut(s, 1);
    return s;
  }
  function step1b(s) {
    if (ends(s, "eed")) return measure(cut(s, 3)) > 0 ? cut(s, 1) : s;
    var suf = ends(s, "ed") ? 2 : ends(s, "ing") ? 3 : 0;
    if (!suf) return s;
    var sub = cut(s, suf);
    if (!vowelIn(sub)) return s;
    var c = sub[sub.length - 1];
    if (ends(sub, "at") || ends(sub, "bl") || ends(sub, "iz")) {
      return suf === 2 ? cut(s, 1) : setLast(cut(s, 2), "e");
    }
    if (c !== "l" && c !== "s" && c !== "z" && doubleC(sub)) return cut(sub, 1);
    if (measure(sub) === 1 && cvc(sub) && c !== "w" && c !== "x" && c !== "y") {
      return setLast(cut(s, suf - 1), "e");
    }
    return sub;
  }
  function step1c(s) {
    var n = s.length;
    if (n < 2) return s;
    if (s[n - 1] === "y" && vowelIn(s.slice(0, n - 1))) return setLast(s, "i");
    return s;
  }
  /* step 2 and 3 rules: [suffix, characters cut, replacement written at the new end] */
  var STEP2 = [["ational", 4, "e"], ["tional", 2, ""], ["enci", 0, "e"], ["anci", 0, "e"], ["izer", 1, ""],
    ["bli", 0, "e"], ["alli", 2, ""], ["entli", 2, ""], ["eli", 2, ""], ["ousli", 2, ""], ["ization", 4, "e"],
    ["ation", 2, "e"], ["ator", 1, "e"], ["alism", 3, ""], ["iveness", 4, ""], ["fulness", 4, ""],
    ["ousness", 4, ""], ["aliti", 3, ""], ["iviti", 2, "e"], ["biliti", 3, "le"], ["logi", 1, ""]];
  var STEP3 = [["icate", 3, ""], ["ative", 5, ""], ["alize", 3, ""], ["iciti", 3, ""], ["ical", 2, ""],
    ["ful", 3, ""], ["ness", 4, ""]];
  var STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize"];
  function rules(s, table) {
    for (var i = 0; i < table.length; i++) {
      var r = table[i];
      if (!ends(s, r[0])) continue;
      if (measure(cut(s, r[0].length)) <= 0) return s;
      var t = cut(s, r[1]);
      if (r[2]) t = t.slice(0, t.length - r[2].length).concat(r[2].split(""));
      return t;
    }
    return s;
  }
  function step4(s) {
    for (var i = 0; i < STEP4.length; i++) {
      var x = STEP4[i];
      if (!ends(s, x)) continue;
      var sub = cut(s, x.length), c = sub[sub.length - 1];
      if (measure(sub) > 1 && (x !== "ion" || c === "s" || c === "t")) return sub;
      return s;
    }
    return s;
  }
  function step5(s) {
    var n = s.length;
    if (n && s[n - 1] === "e") {
      var sub = cut(s, 1), m = measure(sub), c = sub[sub.length - 1];
      if (m > 1 || (m === 1 && !(cvc(sub) && c !== "w" && c !== "x" && c !== "y"))) s = sub;
    }
    n = s.length;
    if (n > 2 && s[n - 2] === "l" && s[n - 1] === "l" && measure(cut(s, 1)) > 1) s = cut(s, 1);
    return s;
  }
  function stem(word) {
    var s = Array.from(word);
    if (s.length <= 2) return word;
    s = step5(step4(rules(rules(step1c(step1b(step1a(s))), STEP2), STEP3)));
    return s.join("");
  }

  /* ---- the index ---- */

  var X = null; // the decoded index, built on first use

  function load() {
    if (X) return X;
    var I = window.factsheetIndex;
    if (!I || I.v !== 1) return null;
    var shapes = null;
    if (I.members) { shapes = seriesDocs(I); I = shapes.I; }
    X = { docsOf: shapes && shapes.docsOf, I: I, P: I.params, terms: new Map(), words: new Map(), surface: [], ids: new Map(),
      stop: new Set(I.stop.split(" ")), norms: [] };
    I.lens.forEach(function (lens, f) {
      X.norms[f] = lens.map(function (n) { return n ? Math.fround(1 / Math.sqrt(n)) : 0; });
    });
    I.terms.forEach(function (row) {
      var t = row[0];
      X.terms.set(t, row);
      row[1].split(",").forEach(function (w) {
        w = w[0] === "=" ? w.slice(1) : t + w;
        X.words.set(w, t);
        X.surface.push(w);
      });
    });
    X.surface.sort(byCode);
    I.docs.forEach(function (d, n) {
      if (d[0] !== 0) return;
      if (!X.ids.has(d[1])) X.ids.set(d[1], []);
      X.ids.get(d[1]).push(n);
    });
    return X;
  }
  /* seriesDocs expands the index of a series (site/search/series.go): its
     documents are shapes, shared by the factsheets listed in members; each
     factsheet gets its own copy of its shapes, numbered in factsheet order,
     with the factsheet's number at [5] and its folder before section
     addresses. docsOf[shape] lists the documents of a shape, for postings. */
  function seriesDocs(S) {
    var docs = [], lens = S.lens.map(function () { return []; }), docsOf = S.docs.map(function () { return []; });
    S.members.forEach(function (runs, p) {
      for (var k = 0; k < runs.length; k += 2) {
        for (var sh = runs[k]; sh < runs[k] + runs[k + 1]; sh++) {
          var d = S.docs[sh].slice();
          if (d[0] === 1) d[2] = S.parties[p][0] + "/" + d[2];
          d[5] = p;
          docsOf[sh].push(docs.length);
          S.lens.forEach(function (l, f) { lens[f].push(l[sh]); });
          docs.push(d);
        }
      }
    });
    return { I: Object.assign({}, S, { docs: docs, lens: lens }), docsOf: docsOf };
  }
  /* term decodes a term's postings on first use: per field, [document,
     frequency] pairs from deltas, a frequency above 1 following as a negative
     number; df is the number of documents per field. */
  function term(x, t) {
    var row = x.terms.get(t);
    if (!Array.isArray(row)) return row;
    var post = [], df = [], total = 0;
    for (var f = 0; f < x.I.fields.length; f++) {
      var p = row[2 + f] || [], list = [], d = 0;
      for (var k = 0; k < p.length; k++) {
        if (p[k] < 0) list[list.length - 1][1] = -p[k];
        else { d += p[k]; list.push([d, 1]); }
      }
      if (x.docsOf) list = [].concat.apply([], list.map(function (e) {
        return x.docsOf[e[0]].map(function (doc) { return [doc, e[1]]; });
      }));
      post.push(list);
      df.push(list.length);
      total += list.length;
    }
    row = { post: post, df: df, total: total };
    x.terms.set(t, row);
    return row;
  }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* ---- analysis, as bleve's English analyzer does it ---- */

  function normalize(w) {
    w = w.toLowerCase().replace(/[’＇]/g, "'");
    return w.slice(-2) === "'s" ? w.slice(0, -2) : w;
  }
  /* analyze: the corpus's own term for a word it holds; otherwise bleve's
     analysis of the factsheet's language: English here, another language
     from its own script (window.factsheetAnalyzers[lang], e.g. stem-fr.js). */
  function analyze(w) {
    var x = load(), n = normalize(w), own = x.I.lang && (window.factsheetAnalyzers || {})[x.I.lang];
    if (x.words.has(n)) return x.words.get(n);
    if (own) return own(n, x.stop);
    return x.stop.has(n) ? "" : stem(n);
  }
  function runes(s) { return Array.from(s).length; }

  /* withinOne: at most one insertion, deletion, substitution or swap. */
  function withinOne(a, b) {
    var x = Array.from(a), y = Array.from(b);
    if (x.length < y.length) { var t = x; x = y; y = t; }
    if (x.length - y.length > 1) return false;
    var i = 0;
    while (i < y.length && x[i] === y[i]) i++;
    if (i === y.length) return true;
    var rest = function (p, q) { return x.slice(p).join("") === y.slice(q).join(""); };
    if (x.length > y.length) return rest(i + 1, i);
    if (rest(i + 1, i + 1)) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2);
  }

  /* ---- queries ---- */

  function parse(q) {
    var x = load(), locs = [], m, out = { ids: [], urg: [], words: [], typing: false };
    WORD.lastIndex = 0;
    while ((m = WORD.exec(q))) locs.push([m.index, m.index + m[0].length]);
    for (var i = 0; i < locs.length; i++) {
      var w = normalize(q.slice(locs[i][0], locs[i][1])), id = ident(x, q, locs, i, w);
      if (id) { addNew(out.ids, id[0]); i += id[1] - 1; continue; }
      if (URGENCY.has(w)) { addNew(out.urg, URGENCY.get(w)); continue; }
      if (out.words.length === x.P.maxWords) break;
      out.words.push(w);
      out.typing = i === locs.length - 1 && locs[i][1] === q.length;
    }
    return out;
  }
  function ident(x, q, locs, i, w) {
    var m = ROMAN.exec(w);
    if (!m) return null;
    var digits = m[2], used = 1;
    if (!digits) {
      if (i + 1 >= locs.length || !SEP.test(q.slice(locs[i][1], locs[i + 1][0]))) return null;
      digits = q.slice(locs[i + 1][0], locs[i + 1][1]);
      used = 2;
    }
    if (!/^[0-9]{1,3}$/.test(digits)) return null;
    var id = m[1].toUpperCase() + "-" + parseInt(digits, 10);
    return x.ids.has(id) ? [id, used] : null;
  }
  function addNew(list, s) { if (list.indexOf(s) < 0) list.push(s); }

  /* clauses: the [term, field, boost] a word matches, or null for a stop word. */
  function clauses(x, w, typing) {
    var own = analyze(w), P = x.P, cands = new Map(), more, i, v;
    if (!own) return null;
    if (x.terms.has(own)) cands.set(own, 1);
    if (typing && runes(w) >= P.minPrefix) {
      more = [];
      for (i = lowerBound(x.surface, w); i < x.surface.length && x.surface[i].indexOf(w) === 0; i++) {
        v = x.surface[i];
        if (v !== w && x.words.get(v) !== own) more.push(x.words.get(v));
      }
      addCands(x, cands, more, P.prefixBoost);
    }
    if (!cands.size && runes(w) >= P.minFuzzy) {
      more = [];
      x.surface.forEach(function (v) { if (withinOne(w, v)) more.push(x.words.get(v)); });
      x.terms.forEach(function (_, t) { if (withinOne(own, t)) more.push(t); });
      addCands(x, cands, more, P.fuzzyBoost);
    }
    var out = [];
    Array.from(cands.keys()).sort(byCode).forEach(function (t) {
      term(x, t).df.forEach(function (df, f) {
        if (df > 0) out.push([t, f, cands.get(t) * x.I.fields[f][1]]);
      });
    });
    return out;
  }
  function lowerBound(a, s) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < s) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function addCands(x, cands, more, boost) {
    var seen = new Set(), uniq = [];
    more.forEach(function (t) { if (!cands.has(t) && !seen.has(t)) { seen.add(t); uniq.push(t); } });
    uniq.sort(function (a, b) { return term(x, b).total - term(x, a).total || byCode(a, b); });
    uniq.slice(0, x.P.maxExpansions).forEach(function (t) { cands.set(t, boost); });
  }

  /* wordScores: bleve's disjunction of the word's term queries, per document:
     the sum of boost·idf²·√tf·norm over matching clauses, times the share of
     clauses matching (bleve's coord); bleve's query norm is left out, the same
     for every document. */
  function wordScores(x, cl) {
    var sum = new Map(), cnt = new Map();
    cl.forEach(function (c) {
      var t = term(x, c[0]), f = c[1], idf = 1 + Math.log(x.I.n / (t.df[f] + 1));
      t.post[f].forEach(function (p) {
        var s = c[2] * idf * idf * Math.sqrt(p[1]) * x.norms[f][p[0]];
        sum.set(p[0], (sum.get(p[0]) || 0) + s);
        cnt.set(p[0], (cnt.get(p[0]) || 0) + 1);
      });
    });
    sum.forEach(function (s, d) { sum.set(d, s * cnt.get(d) / cl.length); });
    return sum;
  }

  function rank(tier) {
    var best = 0;
    tier.forEach(function (s) { if (s[1] > best) best = s[1]; });
    var key = function (s) { return best ? Math.round(s[1] / best * 1e6) : 0; };
    return tier.sort(function (a, b) { return key(b) - key(a) || a[0] - b[0]; });
  }

  /* ranked: every document the query finds, best first, as [doc, score, urgency],
     and the set of matched terms. */
  function ranked(x, query) {
    var q = parse(String(query)), ws = [], complete = true, matched = new Set(), tiers = [];
    tiers.push([].concat.apply([], q.ids.map(function (id) {
      return x.ids.get(id).map(function (d) { return [d, 1]; });
    })));
    q.words.forEach(function (w, i) {
      var cl = clauses(x, w, q.typing && i === q.words.length - 1);
      if (!cl) return;
      cl.forEach(function (c) { matched.add(c[0]); });
      if (!cl.length) { complete = false; return; }
      ws.push(wordScores(x, cl));
    });
    if (ws.length) {
      if (complete) {
        var all = [];
        ws[0].forEach(function (_, d) {
          var s = 0;
          for (var k = 0; k < ws.length; k++) { if (!ws[k].has(d)) return; s += ws[k].get(d); }
          all.push([d, s]);
        });
        tiers.push(all);
      }
      if (ws.length > 1 || !complete) {
        var some = new Map(), n = new Map();
        ws.forEach(function (m) {
          m.forEach(function (s, d) { some.set(d, (some.get(d) || 0) + s); n.set(d, (n.get(d) || 0) + 1); });
        });
        tiers.push(Array.from(some, function (e) { return [e[0], e[1] * n.get(e[0]) / ws.length]; }));
      }
    } else if (!q.ids.length && q.urg.length) {
      tiers.push(x.I.docs.map(function (_, d) { return [d, 1]; }));
    }
    var seen = new Set(), out = [];
    tiers.forEach(function (tier, t) {
      (t ? rank(tier) : tier).forEach(function (s) { // identifiers typed stay in order
        var d = s[0], doc = x.I.docs[d], urg = doc[0] === 0 ? x.I.urgencies[doc[2]] || "" : "";
        if (seen.has(d) || (t > 0 && q.urg.length && q.urg.indexOf(urg) < 0)) return;
        seen.add(d);
        out.push([d, s[1], urg]);
      });
    });
    return { list: out, matched: matched };
  }

  function search(query, opts) {
    var x = load(), limit = (opts && opts.limit) || 10;
    if (!x) return { hits: [], total: 0 };
    var r = ranked(x, query);
    return {
      hits: r.list.slice(0, limit).map(function (s) { return hit(x, x.I.docs[s[0]], s[2], s[1], r.matched); }),
      total: r.list.length
    };
  }

  function hit(x, doc, urg, score, matched) {
    var I = x.I, rec = doc[0] === 0, party = doc[5] === undefined ? null : I.parties[doc[5]];
    var text = I.texts[doc[4]];
    if (party) text = text.split("\u0001").join(party[1]); // the series' texts mark the Party's name
    var snip = snippet(x, text, matched);
    return {
      id: rec ? doc[1] : "", kind: rec ? "recommendation" : "section", title: doc[1],
      url: rec ? (party ? party[0] : I.slug) + "/recommendations/" + doc[1].toLowerCase() + ".html" : doc[2],
      urgency: urg, chapter: I.chapters[doc[3]], party: party ? party[1] : "",
      snippet: snip.text, marks: snip.marks, score: score
    };
  }

  /* snippet: the run of words holding the most matched words, as site/search
     cuts it, with the offsets of the matched words. */
  function snippet(x, text, matched) {
    var locs = [], m, P = x.P;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) locs.push([m.index, m.index + m[0].length]);
    var is = locs.map(function (l) { return matched.has(analyze(text.slice(l[0], l[1]))); });
    var from = 0, to = text.length;
    if (text.length > P.snippetShort && locs.length > P.snippetWords) {
      var best = -1, start = 0, c = 0, i;
      for (i = 0; i < locs.length; i++) {
        c += is[i] ? 1 : 0;
        if (i >= P.snippetWords) c -= is[i - P.snippetWords] ? 1 : 0;
        if (i >= P.snippetWords - 1 && c > best) { best = c; start = i - P.snippetWords + 1; }
      }
      var first = start, W = P.snippetWords;
      while (first < locs.length && !is[first]) first++;
      var s2 = Math.min(Math.max(first - P.snippetLead, 0), locs.length - W), c2 = 0;
      for (i = s2; i < s2 + W; i++) c2 += is[i] ? 1 : 0;
      if (best > 0 && c2 >= best) start = s2;
      from = start ? locs[start][0] : 0;
      to = locs[start + P.snippetWords - 1][1];
    }
    var pre = from > 0 ? "… " : "", out = { text: pre + text.slice(from, to) + (to < text.length ? " …" : ""), marks: [] };
    locs.forEach(function (l, i) {
      if (is[i] && l[0] >= from && l[1] <= to) out.marks.push([l[0] - from + pre.length, l[1] - from + pre.length]);
    });
    return out;
  }


  /* ---- the page: search box (WAI-ARIA combobox) and results page ---- */

  var single = false; // the single-file edition: results are entries of this page

  function href(url) {
    if (!single) return (document.body.dataset.root || "") + url;
    var m = /\/recommendations\/([^/]+)\.html$/.exec(url);
    if (m) return "#recommendation-" + m[1];
    m = /\/chapters\/([^/.]+)\.html(?:#(.*))?$/.exec(url);
    var ch = m && document.getElementById("chapter-" + m[1]);
    if (!ch) return "#top";
    if (m[2]) { // the heading, whose anchor may carry a suffix here ("specific-2")
      var hs = Array.from(ch.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]"));
      var h = hs.find(function (e) { return e.id === m[2]; }) ||
        hs.find(function (e) { return e.id.replace(/-[0-9]+$/, "") === m[2]; });
      if (h) return "#" + h.id;
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
    function update() {
      var q = input.value.trim();
      list.textContent = "";
      opts = [];
      active = -1;
      if (!q) { close(); status.textContent = ""; return; }
      var res = search(input.value, { limit: 8 }), hits = res.hits;
      hits.forEach(function (h, i) {
        var a = result(el("a", "sr-option"), h, "span");
        a.href = href(h.url);
        a.id = "site-search-option-" + i;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.tabIndex = -1;
        opts.push(a);
        list.appendChild(a);
      });
      if (!single) {
        var more = el("a", "sr-option sr-more", res.total ? M(plural(res.total, "all"), num(res.total)) : M("open-page"));
        more.href = form.action.split("?")[0] + "?q=" + encodeURIComponent(q);
        more.id = "site-search-option-" + hits.length;
        more.setAttribute("role", "option");
        more.setAttribute("aria-selected", "false");
        more.tabIndex = -1;
        opts.push(more);
        list.appendChild(more);
        var across = document.getElementById("site-search-all");
        if (across && across.getAttribute("href")) { // a factsheet's pages: the same query over every factsheet
          var all = el("a", "sr-option sr-more", across.textContent);
          all.href = across.getAttribute("href") + "?q=" + encodeURIComponent(q);
          all.id = "site-search-option-" + opts.length;
          all.setAttribute("role", "option");
          all.setAttribute("aria-selected", "false");
          all.tabIndex = -1;
          opts.push(all);
          list.appendChild(all);
        }
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
      a.href = href(h.url);
      result(a, h, "span");
      li.appendChild(a);
      ol.appendChild(li);
    });
    root.appendChild(ol);
  }

  window.factsheetSearch = {
    search: function (q, opts) { return search(q, opts).hits; },
    analyze: function (w) { return load() ? analyze(w) : ""; },
    stem: stem
  };
  function start() {
    single = document.body.dataset.edition === "single-file";
    page(box());
  }
  if (typeof document === "undefined") return; // loaded outside a page, e.g. by a benchmark
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
