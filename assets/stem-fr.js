/* stem-fr.js: the analysis of bleve's French analyzer ("fr"), for the search
   of French factsheets: elision (bleve's analysis/lang/fr articles), then the
   stop words the index carries, then the French light stemmer (bleve's
   analysis/lang/fr/light_stemmer_fr.go, a port of Lucene's
   FrenchLightStemmer), quirks included. assets/search.js calls
   window.factsheetAnalyzers.fr(word, stop) on a word already lower-cased,
   with straight apostrophes; the browser tests check it against bleve on
   every word form of the French fixture. */
(function () {
  "use strict";

  var ARTICLES = new Set(["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]);
  var LETTER = /\p{L}/u;

  /* elide drops a leading article and its apostrophe ("l'enfant" → "enfant"):
     the first apostrophe whose prefix is an article. */
  function elide(w) {
    for (var i = 0; i < w.length; i++) {
      if ((w[i] === "'" || w[i] === "’") && ARTICLES.has(w.slice(0, i))) return w.slice(i + 1);
    }
    return w;
  }

  function ends(s, x) {
    var n = x.length;
    if (s.length < n) return false;
    for (var i = 0; i < n; i++) if (s[s.length - n + i] !== x[i]) return false;
    return true;
  }
  function cut(s, n) { return s.slice(0, s.length - n); }
  var FOLD = { "à": "a", "á": "a", "â": "a", "ô": "o", "è": "e", "é": "e", "ê": "e", "ù": "u", "û": "u", "î": "i", "ç": "c" };

  /* norm folds accents and squeezes doubled letters, as bleve does: the
     squeeze runs after each character is folded, so a letter following a
     squeezed one may keep its accent. */
  function norm(s) {
    var i, j, ch;
    if (s.length > 4) {
      for (i = 0; i < s.length; i++) {
        if (FOLD[s[i]]) s[i] = FOLD[s[i]];
        ch = s[0];
        for (j = 1; j < s.length; j++) {
          if (s[j] === ch && LETTER.test(ch)) { s.splice(j, 1); j--; } else { ch = s[j]; }
        }
      }
    }
    if (s.length > 4 && ends(s, "ie")) s = cut(s, 2);
    if (s.length > 4) {
      if (s[s.length - 1] === "r") s = cut(s, 1);
      if (s[s.length - 1] === "e") s = cut(s, 1);
      if (s[s.length - 1] === "e") s = cut(s, 1);
      if (s[s.length - 1] === s[s.length - 2] && LETTER.test(s[s.length - 1])) s = cut(s, 1);
    }
    return s;
  }

  /* set writes the characters of x over the end of s. */
  function set(s, x) {
    for (var i = 0; i < x.length; i++) s[s.length - x.length + i] = x[i];
    return s;
  }

  /* stem is bleve's stem(), rule by rule, on an array of characters. */
  function stem(s) {
    var n = s.length;
    if (n > 5 && s[n - 1] === "x") {
      if (s[n - 3] === "a" && s[n - 2] === "u" && s[n - 4] !== "e") s[n - 2] = "l";
      s = cut(s, 1); n = s.length;
    }
    if (n > 3 && s[n - 1] === "x") { s = cut(s, 1); n = s.length; }
    if (n > 3 && s[n - 1] === "s") { s = cut(s, 1); n = s.length; }
    if (n > 9 && ends(s, "issement")) return norm(set(cut(s, 6), "r"));
    if (n > 8 && ends(s, "issant")) return norm(set(cut(s, 4), "r"));
    if (n > 6 && ends(s, "ement")) {
      s = cut(s, 4); n = s.length;
      if (n > 3 && ends(s, "ive")) s = set(cut(s, 1), "f");
      return norm(s);
    }
    if (n > 11 && ends(s, "ficatrice")) return norm(set(cut(s, 5), "er"));
    if (n > 10 && ends(s, "ficateur")) return norm(set(cut(s, 4), "er"));
    if (n > 9 && ends(s, "catrice")) return norm(set(cut(s, 3), "quer"));
    if (n > 8 && ends(s, "cateur")) return norm(set(cut(s, 2), "quer"));
    if (n > 8 && ends(s, "atrice")) return norm(set(cut(s, 4), "er"));
    if (n > 7 && ends(s, "ateur")) return norm(set(cut(s, 3), "er"));
    if (n > 6 && ends(s, "trice")) { s = set(cut(s, 1), "eur"); n = s.length; }
    if (n > 5 && ends(s, "ième")) return norm(cut(s, 4));
    if (n > 7 && ends(s, "teuse")) return norm(set(cut(s, 2), "r"));
    if (n > 6 && ends(s, "teur")) return norm(set(cut(s, 1), "r"));
    if (n > 5 && ends(s, "euse")) return norm(cut(s, 2));
    if (n > 8 && ends(s, "ère")) { s = cut(s, 1); s[s.length - 2] = "e"; return norm(s); }
    if (n > 7 && ends(s, "ive")) return norm(set(cut(s, 1), "f"));
    if (n > 4 && (ends(s, "folle") || ends(s, "molle"))) return norm(set(cut(s, 2), "u"));
    if (n > 9 && ends(s, "nnelle")) return norm(cut(s, 5));
    if (n > 9 && ends(s, "nnel")) return norm(cut(s, 3));
    if (n > 4 && ends(s, "ète")) { s = cut(s, 1); s[s.length - 2] = "e"; n = s.length; }
    if (n > 8 && ends(s, "ique")) { s = cut(s, 4); n = s.length; }
    if (n > 8 && ends(s, "esse")) return norm(cut(s, 3));
    if (n > 7 && ends(s, "inage")) return norm(cut(s, 3));
    if (n > 9 && ends(s, "isation")) {
      s = cut(s, 7); n = s.length;
      if (n > 5 && ends(s, "ual")) s[n - 2] = "e";
      return norm(s);
    }
    if (n > 9 && ends(s, "isateur")) return norm(cut(s, 7));
    if (n > 8 && ends(s, "ation")) return norm(cut(s, 5));
    if (n > 8 && ends(s, "ition")) return norm(cut(s, 5));
    return norm(s);
  }

  function analyze(w, stop) {
    w = elide(w);
    if (stop && stop.has(w)) return "";
    return stem(Array.from(w)).join("");
  }

  var root = typeof window !== "undefined" ? window : globalThis;
  root.factsheetAnalyzers = root.factsheetAnalyzers || {};
  root.factsheetAnalyzers.fr = analyze;
})();
