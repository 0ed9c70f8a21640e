package search

import (
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
)

// stopWords returns bleve's English stop list, the words its analysis drops,
// sorted; it is read at its first use.
var stopWords = sync.OnceValue(func() []string {
	m, err := en.TokenMapConstructor(nil, registry.NewCache())
	if err != nil {
		panic(err) // the list is compiled into bleve; this cannot fail
	}
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
})

// apostrophes makes typographic apostrophes straight.
var apostrophes = strings.NewReplacer("’", "'", "＇", "'")

// normalizeWord turns a word as typed or printed into the surface form the
// word → term map is keyed by: lower case, typographic apostrophes made
// straight, a possessive "'s" removed (as bleve's possessive filter does).
func normalizeWord(w string) string {
	w = apostrophes.Replace(strings.ToLower(w))
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	return w
}

// analyzeWord returns the term bleve's English analysis makes of one query
// word, or "" for a stop word.
func analyzeWord(w string) string {
	an, err := englishAnalyzer()
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

// Analyze returns the term bleve's English analysis makes of a word as typed
// (lower-cased, possessive removed, stemmed), or "" for a stop word.
func (ix *Engine) Analyze(word string) string { return analyzeWord(normalizeWord(word)) }
