package search

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenPattern finds the words of a field's text as the browser tokenises it
// to make bleve's postings again (assets/search/intro.js, TOKEN). Unlike
// wordPattern (a query's words) it follows the word boundaries of bleve's
// Unicode tokenizer (UAX #29) more closely: letters join across an
// apostrophe, full stop, colon or middle dot ("e.g", "coe.int"), digits
// across an apostrophe, full stop, comma or semicolon ("1,000"), not a
// letter and a digit ("01's" is two words); "_" is a letter. Where the two
// still differ, the export ships bleve's terms of the field (browserIndex.Fix).
var tokenPattern = regexp.MustCompile(`(?:\p{L}(?:['’＇.:·]\p{L})+|\p{N}(?:[.,;'’＇]\p{N})+|[\p{L}\p{M}\p{N}_])+`)

// derivation is what the browser makes of the corpus's texts: for each
// field of each document the words tokenPattern finds, normalized, and their
// terms (bleve's analysis of the word alone, or the corpus's term for it).
// Where this gives bleve's postings for a field, the browser index ships
// nothing more than the text; otherwise it ships bleve's terms of the field.
type derivation struct {
	c        *corpus
	analysed map[string]string // words outside the corpus → their analysis alone
	derived  map[string]bool   // the corpus words that the derivable fields give
	fix      [][3]any          // [document, field, bleve's terms] of the other fields
}

// derivation tokenises every field of the corpus as the browser does and
// compares the terms with bleve's postings.
func (c *corpus) derivation() *derivation {
	d := &derivation{c: c, analysed: map[string]string{}, derived: map[string]bool{}}
	distinct := c.distinctTerms()
	seen := map[string]*textTerms{} // chapter names, contexts and texts recur
	for n, r := range c.records {
		for fi, text := range fieldTexts(r) {
			if text == "" && distinct[fi][n] == 0 {
				continue
			}
			tt := seen[text]
			if tt == nil {
				// bleve analyses a text the same way in every field: one check will do
				tt = d.terms(text)
				tt.ok = tt.ok && len(tt.freqs) == distinct[fi][n] && c.hasFreqs(n, fi, tt.freqs)
				if tt.ok {
					for _, w := range tt.words {
						d.derived[w] = true
					}
				}
				seen[text] = tt
			}
			if tt.ok {
				continue
			}
			d.fix = append(d.fix, [3]any{n, fi, c.fieldTerms(n, fi)})
		}
	}
	return d
}

// textTerms is what the browser makes of a text: its terms with their
// frequencies and the words giving them; ok is false when a word gives a
// term but is not a word of the corpus (bleve did not find it there).
type textTerms struct {
	freqs map[string]int
	words []string
	ok    bool
}

// terms tokenises and analyses a text as the browser does.
func (d *derivation) terms(text string) *textTerms {
	tt := &textTerms{freqs: make(map[string]int, len(text)/16), ok: true}
	scanTokens(text, func(m string) {
		w := normalizeWord(m)
		t, inCorpus := d.c.words[w]
		if !inCorpus {
			if t, inCorpus = d.analysed[w]; !inCorpus {
				t = d.c.lang.analyzeWord(w)
				d.analysed[w] = t
			}
			tt.ok = tt.ok && t == "" // a stop word, or a term bleve did not find here
			return
		}
		tt.freqs[t]++
		tt.words = append(tt.words, w)
	})
	return tt
}

// scanTokens calls fn with each match of tokenPattern in s, in order: the
// pattern is the specification (and what the browser runs), this scanner is
// the same, faster (a test compares them). A token is a run of letters,
// marks, digits and "_", in which a letter followed by one of ['’＇.:·] and
// another letter, or a digit followed by one of [.,;'’＇] and another digit,
// joins the two.
func scanTokens(s string, fn func(string)) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += n
			switch {
			case unicode.IsLetter(r):
				i = joinAcross(s, i, joinsLetters, unicode.IsLetter)
			case unicode.IsNumber(r):
				i = joinAcross(s, i, joinsDigits, unicode.IsNumber)
			}
		}
		fn(s[start:i])
	}
}

// isWordRune reports whether r is a letter, mark, digit or "_".
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// joinsLetters and joinsDigits are the separators that join two letters,
// and two digits, into one token.
func joinsLetters(r rune) bool {
	return r == '\'' || r == '’' || r == '＇' || r == '.' || r == ':' || r == '·'
}

func joinsDigits(r rune) bool {
	return r == '\'' || r == '’' || r == '＇' || r == '.' || r == ',' || r == ';'
}

// joinAcross returns the offset after the separators (joins) each followed
// by a rune of class that follow s[:i], i itself if none does.
func joinAcross(s string, i int, joins, class func(rune) bool) int {
	for i < len(s) {
		sep, n := utf8.DecodeRuneInString(s[i:])
		if !joins(sep) || i+n >= len(s) {
			return i
		}
		r, m := utf8.DecodeRuneInString(s[i+n:])
		if !class(r) {
			return i
		}
		i += n + m
	}
	return i
}

// distinctTerms counts, per text field and document, the terms bleve found.
func (c *corpus) distinctTerms() [][]int {
	out := make([][]int, len(textFields))
	for fi := range out {
		out[fi] = make([]int, len(c.records))
	}
	for _, fields := range c.postings {
		for fi, ps := range fields {
			for _, p := range ps {
				out[fi][p.doc]++
			}
		}
	}
	return out
}

// hasFreqs reports whether bleve found each term in field fi of document n
// as many times as freqs says.
func (c *corpus) hasFreqs(n, fi int, freqs map[string]int) bool {
	for t, f := range freqs {
		ps := c.postings[t][fi]
		i := sort.Search(len(ps), func(i int) bool { return ps[i].doc >= n })
		if i == len(ps) || ps[i].doc != n || ps[i].freq != f {
			return false
		}
	}
	return true
}

// fieldTerms lists bleve's terms of field fi of document n, each as often as
// it occurs there, sorted, space separated.
func (c *corpus) fieldTerms(n, fi int) string {
	var terms []string
	for t, fields := range c.postings {
		for _, p := range fields[fi] {
			if p.doc == n {
				for range p.freq {
					terms = append(terms, t)
				}
			}
		}
	}
	sort.Strings(terms)
	return strings.Join(terms, " ")
}

// export returns browserIndex.Words and Fix: the corpus words the browser
// would not map to bleve's term by analysing them alone, and those no
// derivable field gives, then the fields to take from bleve.
func (d *derivation) export() (words string, fix [][3]any) {
	var b strings.Builder
	for _, w := range d.c.surface {
		t := d.c.words[w]
		differs := d.c.lang.analyzeWord(w) != t
		if !differs && d.derived[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if differs {
			b.WriteString("=" + t)
		}
	}
	return b.String(), d.fix
}
