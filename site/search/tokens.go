package search

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/segment"
)

// token is one word that bleve's analysis keeps of a text: what the
// analysis made of it (its term and surface word) and where it stands in
// the text.
type token struct {
	*rawTerm
	start, end int32
}

// tokenizer analyses texts as bleve's analyzer of a language does. When the
// analyzer is a unicode tokenizer followed by token filters (as English's
// and French's are), it segments the text with bleve's segmenter as that
// tokenizer does and runs the filters once per distinct raw token, since
// each of them reads one token's term and nothing else: the term of a raw
// token is remembered (filters) and every later reading of it is a lookup.
// Otherwise it calls the analyzer on each text.
type tokenizer struct {
	an      analysis.Analyzer
	filters []analysis.TokenFilter // nil: an is called on each text
	raw     *rawTerms
	input   []byte // the text being segmented, as the segmenter reads it
	miss    []int  // the tokens of the text whose raw form was not remembered
}

// newTokenizer returns a tokenizer for the language; a tokenizer is for one
// goroutine at a time.
func (l language) newTokenizer() (*tokenizer, error) {
	an, err := l.analyzer()
	if err != nil {
		return nil, err
	}
	t := &tokenizer{an: an, raw: l.raw}
	if d, ok := an.(*analysis.DefaultAnalyzer); ok && len(d.CharFilters) == 0 {
		if _, ok := d.Tokenizer.(*unicode.UnicodeTokenizer); ok {
			t.filters = d.TokenFilters
		}
	}
	return t, nil
}

// tokens appends to out the tokens bleve's analysis keeps of text, in
// order, and returns out.
func (t *tokenizer) tokens(text string, out []token) []token {
	if t.filters == nil {
		return t.analyzed(text, out)
	}
	first := len(out)
	t.input = append(t.input[:0], text...)
	seg := segment.NewWordSegmenterDirect(t.input)
	start := 0
	t.miss = t.miss[:0]
	t.raw.mu.RLock()
	for seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None { // as bleve's unicode tokenizer keeps a segment
			r := t.raw.terms[text[start:end]]
			if r == nil {
				t.miss = append(t.miss, len(out))
			}
			out = append(out, token{rawTerm: r, start: int32(start), end: int32(end)})
		}
		start = end
	}
	t.raw.mu.RUnlock()
	for _, i := range t.miss {
		out[i].rawTerm = t.filter(text[out[i].start:out[i].end])
	}
	return dropStopped(out, first)
}

// dropStopped removes from out[first:] the tokens that a filter dropped,
// keeping the order of the others.
func dropStopped(out []token, first int) []token {
	n := first
	for _, tok := range out[first:] {
		if tok.keep {
			out[n] = tok
			n++
		}
	}
	return out[:n]
}

// filter runs the analyzer's token filters on one raw token, remembers
// what they made of it and returns that.
func (t *tokenizer) filter(raw string) *rawTerm {
	stream := analysis.TokenStream{&analysis.Token{Term: []byte(raw), End: len(raw), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range t.filters {
		stream = f.Filter(stream)
	}
	r := &rawTerm{word: normalizeWord(raw), keep: len(stream) > 0}
	if r.keep {
		r.term = string(stream[0].Term)
	}
	t.raw.put(raw, r)
	return r
}

// analyzed appends the tokens of the analyzer's analysis of text to out.
func (t *tokenizer) analyzed(text string, out []token) []token {
	for _, tok := range t.an.Analyze([]byte(text)) {
		r := &rawTerm{term: string(tok.Term), word: normalizeWord(text[tok.Start:tok.End]), keep: true}
		out = append(out, token{rawTerm: r, start: int32(tok.Start), end: int32(tok.End)})
	}
	return out
}

// rawTerm is what a language's token filters make of one raw token: its
// term, unless a filter dropped it (keep false), and its surface word.
type rawTerm struct {
	term, word string
	keep       bool
}

// rawTerms remembers, per language, what the token filters made of each raw
// token: the factsheets of a site, and the fields of one, share most of
// their words.
type rawTerms struct {
	mu    sync.RWMutex
	terms map[string]*rawTerm
}

func (m *rawTerms) put(raw string, r *rawTerm) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.terms == nil {
		m.terms = map[string]*rawTerm{}
	}
	if len(m.terms) < maxRemembered { // copies: raw and the word are parts of a text
		r.word = strings.Clone(r.word)
		m.terms[strings.Clone(raw)] = r
	}
}
