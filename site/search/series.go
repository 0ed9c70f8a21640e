package search

import (
	"fmt"
	"slices"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// SeriesFile is the browser index of every factsheet of the site, relative
// to public/: the root and report pages search with it.
const SeriesFile = "search-index.js"

// OpenSeries indexes the documents of every part in one bleve index, in
// part order: a query finds the documents of every Party.
func OpenSeries(parts []Part) (*Engine, error) {
	var recs []record
	for _, p := range parts {
		recs = append(recs, p.records()...)
	}
	return open("the series", "", "", recs)
}

// IndexSeries writes SeriesFile for the given factsheets.
func IndexSeries(docs []*factsheet.Document) (output.Files, error) {
	parts := make([]Part, len(docs))
	for i, d := range docs {
		parts[i] = NewPart(d)
	}
	b, err := SeriesScript(parts)
	if err != nil {
		return nil, err
	}
	return output.Files{SeriesFile: b}, nil
}

// seriesIndex is the browser index of a series: the index of its distinct
// documents ("shapes": a document of a factsheet with the factsheet's
// address taken out), and which shapes each factsheet holds. A text that
// several factsheets share word for word is stored, and its postings listed,
// once, and so is a snippet text that differs between factsheets only by
// the Party's name (see shareTexts). The browser expands it to one document per factsheet and shape:
// document numbers, field lengths and document frequencies are those of the
// bleve index of all the documents (OpenSeries), so the scores are too.
type seriesIndex struct {
	*browserIndex
	// Parties are [slug, Party] per factsheet, and third, when the
	// factsheets differ in language, its language's number: 0 for the
	// index's own, i for the i-th of Langs
	Parties [][]any `json:"parties"`
	// Langs are the terms of the languages after the first, whose are
	// browserIndex's: each document is analysed in its factsheet's
	// language, its terms listed in that language's words and postings
	Langs []langTerms `json:"langs,omitempty"`
	// Members lists, per factsheet, its documents' shapes in its order, as
	// runs [first shape, count, first shape, count, ...].
	Members [][]int `json:"members"`
}

// langTerms are the words and stop words of one language of a series,
// encoded as browserIndex's Words and Stop; the fields whose terms the
// browser takes from the index (browserIndex.Fix) are in the index's Fix,
// in the language of their document.
type langTerms struct {
	Lang  string `json:"lang"`
	Words string `json:"words"`
	Stop  string `json:"stop"`
}

// shapeKey is what makes two documents of different factsheets the same:
// everything indexed or shown but the factsheet's address.
func shapeKey(r record) string {
	return strings.Join([]string{r.Kind, r.ID, r.Title, r.URL, r.Urgency, r.Chapter, r.Text, r.Context, r.Lang}, "\x00")
}

// SeriesScript returns the browser index of a series as a script setting
// window.factsheetIndex, as Script does for one factsheet.
func SeriesScript(parts []Part) ([]byte, error) {
	var shapes []record
	at := map[string]int{}
	members := make([][]int, len(parts))
	var owners []int // per shape: the one part holding it, or -1 when several do
	si := &seriesIndex{}
	for pi, p := range parts {
		si.Parties = append(si.Parties, []any{p.Slug, p.Party})
		var list []int
		for _, r := range p.records() {
			r.URL, r.Party = strings.TrimPrefix(r.URL, p.Slug+"/"), ""
			k := shapeKey(r)
			n, ok := at[k]
			if !ok {
				n = len(shapes)
				at[k] = n
				shapes = append(shapes, r)
				owners = append(owners, pi)
			} else if owners[n] != pi {
				owners[n] = -1
			}
			list = append(list, n)
		}
		members[pi] = runs(list)
	}
	bi, err := si.exportLanguages(shapes, parts)
	if err != nil {
		return nil, fmt.Errorf("the series: analysing the text: %w", err)
	}
	bi.URLs = urls.Factsheet(slugMark).Patterns()
	shareTexts(bi, owners, parts)
	si.browserIndex, si.Members = bi, members
	return indexScript(si)
}

// exportLanguages analyses each shape in its language and exports the
// documents with the first language's terms, the others' in si.Langs.
func (si *seriesIndex) exportLanguages(shapes []record, parts []Part) (*browserIndex, error) {
	langs := recordLanguages(shapes, "")
	var bi *browserIndex
	for i, l := range langs {
		c, err := analyseRecords(shapes, l)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			bi = c.export("")
			continue
		}
		words, fix := c.derivation().export()
		si.Langs = append(si.Langs, langTerms{Lang: l.tag, Words: words, Stop: strings.Join(l.stopWords(), " ")})
		bi.Fix = append(bi.Fix, fix...)
	}
	if len(langs) > 1 {
		for i, p := range parts {
			n := slices.IndexFunc(langs, func(l language) bool { return l.tag == p.lang })
			si.Parties[i] = append(si.Parties[i], n)
		}
	}
	return bi, nil
}

// slugMark stands for a factsheet's slug in the address patterns of a
// series index: the browser puts each Party's in its place.
const slugMark = "{slug}"

// partyMark stands for the Party's name in the snippet texts and contexts of a series.
const partyMark = "\x01"

// shareTexts lets the snippet texts and the contexts that differ only by
// the Party's name be stored once: those of a shape held by one factsheet
// are written with partyMark for its Party's name, which the browser puts
// back.
func shareTexts(bi *browserIndex, owners []int, parts []Part) {
	bi.Texts = markParty(bi.Docs, 4, bi.Texts, owners, parts)
	bi.Contexts = markParty(bi.Docs, 5, bi.Contexts, owners, parts)
}

// markParty rewrites the strings of list that the documents reference at
// index slot (those that have it), the Party's name marked, each stored
// once, and returns the new list.
func markParty(docs [][]any, slot int, list []string, owners []int, parts []Part) []string {
	at := map[string]int{}
	out := []string{}
	for n, d := range docs {
		if slot >= len(d) {
			continue
		}
		s := list[d[slot].(int)]
		if o := owners[n]; o >= 0 && parts[o].Party != "" {
			s = strings.ReplaceAll(s, parts[o].Party, partyMark)
		}
		i, ok := at[s]
		if !ok {
			i = len(out)
			at[s] = i
			out = append(out, s)
		}
		d[slot] = i
	}
	return out
}

// runs encodes a list of numbers as [first, count] pairs of consecutive runs.
func runs(list []int) []int {
	out := []int{}
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && list[j] == list[j-1]+1 {
			j++
		}
		out = append(out, list[i], j-i)
		i = j
	}
	return out
}
