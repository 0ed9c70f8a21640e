package factsheet

import (
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"factsheet/site/internal/lazy"
)

var (
	refNumbers = lazy.Regexp(`^\s*\d+(\s*,\s*\d+)*\s*$`)
	// recommendationID is an identifier inside a footnote that names
	// recommendations, in any language ("Recommendations III-16 and III-18").
	recommendationID = lazy.Regexp(`[IVXLC]+-\d+`)
)

// rawHTML returns the text of a raw HTML inline node, or "" for any other node.
func rawHTML(n ast.Node, src []byte) string {
	if r, ok := n.(*ast.RawHTML); ok {
		var b strings.Builder
		for i := 0; i < r.Segments.Len(); i++ {
			s := r.Segments.At(i)
			b.Write(s.Value(src))
		}
		return strings.ToLower(strings.TrimSpace(b.String()))
	}
	return ""
}

// convertReferences replaces every "<sup>N</sup>" and "<sup>N,M</sup>" of the
// tree by FootnoteRef nodes.
func convertReferences(root ast.Node, src []byte) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		for c := n.FirstChild(); c != nil; {
			c = replaceSup(n, c, src)
		}
		return ast.WalkContinue, nil
	})
}

// replaceSup turns the sequence starting at c into footnote references if it is
// "<sup>", numbers, "</sup>", and returns the node to look at next.
func replaceSup(parent, c ast.Node, src []byte) ast.Node {
	if rawHTML(c, src) != "<sup>" {
		return c.NextSibling()
	}
	num, ok := c.NextSibling().(*ast.Text)
	if !ok || num.NextSibling() == nil || rawHTML(num.NextSibling(), src) != "</sup>" {
		return c.NextSibling()
	}
	digits := string(num.Segment.Value(src))
	if !refNumbers().MatchString(digits) {
		return c.NextSibling()
	}
	closing := num.NextSibling()
	after := closing.NextSibling()
	for _, part := range strings.Split(digits, ",") {
		n, _ := strconv.Atoi(strings.TrimSpace(part))
		ref := &FootnoteRef{Number: n}
		parent.InsertBefore(parent, c, ref)
	}
	parent.RemoveChild(parent, c)
	parent.RemoveChild(parent, num)
	parent.RemoveChild(parent, closing)
	return after
}

// refsIn lists the footnote references inside a node, in document order.
func refsIn(n ast.Node) []*FootnoteRef {
	var refs []*FootnoteRef
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := c.(*FootnoteRef); ok && entering {
			refs = append(refs, r)
		}
		return ast.WalkContinue, nil
	})
	return refs
}

// splitFusedReferences walks the references in document order and splits a
// number that the conversion made by fusing adjacent references ("45" for 4
// and 5): a number beyond the next expected one whose digits spell the expected
// run, each with a definition, is replaced by that run.
func (p *fileParser) splitFusedReferences(refs []*FootnoteRef) []*FootnoteRef {
	var out []*FootnoteRef
	highest := 0
	for _, r := range refs {
		if r.Number > highest+1 {
			if run := p.fusedRun(strconv.Itoa(r.Number), highest+1); run != nil {
				parent := r.Parent()
				for _, n := range run {
					nr := &FootnoteRef{Number: n}
					parent.InsertBefore(parent, r, nr)
					out = append(out, nr)
				}
				parent.RemoveChild(parent, r)
				highest = run[len(run)-1]
				continue
			}
		}
		out = append(out, r)
		highest = max(highest, r.Number)
	}
	return out
}

// fusedRun splits digits into consecutive numbers starting at next, each of
// which has a definition, or returns nil.
func (p *fileParser) fusedRun(digits string, next int) []int {
	var run []int
	for n := next; digits != ""; n++ {
		s := strconv.Itoa(n)
		if !strings.HasPrefix(digits, s) || p.notes[n] == nil {
			return nil
		}
		run = append(run, n)
		digits = digits[len(s):]
	}
	if len(run) < 2 {
		return nil
	}
	return run
}

// definition reads a footnote definition paragraph: a paragraph whose first
// node is a reference. It returns the definitions it holds, one per line that
// starts with a reference.
func (p *fileParser) definitions(para ast.Node) []*Footnote {
	first, ok := para.FirstChild().(*FootnoteRef)
	if !ok {
		return nil
	}
	var notes []*Footnote
	var cur *Footnote
	for c := ast.Node(first); c != nil; {
		next := c.NextSibling()
		if r, ok := c.(*FootnoteRef); ok && (c == first || endsLine(cur.Text.Node.LastChild())) {
			cur = &Footnote{Number: r.Number, Text: &Inline{Node: ast.NewTextBlock(), Source: p.src}, Pos: p.posOf(para)}
			if next == nil {
				p.warnf(cur.Pos, "footnote %d has no text: write it after '<sup>%d</sup>' on the same line", r.Number, r.Number)
			} else if off, ok := firstOffset(next); ok {
				cur.Pos = p.posAt(off)
				cur.Pos.Col = 1
			}
			notes = append(notes, cur)
			para.RemoveChild(para, c)
		} else {
			cur.Text.Node.AppendChild(cur.Text.Node, c)
		}
		c = next
	}
	for _, n := range notes {
		trimLeadingSpace(n.Text.Node, p.src)
	}
	return notes
}

// endsLine tells whether an inline node ends with a line break.
func endsLine(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && (t.SoftLineBreak() || t.HardLineBreak())
}

// addDefinition files a footnote definition, reporting a number defined twice.
func (p *fileParser) addDefinition(n *Footnote) {
	if prev := p.notes[n.Number]; prev != nil {
		p.failf(n.Pos, "footnote %d is defined twice (first at line %d): renumber or remove one definition", n.Number, prev.Pos.Line)
		return
	}
	p.notes[n.Number] = n
}

// sortedFootnotes returns the definitions by number.
func (p *fileParser) sortedFootnotes() []*Footnote {
	notes := make([]*Footnote, 0, len(p.notes))
	for _, n := range p.notes {
		notes = append(notes, n)
	}
	sort.Slice(notes, func(i, j int) bool { return notes[i].Number < notes[j].Number })
	return notes
}

// checkReferences reports references without definition and definitions never referenced.
func (p *fileParser) checkReferences(refs []*FootnoteRef) {
	used := map[int]bool{}
	for _, r := range refs {
		used[r.Number] = true
		if p.notes[r.Number] == nil {
			p.warnf(p.posOf(r.Parent()), "footnote %d is referenced but never defined: add a line '<sup>%d</sup> text' or fix the number", r.Number, r.Number)
		}
	}
	for _, n := range p.sortedFootnotes() {
		if !used[n.Number] {
			p.warnf(n.Pos, "footnote %d is defined but never referenced: add '<sup>%d</sup>' where it belongs or remove the definition", n.Number, n.Number)
		}
	}
}
