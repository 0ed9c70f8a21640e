package factsheet

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The simulator writes a parsed Document back as the PDF conversion would
// have written it, the way content/lithuania.md shows it:
//   - the text flows into pages of random length; each page ends with its
//     footnote area: a "---" rule (or none), then the definitions
//     "<sup>N</sup> text" of the footnotes first referenced on the page, one
//     paragraph each or one a line, sometimes in two runs out of order;
//   - a paragraph, a bullet or a heading is cut mid-sentence at the end of a
//     page and goes on after the footnote area, as a paragraph (a heading's
//     rest is a paragraph or a heading again); the rest may start with a
//     number and a full stop ("2022. Parties"), which Markdown reads as a
//     numbered list;
//   - a bullet that ends with the reference naming it is also cut after a
//     full stop, its rest a paragraph of its own after the footnote area;
//   - a list is split in two by a page break between its items;
//   - the last footnote of a page is cut, its tail stranded just before the
//     footnote area, or run over into the next page's footnote area;
//   - two bullets that each end with their naming reference are fused into
//     one, the second right after the first's reference, with or without a space;
//   - adjacent references are written "<sup>N,M</sup>" or fused "<sup>NM</sup>";
//   - a lead-in ("... invites Testland:") ends a page, its list on the next;
//   - headings of chapters, sections and sub-sections at varying levels,
//     sometimes in bold;
//   - runs of blank lines.
//
// It does not write: a rest that Markdown would read as a bullet, heading,
// quote or rule, a footnote's rest starting with a number and a full stop,
// a heading cut before an upper-case word, a paragraph cut after a full stop
// (indistinguishable from two paragraphs), page breaks inside nested lists.
type simulator struct {
	rnd     *rand.Rand
	doc     *Document
	em      *emitter
	out     strings.Builder
	left    int   // words left on the current page
	notes   []int // footnotes first referenced on the current page
	defined map[int]bool
	runover string // the tail of the previous page's last footnote
}

// simulate writes doc as converted text, its artefacts drawn from seed.
func simulate(doc *Document, seed uint64) []byte {
	s := &simulator{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), doc: doc, defined: map[int]bool{}}
	links := map[string]string{}
	for text, addr := range doc.Meta.Links {
		links[linkKey(text)] = addr
	}
	s.em = &emitter{src: doc.Source, links: links, fuse: func() bool { return s.rnd.IntN(3) == 0 }}
	s.out.Write(preamble(doc))
	s.left = s.pageLength()
	for _, ch := range doc.Chapters {
		s.chapter(ch)
	}
	for _, fn := range doc.Footnotes {
		if !s.defined[fn.Number] {
			s.notes = append(s.notes, fn.Number)
			s.defined[fn.Number] = true
		}
	}
	s.pageBreak(false)
	if s.runover != "" {
		s.block("---")
		s.block(s.runover)
	}
	return []byte(s.out.String())
}

// preamble is the source up to the first chapter's heading: front matter,
// title block and table of contents, which are not content.
func preamble(doc *Document) []byte {
	line := 1
	for i, c := range doc.Source {
		if line == doc.Chapters[0].Pos.Line {
			return doc.Source[:i]
		}
		if c == '\n' {
			line++
		}
	}
	return doc.Source
}

func (s *simulator) pageLength() int { return 60 + s.rnd.IntN(440) }

// block writes one block and the blank lines after it.
func (s *simulator) block(md string) {
	s.out.WriteString(md)
	s.out.WriteString("\n\n")
	if s.rnd.IntN(12) == 0 {
		s.out.WriteString("\n\n")
	}
}

// flush starts a new page if the current one is full.
func (s *simulator) flush() {
	if s.left <= 0 {
		s.pageBreak(false)
	}
}

func (s *simulator) chapter(ch *Chapter) {
	s.flush()
	s.heading(1+s.rnd.IntN(4), flatPlain(ch.Number+". "+ch.Title))
	for _, sec := range ch.Sections {
		if sec.Heading != nil {
			s.flush()
			s.heading(2+s.rnd.IntN(3), s.em.flatten(sec.Heading.Text))
		}
		for i, b := range sec.Blocks {
			s.flush()
			s.body(b)
			if leadsIn(b) && i+1 < len(sec.Blocks) && sec.Blocks[i+1].Kind == BlockList && s.rnd.IntN(4) == 0 {
				s.left = 0 // a lead-in cut from its list by the page break
			}
		}
	}
}

