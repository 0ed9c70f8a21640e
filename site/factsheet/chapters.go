package factsheet

import (
	"fmt"
	"strings"
	"unicode"

	"factsheet/site/internal/lazy"
)

var chapterHeading = lazy.Regexp(`^([IVXLCDM]+)\.\s+(\S.*)$`)

// buildDocument turns the units of the converted text into the document:
// references numbered, footnotes completed, links resolved, text stitched,
// then chapters, sections, urgency levels and recommendations.
func (p *fileParser) buildDocument(units []*unit) {
	var refs []*FootnoteRef
	for _, u := range units {
		if u.kind == unitBody {
			forEachInline(u.block, func(in *Inline) { refs = append(refs, refsIn(in.Node)...) })
		}
	}
	refs = p.splitFusedReferences(refs)
	p.checkReferences(refs)
	p.continueFootnotes(units)
	for _, n := range p.notes {
		n.Names = p.vocab.namedRecommendations(n.Text.Plain())
	}
	p.doc.Footnotes = p.sortedFootnotes()
	p.resolveLinks(units)
	blocks := p.stitch(units)
	for _, b := range blocks {
		p.splitFusedItems(b)
	}
	p.doc.Chapters = p.chapters(blocks)
	if len(p.doc.Chapters) == 0 {
		p.failf(Pos{File: p.file, Line: 1}, "no chapter found: chapters are headings numbered with a Roman numeral, e.g. '## II. Legal frameworks'")
		return
	}
	p.doc.Levels = p.levels(p.doc.Chapters[0])
	p.recommendations()
	p.findArticles()
}

// forEachInline calls fn for the text of b and of every block inside it, in order.
func forEachInline(b *Block, fn func(*Inline)) {
	if b.Text != nil {
		fn(b.Text)
	}
	for _, c := range b.Children {
		forEachInline(c, fn)
	}
}

// chapters groups the stitched blocks into chapters and sections. Blocks
// before the first chapter (the title block and table of contents) are not
// content; only their "Last update" line is read.
func (p *fileParser) chapters(blocks []*Block) []*Chapter {
	var chapters []*Chapter
	var ch *Chapter
	var ids map[string]int
	for _, b := range blocks {
		if b.Kind == BlockHeading {
			if m := chapterHeading().FindStringSubmatch(textOf(b.Text)); m != nil {
				ch = &Chapter{Number: m[1], Title: strings.TrimSpace(m[2]), Pos: b.Pos, Sections: []*Section{{}}}
				p.checkChapterNumber(chapters, ch)
				chapters = append(chapters, ch)
				ids = map[string]int{}
				continue
			}
			if c := p.looseChapter(b, chapters); c != nil {
				ch = c
				chapters = append(chapters, ch)
				ids = map[string]int{}
				continue
			}
		}
		if ch == nil {
			p.readTitleBlock(b)
			continue
		}
		sec := ch.Sections[len(ch.Sections)-1]
		if b.Kind == BlockHeading {
			kind, id := p.vocab.sectionKindOf(textOf(b.Text))
			if kind != SectionNone {
				b.Level, b.ID = 2, uniqueID(ids, id)
				ch.Sections = append(ch.Sections, &Section{Kind: kind, Heading: b})
				continue
			}
			b.Level, b.ID = 3, uniqueID(ids, slugify(textOf(b.Text)))
		}
		sec.Blocks = append(sec.Blocks, b)
	}
	p.checkTOC(chapters)
	return chapters
}

// uniqueID returns id, or id with a number appended if the page already has it.
func uniqueID(seen map[string]int, id string) string {
	if id == "" {
		id = "section"
	}
	seen[id]++
	if n := seen[id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// slugify makes an anchor from a heading: its first words, lower case, hyphenated.
func slugify(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 6 {
		words = words[:6]
	}
	id := strings.Join(words, "-")
	if strings.HasPrefix(id, "rec-") || strings.HasPrefix(id, "fn") {
		id = "h-" + id
	}
	return id
}

// romanValue returns the value of a Roman numeral, or 0 when it is not one.
func romanValue(s string) int {
	values := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v := values[s[i]]
		if i+1 < len(s) && values[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if toRoman(total) != s {
		return 0
	}
	return total
}

// toRoman writes n as a Roman numeral.
func toRoman(n int) string {
	numerals := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, r := range numerals {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}
