package factsheet

import (
	"bytes"
	"strings"

	"factsheet/site/internal/lazy"
)

var (
	// tocLine matches one entry of a dotted table of contents, as the
	// conversion flows it: "II. Legal frameworks ..... 5".
	tocLine = lazy.Regexp(`(?:^|\s)([IVXLCDM]+)\.\s+(\S.*?)\s*\.{3,}\s*\d+`)
	// looseChapter matches a heading that starts with a Roman numeral not
	// written as a chapter's: "V International cooperation", "V: ...".
	looseChapter = lazy.Regexp(`^([IVXLCDM]+)\s*[:.)–-]?\s+(\S.*)$`)
)

// tocEntry is a chapter listed in the table of contents.
type tocEntry struct {
	Number, Title string
	Pos           Pos
	reported      bool // a problem already says its heading is missing
}

// readTOC records the chapters that a block of the title block lists as a
// table of contents, if it is one.
func (p *fileParser) readTOC(b *Block) {
	forEachInline(b, func(in *Inline) {
		for _, m := range tocLine().FindAllStringSubmatch(in.Plain(), -1) {
			if romanValue(m[1]) == 0 {
				continue
			}
			p.toc = append(p.toc, &tocEntry{Number: m[1], Title: m[2], Pos: p.tocPos(b.Pos, m[1])})
		}
	})
}

// tocPos finds the line of the entry numbered n, from the block at pos on.
func (p *fileParser) tocPos(pos Pos, n string) Pos {
	for i := pos.Line - 1; i < len(p.lines); i++ {
		end := len(p.src)
		if i+1 < len(p.lines) {
			end = p.lines[i+1]
		}
		line := bytes.TrimLeft(p.src[p.lines[i]:end], " \t-*")
		if bytes.HasPrefix(line, []byte(n+".")) {
			return Pos{File: p.file, Line: i + 1, Col: 1}
		}
	}
	return pos
}

// tocEntryOf returns the table of contents' entry numbered n, or nil.
func (p *fileParser) tocEntryOf(n string) *tocEntry {
	for _, e := range p.toc {
		if e.Number == n {
			return e
		}
	}
	return nil
}

// looseChapter tells whether a heading that is not a chapter heading stands
// for the chapter expected next: its numeral is the next one, with no dot or
// another mark after it, and the table of contents, if any, lists it.
func (p *fileParser) looseChapter(b *Block, before []*Chapter) *Chapter {
	m := looseChapter().FindStringSubmatch(textOf(b.Text))
	if m == nil || romanValue(m[1]) != nextNumber(before) {
		return nil
	}
	if len(p.toc) > 0 && p.tocEntryOf(m[1]) == nil {
		return nil
	}
	ch := &Chapter{Number: m[1], Title: strings.TrimSpace(m[2]), Pos: b.Pos, Sections: []*Section{{}}}
	p.warnf(b.Pos, "heading %q is read as chapter %s, but a chapter heading is written with a dot after its numeral ('%s. %s'): check that it is chapter %s",
		textOf(b.Text), m[1], m[1], ch.Title, m[1])
	return ch
}

// nextNumber is the value of the chapter numeral expected after before.
func nextNumber(before []*Chapter) int {
	if len(before) == 0 {
		return 1
	}
	return romanValue(before[len(before)-1].Number) + 1
}

// checkChapterNumber reports, once, a chapter whose numeral does not follow
// the previous one: when the table of contents lists the chapters skipped,
// the problem names them as missing headings.
func (p *fileParser) checkChapterNumber(before []*Chapter, ch *Chapter) {
	for _, c := range before {
		if c.Number == ch.Number {
			p.failf(ch.Pos, "chapter %s appears twice (first at line %d): each chapter needs its own numeral", ch.Number, c.Pos.Line)
			return
		}
	}
	want, got := nextNumber(before), romanValue(ch.Number)
	if got == want || want <= 0 {
		return
	}
	var missing []string
	for n := want; n < got; n++ {
		if e := p.tocEntryOf(toRoman(n)); e != nil && !e.reported {
			e.reported = true
			missing = append(missing, sprintf("%s. %s", e.Number, e.Title))
		}
	}
	switch {
	case len(missing) > 0:
		p.warnf(ch.Pos, "the table of contents lists %s, but the text has no heading for it before chapter %s: its heading is missing or not written '## %s'",
			quoteAll(missing), ch.Number, missing[0])
	case len(before) == 0:
		p.warnf(ch.Pos, "chapter %s comes first: expected %s; check the numbering of the headings", ch.Number, toRoman(want))
	default:
		p.warnf(ch.Pos, "chapter %s follows chapter %s: expected %s; check the numbering of the headings", ch.Number, before[len(before)-1].Number, toRoman(want))
	}
}

// checkTOC reports the chapters that the table of contents lists and the
// text has no heading for, unless a problem already said so.
func (p *fileParser) checkTOC(chapters []*Chapter) {
	for _, e := range p.toc {
		found := false
		for _, c := range chapters {
			found = found || c.Number == e.Number
		}
		if !found && !e.reported {
			e.reported = true
			p.warnf(e.Pos, "the table of contents lists %q, but the text has no heading for it: its heading is missing or not written '## %s. %s'",
				e.Number+". "+e.Title, e.Number, e.Title)
		}
	}
}

// chapterMissing tells whether a problem already reports that chapter n,
// listed in the table of contents, has no heading: its recommendations,
// found in the chapter before, need no problem of their own.
func (p *fileParser) chapterMissing(n string) bool {
	e := p.tocEntryOf(n)
	return e != nil && e.reported
}

// quoteAll quotes each string and joins them with commas.
func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
