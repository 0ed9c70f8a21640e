package factsheet

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Pos is a position in a source file: 1-based line and column.
type Pos struct {
	File string `json:"-"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position as file:line:col, the prefix of every problem.
func (p Pos) String() string {
	if p.Col > 0 {
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Urgency is the level of a recommendation, as the Committee's bold verb states it.
type Urgency string

// The three urgency levels of the Lanzarote Committee, strongest first.
const (
	Require Urgency = "require"
	Request Urgency = "request"
	Invite  Urgency = "invite"
)

// Urgencies lists the urgency levels from the strongest to the weakest.
var Urgencies = []Urgency{Require, Request, Invite}

// Level is one urgency level as the introduction of a factsheet defines it.
type Level struct {
	Urgency Urgency `json:"urgency"`
	Word    string  `json:"word"`    // the word as printed, e.g. "Require"
	Meaning string  `json:"meaning"` // the definition that follows it, plain text
}

// SectionKind tells what a section of a chapter holds.
type SectionKind string

// The kinds of section found inside a chapter.
const (
	SectionNone        SectionKind = ""            // text before the first section heading
	SectionSpecific    SectionKind = "specific"    // observations (and recommendations) addressed to the party
	SectionGeneric     SectionKind = "generic"     // recommendations addressed to all Parties
	SectionPromising   SectionKind = "promising"   // promising practice
	SectionKeyFindings SectionKind = "keyfindings" // key findings of the report
)

// Meta is the front matter of a factsheet file. Its yaml tags are the keys a
// front matter may hold: a key without a field here is reported as unknown.
type Meta struct {
	Title      string `json:"title" yaml:"title"`             // front matter "title"
	Party      string `json:"party" yaml:"party"`             // front matter "party", e.g. Lithuania
	Slug       string `json:"slug" yaml:"slug"`               // front matter "slug": the sub-folder of public/
	Language   string `json:"language" yaml:"language"`       // front matter "language", e.g. en
	LastUpdate string `json:"last_update" yaml:"last_update"` // front matter "last_update", YYYY-MM-DD
	Report     string `json:"report" yaml:"report"`           // front matter "report": the implementation report's title
	BaseURL    string `json:"base_url,omitempty" yaml:"base_url"`
	Source     string `json:"source,omitempty" yaml:"source"` // front matter "source": the address of the original document
	Author     string `json:"author,omitempty" yaml:"author"` // front matter "author": the body that issued the factsheet, first words of a citation
	// TranslationKey is front matter "translation_key": the factsheets
	// sharing one are editions of one factsheet in different languages
	// (without it, those of the same party and report are).
	TranslationKey string `json:"translation_key,omitempty" yaml:"translation_key"`
	// Links maps a link text to the address of its "(#)" placeholders; an
	// empty address (null in the front matter) marks a link deliberately
	// left without one, shown as plain text without a warning.
	Links map[string]string `json:"links,omitempty" yaml:"links"`
	// Convention is the address of the Convention's text, which the Articles
	// a recommendation names link to.
	Convention string `json:"convention,omitempty" yaml:"convention"`

	// Round is front matter "round": the report's slug ("2nd-round"), its
	// folder under reports/. The factsheets naming the same round form a report.
	Round string `json:"round,omitempty" yaml:"round"`
}

// Document is one factsheet rebuilt from its converted text.
type Document struct {
	Meta            Meta              `json:"meta"`
	File            string            `json:"file"`
	Source          []byte            `json:"-"` // the whole file; every Inline's segments point into it
	KeyLines        map[string]int    `json:"-"` // the line of each front matter key, e.g. "slug" → 4
	Levels          []Level           `json:"levels"`
	Chapters        []*Chapter        `json:"chapters"`
	Footnotes       []*Footnote       `json:"footnotes"`               // by number
	Recommendations []*Recommendation `json:"recommendations"`         // in document order, one per stated text
	Abbreviations   []*Abbreviation   `json:"abbreviations,omitempty"` // defined in the text, by short form
}

// Chapter is a part of the factsheet headed by a Roman numeral ("II. Legal frameworks").
type Chapter struct {
	Number   string     `json:"number"` // Roman numeral as printed, e.g. "II"
	Title    string     `json:"title"`  // heading text without the numeral
	Pos      Pos        `json:"pos"`
	Sections []*Section `json:"sections"` // the first one, of kind SectionNone, holds the chapter's opening text
}

// Slug is the chapter's file name stem: the numeral in lower case ("ii").
func (c *Chapter) Slug() string { return strings.ToLower(c.Number) }

// Section is a run of a chapter's blocks under one section heading.
type Section struct {
	Kind    SectionKind `json:"kind"`
	Heading *Block      `json:"heading,omitempty"` // nil for the opening section
	Blocks  []*Block    `json:"blocks"`
}

// BlockKind tells what a Block is.
type BlockKind string

// The kinds of block a chapter is made of.
const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockList      BlockKind = "list"
	BlockItem      BlockKind = "item"
	BlockQuote     BlockKind = "quote"
)

// Block is a heading, a paragraph, a list or a list item of a chapter, after stitching.
type Block struct {
	Kind    BlockKind `json:"kind"`
	Pos     Pos       `json:"pos"`
	Level   int       `json:"level,omitempty"`   // headings: 2 for a section, 3 and more below it
	ID      string    `json:"id,omitempty"`      // headings: the anchor; recommendations: "rec-ii-6"
	Ordered bool      `json:"ordered,omitempty"` // lists: numbered
	Start   int       `json:"-"`                 // numbered lists: the number of the first item, as written
	Text    *Inline   `json:"text,omitempty"`    // headings, paragraphs and items: the inline text
	// Children are a list's items, an item's nested lists, a quote's blocks.
	Children []*Block `json:"children,omitempty"`
	// Rec is the recommendation this paragraph or item states, if any.
	Rec *Recommendation `json:"-"`
}

// Recommendation is one stated recommendation text and the identifiers that name it.
type Recommendation struct {
	IDs     []string    `json:"ids"` // e.g. ["V-4","V-7","V-12","V-15"], in the order of the footnote
	Urgency Urgency     `json:"urgency"`
	Verb    string      `json:"verb"` // the bold verb as printed, e.g. "requests"
	Section SectionKind `json:"section"`
	Chapter *Chapter    `json:"-"`
	Pos     Pos         `json:"pos"`
	// LeadIn is the sentence that introduces the list the recommendation is part of
	// ("the Committee invites all Parties, including Lithuania:"), nil when the
	// recommendation's own text states who acts.
	LeadIn *Inline `json:"lead_in,omitempty"`
	// Block is the paragraph or list item that states the recommendation; its
	// Children hold sub-items that belong to the text.
	Block     *Block `json:"-"`
	Footnotes []int  `json:"footnotes"` // numbers of the footnotes referenced in its text, identity ones included
	// Parts tell which words are each identifier's own when the text names
	// them at several references (see Part); nil when all share all of it.
	Parts []Part `json:"parts,omitempty"`
	// Articles are the Articles of the Convention named in the headings above
	// it, its lead-in or its text (see ArticlesIn).
	Articles []Article `json:"articles,omitempty"`
}

// ID is the recommendation's first identifier, the one its stated text is filed under.
func (r *Recommendation) ID() string { return r.IDs[0] }

// Anchor is the identifier of the recommendation's place in its chapter page ("rec-ii-6").
func (r *Recommendation) Anchor() string { return Anchor(r.IDs[0]) }

// Anchor turns a recommendation identifier into its anchor ("IV-5" → "rec-iv-5").
func Anchor(id string) string { return "rec-" + strings.ToLower(id) }

// FileStem turns a recommendation identifier into its page's file name stem ("IV-5" → "iv-5").
func FileStem(id string) string { return strings.ToLower(id) }

// Footnote is a numbered footnote: its definition and where it is referenced.
type Footnote struct {
	Number int     `json:"n"`
	Text   *Inline `json:"text"`
	Pos    Pos     `json:"pos"`
	// Names lists the recommendation identifiers the footnote's text names
	// ("Recommendations III-16 and III-18"); empty for other footnotes.
	Names []string `json:"names,omitempty"`
}

// Inline is a run of inline Markdown rebuilt from one or more source fragments:
// a detached goldmark *ast.TextBlock whose children are the inline nodes, with
// text segments pointing into Source. Footnote references are
// *FootnoteRef nodes; "(#)" link placeholders are resolved or turned into text.
type Inline struct {
	Node   ast.Node
	Source []byte
	// plain is Plain, kept once the document is parsed (see sealPlain): the
	// parser still changes the nodes while it stitches the text
	plain *string
}

// Plain is the text without markup, white space collapsed, footnote references left out.
func (in *Inline) Plain() string {
	if in == nil || in.Node == nil {
		return ""
	}
	if in.plain != nil {
		return *in.plain
	}
	b := plainBuffers.Get().(*bytes.Buffer)
	b.Reset()
	writePlain(b, in.Node, in.Source)
	s := string(collapseSpace(b.Bytes()))
	if b.Cap() <= maxPooledPlain {
		plainBuffers.Put(b)
	}
	return s
}

// sealPlain keeps the plain text of every inline text of doc, which render,
// search and the site-wide summaries each ask for (Plain was 4 % of a
// build): doc is complete, and nothing changes its nodes any more.
func (doc *Document) sealPlain() {
	doc.eachInline(func(in *Inline) {
		if in.plain == nil {
			s := in.Plain()
			in.plain = &s
		}
	})
}

// eachBlock calls f with every block of the chapters, section headings
// included, each before the blocks it holds, in document order.
func (doc *Document) eachBlock(f func(*Chapter, *Block)) {
	var walk func(c *Chapter, b *Block)
	walk = func(c *Chapter, b *Block) {
		f(c, b)
		for _, k := range b.Children {
			walk(c, k)
		}
	}
	for _, c := range doc.Chapters {
		for _, s := range c.Sections {
			if s.Heading != nil {
				walk(c, s.Heading)
			}
			for _, b := range s.Blocks {
				walk(c, b)
			}
		}
	}
}

// eachInline calls f with every inline text of doc: those of the chapters'
// blocks (the recommendations' among them), of the recommendations'
// lead-ins and of the footnotes.
func (doc *Document) eachInline(f func(*Inline)) {
	call := func(in *Inline) {
		if in != nil && in.Node != nil {
			f(in)
		}
	}
	doc.eachBlock(func(_ *Chapter, b *Block) { call(b.Text) })
	for _, r := range doc.Recommendations {
		call(r.LeadIn)
	}
	for _, n := range doc.Footnotes {
		if n != nil {
			call(n.Text)
		}
	}
}

// plainBuffers are the buffers Plain writes into, reused: Plain runs for
// nearly every piece of text a factsheet has.
var plainBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledPlain is the largest buffer kept for reuse, so that one long text
// does not hold its memory for good.
const maxPooledPlain = 64 << 10

// collapseSpace does in place what strings.Join(strings.Fields(s), " ")
// does: white space (as unicode.IsSpace says) trimmed, and every run of it
// inside made one space; it returns the shortened b.
func collapseSpace(b []byte) []byte {
	n := 0
	space := false // white space is pending since the last word
	for i := 0; i < len(b); {
		j, isSpace := i+1, asciiSpace(b[i]) // the next run of one kind
		if b[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[i:])
			j, isSpace = i+size, unicode.IsSpace(r)
		} else if !isSpace {
			for j < len(b) && b[j] < utf8.RuneSelf && !asciiSpace(b[j]) {
				j++
			}
		}
		if isSpace {
			space = true
		} else {
			if space && n > 0 {
				b[n] = ' '
				n++
			}
			space = false
			n += copy(b[n:], b[i:j])
		}
		i = j
	}
	return b[:n]
}

// asciiSpace tells whether c is white space in ASCII, as unicode.IsSpace says.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// MarshalText makes an Inline appear as its plain text in JSON dumps.
func (in *Inline) MarshalText() ([]byte, error) { return []byte(in.Plain()), nil }

func writePlain(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeNodePlain(b, c, src)
	}
}

// writeNodePlain writes the plain text of one inline node and its descendants.
func writeNodePlain(b *bytes.Buffer, n ast.Node, src []byte) {
	switch t := n.(type) {
	case *FootnoteRef, *ast.RawHTML:
		// references and stray HTML carry no text of their own
	case *ast.Text:
		b.Write(t.Segment.Value(src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(t.Value)
	case *ast.AutoLink:
		b.Write(t.Label(src))
	default:
		writePlain(b, n, src)
	}
}

// KindFootnoteRef is the goldmark node kind of a footnote reference.
var KindFootnoteRef = ast.NewNodeKind("FactsheetFootnoteRef")

// FootnoteRef is an inline footnote reference, from "<sup>N</sup>" or one of the
// numbers of "<sup>N,M</sup>".
type FootnoteRef struct {
	ast.BaseInline
	Number int
}

// Kind implements ast.Node.
func (n *FootnoteRef) Kind() ast.NodeKind { return KindFootnoteRef }

// Dump implements ast.Node.
func (n *FootnoteRef) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Number": fmt.Sprint(n.Number)}, nil)
}
