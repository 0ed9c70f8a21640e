package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/registry"
)

// language is the analysis of a factsheet's language: bleve's analyzer and
// the stop words it drops. The browser reproduces it: English with the
// Porter stemmer of assets/search.js, French with assets/stem-fr.js.
type language struct {
	tag      string // "en", "fr": the browser index's lang, which picks the browser's analysis
	analyzer string // bleve's analyzer name
	stop     analysis.TokenMap
}

// languages are the analyses bleve offers that the browser reproduces.
var languages = map[string]language{
	"en": {"en", en.AnalyzerName, tokenMap(en.TokenMapConstructor)},
	"fr": {"fr", fr.AnalyzerName, tokenMap(fr.TokenMapConstructor)},
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
