package factsheet

import (
	"strings"
	"unicode"

	"factsheet/site/internal/lazy"
)

// Abbreviation is a short form that the text defines, either after its long
// form ("child sexual abuse material (CSAM)") or before it ("EMPACT
// (European Multidisciplinary Platform Against Criminal Threats)").
type Abbreviation struct {
	Short   string       `json:"short"` // as the first definition writes it: "ICTs"
	Long    string       `json:"long"`  // the words it stands for: "information and communication technologies"
	Pos     Pos          `json:"pos"`   // the block of its first definition
	Chapter *Chapter     `json:"-"`     // the chapter of its first definition
	Block   *Block       `json:"-"`     // the heading, paragraph or item of its first definition
	Others  []Definition `json:"-"`     // its later definitions, in order
}

// Definition is a place where the text defines an abbreviation.
type Definition struct {
	Chapter *Chapter
	Block   *Block
}

// Stem is the short form without a plural "s" ("ICTs" → "ICT"): uses of
// "ICT" and "ICTs" are both uses of the abbreviation.
func (a *Abbreviation) Stem() string { return abbrevStem(a.Short) }

func abbrevStem(s string) string {
	if len(s) > 2 && strings.HasSuffix(s, "s") {
		return s[:len(s)-1]
	}
	return s
}

var (
	// shortAfter is a short form in parentheses after its long form.
	shortAfter = lazy.Regexp(`\(([A-Z]{2,}s?)\)`)
	// shortBefore is a short form followed by its long form in parentheses.
	shortBefore = lazy.Regexp(`\b([A-Z]{2,}s?) \(([^()]{3,200})\)`)
	// roman is a well-formed Roman numeral (chapter numbers, "IV-5"); "VID" is not one.
	roman = lazy.Regexp(`^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$`)
)

// abbreviations finds the abbreviations the chapters define and notes, once
// each, the words in capitals that are used but never defined.
func (p *fileParser) abbreviations() []*Abbreviation {
	var out []*Abbreviation
	byStem := map[string]*Abbreviation{}
	type use struct {
		word string
		pos  Pos
	}
	var uses []use
	walkText(p.doc, func(c *Chapter, b *Block, text string) {
		for _, d := range definitions(text) {
			if a := byStem[abbrevStem(d.Short)]; a != nil {
				if a.Block != b && (len(a.Others) == 0 || a.Others[len(a.Others)-1].Block != b) {
					a.Others = append(a.Others, Definition{Chapter: c, Block: b})
				}
				continue
			}
			a := &Abbreviation{Short: d.Short, Long: d.Long, Pos: b.Pos, Chapter: c, Block: b}
			byStem[a.Stem()] = a
			out = append(out, a)
		}
		for _, w := range capitalWords(text) {
			uses = append(uses, use{w, b.Pos})
		}
	})
	for _, f := range p.doc.Footnotes {
		for _, w := range capitalWords(f.Text.Plain()) {
			uses = append(uses, use{w, f.Pos})
		}
	}
	noted := map[string]bool{}
	for _, u := range uses {
		stem := abbrevStem(u.word)
		if byStem[stem] != nil || noted[stem] || roman().MatchString(u.word) {
			continue
		}
		noted[stem] = true
		p.problems = append(p.problems, Problem{Pos: u.pos, Severity: Note, Message: message(
			"%s looks like an abbreviation, but the text never defines it as \"long form (%s)\": it is shown without an expansion", u.word, u.word)})
	}
	return out
}

// walkText calls f with the plain text of every heading, paragraph and item
// of the chapters, in document order.
func walkText(doc *Document, f func(*Chapter, *Block, string)) {
	doc.eachBlock(func(c *Chapter, b *Block) {
		if b.Text != nil {
			f(c, b, b.Text.Plain())
		}
	})
}

// definitions lists the abbreviations a text defines, in order.
func definitions(text string) []Abbreviation {
	var out []Abbreviation
	if !strings.Contains(text, "(") {
		return nil // both forms have parentheses
	}
	for _, m := range shortAfter().FindAllStringSubmatchIndex(text, -1) {
		short := text[m[2]:m[3]]
		if long := longForm(short, wordsBefore(text[:m[0]], maxWords(short))); long != "" {
			out = append(out, Abbreviation{Short: short, Long: long})
		}
	}
	for _, m := range shortBefore().FindAllStringSubmatch(text, -1) {
		short, inside := m[1], strings.TrimSpace(m[2])
		if long := longForm(short, inside); long != "" && strings.HasPrefix(inside, long) && len(strings.Fields(inside)) <= maxWords(short) {
			out = append(out, Abbreviation{Short: short, Long: long})
		}
	}
	return out
}

// maxWords is the longest long form considered for a short form, after
// Schwartz and Hearst (2003): min(|short|+5, 2·|short|) words.
func maxWords(short string) int { return min(len(short)+5, 2*len(short)) }

// wordsBefore returns the last n words of text.
func wordsBefore(text string, n int) string {
	words := strings.Fields(text)
	return strings.Join(words[max(0, len(words)-n):], " ")
}

// longForm finds in candidate the words that short abbreviates, by the
// algorithm of Schwartz and Hearst: the letters of the short form are found
// from the last to the first, right to left, the first one at the start of a
// word. It returns "" when they are not all found.
func longForm(short, candidate string) string {
	s, l := []rune(strings.ToLower(short)), []rune(candidate)
	li := len(l) - 1
	for si := len(s) - 1; si >= 0; si-- {
		c := s[si]
		for li >= 0 && (unicode.ToLower(l[li]) != c || (si == 0 && li > 0 && isWordRune(l[li-1]))) {
			li--
		}
		if li < 0 {
			return ""
		}
		li--
	}
	// the long form starts at the word where the first letter was found
	// (after an opening quote, say), and ends before closing punctuation
	long := strings.TrimRight(string(l[li+1:]), " \"'“”‘’.,;:")
	if long == "" || strings.Contains(long, short) || len(strings.Fields(long)) < 2 {
		return ""
	}
	return long
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// capitalWords returns the words that look like abbreviations: two
// capitals or more, maybe a plural "s", as the regular expression
// \b[A-Z]{2,}s?\b finds them (a scan by hand, a few times faster).
func capitalWords(text string) []string {
	var out []string
	for i := 0; i < len(text); i++ {
		if !isCapital(text[i]) || (i > 0 && isASCIIWord(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && isCapital(text[j]) {
			j++
		}
		k := j
		if k < len(text) && text[k] == 's' {
			k++
		}
		if j-i >= 2 && (k == len(text) || !isASCIIWord(text[k])) {
			out = append(out, text[i:k])
		}
		i = j - 1 // the capitals after i do not start a word
	}
	return out
}

func isCapital(c byte) bool { return 'A' <= c && c <= 'Z' }

// isASCIIWord is what \b counts as part of a word.
func isASCIIWord(c byte) bool {
	return isCapital(c) || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}
