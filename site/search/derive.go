package search

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factsheet/site/internal/lazy"
)

// tokenPattern finds the words of a field's text as the browser tokenises it
// to make bleve's postings again (assets/search/intro.js, TOKEN). Unlike
// wordPattern (a query's words) it follows the word boundaries of bleve's
// Unicode tokenizer (UAX #29) more closely: letters join across an
// apostrophe, full stop, colon or middle dot ("e.g", "coe.int"), digits
// across an apostrophe, full stop, comma or semicolon ("1,000"), not a
// letter and a digit ("01's" is two words); "_" is a letter. Where the two
// still differ, the export ships bleve's terms of the field (browserIndex.Fix).
var tokenPattern = lazy.Regexp(`(?:\p{L}(?:['’＇.:·]\p{L})+|\p{N}(?:[.,;'’＇]\p{N})+|[\p{L}\p{M}\p{N}_])+`)

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
	terms    []string          // scratch: the browser's terms of a text
	words    []string          // scratch: the corpus words giving them
}

// derivation tokenises every field of the corpus as the browser does and
// compares the terms with bleve's postings: those of a field are bleve's
// terms of its text, which the corpus analysed once (corpus.analysed).
func (c *corpus) derivation() *derivation {
	d := &derivation{c: c, analysed: map[string]string{}, derived: map[string]bool{}}
	derivable := map[string]bool{} // chapter names, contexts and texts recur
	for n, r := range c.records {
		if r.Lang != "" && r.Lang != c.lang.tag {
			continue // another language's document: its corpus derives it
		}
		for fi, text := range fieldTexts(r) {
			if text == "" {
				continue // no term, in bleve's analysis as in the browser's
			}
			ok, seen := derivable[text]
			if !seen {
				// bleve analyses a text the same way in every field: one check will do
				ok = d.derives(c.analysed[text])
				derivable[text] = ok
			}
			if !ok {
				d.fix = append(d.fix, [3]any{n, fi, sortedTerms(c.tokensOf(c.analysed[text]))})
			}
		}
	}
	return d
}

// derives reports whether the browser's analysis of a text gives bleve's
// terms of it, as often each, and notes the corpus words it reads if so.
// A word giving a term that is not a word of the corpus (bleve did not
// find it there) makes it fail.
func (d *derivation) derives(a *analysedText) bool {
	ok := true
	d.terms, d.words = d.terms[:0], d.words[:0]
	scanTokens(a.text, func(m string) {
		w := normalizeWord(m)
		t, inCorpus := d.c.words[w]
		if !inCorpus {
			if t, inCorpus = d.analysed[w]; !inCorpus {
				t = d.c.lang.analyzeWord(w)
				d.analysed[w] = t
			}
			ok = ok && t == "" // a stop word, or a term bleve did not find here
			return
		}
		d.terms = append(d.terms, t)
		d.words = append(d.words, w)
	})
	if !ok || !sameTerms(d.terms, d.c.tokensOf(a)) {
		return false
	}
	for _, w := range d.words {
		d.derived[w] = true
	}
	return true
}

// sameTerms reports whether terms holds the terms of toks, as often each,
// in any order (in the same order, most often).
func sameTerms(terms []string, toks []token) bool {
	if len(terms) != len(toks) {
		return false
	}
	same := true
	for i, tok := range toks {
		if terms[i] != tok.term {
			same = false
			break
		}
	}
	if same {
		return true
	}
	want := tokenTerms(toks)
	sort.Strings(want)
	got := slices.Clone(terms)
	sort.Strings(got)
	return slices.Equal(got, want)
}

// tokenTerms lists the term of each token.
func tokenTerms(toks []token) []string {
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok.term
	}
	return out
}

// sortedTerms lists bleve's terms of a field's tokens, each as often as it
// occurs there, sorted, space separated.
func sortedTerms(toks []token) string {
	terms := tokenTerms(toks)
	sort.Strings(terms)
	return strings.Join(terms, " ")
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
