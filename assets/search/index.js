  /* index.js: reads the index that site/search/export.go writes (window.factsheetIndex). */
  /* ---- the index ---- */

  var X = null; // the decoded index, built on first use

  /* load decodes the index. It ships the documents' texts, not their
     postings: each field's text is cut into words with TOKEN and each word,
     normalized, analysed as bleve does (its term from I.words where the
     index gives one), except the fields whose terms I.fix gives (see
     site/search/derive.go). That gives bleve's postings per term and field
     as lists [document, frequency, document, frequency, ...], document
     frequencies, each document's field norms from its length, and the
     word → term map of the corpus. */
  function load() {
    if (X) return X;
    var I = window.factsheetIndex;
    if (!I || I.v !== 3) return null;
    X = { I: I, P: I.params, terms: new Map(), words: new Map(), surface: [], ids: new Map(),
      stop: new Set(I.stop.split(" ")), norms: [], docsOf: null, urg: new Map() };
    /* the words filtering by urgency (site/search/query.go): in English
       "require(s)", "request(s)", "invite(s)" anywhere; the legend's, as
       " exige", only as the whole query */
    I.urgencies.forEach(function (u) { X.urg.set(" " + normalize(word(u)), u); I.lang || X.urg.set(u, u).set(u + "s", u); });
    var F = I.fields.length, fix = new Map(), party = [];
    I.words.split(" ").forEach(function (e) {
      var eq = e.indexOf("=");
      if (e) X.words.set(e.slice(0, eq < 0 ? e.length : eq), eq < 0 ? termOf(X, e) : e.slice(eq + 1));
    });
    (I.fix || []).forEach(function (f) { fix.set(f[0] * F + f[1], f[2].match(/\S+/g) || []); });
    if (I.members) eachMember(I, function (sh, p) { party[sh] = I.parties[p][1]; });
    var seen = new Map(); // chapter names, contexts and texts recur: each is analysed once
    X.norms = I.fields.map(function (_, f) {
      return I.docs.map(function (d, n) {
        var s = unmark(fieldText(I, d, I.fields[f][0]), party[n]), k = n * F + f;
        var tf = fix.has(k) ? freqs(X, fix.get(k)) : seen.get(s);
        if (!tf) seen.set(s, tf = freqs(X, fieldTerms(X, s)));
        tf.terms.forEach(function (e, i) { e.post[f].push(n, tf.k[i]); });
        return tf.norm;
      });
    });
    X.terms.forEach(counts);
    X.surface = Array.from(X.words.keys()).sort(byCode);
    if (I.members) seriesDocs(X);
    X.n = X.I.docs.length;
    X.I.docs.forEach(function (d, n) {
      if (d[0] !== 0) return;
      if (!X.ids.has(d[1])) X.ids.set(d[1], []);
      X.ids.get(d[1]).push(n);
    });
    return X;
  }
  /* fieldText is the text of a document's field, as site/search's fieldTexts
     gives it: a recommendation [0, id, urgency, chapter, text, context] has
     text, chapter and context, a section [1, title, url, chapter, text]
     heading, body and chapter. */
  function fieldText(I, d, name) {
    var rec = d[0] === 0;
    return name === "chapter" ? I.chapters[d[3]] : name === (rec ? "text" : "body") ? I.texts[d[4]] :
      name === "heading" && !rec ? d[1] : name === "context" && rec ? I.contexts[d[5]] : "";
  }
  /* fieldTerms: the terms of a text's words, bleve's stop words left out;
     each word giving a term becomes a word of the corpus. */
  function fieldTerms(x, s) {
    var out = [];
    (s.match(TOKEN) || []).forEach(function (m) {
      var w = normalize(m), t = termOf(x, w);
      if (t) { x.words.set(w, t); out.push(t); }
    });
    return out;
  }
  /* freqs: the distinct terms of a list (their entries in x.terms), how
     often each occurs, and the field norm of the list's length. */
  function freqs(x, ts) {
    var at = new Map(), out = { terms: [], k: [], norm: ts.length ? Math.fround(1 / Math.sqrt(ts.length)) : 0 };
    ts.forEach(function (t) {
      if (at.has(t)) { out.k[at.get(t)]++; return; }
      if (!x.terms.has(t)) x.terms.set(t, { post: x.I.fields.map(function () { return []; }) });
      at.set(t, out.terms.length);
      out.terms.push(x.terms.get(t));
      out.k.push(1);
    });
    return out;
  }
  /* unmark puts a Party's name back in a text of the series (see
     site/search/series.go's partyMark). */
  function unmark(s, party) { return party && s.indexOf("\u0001") >= 0 ? s.split("\u0001").join(party) : s; }
  /* counts sets a term's document frequencies per field, and their sum. */
  function counts(e) {
    e.df = e.post.map(function (list) { return list.length / 2; });
    e.total = e.df.reduce(function (a, b) { return a + b; }, 0);
  }
  /* eachMember calls fn(shape, factsheet) for the shapes of each factsheet
     of a series, in order (I.members lists them as runs [first, count]). */
  function eachMember(I, fn) {
    I.members.forEach(function (runs, p) {
      for (var k = 0; k < runs.length; k += 2) for (var sh = runs[k]; sh < runs[k] + runs[k + 1]; sh++) fn(sh, p);
    });
  }
  /* seriesDocs expands the index of a series (site/search/series.go): its
     documents are shapes, shared by the factsheets listed in members; each
     factsheet gets its own copy of its shapes, numbered in factsheet order,
     with the factsheet's number at [6] and its folder before section
     addresses. docsOf[shape] lists the documents of a shape, for the
     postings, which term expands on first use. */
  function seriesDocs(x) {
    var S = x.I, docs = [], norms = S.fields.map(function () { return []; }), docsOf = S.docs.map(function () { return []; });
    eachMember(S, function (sh, p) {
      var d = S.docs[sh].slice();
      if (d[0] === 1) d[2] = S.parties[p][0] + "/" + d[2];
      d[6] = p;
      docsOf[sh].push(docs.length);
      x.norms.forEach(function (l, f) { norms[f].push(l[sh]); });
      docs.push(d);
    });
    x.I = Object.assign({}, S, { docs: docs });
    x.norms = norms;
    x.docsOf = docsOf;
  }
  /* term is a term's postings, df and total; in a series, the postings of
     shapes become those of their documents on first use. */
  function term(x, t) {
    var e = x.terms.get(t);
    if (!x.docsOf || !e || e.expanded) return e;
    e.post = e.post.map(function (list) {
      var out = [];
      for (var i = 0; i < list.length; i += 2) x.docsOf[list[i]].forEach(function (doc) { out.push(doc, list[i + 1]); });
      return out;
    });
    counts(e);
    e.expanded = true;
    return e;
  }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
