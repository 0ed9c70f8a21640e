package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// IndexFile is the path of a factsheet's browser index, relative to public/.
func IndexFile(slug string) string { return slug + "/search-index.js" }

// Index writes each document's browser search index, "<slug>/search-index.js":
// a plain script setting window.factsheetIndex, so that it loads with a
// <script> tag from file://, over HTTP and under any sub-path.
func Index(docs []*factsheet.Document) (output.Files, error) {
	files := output.Files{}
	for _, doc := range docs {
		ix, err := Open(doc)
		if err != nil {
			return nil, err
		}
		b, err := ix.Script()
		ix.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", doc.File, err)
		}
		files[IndexFile(doc.Meta.Slug)] = b
	}
	return files, nil
}

// browserIndex is the JSON the browser loads; assets/search.js reads it.
// Arrays rather than objects keep it small.
type browserIndex struct {
	Version int    `json:"v"`
	Slug    string `json:"slug"`
	Lang    string `json:"lang,omitempty"` // the analysis of the browser, when not English's (window.factsheetAnalyzers[lang])
	Count   int    `json:"n"`              // documents in the bleve index, for idf
	// Fields lists the text fields as [name, boost].
	Fields [][2]any       `json:"fields"`
	Params map[string]any `json:"params"`
	Docs   [][]any        `json:"docs"`     // [kind (0 recommendation, 1 section), id, title, url, urgency, chapter, text]
	Chaps  []string       `json:"chapters"` // chapter names, referenced by docs
	Texts  []string       `json:"texts"`    // snippet texts, referenced by docs (shared by identifiers of one text)
	Lens   [][]int        `json:"lens"`     // per field, per document: the field length bleve's norm is computed from
	Terms  [][]any        `json:"terms"`    // [term, surface words, postings of field 0, of field 1, ...]
	Stop   string         `json:"stop"`     // bleve's stop words of the language, space separated
	IDs    map[string]int `json:"ids"`      // recommendation identifier → document
	Urg    []string       `json:"urgencies"`
}

// Script returns the browser index as a script: "window.factsheetIndex = {...};".
func (ix *Engine) Script() ([]byte, error) {
	bi, err := ix.export()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("window.factsheetIndex=")
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(bi); err != nil {
		return nil, err
	}
	buf.Truncate(buf.Len() - 1) // the encoder's newline
	buf.WriteString(";\n")
	return buf.Bytes(), nil
}

func (ix *Engine) export() (*browserIndex, error) {
	bi := &browserIndex{
		Version: 1, Slug: ix.Slug, Count: len(ix.records),
		Params: map[string]any{
			"prefixBoost": prefixBoost, "fuzzyBoost": fuzzyBoost, "minPrefix": minPrefix,
			"minFuzzy": minFuzzy, "maxExpansions": maxExpansions, "maxWords": maxWords,
			"snippetWords": snippetWords, "snippetShort": snippetShortUp, "snippetLead": snippetLead,
		},
		Urg: []string{string(factsheet.Require), string(factsheet.Request), string(factsheet.Invite)},
	}
	if ix.lang.tag != "en" {
		bi.Lang = ix.lang.tag
	}
	for _, f := range textFields {
		bi.Fields = append(bi.Fields, [2]any{f.Name, f.Boost})
	}
	ix.exportDocs(bi)
	var stop []string
	for w := range ix.stop {
		stop = append(stop, w)
	}
	sort.Strings(stop)
	bi.Stop = strings.Join(stop, " ")
	return bi, ix.exportTerms(bi)
}

// exportDocs lists the documents, sharing chapter names and texts.
func (ix *Engine) exportDocs(bi *browserIndex) {
	chaps, texts := map[string]int{}, map[string]int{}
	intern := func(m map[string]int, list *[]string, s string) int {
		if n, ok := m[s]; ok {
			return n
		}
		m[s] = len(*list)
		*list = append(*list, s)
		return m[s]
	}
	urgency := map[string]int{}
	for i, u := range bi.Urg {
		urgency[u] = i
	}
	for _, r := range ix.records {
		c, t := intern(chaps, &bi.Chaps, r.Chapter), intern(texts, &bi.Texts, r.Text)
		if r.Kind == KindRecommendation {
			u, ok := urgency[r.Urgency]
			if !ok {
				u = -1
			}
			bi.Docs = append(bi.Docs, []any{0, r.ID, u, c, t})
		} else {
			bi.Docs = append(bi.Docs, []any{1, r.Title, r.URL, c, t})
		}
	}
}

// exportTerms reads every term's postings from bleve: for each text field,
// the documents having it as deltas, a document's frequency following it as a
// negative number when it is more than 1; and each document's field length,
// recovered from the norm bleve stores (1/√length).
func (ix *Engine) exportTerms(bi *browserIndex) error {
	return ix.withReader(func(r index.IndexReader) error {
		bi.Lens = make([][]int, len(textFields))
		for fi := range textFields {
			bi.Lens[fi] = make([]int, len(ix.records))
		}
		terms := make([]string, 0, len(ix.df))
		for t := range ix.df {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		for _, t := range terms {
			row := []any{t, surfaceList(t, ix.terms[t])}
			for fi, f := range textFields {
				p, err := ix.postings(r, t, f.Name, bi.Lens[fi])
				if err != nil {
					return err
				}
				row = append(row, p)
			}
			for len(row) > 2 && row[len(row)-1] == 0 {
				row = row[:len(row)-1]
			}
			bi.Terms = append(bi.Terms, row)
		}
		return nil
	})
}

// postings returns the encoded postings of a term in a field (0 when it has
// none) and records the field lengths of the documents it meets.
func (ix *Engine) postings(r index.IndexReader, term, field string, lens []int) (any, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	var out []int
	prev := 0
	for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
		if err != nil {
			return nil, err
		}
		id, err := r.ExternalID(d.ID)
		if err != nil {
			return nil, err
		}
		var n int
		if _, err := fmt.Sscanf(id, "%d", &n); err != nil || n < 0 || n >= len(lens) {
			return nil, fmt.Errorf("bleve returned unknown document %q", id)
		}
		lens[n] = int(math.Round(1 / (d.Norm * d.Norm)))
		out = append(out, n-prev)
		if d.Freq > 1 {
			out = append(out, -int(d.Freq))
		}
		prev = n
	}
	if len(out) == 0 {
		return 0, nil
	}
	return out, nil
}

// surfaceList encodes the words giving a term, comma separated: the part after
// the term when a word starts with it, else "=" and the whole word.
func surfaceList(term string, words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		if strings.HasPrefix(w, term) {
			parts[i] = w[len(term):]
		} else {
			parts[i] = "=" + w
		}
	}
	return strings.Join(parts, ",")
}
