  /* index.js: reads the index that site/search/export.go writes (window.factsheetIndex). */
  /* ---- the index ---- */

  var X = null; // the decoded index, built on first use

  /* load decodes the index: per language (the index's own, then those of
     I.langs in a series whose factsheets differ in language, see
     site/search/series.go) its word → term map, its terms' postings and its
     stop words; each document's field norms from its length, the sum of its
     frequencies in its language's terms. */
  function load() {
    if (X) return X;
    var I = window.factsheetIndex;
    if (!I || I.v !== 2) return null;
    X = { I: I, P: I.params, ids: new Map(), norms: [], docsOf: null, urg: new Map() };
    /* the words filtering by urgency (site/search/query.go): in English
       "require(s)", "request(s)", "invite(s)" anywhere; the legend's, as
       " exige", only as the whole query */
    I.urgencies.forEach(function (u) { X.urg.set(" " + normalize(word(u)), u); I.lang || X.urg.set(u, u).set(u + "s", u); });
    var lens = I.fields.map(function () { return new Array(I.docs.length).fill(0); });
    /* per language J of the index (the index itself, then each of I.langs):
       the word → term map (words front-coded, see site/search/export.go; a
       word's term is its analysis alone, in J.lang, by its own script,
       window.factsheetAnalyzers[J.lang] (e.g. stem-fr.js), or English's,
       unless the index gives it after "="), each term's postings per field
       as [document, frequency] pairs (line i of J.post is the i-th term in
       order of first appearance among the words), the stop words */
    X.langs = [I].concat(I.langs || []).map(function (J, i) {
      var L = { i: i, an: J.lang && (window.factsheetAnalyzers || {})[J.lang], terms: new Map(), words: new Map(), surface: [], stop: new Set(J.stop.split(" ")) };
      var lines = J.post.split("\n"), prev = [];
      (J.words.match(/[A-Z][^A-Z]*/g) || []).forEach(function (e) {
        var eq = e.indexOf("="), w = prev.slice(0, e.charCodeAt(0) - 65).join("") + e.slice(1, eq < 0 ? e.length : eq);
        var t = eq >= 0 ? e.slice(eq + 1) : L.an ? L.an(w, L.stop) : stem(w);
        prev = Array.from(w);
        L.words.set(w, t);
        L.surface.push(w);
        if (!L.terms.has(t)) L.terms.set(t, postings(lines[L.terms.size], lens));
      });
      L.surface.sort(byCode);
      return L;
    });
    X.norms = lens.map(function (l) { return l.map(function (n) { return n ? Math.fround(1 / Math.sqrt(n)) : 0; }); });
    if (I.members) seriesDocs(X);
    X.I.docs.forEach(function (d, n) {
      if (d[0] !== 0) return;
      if (!X.ids.has(d[1])) X.ids.set(d[1], []);
      X.ids.get(d[1]).push(n);
    });
    return X;
  }
  /* seriesDocs expands the index of a series (site/search/series.go): its
     documents are shapes, shared by the factsheets listed in members; each
     factsheet gets its own copy of its shapes, numbered in factsheet order,
     with the factsheet's number at [5], its language's (in X.langs) at [6]
     and its folder before section addresses. docsOf[shape] lists the documents of a shape, for the
     postings, which term expands on first use. */
  function seriesDocs(x) {
    var S = x.I, docs = [], norms = S.fields.map(function () { return []; }), docsOf = S.docs.map(function () { return []; });
    S.members.forEach(function (runs, p) {
      for (var k = 0; k < runs.length; k += 2) {
        for (var sh = runs[k]; sh < runs[k] + runs[k + 1]; sh++) {
          var d = S.docs[sh].slice();
          if (d[0] === 1) d[2] = S.parties[p][0] + "/" + d[2];
          d[5] = p;
          d[6] = S.parties[p][2] || 0;
          docsOf[sh].push(docs.length);
          x.norms.forEach(function (l, f) { norms[f].push(l[sh]); });
          docs.push(d);
        }
      }
    });
    x.I = Object.assign({}, S, { docs: docs });
    x.norms = norms;
    x.docsOf = docsOf;
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
  /* term is the postings, df and total of a term of language L; in a
     series, the postings of shapes become those of their documents on first use. */
  function term(x, L, t) {
    var e = L.terms.get(t);
    if (!x.docsOf || !e || e.expanded) return e;
    var total = 0;
    e.post = e.post.map(function (list) {
      return [].concat.apply([], list.map(function (p) {
        return x.docsOf[p[0]].map(function (doc) { return [doc, p[1]]; });
      }));
    });
    e.df = e.post.map(function (list) { total += list.length; return list.length; });
    e.total = total;
    e.expanded = true;
    return e;
  }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

