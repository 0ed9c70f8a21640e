  /* index.js: reads the index that site/search/export.go writes (window.factsheetIndex). */
  /* ---- the index ---- */

  var X = null; // the decoded index, built on first use

  /* load decodes the index: the word → term map (words front-coded, see
     site/search/export.go; a word's term is its stem unless the index gives
     it after "="), each term's postings per field as
     [document, frequency] pairs (line i of I.post is the i-th term in order
     of first appearance among the words), document frequencies, and each
     document's field norms from its length, the sum of its frequencies. */
  function load() {
    if (X) return X;
    var I = window.factsheetIndex;
    if (!I || I.v !== 2) return null;
    X = { I: I, P: I.params, terms: new Map(), words: new Map(), surface: [], ids: new Map(),
      stop: new Set(I.stop.split(" ")), norms: [] };
    var lines = I.post.split("\n"), lens = I.fields.map(function () { return new Array(I.n).fill(0); }), prev = [];
    (I.words.match(/[A-Z][^A-Z]*/g) || []).forEach(function (e) {
      var eq = e.indexOf("="), w = prev.slice(0, e.charCodeAt(0) - 65).join("") + e.slice(1, eq < 0 ? e.length : eq);
      var t = eq < 0 ? stem(w) : e.slice(eq + 1);
      prev = Array.from(w);
      X.words.set(w, t);
      X.surface.push(w);
      if (!X.terms.has(t)) X.terms.set(t, postings(lines[X.terms.size], lens));
    });
    X.norms = lens.map(function (l) { return l.map(function (n) { return n ? Math.fround(1 / Math.sqrt(n)) : 0; }); });
    X.surface.sort(byCode);
    I.docs.forEach(function (d, n) { if (d[0] === 0) X.ids.set(d[1], n); });
    return X;
  }
  /* postings decodes one line of I.post, adding the frequencies to lens. */
  function postings(line, lens) {
    var post = [], df = [], total = 0, fields = line.split(";");
    for (var f = 0; f < lens.length; f++) {
      var list = [], d = 0;
      (fields[f] || "").split(" ").forEach(function (p) {
        if (!p) return;
        var c = p.indexOf(":"), n = c < 0 ? 1 : +p.slice(c + 1);
        d += +(c < 0 ? p : p.slice(0, c));
        list.push([d, n]);
        lens[f][d] += n;
      });
      post.push(list);
      df.push(list.length);
      total += list.length;
    }
    return { post: post, df: df, total: total };
  }
  function term(x, t) { return x.terms.get(t); }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