func (s *simulator) body(b *Block) {
	switch b.Kind {
	case BlockHeading:
		s.heading(3+s.rnd.IntN(3), s.em.flatten(b.Text))
	case BlockParagraph:
		s.text("", "", s.em.flatten(b.Text), cutText)
	case BlockList:
		s.list(b)
	case BlockQuote:
		for _, c := range b.Children {
			s.block("> " + s.em.flatten(c.Text).md)
		}
	}
}

// leadsIn tells whether b is a paragraph ending with ":", the lead-in of a list.
func leadsIn(b *Block) bool {
	return b.Kind == BlockParagraph && strings.HasSuffix(textOf(b.Text), ":")
}

// heading writes a heading at a level, sometimes in bold, possibly cut.
func (s *simulator) heading(level int, f *flat) {
	if s.rnd.IntN(4) == 0 && !strings.HasPrefix(f.md, "*") {
		f = &flat{md: "**" + f.md + "**", refs: f.refs, words: f.words}
	}
	prefix := strings.Repeat("#", level) + " "
	cont := ""
	if s.rnd.IntN(2) == 0 {
		cont = prefix
	}
	s.text(prefix, cont, f, cutHeading)
}

// list writes a list: items, fused pairs, nested lists; a page break may
// fall between two items or inside an item's text.
func (s *simulator) list(b *Block) {
	marker := func(i int) string {
		if b.Ordered {
			return strconv.Itoa(i+1) + ". "
		}
		return "- "
	}
	for i := 0; i < len(b.Children); i++ {
		if i > 0 {
			s.flush()
		}
		item := b.Children[i]
		f := s.em.flatten(item.Text)
		mode := cutText
		if s.namedAtEnd(item) {
			mode = cutBullet
		}
		if i+1 < len(b.Children) && s.fusable(item, b.Children[i+1]) && s.rnd.IntN(4) == 0 {
			mode = cutText
			sep := " "
			if s.rnd.IntN(2) == 0 {
				sep = ""
			}
			f = joinFlats(f, s.em.flatten(b.Children[i+1].Text), sep)
			i++
		}
		if len(item.Children) > 0 {
			s.out.WriteString(marker(i) + f.md + "\n")
			s.pageRefs(f, 0, len(f.md))
			s.left -= f.words
			s.nested(item.Children, "  ")
			s.out.WriteString("\n")
			continue
		}
		s.text(marker(i), "", f, mode)
	}
}

// nested writes the nested lists of an item, never cut.
func (s *simulator) nested(lists []*Block, indent string) {
	for _, l := range lists {
		for _, sub := range l.Children {
			f := s.em.flatten(sub.Text)
			s.out.WriteString(indent + "- " + f.md + "\n")
			s.pageRefs(f, 0, len(f.md))
			s.left -= f.words
			s.nested(sub.Children, indent+"  ")
		}
	}
}

// namedAtEnd tells whether an item states a recommendation of its own,
// named by the one reference that ends it, and so may be cut anywhere.
func (s *simulator) namedAtEnd(item *Block) bool {
	if item.Rec == nil || item.Rec.Block != item || item.Rec.Parts != nil || len(item.Children) > 0 {
		return false
	}
	last, ok := item.Text.Node.LastChild().(*FootnoteRef)
	if !ok || len(footnoteOf(s.doc, last.Number).Names) == 0 {
		return false
	}
	for c := item.Text.Node.FirstChild(); c != last; c = c.NextSibling() {
		if r, ok := c.(*FootnoteRef); ok && len(footnoteOf(s.doc, r.Number).Names) > 0 {
			return false
		}
	}
	return true
}

