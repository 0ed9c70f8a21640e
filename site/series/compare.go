package series

import (
	"regexp"
	"sort"
	"strings"
)

// Kinds of comparison of the texts of one identifier across Parties.
const (
	Identical            = "identical"   // every Party received the very same text
	PartyNamed           = "party-named" // the texts differ only by the Party's name
	Different            = "different"   // the texts differ otherwise
	partySlot            = "\x00"        // stands for the Party's name in a compared text
	opSame, opIns, opDel = "", "ins", "del"
)

// Seg is a run of words of a compared text.
type Seg struct {
	Space bool   // a space comes before it
	Text  string // the words; "" for the Party's name
	Party bool   // the place where each text names its own Party
	Op    string // "" (as in the first text), "ins" (added) or "del" (removed)
}

// Variant is one wording of an identifier and the Parties that received it.
type Variant struct {
	Members []*Summary
	Segs    []Seg // against the first variant's words
}

// Comparison is how the texts of an identifier differ across Parties.
type Comparison struct {
	Language string    // the language of the texts compared
	Kind     string    // Identical, PartyNamed or Different
	Variants []Variant // the first is the most common wording; the others are marked against it
}

// token is a word of a text, or the Party's name, with the space before it.
type token struct {
	space bool
	text  string
}

var tokenPattern = regexp.MustCompile(`\s*(?:\x00|[^\s\x00]+)`)

// withSlot is text with partySlot wherever it names party (when given):
// "Ruritania's" becomes the slot and "'s".
func withSlot(text, party string) string {
	if party == "" {
		return text
	}
	return strings.ReplaceAll(text, party, partySlot)
}

// tokens cuts a text into words, partySlot standing as one token.
func tokens(text string) []token {
	var out []token
	for _, m := range tokenPattern.FindAllString(text, -1) {
		t := strings.TrimLeft(m, " \t\n")
		out = append(out, token{space: len(t) < len(m), text: t})
	}
	return out
}

func key(ts []token) string {
	var b strings.Builder
	for _, t := range ts {
		if t.space {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// CompareByLanguage compares the texts of each language apart (see
// Compare), languages in the order of the receipts.
func CompareByLanguage(rs []Receipt) []Comparison {
	var langs []string
	by := map[string][]Receipt{}
	for _, r := range rs {
		l := r.Member.Language
		if _, ok := by[l]; !ok {
			langs = append(langs, l)
		}
		by[l] = append(by[l], r)
	}
	out := make([]Comparison, 0, len(langs))
	for _, l := range langs {
		c := Compare(by[l])
		c.Language = l
		out = append(out, c)
	}
	return out
}

// Compare groups the receipts of one identifier by wording, the Party's
// name set aside, and marks each other wording's differences from the most
// common one, word by word.
func Compare(rs []Receipt) Comparison {
	type group struct {
		toks    []token
		key     string
		members []*Summary
	}
	var groups []*group
	byKey := map[string]*group{}
	byText := map[string]*group{} // most Parties' texts are the same once their names are set aside: cut each once
	for _, r := range rs {
		text := withSlot(r.Rec.Text, r.Member.Party)
		g := byText[text]
		if g == nil {
			ts := tokens(text)
			k := key(ts)
			if g = byKey[k]; g == nil {
				g = &group{toks: ts, key: k}
				byKey[k] = g
				groups = append(groups, g)
			}
			byText[text] = g
		}
		g.members = append(g.members, r.Member)
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].members) > len(groups[j].members) })
	c := Comparison{Kind: Different}
	if len(groups) == 0 {
		return Comparison{Kind: Identical}
	}
	if len(groups) == 1 {
		c.Kind = Identical
		if strings.Contains(groups[0].key, partySlot) {
			c.Kind = PartyNamed
		}
	}
	base := groups[0].toks
	for _, g := range groups {
		c.Variants = append(c.Variants, Variant{Members: g.members, Segs: diff(base, g.toks)})
	}
	return c
}

// diff marks the words of b against a: kept, added (ins) or removed (del),
// by their longest common subsequence, removed words first; runs of one
// kind are joined.
func diff(a, b []token) []Seg {
	if key(a) == key(b) {
		return same(b)
	}
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i].text == b[j].text {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Seg
	add := func(t token, op string) { out = appendSeg(out, t, op) }
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i].text == b[j].text:
			add(b[j], opSame)
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			add(a[i], opDel) // removed words before the words replacing them
			i++
		default:
			add(b[j], opIns)
			j++
		}
	}
	return out
}

// same is the segments of a text compared with itself: its words, kept.
func same(ts []token) []Seg {
	var out []Seg
	for _, t := range ts {
		out = appendSeg(out, t, opSame)
	}
	return out
}

// appendSeg adds a word to the segments, joining it to the last one when
// both are words of the same kind.
func appendSeg(out []Seg, t token, op string) []Seg {
	if t.text == partySlot {
		return append(out, Seg{Space: t.space, Party: true, Op: op})
	}
	if k := len(out) - 1; k >= 0 && out[k].Op == op && !out[k].Party {
		if t.space {
			out[k].Text += " "
		}
		out[k].Text += t.text
		return out
	}
	return append(out, Seg{Space: t.space, Text: t.text, Op: op})
}
