package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

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
		b, err := IndexScript(doc)
		if err != nil {
			return nil, err
		}
		files[IndexFile(doc.Meta.Slug)] = b
	}
	return files, nil
}

// IndexScript returns the browser search index of one document (see Index),
// computed from bleve's analysis of its text without filling a bleve index.
func IndexScript(doc *factsheet.Document) ([]byte, error) {
	c, err := analyse(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: analysing the text: %w", doc.File, err)
	}
	b, err := c.script(doc.Meta.Slug)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", doc.File, err)
	}
	return b, nil
}

// browserIndex is the JSON the browser loads; assets/search.js reads it.
// Arrays rather than objects keep it small.
type browserIndex struct {
	Version int    `json:"v"`
	Slug    string `json:"slug"`
	Count   int    `json:"n"` // documents in the bleve index, for idf
	// Fields lists the text fields as [name, boost].
	Fields [][2]any       `json:"fields"`
	Params map[string]any `json:"params"`
	Docs   [][]any        `json:"docs"`     // [kind (0 recommendation, 1 section), id, title, url, urgency, chapter, text]
	Chaps  []string       `json:"chapters"` // chapter names, referenced by docs
	Texts  []string       `json:"texts"`    // snippet texts, referenced by docs (shared by identifiers of one text)
	Lens   [][]int        `json:"lens"`     // per field, per document: the field length bleve's norm is computed from
	Terms  [][]any        `json:"terms"`    // [term, surface words, postings of field 0, of field 1, ...]
	Stop   string         `json:"stop"`     // bleve's English stop words, space separated
	IDs    map[string]int `json:"ids"`      // recommendation identifier → document
	Urg    []string       `json:"urgencies"`
}

// Script returns the browser index as a script: "window.factsheetIndex = {...};".
func (ix *Engine) Script() ([]byte, error) { return ix.corpus.script(ix.Slug) }

// script returns the browser index of the corpus as a script.
func (c *corpus) script(slug string) ([]byte, error) {
	bi := c.export(slug)
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

func (c *corpus) export(slug string) *browserIndex {
	bi := &browserIndex{
		Version: 1, Slug: slug, Count: len(c.records),
		Params: map[string]any{
			"prefixBoost": prefixBoost, "fuzzyBoost": fuzzyBoost, "minPrefix": minPrefix,
			"minFuzzy": minFuzzy, "maxExpansions": maxExpansions, "maxWords": maxWords,
			"snippetWords": snippetWords, "snippetShort": snippetShortUp, "snippetLead": snippetLead,
		},
		Urg: []string{string(factsheet.Require), string(factsheet.Request), string(factsheet.Invite)},
	}
	for _, f := range textFields {
		bi.Fields = append(bi.Fields, [2]any{f.Name, f.Boost})
	}
	c.exportDocs(bi)
	bi.Stop = strings.Join(stopWords(), " ")
	c.exportTerms(bi)
	return bi
}

// exportDocs lists the documents, sharing chapter names and texts.
func (c *corpus) exportDocs(bi *browserIndex) {
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
	for _, r := range c.records {
		ch, t := intern(chaps, &bi.Chaps, r.Chapter), intern(texts, &bi.Texts, r.Text)
		if r.Kind == KindRecommendation {
			u, ok := urgency[r.Urgency]
			if !ok {
				u = -1
			}
			bi.Docs = append(bi.Docs, []any{0, r.ID, u, ch, t})
		} else {
			bi.Docs = append(bi.Docs, []any{1, r.Title, r.URL, ch, t})
		}
	}
}

// exportTerms lists every term's postings: for each text field, the
// documents having it as deltas, a document's frequency following it as a
// negative number when it is more than 1; and each document's field length.
func (c *corpus) exportTerms(bi *browserIndex) {
	bi.Lens = c.lens
	terms := make([]string, 0, len(c.postings))
	for t := range c.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		row := []any{t, surfaceList(t, c.terms[t])}
		for _, ps := range c.postings[t] {
			row = append(row, encodePostings(ps))
		}
		for len(row) > 2 && row[len(row)-1] == 0 {
			row = row[:len(row)-1]
		}
		bi.Terms = append(bi.Terms, row)
	}
}

// encodePostings encodes the postings of a term in one field: document
// numbers as deltas, each followed by minus its frequency when above 1; 0
// when there are none.
func encodePostings(ps []posting) any {
	if len(ps) == 0 {
		return 0
	}
	out := make([]int, 0, len(ps))
	prev := 0
	for _, p := range ps {
		out = append(out, p.doc-prev)
		if p.freq > 1 {
			out = append(out, -p.freq)
		}
		prev = p.doc
	}
	return out
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
