package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"factsheet/site/factsheet"
)

// The text fields of the bleve index. Recommendations fill text and chapter;
// sections fill heading, body and chapter.
// A recommendation's context is the heading and lead-in above it. Keeping the two kinds in separate
// fields lets a recommendation outrank a section with the same match.
const (
	fieldText    = "text"
	fieldBody    = "body"
	fieldHeading = "heading"
	fieldChapter = "chapter"
	fieldContext = "context"
	fieldID      = "id"      // keyword: the recommendation identifier as printed
	fieldUrgency = "urgency" // keyword: require, request or invite
)

// textFields are the analysed fields a query word is looked up in, in the
// order the browser index lists them, with the boost of a match in each.
var textFields = []struct {
	Name  string
	Boost float64
}{
	{fieldText, 1},
	{fieldBody, 0.3},
	{fieldHeading, 0.6},
	{fieldChapter, 0.2},
	{fieldContext, 0.5},
}

// Engine is the bleve index of one factsheet and the documents it holds.
type Engine struct {
	Slug    string // the factsheet's slug: hits' addresses start with it
	bleve   bleve.Index
	records []record
	words   map[string]string   // surface word → term, from the analysis of the corpus
	terms   map[string][]string // term → its surface words, sorted
	surface []string            // the surface words, sorted
	df      map[string][]int    // term → number of documents having it in each of textFields
	stop    map[string]bool
	ids     map[string][]int // recommendation identifier → its record numbers (one per Party in a series)
	lang    language         // the analysis of the factsheet's language
}

// indexMapping is the bleve mapping: the analysis of the language for the
// text fields, exact keywords for the identifier and the urgency, nothing stored.
func indexMapping(analyzer string) *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = analyzer
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	doc := bleve.NewDocumentStaticMapping()
	field := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	for _, f := range textFields {
		doc.AddFieldMappingsAt(f.Name, field(analyzer))
	}
	doc.AddFieldMappingsAt(fieldID, field(keyword.Name))
	doc.AddFieldMappingsAt(fieldUrgency, field(keyword.Name))
	m.DefaultMapping = doc
	return m
}

// docKey is the bleve identifier of record n: fixed width, so that sorting by
// identifier is sorting by document order.
func docKey(n int) string { return fmt.Sprintf("%07d", n) }

// Open indexes a factsheet in an in-memory bleve index.
func Open(doc *factsheet.Document) (*Engine, error) {
	return open(doc.File, doc.Meta.Slug, doc.Meta.Language, records(doc))
}

// open indexes search documents in an in-memory bleve index, with the
// analysis of the language; name is what errors are about.
func open(name, slug, language string, recs []record) (*Engine, error) {
	lang := languageOf(language)
	idx, err := bleve.NewMemOnly(indexMapping(lang.analyzer))
	if err != nil {
		return nil, fmt.Errorf("%s: creating the search index: %w", name, err)
	}
	ix := &Engine{Slug: slug, bleve: idx, records: recs, ids: map[string][]int{}, lang: lang}
	batch := idx.NewBatch()
	for n, r := range ix.records {
		fields := map[string]any{fieldChapter: r.Chapter}
		if r.Kind == KindRecommendation {
			fields[fieldText], fields[fieldID], fields[fieldUrgency] = r.Text, r.ID, r.Urgency
			fields[fieldContext] = r.Context
			ix.ids[r.ID] = append(ix.ids[r.ID], n)
		} else {
			fields[fieldHeading], fields[fieldBody] = r.Title, r.Text
		}
		if err := batch.Index(docKey(n), fields); err != nil {
			return nil, fmt.Errorf("%s: indexing %s: %w", name, r.URL, err)
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("%s: indexing: %w", name, err)
	}
	if err := ix.analyseCorpus(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ix, nil
}

// Close releases the bleve index.
func (ix *Engine) Close() error { return ix.bleve.Close() }
