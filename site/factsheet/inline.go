package factsheet

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// detach moves the inline children of a goldmark block into a new Inline.
func (p *fileParser) detach(block ast.Node) *Inline {
	tb := ast.NewTextBlock()
	moveChildren(tb, block)
	return &Inline{Node: tb, Source: p.src}
}

// moveChildren appends every child of from to to.
func moveChildren(to, from ast.Node) {
	for c := from.FirstChild(); c != nil; {
		next := c.NextSibling()
		to.AppendChild(to, c)
		c = next
	}
}

// join appends the text of more to in, separated by a space, as the two
// fragments of a sentence cut by a page break.
func join(in, more *Inline) {
	if last, ok := in.Node.LastChild().(*ast.Text); ok {
		last.SetSoftLineBreak(true)
	} else if in.Node.LastChild() != nil {
		in.Node.AppendChild(in.Node, ast.NewString([]byte(" ")))
	}
	moveChildren(in.Node, more.Node)
}

// trimLeadingSpace removes white space at the start of an inline container.
func trimLeadingSpace(n ast.Node, src []byte) {
	if t, ok := n.FirstChild().(*ast.Text); ok {
		t.Segment = t.Segment.TrimLeftSpace(src)
		if t.Segment.Len() == 0 && !t.SoftLineBreak() {
			n.RemoveChild(n, t)
		}
	}
}

// textOf is the plain text of an inline, without the trailing references.
func textOf(in *Inline) string {
	return strings.TrimSpace(in.Plain())
}

// endsMidSentence tells whether a text stops where a sentence cannot end: no
// closing punctuation after its last word.
func endsMidSentence(in *Inline) bool {
	if endsWithLink(in.Node) {
		return false
	}
	s := textOf(in)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".;:!?…", r) && !(strings.ContainsRune(")\"”’»]", r) && closesSentence(s))
}

// endsWithLink tells whether the last node before any trailing references is
// a link: an address closes a footnote such as "<https://www.weprotect.org/>".
func endsWithLink(n ast.Node) bool {
	c := n.LastChild()
	for c != nil && (isRef(c) || isBlank(c)) {
		c = c.PreviousSibling()
	}
	switch c.(type) {
	case *ast.AutoLink, *ast.Link:
		return true
	}
	return false
}

func isRef(n ast.Node) bool {
	_, ok := n.(*FootnoteRef)
	return ok
}

// isBlank tells whether n is a text node of white space only, such as the
// line break after a link.
func isBlank(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && t.Segment.Len() == 0
}

// closesSentence tells whether a text ending in a closing bracket or quote has
// sentence punctuation right before it ("(...).", "“...”.").
func closesSentence(s string) bool {
	s = strings.TrimRight(s, ")\"”’»]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?", r)
}

// startsLowerCase tells whether a text starts with a lower-case letter, as the
// second half of a cut sentence does.
func startsLowerCase(in *Inline) bool {
	r, _ := utf8.DecodeRuneInString(textOf(in))
	return unicode.IsLower(r)
}

// unbalancedParens counts opening parentheses without their closing one.
func unbalancedParens(in *Inline) int {
	s := textOf(in)
	return strings.Count(s, "(") - strings.Count(s, ")")
}

// boldTexts lists the plain text of every strong emphasis directly in the inline.
func boldTexts(in *Inline) []string {
	var out []string
	for c := in.Node.FirstChild(); c != nil; c = c.NextSibling() {
		if e, ok := c.(*ast.Emphasis); ok && e.Level == 2 {
			tmp := &Inline{Node: e, Source: in.Source}
			out = append(out, tmp.Plain())
		}
	}
	return out
}

// splitAfter moves every node after ref into a new Inline and returns it, or
// nil when only white space follows.
func (p *fileParser) splitAfter(in *Inline, ref ast.Node) *Inline {
	rest := ast.NewTextBlock()
	for c := ref.NextSibling(); c != nil; {
		next := c.NextSibling()
		rest.AppendChild(rest, c)
		c = next
	}
	out := &Inline{Node: rest, Source: p.src}
	trimLeadingSpace(rest, p.src)
	if textOf(out) == "" {
		moveChildren(in.Node, rest)
		return nil
	}
	return out
}

// textBefore is the plain text of the nodes before n in its container.
func textBefore(in *Inline, n ast.Node) string {
	var b bytes.Buffer
	for c := in.Node.FirstChild(); c != nil && c != n; c = c.NextSibling() {
		writeNodePlain(&b, c, in.Source)
	}
	return strings.TrimSpace(b.String())
}
