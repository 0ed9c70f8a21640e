package search

import (
	"strconv"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/internal/lazy"
)

// wordPattern finds the words of a query; assets/search.js uses the same pattern.
var wordPattern = lazy.Regexp(`[\p{L}\p{M}\p{N}]+(?:['’＇][\p{L}\p{M}\p{N}]+)*`)

// romanPattern matches a chapter numeral, alone or followed by digits ("iv5").
var romanPattern = lazy.Regexp(`^(xv|xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)([0-9]{0,3})$`)

// maxWords is the number of words of a query that count; the rest are ignored.
const maxWords = 12

// urgencyWords are the English query words that filter recommendations by
// urgency wherever they stand in a query. Other languages have none: their
// verbs ("demande", "invite") are ordinary words of the text.
var urgencyWords = map[string]string{
	"require": "require", "requires": "require",
	"request": "request", "requests": "request",
	"invite": "invite", "invites": "invite",
}

// Query is a query as the user typed it, taken apart.
type Query struct {
	IDs       []string // recommendation identifiers typed ("IV-5", "iv 5", "iv5"), as printed
	Urgencies []string // urgency filter words, as urgencies
	Words     []string // the other words, normalized
	// Typing is set when the query does not end with a space or punctuation:
	// the last word is still being typed and also matches as a prefix.
	Typing bool
}

// ParseQuery takes a query apart: identifiers (kept only if known says they
// exist), urgency words and the other words. It never fails: any text is a
// query. The urgency words are the English ones (see urgencyWords).
func ParseQuery(q string, known func(id string) bool) Query {
	return parseQuery(q, urgencyWords, nil, known)
}

// parseQuery is ParseQuery with the words that filter by urgency: anywhere
// wherever they stand, legend (a factsheet's own level words, lower case:
// "exige") only as the whole query, so that "demande d'asile" stays a search
// for words. assets/search/query.js parses the same way.
func parseQuery(q string, anywhere, legend map[string]string, known func(id string) bool) Query {
	if u, ok := legend[normalizeWord(strings.TrimSpace(q))]; ok {
		return Query{Urgencies: []string{u}}
	}
	var out Query
	locs := wordPattern().FindAllStringIndex(q, -1)
	var words []string
	for i := 0; i < len(locs); i++ {
		w := normalizeWord(q[locs[i][0]:locs[i][1]])
		if id, n := identifier(q, locs, i, w, known); id != "" {
			out.IDs = appendNew(out.IDs, id)
			i += n - 1
			continue
		}
		if u, ok := anywhere[w]; ok {
			out.Urgencies = appendNew(out.Urgencies, u)
			continue
		}
		if len(words) == maxWords {
			break
		}
		words = append(words, w)
		out.Typing = i == len(locs)-1 && locs[i][1] == len(q)
	}
	out.Words = words
	return out
}

// identifier reads a recommendation identifier starting at word i: "iv5" or
// "iv" then "5" separated by spaces or dashes. It returns the identifier as
// printed and how many words it used, or "" when the words name no known one.
func identifier(q string, locs [][]int, i int, w string, known func(string) bool) (string, int) {
	m := romanPattern().FindStringSubmatch(w)
	if m == nil {
		return "", 0
	}
	digits, used := m[2], 1
	if digits == "" {
		if i+1 >= len(locs) || strings.Trim(q[locs[i][1]:locs[i+1][0]], " -‐‑–—") != "" {
			return "", 0
		}
		digits, used = q[locs[i+1][0]:locs[i+1][1]], 2
	}
	n, err := strconv.Atoi(digits)
	if err != nil || len(digits) > 3 {
		return "", 0
	}
	id := strings.ToUpper(m[1]) + "-" + strconv.Itoa(n)
	if known == nil || !known(id) {
		return "", 0
	}
	return id, used
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// anywhere returns the words that filter by urgency wherever they stand in
// a query of the engine's language: English's, none in other languages.
func (ix *Engine) anywhere() map[string]string {
	if ix.lang.tag != "en" {
		return nil
	}
	return urgencyWords
}

// legendWords maps the words of a factsheet's legend, as its pages show them
// (desc-<urgency> data-word, the urgency itself when the legend lacks one),
// lower case, to their urgency.
func legendWords(doc *factsheet.Document) map[string]string {
	out := map[string]string{}
	for _, u := range factsheet.Urgencies {
		w := string(u)
		for _, l := range doc.Levels {
			if l.Urgency == u && l.Word != "" {
				w = l.Word
			}
		}
		out[normalizeWord(w)] = string(u)
	}
	return out
}
