package search

import "strings"

// Snippet sizes, in words and characters.
const (
	snippetWords   = 28  // words in a snippet cut out of a longer text
	snippetShortUp = 260 // texts up to this many characters are shown whole
	snippetLead    = 5   // words shown before the first match
)

// snippet cuts out of text the run of snippetWords words holding the most
// words whose term in the corpus's language is in matched (the first such run), with "…" where text
// was cut. Short texts come back whole.
func (ix *corpus) snippet(text string, matched map[matchKey]bool) string {
	if len(text) <= snippetShortUp {
		return text
	}
	locs := wordPattern().FindAllStringIndex(text, -1)
	if len(locs) <= snippetWords {
		return text
	}
	hit := make([]int, len(locs)+1) // hit[i]: matching words among the first i
	for i, l := range locs {
		hit[i+1] = hit[i]
		if matched[matchKey{ix, ix.termOf(text[l[0]:l[1]])}] {
			hit[i+1]++
		}
	}
	best, start := -1, 0
	for i := 0; i+snippetWords <= len(locs); i++ {
		if c := hit[i+snippetWords] - hit[i]; c > best {
			best, start = c, i
		}
	}
	// move the run so that its first match has a few words before it
	first := start
	for first < len(locs) && hit[first+1] == hit[first] {
		first++
	}
	if s := min(max(first-snippetLead, 0), len(locs)-snippetWords); best > 0 && hit[s+snippetWords]-hit[s] >= best {
		start = s
	}
	from, to := locs[start][0], locs[start+snippetWords-1][1]
	if start == 0 {
		from = 0
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	b.WriteString(text[from:to])
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// termOf is the term of a word of the corpus.
func (ix *corpus) termOf(w string) string {
	n := normalizeWord(w)
	if t, ok := ix.words[n]; ok {
		return t
	}
	return ix.lang.analyzeWord(n)
}
