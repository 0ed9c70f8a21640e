package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
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
	b, _, err := Factsheet(doc)
	return b, err
}

// Factsheet returns the browser search index of one document (IndexScript)
// and its Part of the series' index (NewPart), from one reading of its
// search documents.
func Factsheet(doc *factsheet.Document) ([]byte, Part, error) {
	recs := records(doc)
	c, err := analyseRecords(recs, languageOf(doc.Meta.Language))
	if err != nil {
		return nil, Part{}, fmt.Errorf("%s: analysing the text: %w", doc.File, err)
	}
	b, err := c.script(doc.Meta.Slug)
	if err != nil {
		return nil, Part{}, fmt.Errorf("%s: %w", doc.File, err)
	}
	return b, newPart(doc, recs), nil
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
	// Words are the corpus's surface words, sorted, front-coded: each is a
	// capital letter A-Z saying how many of its first characters (code points)
	// it shares with the previous word (A none, Z 25), then its other
	// characters; words are lower case, so a capital starts the next word. A
	// word is followed by "=" and its term when bleve's analysis of the word
	// alone does not give it; otherwise the browser stems the word itself.
	Words string `json:"words"`
	// Post holds one line per term, in the order terms first appear in Words:
	// per text field (";" between fields, trailing empty fields left out) the
	// documents having the term, as deltas from the previous one, each
	// followed by ":" and its frequency when above 1, space separated. A
	// document's field length (for bleve's norm) is the sum of its frequencies.
	Post string         `json:"post"`
	Stop string         `json:"stop"` // bleve's stop words of the language, space separated
	IDs  map[string]int `json:"ids"`  // recommendation identifier → document
	Urg  []string       `json:"urgencies"`
	// URLs are the address patterns of urls.Factsheet.Patterns.
	URLs map[string]string `json:"urls"`
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
		Version: 2, Slug: slug, Count: len(c.records), URLs: urls.Factsheet(slug).Patterns(),
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
	bi.Words, bi.Post = c.exportTerms()
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

// exportTerms writes the surface words (front-coded) and the postings of every term
// (see browserIndex.Words and Post).
func (c *corpus) exportTerms() (words, post string) {
	var w, p strings.Builder
	seen := map[string]bool{}
	var prev []rune
	for _, word := range c.surface {
		t := c.words[word]
		runes := []rune(word)
		k := 0
		for k < min(len(runes), len(prev), 25) && runes[k] == prev[k] {
			k++
		}
		w.WriteByte(byte('A' + k))
		w.WriteString(string(runes[k:]))
		prev = runes
		if c.lang.analyzeWord(word) != t {
			w.WriteString("=" + t)
		}
		if seen[t] {
			continue
		}
		seen[t] = true
		fields := make([]string, len(textFields))
		for fi, ps := range c.postings[t] {
			fields[fi] = encodePostings(ps)
		}
		p.WriteString(strings.TrimRight(strings.Join(fields, ";"), ";"))
		p.WriteByte('\n')
	}
	return w.String(), strings.TrimSuffix(p.String(), "\n")
}

// encodePostings encodes the postings of a term in one field (see
// browserIndex.Post).
func encodePostings(ps []posting) string {
	var b strings.Builder
	prev := 0
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(p.doc - prev))
		if p.freq > 1 {
			b.WriteString(":" + strconv.Itoa(p.freq))
		}
		prev = p.doc
	}
	return b.String()
}
