package search

import (
	"strings"
)

// apostrophes makes typographic apostrophes straight.
var apostrophes = strings.NewReplacer("’", "'", "＇", "'")

// normalizeWord turns a word as typed or printed into the surface form the
// word → term map is keyed by: lower case, typographic apostrophes made
// straight, a possessive "'s" removed (as bleve's possessive filter does).
func normalizeWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, '’') || strings.ContainsRune(w, '＇') {
		w = apostrophes.Replace(w)
	}
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	return w
}

// analyzeWord returns the term bleve's analysis of the language makes of
// one query word, or "" for a stop word.
func (l language) analyzeWord(w string) string {
	an, err := l.analyzer()
	if err != nil {
		return ""
	}
	toks := an.Analyze([]byte(w))
	if len(toks) == 0 {
		return ""
	}
	return string(toks[0].Term)
}

// Words returns the words of the indexed text, normalized and sorted: the keys
// of the word → term map the browser index carries.
func (ix *Engine) Words() []string { return append([]string(nil), ix.surface...) }

// Analyze returns the term bleve's analysis of the factsheet's language
// makes of a word as typed (lower-cased, possessive removed, stemmed), or ""
// for a stop word.
func (ix *Engine) Analyze(word string) string { return ix.lang.analyzeWord(normalizeWord(word)) }
