package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// IndexFile is the path of a factsheet's browser index, relative to public/.
func IndexFile(slug string) string { return urls.Factsheet(slug).SearchIndex() }

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

// indexVersion is the version of the browser index that assets/search.js reads.
const indexVersion = 3

// browserIndex is the JSON the browser loads; assets/search.js reads it.
// Arrays rather than objects keep it small. It carries the texts of the
// documents' fields and no postings: the browser tokenises each field's
// text with tokenPattern and analyses each word as bleve does, which gives
// bleve's postings, field lengths and document counts (see derive.go; the
// export checks it and ships what the texts do not give).
type browserIndex struct {
	Version int    `json:"v"`
	Slug    string `json:"slug"`
	Lang    string `json:"lang,omitempty"` // the analysis of the browser, when not English's (window.factsheetAnalyzers[lang])
	// Fields lists the text fields as [name, boost].
	Fields [][2]any       `json:"fields"`
	Params map[string]any `json:"params"`
	// Docs are the documents, in bleve's order: a recommendation is
	// [0, id, urgency, chapter, text, context], a section
	// [1, title, url, chapter, text]; urgency indexes Urg (-1 for none),
	// chapter Chaps, text Texts and context Contexts.
	Docs     [][]any  `json:"docs"`
	Chaps    []string `json:"chapters"`
	Texts    []string `json:"texts"`    // the texts shown in snippets (shared by identifiers of one text)
	Contexts []string `json:"contexts"` // the recommendations' contexts, indexed but never shown
	// Words are the words the browser does not derive from the texts as
	// bleve does, space separated: "word=term" where bleve's term is not the
	// browser's analysis of the word alone, "word" or "word=term" for a word
	// only a field of Fix holds.
	Words string `json:"words"`
	// Fix lists the fields whose text the browser would not tokenise as
	// bleve does, as [document, field, terms]: bleve's terms of that field,
	// space separated, one per token.
	Fix  [][3]any `json:"fix,omitempty"`
	Stop string   `json:"stop"` // bleve's stop words of the language, space separated
	Urg  []string `json:"urgencies"`
	// URLs are the address patterns of urls.Factsheet.Patterns.
	URLs map[string]string `json:"urls"`
}

// Script returns the browser index as a script: "window.factsheetIndex = {...};".
func (ix *Engine) Script() ([]byte, error) { return ix.corpus.script(ix.Slug) }

// script returns the browser index of the corpus as a script.
func (c *corpus) script(slug string) ([]byte, error) {
	return indexScript(c.export(slug))
}

// indexScript writes a browser index as "window.factsheetIndex={...};".
func indexScript(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("window.factsheetIndex=")
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	buf.Truncate(buf.Len() - 1) // the encoder's newline
	buf.WriteString(";\n")
	return buf.Bytes(), nil
}

func (c *corpus) export(slug string) *browserIndex {
	bi := &browserIndex{
		Version: indexVersion, Slug: slug, URLs: urls.Factsheet(slug).Patterns(),
		Params: map[string]any{
			"prefixBoost": prefixBoost, "fuzzyBoost": fuzzyBoost, "minPrefix": minPrefix,
			"minFuzzy": minFuzzy, "maxExpansions": maxExpansions, "maxWords": maxWords,
			"snippetWords": snippetWords, "snippetShort": snippetShortUp, "snippetLead": snippetLead,
		},
		Urg: []string{string(factsheet.Require), string(factsheet.Request), string(factsheet.Invite)},
	}
	if c.lang.tag != "en" {
		bi.Lang = c.lang.tag
	}
	for _, f := range textFields {
		bi.Fields = append(bi.Fields, [2]any{f.Name, f.Boost})
	}
	c.exportDocs(bi)
	bi.Stop = strings.Join(c.lang.stopWords(), " ")
	bi.Words, bi.Fix = c.derivation().export()
	return bi
}

// exportDocs lists the documents, sharing chapter names, texts and contexts.
func (c *corpus) exportDocs(bi *browserIndex) {
	chaps, texts, contexts := map[string]int{}, map[string]int{}, map[string]int{}
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
	bi.Contexts = []string{}
	for _, r := range c.records {
		ch, t := intern(chaps, &bi.Chaps, r.Chapter), intern(texts, &bi.Texts, r.Text)
		if r.Kind == KindRecommendation {
			u, ok := urgency[r.Urgency]
			if !ok {
				u = -1
			}
			bi.Docs = append(bi.Docs, []any{0, r.ID, u, ch, t, intern(contexts, &bi.Contexts, r.Context)})
		} else {
			bi.Docs = append(bi.Docs, []any{1, r.Title, r.URL, ch, t})
		}
	}
}
