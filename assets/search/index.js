  /* index.js: reads the index that site/search/export.go writes (window.factsheetIndex). */
  /* ---- the index ---- */

  var X = null; // the decoded index, built on first use

  function load() {
    if (X) return X;
    var I = window.factsheetIndex;
    if (!I || I.v !== 1) return null;
    X = { I: I, P: I.params, terms: new Map(), words: new Map(), surface: [], ids: new Map(),
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
    I.docs.forEach(function (d, n) { if (d[0] === 0) X.ids.set(d[1], n); });
    return X;
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
      post.push(list);
      df.push(list.length);
      total += list.length;
    }
    row = { post: post, df: df, total: total };
    x.terms.set(t, row);
    return row;
  }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

