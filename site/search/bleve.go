package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/upsidedown"
	"github.com/blevesearch/bleve/v2/index/upsidedown/store/gtreap"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

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
//
// The index is bleve's in-memory one (upsidedown over gtreap), used through
// bleve's index, query and collector packages rather than its top-level
// package, which would link (and initialise at every start of the command)
// the scorch engine the site never uses.
type Engine struct {
	Slug    string // the factsheet's slug: hits' addresses start with it
	idx     index.Index
	mapping mapping.IndexMapping
	queue   *index.AnalysisQueue
	*corpus // the analysis of the first language (the factsheet's)
	// langs are the analyses of every language of the records, the first
	// one's first: a series may mix English and French factsheets, each
	// record analysed in its own language (record.Lang), in fields of that
	// language; a query word is looked up in each language's fields with
	// that language's term
	langs []*corpus
	ids   map[string][]int // recommendation identifier → its record numbers (one per Party in a series)
	// legend maps the words of the factsheet's legend, lower case ("exige"),
	// to their urgency: a query made of one of them alone filters by it
	legend map[string]string
}

// indexMapping is the bleve mapping: each language's analysis for its text
// fields, exact keywords for the identifier and the urgency, nothing stored.
func indexMapping(langs []*corpus) *mapping.IndexMappingImpl {
	m := mapping.NewIndexMapping()
	m.DefaultAnalyzer = langs[0].lang.name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	doc := mapping.NewDocumentStaticMapping()
	field := func(analyzer string) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	for _, c := range langs {
		for fi := range textFields {
			doc.AddFieldMappingsAt(c.field(fi), field(c.lang.name))
		}
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
	ix, err := open(doc.File, doc.Meta.Slug, doc.Meta.Language, records(doc))
	if err == nil {
		ix.legend = legendWords(doc)
	}
	return ix, err
}

// open indexes search documents in an in-memory bleve index, with the
// analysis of the language, or of each record's own (record.Lang) when the
// records name theirs; name is what errors are about.
func open(name, slug, language string, recs []record) (*Engine, error) {
	ix := &Engine{Slug: slug, queue: index.NewAnalysisQueue(1), ids: map[string][]int{}}
	for _, l := range recordLanguages(recs, language) {
		c, err := analyseRecords(recs, l)
		if err != nil {
			ix.queue.Close()
			return nil, fmt.Errorf("%s: analysing the text: %w", name, err)
		}
		if len(ix.langs) > 0 {
			c.suffix = "_" + l.tag
		}
		ix.langs = append(ix.langs, c)
	}
	ix.corpus, ix.mapping = ix.langs[0], indexMapping(ix.langs)
	var err error
	ix.idx, err = upsidedown.NewUpsideDownCouch(gtreap.Name, map[string]any{"path": ""}, ix.queue)
	if err == nil {
		err = ix.idx.Open()
	}
	if err != nil {
		ix.queue.Close()
		return nil, fmt.Errorf("%s: creating the search index: %w", name, err)
	}
	batch := index.NewBatch()
	for n, r := range ix.records {
		c := ix.corpusOf(r)
		fields := map[string]any{}
		for fi, text := range fieldTexts(r) {
			if text != "" {
				fields[c.field(fi)] = text
			}
		}
		if r.Kind == KindRecommendation {
			fields[fieldID], fields[fieldUrgency] = r.ID, r.Urgency
			ix.ids[r.ID] = append(ix.ids[r.ID], n)
		}
		d := document.NewDocument(docKey(n))
		if err := ix.mapping.MapDocument(d, fields); err != nil {
			ix.Close()
			return nil, fmt.Errorf("%s: indexing %s: %w", name, r.URL, err)
		}
		batch.Update(d)
	}
	if err := ix.idx.Batch(batch); err != nil {
		ix.Close()
		return nil, fmt.Errorf("%s: indexing: %w", name, err)
	}
	return ix, nil
}

// recordLanguages lists the analyses of the records' languages in the order
// they first appear, or that of tag alone when no record names its own.
func recordLanguages(recs []record, tag string) []language {
	var out []language
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Lang != "" && !seen[r.Lang] {
			seen[r.Lang] = true
			out = append(out, languageOf(r.Lang))
		}
	}
	if len(out) == 0 {
		out = append(out, languageOf(tag))
	}
	return out
}

// corpusOf is the analysis of a record's language.
func (ix *Engine) corpusOf(r record) *corpus {
	for _, c := range ix.langs {
		if c.lang.tag == r.Lang {
			return c
		}
	}
	return ix.corpus
}

// Close releases the bleve index.
func (ix *Engine) Close() error {
	err := ix.idx.Close()
	ix.queue.Close()
	return err
}
