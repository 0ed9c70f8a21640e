package render

import (
	"bytes"
	"fmt"
	"html/template"

	"factsheet/site/factsheet"
)

// body writes the blocks of a chapter (or of one recommendation) as HTML.
// Inline text goes through the inliner; the marker of a recommendation is the
// "recmark" template, so that its markup lives with the other templates.
type body struct {
	in    *inliner
	refs  *refs
	shift int // added to heading levels: 1 in the single-file edition, where chapters are h2
	// mark returns the marker shown at the start of a recommendation's block,
	// or nil when blocks are written without recommendation anchors.
	mark func(rec *factsheet.Recommendation) (template.HTML, error)
	ids  map[string]bool // ids written so far on the page, to keep them unique
	// defs are the anchors of the blocks that define abbreviations, which
	// the glossary links to; nil where the text is not the chapter's.
	defs map[*factsheet.Block][]string
	toc  []tocItem // the headings written, sections with their sub-headings
	err  error
}

// uniqueID returns id, or id with a suffix when the page already has it.
func (b *body) uniqueID(id string) string {
	if id == "" {
		return ""
	}
	if b.ids == nil {
		b.ids = map[string]bool{}
	}
	out := id
	for k := 2; b.ids[out]; k++ {
		out = fmt.Sprintf("%s-%d", id, k)
	}
	b.ids[out] = true
	return out
}

// heading writes a heading of the given level (2 = section, 3 = below),
// shifted, and records it for the table of contents.
func (b *body) heading(w *bytes.Buffer, level int, id string, text *factsheet.Inline) {
	if id == "" {
		id = "section"
	}
	id = b.uniqueID(id)
	item := tocItem{ID: id, Label: text.Plain()}
	if level == 2 || len(b.toc) == 0 {
		b.toc = append(b.toc, item)
	} else {
		last := &b.toc[len(b.toc)-1]
		last.Sub = append(last.Sub, item)
	}
	h := min(level+b.shift, 6)
	fmt.Fprintf(w, "<h%d id=\"%s\">%s</h%d>\n", h, template.HTMLEscapeString(id), b.in.html(text, b.refs), h)
}

// sections writes every section of a chapter: its heading as h2, the rest below.
func (b *body) sections(w *bytes.Buffer, secs []*factsheet.Section) {
	for _, s := range secs {
		if s.Heading == nil {
			b.blocks(w, s.Blocks)
			continue
		}
		kind := string(s.Kind)
		if kind == "" {
			kind = "other"
		}
		fmt.Fprintf(w, "<section class=\"part part-%s\">\n", template.HTMLEscapeString(kind))
		b.heading(w, 2, s.Heading.ID, s.Heading.Text)
		b.blocks(w, s.Blocks)
		w.WriteString("</section>\n")
	}
}

func (b *body) blocks(w *bytes.Buffer, blocks []*factsheet.Block) {
	for _, blk := range blocks {
		b.block(w, blk)
	}
}

func (b *body) block(w *bytes.Buffer, blk *factsheet.Block) {
	if blk.Kind == factsheet.BlockHeading {
		b.defAnchors(w, blk)
	}
	switch blk.Kind {
	case factsheet.BlockHeading:
		level := 3
		if blk.Level <= 2 {
			level = 2
		}
		b.heading(w, level, blk.ID, blk.Text)
	case factsheet.BlockList:
		tag := "ul"
		if blk.Ordered {
			tag = "ol"
		}
		fmt.Fprintf(w, "<%s>\n", tag)
		b.blocks(w, blk.Children)
		fmt.Fprintf(w, "</%s>\n", tag)
	case factsheet.BlockQuote:
		w.WriteString("<blockquote>\n")
		b.blocks(w, blk.Children)
		w.WriteString("</blockquote>\n")
	case factsheet.BlockItem:
		w.WriteString("<li")
		b.recAttrs(w, blk)
		w.WriteString(">")
		b.recMarker(w, blk)
		b.defAnchors(w, blk)
		w.Write([]byte(b.in.html(blk.Text, b.refs)))
		if len(blk.Children) > 0 {
			w.WriteString("\n")
			b.blocks(w, blk.Children)
		}
		w.WriteString("</li>\n")
	default: // paragraph
		if blk.Rec != nil && b.mark != nil {
			w.WriteString("<div")
			b.recAttrs(w, blk)
			w.WriteString(">")
			b.recMarker(w, blk)
			w.WriteString("<p>")
			b.defAnchors(w, blk)
			fmt.Fprintf(w, "%s</p></div>\n", b.in.html(blk.Text, b.refs))
			return
		}
		w.WriteString("<p>")
		b.defAnchors(w, blk)
		fmt.Fprintf(w, "%s</p>\n", b.in.html(blk.Text, b.refs))
	}
}

