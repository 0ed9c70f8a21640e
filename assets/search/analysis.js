  /* analysis.js: a word as bleve analyses it (Go side: site/search/analysis.go, terms.go). */
  /* ---- analysis, as bleve's analyzer of the factsheet's language does it ---- */

  function normalize(w) {
    w = w.toLowerCase().replace(/[’＇]/g, "'");
    return w.slice(-2) === "'s" ? w.slice(0, -2) : w;
  }
  /* termOf: the term language L gives a normalized word: the corpus's own
     for a word it holds, otherwise bleve's analysis of that language ("" for
     a stop word). */
  function termOf(L, n) {
    if (L.words.has(n)) return L.words.get(n);
    return L.an ? L.an(n, L.stop) : L.stop.has(n) ? "" : stem(n);
  }
  /* analyze: the term of a word as typed, in the index's (first) language. */
  function analyze(w) { return termOf(load().langs[0], normalize(w)); }
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

