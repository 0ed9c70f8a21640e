/* search.js: the factsheet's search, answered in the page from the index that
   <slug>/search-index.js defines (window.factsheetIndex, written at build time
   from bleve by site/search), so it works from file://, over HTTP and under any
   sub-path. No framework, no eval, no inline style.

   API: window.factsheetSearch.search(query, {limit}) returns, best first,
   [{id, kind, title, url, urgency, chapter, party, snippet, marks}]: kind is
   "recommendation" or "section", url is relative to public/, marks are
   [start, end] offsets of the matched words in snippet, party is the
   factsheet's Party when the index is the series' (search-index.js at the
   root of the site: every factsheet, see seriesDocs), "" otherwise.
   window.factsheetSearch.analyze(word) is the term bleve makes of a word.

   Queries are taken apart and ranked exactly as site/search does it in Go (see
   its package comment): identifiers first, then documents with every word,
   then the others, by bleve's tf-idf score.

   The build joins assets/search/ into assets/search.js, in this order:
   intro.js (this), stemmer.js, index.js, analysis.js, query.js, ui.js. */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{M}\p{N}]+(?:['’＇][\p{L}\p{M}\p{N}]+)*/gu;
  var TOKEN = /(?:\p{L}(?:['’＇.:·]\p{L})+|\p{N}(?:[.,;'’＇]\p{N})+|[\p{L}\p{M}\p{N}_])+/gu;
  var ROMAN = /^(xv|xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)([0-9]{0,3})$/;
  var SEP = /^[ \-‐‑–—]*$/;

