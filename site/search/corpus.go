package search

import (
	"sort"

	"factsheet/site/factsheet"
)

// corpus is what bleve's analysis of its language makes of a factsheet's search
// documents, computed directly, without filling a bleve index: each
// distinct text's tokens, each document's field lengths, each term's
// document counts per text field, and the surface words giving each term.
// The postings (document, frequency) of the tokens and these counts are
// exactly what a bleve index of the same documents holds (a test compares
// them); the browser index is exported from it.
type corpus struct {
	records []record
	lang    language // the analysis of the factsheet's language
	// suffix follows the names of the text fields in the bleve index: ""
	// for the first language of an index, "_<tag>" for the others, so that
	// each language's terms live in fields of their own (see Engine.langs).
	suffix  string
	lens    [][]int             // per field, per document: the number of tokens
	words   map[string]string   // surface word → term
	terms   map[string][]string // term → its surface words, sorted
	surface []string            // the surface words, sorted
	df      map[string][]int    // term → number of documents having it in each of textFields
	// analysed holds each distinct text of the records with its tokens, in
	// toks, and its distinct terms, in distinct
	analysed map[string]*analysedText
	toks     []token
	distinct []string
	dfs      []int // room for the counts of df's next terms
}

// fieldTexts returns the text of each of textFields for a record, as the
// bleve document of Open holds them.
func fieldTexts(r record) [5]string {
	var f [5]string // indexed like textFields
	f[fieldIndex(fieldChapter)] = r.Chapter
	if r.Kind == KindRecommendation {
		f[fieldIndex(fieldText)], f[fieldIndex(fieldContext)] = r.Text, r.Context
	} else {
		f[fieldIndex(fieldHeading)], f[fieldIndex(fieldBody)] = r.Title, r.Text
	}
	return f
}

// fieldIndex is the position of a text field in textFields.
func fieldIndex(name string) int {
	for i, f := range textFields {
		if f.Name == name {
			return i
		}
	}
	panic("search: unknown text field " + name)
}

// analyse builds the corpus of a factsheet.
func analyse(doc *factsheet.Document) (*corpus, error) {
	return analyseRecords(records(doc), languageOf(doc.Meta.Language))
}

// analyseRecords builds the corpus of search documents in a language:
// the records of another language (Lang set to another tag) keep their
// numbers but add no term, as in a bleve index whose fields are per language.
func analyseRecords(recs []record, lang language) (*corpus, error) {
	tz, err := lang.newTokenizer()
	if err != nil {
		return nil, err
	}
	c := &corpus{records: recs, lang: lang}
	c.lens = make([][]int, len(textFields))
	for fi := range textFields {
		c.lens[fi] = make([]int, len(c.records))
	}
	texts := c.analyseTexts(tz)
	c.df = make(map[string][]int, len(c.toks)/tokensPerTerm)
	c.words = make(map[string]string, len(c.toks)/tokensPerTerm)
	at := 0
	for n, r := range c.records {
		if r.Lang != "" && r.Lang != lang.tag {
			continue
		}
		for fi, text := range fieldTexts(r) {
			a := c.analysed[text]
			a.last, at = at, at+1
			c.addField(n, fi, a)
		}
	}
	// the words, as if every text were read in turn, the last reading of a
	// word giving its term: each text where it was read last
	sort.Slice(texts, func(i, j int) bool { return texts[i].last < texts[j].last })
	for _, a := range texts {
		c.addWords(c.tokensOf(a))
	}
	c.terms = map[string][]string{}
	c.surface = make([]string, 0, len(c.words))
	for w, t := range c.words {
		c.terms[t] = append(c.terms[t], w)
		c.surface = append(c.surface, w)
	}
	sort.Strings(c.surface)
	for _, ws := range c.terms {
		sort.Strings(ws)
	}
	return c, nil
}

// analyseTexts analyses each distinct text of the corpus's records once
// (a chapter's name, the text of several identifiers recur: bleve's
// analysis depends on the text only), into corpus.analysed and corpus.toks,
// and returns them in the order they first appear.
func (c *corpus) analyseTexts(tz *tokenizer) []*analysedText {
	c.analysed = map[string]*analysedText{}
	var texts []*analysedText
	size := 0
	for _, r := range c.records {
		if r.Lang != "" && r.Lang != c.lang.tag {
			continue
		}
		for _, text := range fieldTexts(r) {
			if c.analysed[text] == nil {
				a := &analysedText{text: text}
				c.analysed[text] = a
				texts = append(texts, a)
				size += len(text)
			}
		}
	}
	c.toks = make([]token, 0, size/bytesPerToken)
	seen := map[string]bool{}
	for _, a := range texts {
		a.from = len(c.toks)
		c.toks = tz.tokens(a.text, c.toks)
		a.to = len(c.toks)
		a.distinctFrom = len(c.distinct)
		for _, tok := range c.tokensOf(a) {
			if !seen[tok.term] {
				seen[tok.term] = true
				c.distinct = append(c.distinct, tok.term)
			}
		}
		a.distinctTo = len(c.distinct)
		clear(seen)
	}
	return texts
}

// bytesPerToken is fewer bytes of text than a token that bleve's analysis
// keeps takes (about 11 in the seed, stop words dropped), so that the
// tokens of a corpus mostly fit in the room made for them.
const bytesPerToken = 8

// tokensPerTerm is about the number of tokens a corpus has for each of its
// distinct terms and surface words (5 and 4 in the seed): the maps of
// those are made that large.
const tokensPerTerm = 4

// field is the name, in the bleve index, of text field fi in the corpus's language.
func (c *corpus) field(fi int) string { return textFields[fi].Name + c.suffix }

// analysedText is a text, its tokens (corpus.toks[from:to]), its distinct
// terms (corpus.distinct[distinctFrom:distinctTo]) and the last of its
// readings (in record and field order).
type analysedText struct {
	text                     string
	from, to                 int
	distinctFrom, distinctTo int
	last                     int
}

// tokensOf returns the tokens of an analysed text.
func (c *corpus) tokensOf(a *analysedText) []token { return c.toks[a.from:a.to] }

// addWords notes the surface word of each token and its term.
func (c *corpus) addWords(toks []token) {
	for _, tok := range toks {
		if t, ok := c.words[tok.word]; !ok || t != tok.term {
			c.words[tok.word] = tok.term
		}
	}
}

// addField counts the terms of field fi of document n, whose text is a:
// the field's length (as bleve counts it, the tokens left after analysis)
// and, for each of its distinct terms, one more document in that field.
func (c *corpus) addField(n, fi int, a *analysedText) {
	if a.to == a.from {
		return
	}
	c.lens[fi][n] = a.to - a.from
	for _, t := range c.distinct[a.distinctFrom:a.distinctTo] {
		df := c.df[t]
		if df == nil {
			if len(c.dfs) < len(textFields) {
				c.dfs = make([]int, dfChunk*len(textFields))
			}
			df, c.dfs = c.dfs[:len(textFields):len(textFields)], c.dfs[len(textFields):]
			c.df[t] = df
		}
		df[fi]++
	}
}

// dfChunk is the number of terms whose document counts are made at once.
const dfChunk = 256
