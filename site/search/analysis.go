package search

import (
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

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

// analyzer is bleve's analyzer of the language as the index mapping resolves it.
func (ix *Engine) analyzer() analysis.Analyzer {
	return ix.bleve.Mapping().AnalyzerNamed(ix.lang.analyzer)
}

// analyseCorpus runs bleve's analysis of the language over every indexed text and
// records which surface word gives which term, and the document frequency of
// every term.
func (ix *Engine) analyseCorpus() error {
	an := ix.analyzer()
	if an == nil {
		return fmt.Errorf("bleve has no %q analyzer", ix.lang.analyzer)
	}
	ix.words = map[string]string{}
	ix.stop = map[string]bool{}
	for w := range ix.lang.stop {
		ix.stop[w] = true
	}
	for _, r := range ix.records {
		texts := []string{r.Text, r.Chapter, r.Context}
		if r.Kind == KindSection {
			texts = append(texts, r.Title)
		}
		for _, text := range texts {
			for _, tok := range an.Analyze([]byte(text)) {
				ix.words[normalizeWord(text[tok.Start:tok.End])] = string(tok.Term)
			}
		}
	}
	ix.terms = map[string][]string{}
	for w, t := range ix.words {
		ix.terms[t] = append(ix.terms[t], w)
		ix.surface = append(ix.surface, w)
	}
	sort.Strings(ix.surface)
	for _, ws := range ix.terms {
		sort.Strings(ws)
	}
	return ix.loadStats()
}

// loadStats reads the document frequency of every term in every text field
// from bleve's dictionaries.
func (ix *Engine) loadStats() error {
	return ix.withReader(func(r index.IndexReader) error {
		ix.df = map[string][]int{}
		for fi, f := range textFields {
			d, err := r.FieldDict(f.Name)
			if err != nil {
				return err
			}
			for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
				if ix.df[e.Term] == nil {
					ix.df[e.Term] = make([]int, len(textFields))
				}
				ix.df[e.Term][fi] = int(e.Count)
			}
			d.Close()
		}
		return nil
	})
}

// withReader runs f with a reader of the bleve index, closed afterwards.
func (ix *Engine) withReader(f func(index.IndexReader) error) error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	return f(r)
}

// analyzeWord returns the term bleve's English analysis makes of one query
// word, or "" for a stop word.
func (ix *Engine) analyzeWord(w string) string {
	toks := ix.analyzer().Analyze([]byte(w))
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
func (ix *Engine) Analyze(word string) string { return ix.analyzeWord(normalizeWord(word)) }
