package search

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Tuning of query expansion; the browser index carries these values so that
// assets/search.js expands queries exactly as Search does.
const (
	prefixBoost   = 0.5 // weight of a term found by completing the word being typed
	fuzzyBoost    = 0.4 // weight of a term found by tolerating one typo
	minPrefix     = 2   // letters typed before the last word is completed
	minFuzzy      = 5   // letters a word needs before a typo is tolerated
	maxExpansions = 30  // terms a word may expand to, the most frequent first
)

// clause is one term looked up in one field, with the weight of a match.
type clause struct {
	Term  string
	Field int // index into textFields
	Boost float64
	lang  *corpus // the language whose fields the term is looked up in
}

// wordClauses resolves one query word into the clauses that match it in
// each language of the index (see Engine.langs), that language's first. A
// word that is a stop word of every language gives nil and ok false: it is
// not part of the query.
func (ix *Engine) wordClauses(w string, typing bool) (cl []clause, ok bool) {
	for _, c := range ix.langs {
		more, some := c.wordClauses(w, typing)
		cl, ok = append(cl, more...), ok || some
	}
	return cl, ok
}

// wordClauses resolves one query word into the clauses that match it in the
// corpus's language: its own term; if it is being typed, the terms of the
// corpus words it begins; if it matches nothing and has minFuzzy letters or
// more, the terms one typo away. A stop word gives nil and ok false.
func (ix *corpus) wordClauses(w string, typing bool) (cl []clause, ok bool) {
	term := ix.lang.analyzeWord(w)
	if term == "" {
		return nil, false
	}
	cands := map[string]float64{}
	if ix.df[term] != nil {
		cands[term] = 1
	}
	if typing && utf8.RuneCountInString(w) >= minPrefix {
		var more []string
		for _, v := range ix.surfaceWithPrefix(w) {
			if t := ix.words[v]; t != term {
				more = append(more, t)
			}
		}
		ix.addCandidates(cands, more, prefixBoost)
	}
	if len(cands) == 0 && utf8.RuneCountInString(w) >= minFuzzy {
		var more []string
		for _, v := range ix.surface {
			if withinOneEdit(w, v) {
				more = append(more, ix.words[v])
			}
		}
		for t := range ix.df {
			if withinOneEdit(term, t) {
				more = append(more, t)
			}
		}
		ix.addCandidates(cands, more, fuzzyBoost)
	}
	terms := make([]string, 0, len(cands))
	for t := range cands {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		for fi, f := range textFields {
			if ix.df[t][fi] > 0 {
				cl = append(cl, clause{Term: t, Field: fi, Boost: cands[t] * f.Boost, lang: ix})
			}
		}
	}
	return cl, true
}

// addCandidates adds up to maxExpansions distinct terms of more, the most
// frequent first (ties in term order), with the given boost.
func (ix *corpus) addCandidates(cands map[string]float64, more []string, boost float64) {
	seen := map[string]bool{}
	var uniq []string
	for _, t := range more {
		if _, had := cands[t]; !had && !seen[t] {
			seen[t] = true
			uniq = append(uniq, t)
		}
	}
	sort.Slice(uniq, func(i, j int) bool {
		a, b := ix.totalDF(uniq[i]), ix.totalDF(uniq[j])
		if a != b {
			return a > b
		}
		return uniq[i] < uniq[j]
	})
	if len(uniq) > maxExpansions {
		uniq = uniq[:maxExpansions]
	}
	for _, t := range uniq {
		cands[t] = boost
	}
}

// totalDF is the number of (document, field) pairs a term occurs in.
func (ix *corpus) totalDF(t string) int {
	n := 0
	for _, c := range ix.df[t] {
		n += c
	}
	return n
}

// surfaceWithPrefix returns the corpus words that start with p, other than p.
func (ix *corpus) surfaceWithPrefix(p string) []string {
	i := sort.SearchStrings(ix.surface, p)
	var out []string
	for ; i < len(ix.surface) && strings.HasPrefix(ix.surface[i], p); i++ {
		if ix.surface[i] != p {
			out = append(out, ix.surface[i])
		}
	}
	return out
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of two neighbouring letters.
func withinOneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > 1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	if i == len(y) {
		return true
	}
	if len(x) > len(y) {
		return string(x[i+1:]) == string(y[i:])
	}
	if string(x[i+1:]) == string(y[i+1:]) {
		return true
	}
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
}
