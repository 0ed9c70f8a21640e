package render

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"factsheet/site/factsheet"
)

// entry is one recommendation identifier and the recommendation it names: a
// text shared by V-4 and V-7 gives two entries.
type entry struct {
	ID  string
	Rec *factsheet.Recommendation
}

// Stem is the file name stem of the identifier's page ("iv-5").
func (e entry) Stem() string { return factsheet.FileStem(e.ID) }

// entries lists every identifier of the document: chapters in document order,
// and inside a chapter by identifier number (II-1, II-2, ..., II-12).
func entries(doc *factsheet.Document) []entry {
	chapterIndex := map[*factsheet.Chapter]int{}
	for i, c := range doc.Chapters {
		chapterIndex[c] = i
	}
	var out []entry
	for _, r := range doc.Recommendations {
		for _, id := range r.IDs {
			out = append(out, entry{ID: id, Rec: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := chapterIndex[out[i].Rec.Chapter], chapterIndex[out[j].Rec.Chapter]
		if ci != cj {
			return ci < cj
		}
		return lessID(out[i].ID, out[j].ID)
	})
	return out
}

// lessID orders identifiers by their prefix, then by their trailing number.
func lessID(a, b string) bool {
	pa, na := splitID(a)
	pb, nb := splitID(b)
	if pa != pb {
		return pa < pb
	}
	if na != nb {
		return na < nb
	}
	return a < b
}

// splitID splits "IV-12" into "IV" and 12; an identifier without a trailing
// number gives -1.
func splitID(id string) (string, int) {
	i := strings.LastIndexFunc(id, func(r rune) bool { return !unicode.IsDigit(r) })
	n, err := strconv.Atoi(id[i+1:])
	if err != nil {
		return id, -1
	}
	return strings.TrimRight(id[:i+1], "-"), n
}

// count is the number of identifiers of one urgency.
type count struct {
	Urgency factsheet.Urgency
	Word    string
	N       int
}

// counts tallies identifiers by urgency, strongest first, leaving out zeros.
func counts(doc *factsheet.Document, es []entry) []count {
	n := map[factsheet.Urgency]int{}
	for _, e := range es {
		n[e.Rec.Urgency]++
	}
	var out []count
	for _, u := range factsheet.Urgencies {
		if n[u] > 0 {
			out = append(out, count{Urgency: u, Word: levelOf(doc, u).Word, N: n[u]})
		}
	}
	return out
}

// levelOf returns the document's definition of an urgency, or a plain one.
func levelOf(doc *factsheet.Document, u factsheet.Urgency) factsheet.Level {
	for _, l := range doc.Levels {
		if l.Urgency == u {
			if l.Word == "" {
				l.Word = capitalize(string(u))
			}
			return l
		}
	}
	return factsheet.Level{Urgency: u, Word: capitalize(string(u))}
}

// levels returns the three urgency levels as the document defines them.
func levels(doc *factsheet.Document) []factsheet.Level {
	out := make([]factsheet.Level, 0, len(factsheet.Urgencies))
	for _, u := range factsheet.Urgencies {
		out = append(out, levelOf(doc, u))
	}
	return out
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// blockPlain is the plain text of a block and of its sub-items.
func blockPlain(b *factsheet.Block) string {
	if b == nil {
		return ""
	}
	// Plain and blockPlain collapse white space: the texts are joined by one space
	parts := make([]string, 0, 1+len(b.Children))
	if t := b.Text.Plain(); t != "" {
		parts = append(parts, t)
	}
	for _, c := range b.Children {
		if t := blockPlain(c); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// firstSentence returns the text up to its first full stop, or its start cut
// at a word boundary when the sentence is longer than max characters.
func firstSentence(text string, max int) string {
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' && i >= 20 {
			text = text[:i+1]
			break
		}
	}
	return clip(text, max)
}

// clip cuts text at a word boundary so that it is at most max bytes, adding "…".
func clip(text string, max int) string {
	if len(text) <= max {
		return text
	}
	cut := strings.LastIndex(text[:max], " ")
	if cut < max/2 {
		cut = max
		for cut > 0 && !utf8Start(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func sortInts(a []int) { sort.Ints(a) }
