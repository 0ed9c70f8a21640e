package factsheet

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// flat is a text of the document written back as converted Markdown on one
// line, with the places where the conversion may cut it.
type flat struct {
	md      string
	cuts    []cutPoint // spaces between top-level words, in order
	refs    []refAt    // footnote references, in order
	words   int
	highest int // the highest reference number in it
}

// cutPoint is a space of a flat text where a page break may fall.
type cutPoint struct {
	off   int  // byte offset of the space in md
	words int  // words before it
	mid   bool // the text before it stops mid-sentence, as the parser sees it
}

// refAt is a footnote reference of a flat text.
type refAt struct {
	off int
	n   int
}

// emitter writes inline nodes back as the converter wrote them: text, bold
// and italics, links ("(#)" where the front matter supplied the address),
// and references as "<sup>N</sup>", "<sup>N,M</sup>" or fused "<sup>NM</sup>".
type emitter struct {
	src     []byte
	links   map[string]string // linkKey → address from the front matter
	fuse    func() bool       // whether to fuse a run of adjacent references
	highest int               // the highest reference number written so far
	link    bool              // the last thing written, references aside, is a link
	words   int               // words of plain text written
	runs    bool              // a run of references was written, its form drawn at random
	b       strings.Builder
	plain   strings.Builder
	f       *flat
}

// flats keeps the flat texts that no random choice shaped (no run of
// references to fuse), by inline, across simulations: flat texts are never
// changed once made.
var flats sync.Map

// flatten writes an inline as a flat text.
func (e *emitter) flatten(in *Inline) *flat {
	if f, ok := flats.Load(in); ok {
		e.highest = max(e.highest, f.(*flat).highest)
		return f.(*flat)
	}
	e.runs = false
	e.b.Reset()
	e.plain.Reset()
	e.f = &flat{}
	e.link, e.words = false, 0
	if in != nil && in.Node != nil {
		e.children(in.Node, true)
	}
	e.f.md = strings.TrimRight(e.b.String(), " ")
	e.f.words = e.words
	for len(e.f.cuts) > 0 && e.f.cuts[len(e.f.cuts)-1].off >= len(e.f.md) {
		e.f.cuts = e.f.cuts[:len(e.f.cuts)-1]
	}
	for _, r := range e.f.refs {
		e.f.highest = max(e.f.highest, r.n)
	}
	if !e.runs && in != nil {
		flats.Store(in, e.f)
	}
	return e.f
}

func (e *emitter) children(n ast.Node, top bool) {
	for c := n.FirstChild(); c != nil; {
		if _, ok := c.(*FootnoteRef); ok {
			c = e.refRun(c)
			continue
		}
		e.node(c, top)
		c = c.NextSibling()
	}
}

// node writes one inline node; top tells whether it stands directly in the text.
func (e *emitter) node(n ast.Node, top bool) {
	switch t := n.(type) {
	case *ast.Text:
		v := string(t.Segment.Value(e.src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			v += " "
		}
		e.text(v, top)
	case *ast.String:
		e.text(string(t.Value), top)
	case *ast.Emphasis:
		mark := strings.Repeat("*", t.Level)
		e.b.WriteString(mark)
		e.children(t, false)
		e.b.WriteString(mark)
	case *ast.Link:
		defer func() { e.link = top }()
		e.b.WriteString("[")
		e.children(t, false)
		dest := string(t.Destination)
		label := (&Inline{Node: t, Source: e.src}).Plain()
		if e.links[linkKey(label)] == dest {
			dest = "#"
		}
		e.b.WriteString("](" + dest + ")")
	case *ast.AutoLink:
		e.b.WriteString("<" + string(t.URL(e.src)) + ">")
		for _, r := range string(t.Label(e.src)) {
			e.writePlain(r)
		}
		e.link = top
	case *ast.CodeSpan:
		e.b.WriteString("`")
		e.children(t, false)
		e.b.WriteString("`")
	case *ast.RawHTML:
		for i := 0; i < t.Segments.Len(); i++ {
			s := t.Segments.At(i)
			e.b.Write(s.Value(e.src))
		}
	default:
		e.children(n, false)
	}
}

// text writes text, recording its spaces as cut points when it stands in the text itself.
func (e *emitter) text(v string, top bool) {
	for _, r := range v {
		if r == ' ' || r == '\n' || r == '\t' {
			if top && e.b.Len() > 0 {
				last, _ := utf8.DecodeLastRuneInString(e.b.String())
				if last != ' ' {
					mid := !e.link && midSentence(e.plain.String())
					e.f.cuts = append(e.f.cuts, cutPoint{off: e.b.Len(), words: e.words, mid: mid})
				}
			}
			if last, _ := utf8.DecodeLastRuneInString(e.b.String()); last == ' ' || e.b.Len() == 0 {
				continue
			}
			r = ' '
		}
		e.b.WriteRune(r)
		e.writePlain(r)
		e.link = false
	}
}

// writePlain adds a rune to the plain text, counting words.
func (e *emitter) writePlain(r rune) {
	if !unicode.IsSpace(r) {
		if last, _ := utf8.DecodeLastRuneInString(e.plain.String()); e.plain.Len() == 0 || unicode.IsSpace(last) {
			e.words++
		}
	}
	e.plain.WriteRune(r)
}

// refRun writes a run of adjacent references and returns the node after it.
func (e *emitter) refRun(c ast.Node) ast.Node {
	var nums []int
	for ; c != nil; c = c.NextSibling() {
		r, ok := c.(*FootnoteRef)
		if !ok {
			break
		}
		nums = append(nums, r.Number)
	}
	e.runs = e.runs || len(nums) > 1
	consecutive := nums[0] == e.highest+1
	for i := 1; i < len(nums); i++ {
		consecutive = consecutive && nums[i] == nums[i-1]+1
	}
	var parts []string
	for _, n := range nums {
		parts = append(parts, strconv.Itoa(n))
		e.f.refs = append(e.f.refs, refAt{off: e.b.Len(), n: n})
		e.highest = max(e.highest, n)
	}
	sep := ","
	if len(nums) > 1 && consecutive && e.fuse() {
		sep = ""
	}
	e.b.WriteString("<sup>" + strings.Join(parts, sep) + "</sup>")
	return c
}

// midSentence mirrors endsMidSentence on plain text: no closing punctuation
// after the last word.
func midSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".;:!?…", r) && !(strings.ContainsRune(")\"”’»]", r) && closesSentence(s))
}
