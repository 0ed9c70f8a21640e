  /* analysis.js: a word as bleve analyses it (Go side: site/search/analysis.go, terms.go). */
  /* ---- analysis, as bleve's analyzer of the factsheet's language does it ---- */

  function normalize(w) {
    w = w.toLowerCase().replace(/[’＇]/g, "'");
    return w.slice(-2) === "'s" ? w.slice(0, -2) : w;
  }
  /* own: the analysis of a language other than English, from its own script
     (window.factsheetAnalyzers[lang], e.g. stem-fr.js); the index names it. */
  function own(I) { return I.lang && (window.factsheetAnalyzers || {})[I.lang]; }
  /* termOf: the corpus's own term for a normalized word it holds; otherwise
     bleve's analysis of the factsheet's language ("" for a stop word). */
  function termOf(x, n) {
    var a = own(x.I);
    if (x.words.has(n)) return x.words.get(n);
    return a ? a(n, x.stop) : x.stop.has(n) ? "" : stem(n);
  }
  /* analyze: the term of a word as typed. */
  function analyze(w) { return termOf(load(), normalize(w)); }
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