// recAttrs writes the id and class of a block stating a recommendation.
func (b *body) recAttrs(w *bytes.Buffer, blk *factsheet.Block) {
	if blk.Rec == nil || b.mark == nil {
		return
	}
	id := b.uniqueID(factsheet.Anchor(blk.Rec.ID()))
	fmt.Fprintf(w, ` id="%s" class="rec u-%s"`, template.HTMLEscapeString(id), template.HTMLEscapeString(string(blk.Rec.Urgency)))
}

// recMarker writes the empty anchors of the other identifiers sharing the
// text, then the marker (identifiers, badge, links).
func (b *body) recMarker(w *bytes.Buffer, blk *factsheet.Block) {
	if blk.Rec == nil || b.mark == nil {
		return
	}
	for _, id := range blk.Rec.IDs[1:] {
		fmt.Fprintf(w, `<span class="anchor" id="%s"></span>`, template.HTMLEscapeString(b.uniqueID(factsheet.Anchor(id))))
	}
	m, err := b.mark(blk.Rec)
	if err != nil && b.err == nil {
		b.err = err
	}
	w.Write([]byte(m))
}

// defAnchors writes the empty anchors of the abbreviations a block defines.
func (b *body) defAnchors(w *bytes.Buffer, blk *factsheet.Block) {
	for _, id := range b.defs[blk] {
		fmt.Fprintf(w, `<span class="anchor" id="%s"></span>`, template.HTMLEscapeString(b.uniqueID(id)))
	}
}

// standalone writes the block stating a recommendation on its own: an item's
// text becomes a paragraph, and its sub-items follow as a list.
func (b *body) standalone(w *bytes.Buffer, blk *factsheet.Block) {
	if blk == nil {
		return
	}
	if blk.Kind == factsheet.BlockItem {
		fmt.Fprintf(w, "<p>%s</p>\n", b.in.html(blk.Text, b.refs))
		b.blocks(w, blk.Children)
		return
	}
	b.block(w, blk)
}

// fnView is one footnote in the list at the end of a page.
type fnView struct {
	N     int
	ID    string        // "fn-12"
	Text  template.HTML // rendered text
	Backs []link        // back-links to the references pointing at it, in order
	Recs  []link        // the recommendation pages its text names
}

// footnotes lists the footnotes referenced while rendering with r, in number
// order, each with back-links when the references carry ids.
func footnotes(nt *notes, r *refs, names func(id string) (link, bool)) []fnView {
	nums := append([]int(nil), r.order...)
	sortInts(nums)
	var out []fnView
	for _, n := range nums {
		f := nt.byNum[n]
		v := fnView{N: n, ID: fmt.Sprintf("fn-%d", n), Text: nt.html(n)}
		if r.ids {
			for k := 1; k <= r.seen[n]; k++ {
				label := nt.in.cat.T("footnote.back", n)
				if r.seen[n] > 1 {
					label = nt.in.cat.T("footnote.back.nth", k, r.seen[n], n)
				}
				v.Backs = append(v.Backs, link{Label: label, Href: "#" + refID(n, k)})
			}
		}
		for _, id := range f.Names {
			if names == nil {
				break
			}
			if l, ok := names(id); ok {
				v.Recs = append(v.Recs, l)
			}
		}
		out = append(out, v)
	}
	return out
}

// notes are a document's footnotes, their text rendered once.
type notes struct {
	in    *inliner
	byNum map[int]*factsheet.Footnote
	known map[int]bool
	done  map[int]template.HTML
}

func newNotes(doc *factsheet.Document, in *inliner) *notes {
	nt := &notes{in: in, byNum: map[int]*factsheet.Footnote{}, known: knownNotes(doc), done: map[int]template.HTML{}}
	for _, f := range doc.Footnotes {
		nt.byNum[f.Number] = f
	}
	return nt
}

// html is the rendered text of footnote n; references inside it stay unlinked.
func (nt *notes) html(n int) template.HTML {
	if h, ok := nt.done[n]; ok {
		return h
	}
	h := nt.in.html(nt.byNum[n].Text, nil)
	nt.done[n] = h
	return h
}
