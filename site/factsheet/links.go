package factsheet

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// resolveLinks gives each "(#)" link placeholder the address that the front
// matter's links map has for its text; a placeholder without one, and a link
// with an unsafe address, becomes plain text with a warning.
func (p *fileParser) resolveLinks(units []*unit) {
	byKey := map[string]string{}
	for text, addr := range p.doc.Meta.Links {
		byKey[linkKey(text)] = addr
	}
	used := map[string]bool{}
	resolve := func(in *Inline) {
		var links []*ast.Link
		_ = ast.Walk(in.Node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				links = append(links, l)
			}
			return ast.WalkContinue, nil
		})
		for _, l := range links {
			p.resolveLink(in, l, byKey, used)
		}
	}
	for _, u := range units {
		switch u.kind {
		case unitBody, unitUsed:
			forEachInline(u.block, resolve)
		case unitNotes:
			for _, fn := range u.notes {
				resolve(fn.Text)
			}
		}
	}
	for text := range p.doc.Meta.Links {
		if !used[linkKey(text)] {
			p.warnf(Pos{File: p.file, Line: 1}, "front matter links: no '(#)' link has the text %q: remove the entry or fix its text", text)
		}
	}
}

// resolveLink fills in or removes one link.
func (p *fileParser) resolveLink(in *Inline, l *ast.Link, byKey map[string]string, used map[string]bool) {
	label := (&Inline{Node: l, Source: p.src}).Plain()
	dest := strings.TrimSpace(string(l.Destination))
	if dest == "" || dest == "#" {
		key := linkKey(label)
		if addr, ok := byKey[key]; ok {
			used[key] = true
			if addr == "" { // listed as deliberately without an address
				unwrap(l)
				return
			}
			l.Destination = []byte(addr)
			return
		}
		p.warnf(p.posOf(l), "link %q has no address (a '(#)' placeholder): add it under 'links:' in the front matter (its address, or null if it has none); it is shown as plain text", label)
		unwrap(l)
		return
	}
	if !safeURL(dest) {
		p.warnf(p.posOf(l), "link %q has an unsafe address %q: only http, https, mailto and relative addresses are kept; it is shown as plain text", label, dest)
		unwrap(l)
	}
}

// linkKey normalises a link text for lookup: white space collapsed, double
// quotes removed, final punctuation trimmed, lower case.
func linkKey(text string) string {
	unquoted := strings.Map(func(r rune) rune {
		if strings.ContainsRune("\"“”", r) {
			return -1
		}
		return r
	}, text)
	return strings.ToLower(strings.Trim(normalizeSpace(unquoted), "'‘’.,;: "))
}

// safeURL tells whether an address is http(s), mailto or relative.
func safeURL(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

// unwrap replaces a link by its content.
func unwrap(l ast.Node) {
	parent := l.Parent()
	for c := l.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, l, c)
		c = next
	}
	parent.RemoveChild(parent, l)
}
