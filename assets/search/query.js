  /* query.js: parsing, expansion, ranking and snippets (Go side: site/search/query.go, search.go, terms.go, snippet.go). */
  /* ---- queries ---- */

  /* parse: as site/search's parseQuery, the legend's words filter by urgency
     only as the whole query ("exige"), English's wherever they stand. */
  function parse(q) {
    var x = load(), locs = spans(q), u = x.urg.get(" " + normalize(q.trim())), out = { ids: [], urg: u ? [u] : [], words: [], typing: false };
    if (u) return out;
    for (var i = 0; i < locs.length; i++) {
      var w = normalize(q.slice(locs[i][0], locs[i][1])), id = ident(x, q, locs, i, w);
      if (id) { addNew(out.ids, id[0]); i += id[1] - 1; continue; }
      if (x.urg.has(w)) { addNew(out.urg, x.urg.get(w)); continue; }
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
  /* spans: the [start, end] offsets of the words of a text. */
  function spans(s) {
    return Array.from(s.matchAll(WORD), function (m) { return [m.index, m.index + m[0].length]; });
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
      var t = term(x, c[0]), f = c[1], idf = 1 + Math.log(x.n / (t.df[f] + 1)), p = t.post[f];
      for (var i = 0; i < p.length; i += 2) {
        var d = p[i], s = c[2] * idf * idf * Math.sqrt(p[i + 1]) * x.norms[f][d];
        sum.set(d, (sum.get(d) || 0) + s);
        cnt.set(d, (cnt.get(d) || 0) + 1);
      }
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
    var I = x.I, rec = doc[0] === 0, party = doc[6] === undefined ? null : I.parties[doc[6]];
    var snip = snippet(x, unmark(I.texts[doc[4]], party && party[1]), matched);
    return {
      id: rec ? doc[1] : "", kind: rec ? "recommendation" : "section", title: doc[1],
      url: rec ? I.urls.recommendation.replace("{slug}", party ? party[0] : I.slug).replace("{}", doc[1].toLowerCase()) : doc[2],
      urgency: urg, chapter: I.chapters[doc[3]], party: party ? party[1] : "",
      snippet: snip.text, marks: snip.marks, score: score
    };
  }

  /* snippet: the run of words holding the most matched words, as site/search
     cuts it, with the offsets of the matched words. */
  function snippet(x, text, matched) {
    var locs = spans(text), P = x.P;
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


