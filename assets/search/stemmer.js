  /* stemmer.js: the Porter stemmer of bleve's English analysis (Go side: bleve itself, via site/search/analysis.go). */
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

