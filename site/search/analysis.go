package search

import (
	"strings"
	"sync"
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
	if t, ok := l.terms.get(w); ok {
		return t
	}
	an, err := l.analyzer()
	if err != nil {
		return ""
	}
	t := ""
	if toks := an.Analyze([]byte(w)); len(toks) > 0 {
		t = string(toks[0].Term)
	}
	l.terms.put(w, t)
	return t
}

// maxRemembered bounds the words a language remembers the term of: more
// than the vocabulary of many factsheets, less than a few megabytes.
const maxRemembered = 1 << 16

// wordTerms remembers the term bleve's analysis makes of each word analysed
// alone, since every factsheet's index and every query analyse their words:
// the factsheets of a site share most of their vocabulary.
type wordTerms struct {
	mu    sync.Mutex
	terms map[string]string
}

func (m *wordTerms) get(w string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.terms[w]
	return t, ok
}

func (m *wordTerms) put(w, t string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.terms == nil {
		m.terms = map[string]string{}
	}
	if len(m.terms) < maxRemembered {
		m.terms[w] = t
	}
}

// Words returns the words of the indexed text, normalized and sorted: the keys
// of the word → term map the browser index carries.
func (ix *Engine) Words() []string { return append([]string(nil), ix.surface...) }

// Analyze returns the term bleve's analysis of the factsheet's language
// makes of a word as typed (lower-cased, possessive removed, stemmed), or ""
// for a stop word.
func (ix *Engine) Analyze(word string) string { return ix.lang.analyzeWord(normalizeWord(word)) }