// fusable tells whether two items may be fused as the conversion fuses
// bullets: the first ends with a full stop and its naming reference.
func (s *simulator) fusable(a, b *Block) bool {
	if len(a.Children) > 0 || len(b.Children) > 0 || a.Rec == nil || b.Rec == nil || a.Rec == b.Rec {
		return false
	}
	last, ok := a.Text.Node.LastChild().(*FootnoteRef)
	if !ok || len(footnoteOf(s.doc, last.Number).Names) == 0 {
		return false
	}
	before := textBefore(a.Text, last)
	return strings.HasSuffix(before, ".") || strings.HasSuffix(before, ";")
}

// footnoteOf returns the footnote numbered n, or an empty one.
func footnoteOf(d *Document, n int) *Footnote {
	for _, fn := range d.Footnotes {
		if fn.Number == n {
			return fn
		}
	}
	return &Footnote{Number: n}
}

// blockStart matches a continuation that Markdown would read as the start of
// a block of its own (a list item, a heading, a quote, a rule, a definition),
// which the simulator does not write; a number with a full stop other than 1
// ("2022. Parties are ...") is written, and the parser puts it back.
var blockStart = regexp.MustCompile(`^(\d{1,9}\)( |$)|1\.( |$)|[-+*]( |$)|#{1,6}( |$)|[>=_|<])`)

// numberStart matches a footnote's rest that Markdown would read as a
// numbered list ("146." of "Paras. 145, 146."): not written, the parser
// puts a number back only in the text.
var numberStart = regexp.MustCompile(`^\d{1,9}\.( |$)`)

// cutMode tells where a text may be cut by a page break.
type cutMode int

const (
	cutText    cutMode = iota // mid-sentence
	cutHeading                // mid-sentence, before a lower-case word
	cutBullet                 // anywhere: a bullet that ends with the reference naming it
)

// text writes a text with prefix, cut at page ends where mode allows; its
// rest goes on after the footnote area with cont. A cut after a full stop
// gets a rule.
func (s *simulator) text(prefix, cont string, f *flat, mode cutMode) {
	start, startWords := 0, 0
	for f.words-startWords > s.left {
		c := s.pickCut(f, start, startWords, mode)
		if c == nil {
			break
		}
		s.block(prefix + f.md[start:c.off])
		s.pageRefs(f, start, c.off)
		s.pageBreak(mode == cutHeading || !c.mid)
		prefix, start, startWords = cont, c.off+1, c.words
	}
	s.block(prefix + f.md[start:])
	s.pageRefs(f, start, len(f.md))
	s.left -= f.words - startWords
}

// pickCut chooses where the page ends inside a text: the last place that
// fits the page, or else the first one after it; nil if the text cannot be cut.
func (s *simulator) pickCut(f *flat, start, startWords int, mode cutMode) *cutPoint {
	var best *cutPoint
	for i := range f.cuts {
		c := &f.cuts[i]
		rest := f.md[c.off+1:]
		if c.off <= start || !c.mid && mode != cutBullet || blockStart.MatchString(rest) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); mode == cutHeading && !unicode.IsLower(r) {
			continue
		}
		if c.words-startWords > s.left && best != nil {
			break
		}
		best = c
		if c.words-startWords > s.left {
			break
		}
	}
	return best
}

// flatPlain makes a flat text of plain words.
func flatPlain(text string) *flat {
	words := strings.Fields(text)
	f := &flat{words: len(words)}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			f.cuts = append(f.cuts, cutPoint{off: b.Len(), words: i, mid: midSentence(b.String())})
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	f.md = b.String()
	return f
}

// joinFlats writes b right after a, separated by sep.
func joinFlats(a, b *flat, sep string) *flat {
	shift := len(a.md) + len(sep)
	f := &flat{md: a.md + sep + b.md, words: a.words + b.words, cuts: append([]cutPoint(nil), a.cuts...), refs: append([]refAt(nil), a.refs...)}
	for _, c := range b.cuts {
		f.cuts = append(f.cuts, cutPoint{off: c.off + shift, words: c.words + a.words, mid: c.mid})
	}
	for _, r := range b.refs {
		f.refs = append(f.refs, refAt{off: r.off + shift, n: r.n})
	}
	return f
}
