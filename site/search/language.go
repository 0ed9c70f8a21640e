package search

import (
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/registry"
)

// language is the analysis of a factsheet's language: bleve's analyzer and
// the stop words it drops. The browser reproduces it: English with the
// Porter stemmer of assets/search/stemmer.js, French with assets/stem-fr.js.
type language struct {
	tag  string                   // "en", "fr": the browser index's lang, which picks the browser's analysis
	name string                   // bleve's analyzer name
	stop func() analysis.TokenMap // the stop words, built at their first use
	// analyzer returns bleve's analyzer, built at its first use; bleve
	// analyzers are safe for concurrent use
	analyzer func() (analysis.Analyzer, error)
	terms    *wordTerms // what analyzeWord returned, by word
	raw      *rawTerms  // what the token filters made of each raw token (see tokenizer)
}

// languages are the analyses bleve offers that the browser reproduces.
var languages = map[string]language{
	"en": newLanguage("en", en.AnalyzerName, en.TokenMapConstructor),
	"fr": newLanguage("fr", fr.AnalyzerName, fr.TokenMapConstructor),
}

// newLanguage describes the analysis of a language tag: bleve's analyzer
// of that name, and the stop words stops builds.
func newLanguage(tag, analyzer string, stops func(map[string]any, *registry.Cache) (analysis.TokenMap, error)) language {
	return language{tag: tag, name: analyzer, stop: sync.OnceValue(func() analysis.TokenMap { return tokenMap(stops) }), terms: &wordTerms{}, raw: &rawTerms{}, analyzer: sync.OnceValues(func() (analysis.Analyzer, error) {
		return registry.NewCache().AnalyzerNamed(analyzer)
	})}
}

// stopWords returns the stop words of the language, sorted.
func (l language) stopWords() []string {
	stop := l.stop()
	words := make([]string, 0, len(stop))
	for w := range stop {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

// languageOf returns the analysis of a language tag ("fr", "fr-BE"):
// English for a language the browser cannot reproduce.
func languageOf(tag string) language {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if l, ok := languages[base]; ok {
		return l
	}
	return languages["en"]
}

// tokenMap builds one of bleve's word lists.
func tokenMap(build func(map[string]any, *registry.Cache) (analysis.TokenMap, error)) analysis.TokenMap {
	m, err := build(nil, registry.NewCache())
	if err != nil {
		panic(err) // the lists are compiled into bleve; this cannot fail
	}
	return m
}
