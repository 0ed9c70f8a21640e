/* messages.js: the words of the scripts in the page's language, from
   window.factsheetMessages (assets/i18n/<lang>.js, written from the
   catalogue templates/i18n/<lang>.json, "js." keys without the prefix).
   window.factsheetI18n.t(key, args...) is a message, {1}, {2}, ... replaced
   by the arguments; plural(n, key) the key of its form for the count n
   (key.one or key.other); num(n) a count in the page's language. */
(function () {
  "use strict";
  function all() { return window.factsheetMessages || {}; }
  function t(key) {
    var s = all()[key], args = arguments;
    if (s === undefined) return "[" + key + "]";
    return s.replace(/\{([1-9])\}/g, function (_, i) { return String(args[+i]); });
  }
  function plural(n, key) {
    var one = (all()["plural.one"] || "1").split(" ");
    return key + (one.indexOf(String(n)) >= 0 ? ".one" : ".other");
  }
  function num(n) { return n.toLocaleString(document.documentElement.lang || undefined); }
  window.factsheetI18n = { t: t, plural: plural, num: num };
})();
