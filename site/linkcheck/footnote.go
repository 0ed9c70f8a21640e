package linkcheck

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	footnoteID  = regexp.MustCompile(`^fn-[0-9]+$`)              // a footnote: fn-12
	referenceID = regexp.MustCompile(`^fnref-[0-9]+(-[0-9]+)?$`) // a reference to it: fnref-12, fnref-12-2
)

// footnotes checks that the page's footnote references and footnotes link
// to each other both ways.
func footnotes(pg *page) []Problem {
	var problems []Problem
	report := func(l link, format string, args ...any) {
		problems = append(problems, Problem{Page: pg.path, Attr: l.attr, URL: l.url, Message: fmt.Sprintf(format, args...)})
	}
	cited := map[string]bool{}
	for _, l := range pg.links {
		if l.node.DataAtom != atom.A || l.attr != "href" || !strings.HasPrefix(l.url, "#") {
			continue
		}
		frag := l.url[1:]
		switch {
		case footnoteID.MatchString(frag):
			cited[frag] = true
			note := pg.ids[frag]
			if note == nil {
				continue // reported as a missing anchor
			}
			ref := referenceOf(l.node)
			if ref == "" {
				report(l, "footnote reference without an id (on the link or its parent) for the footnote to link back to")
			} else if !linksTo(note, "#"+ref) {
				report(l, "footnote %s has no link back to its reference #%s", frag, ref)
			}
		case referenceID.MatchString(frag):
			note := enclosingFootnote(l.node)
			target := pg.ids[frag]
			if note == "" || target == nil {
				continue // a back-link outside a footnote, or a missing anchor (reported)
			}
			if !linksTo(target, "#"+note) {
				report(l, "back-link from footnote %s to #%s, which is not a reference to that footnote", note, frag)
			}
		}
	}
	for _, id := range pg.sortedIDs() {
		if footnoteID.MatchString(id) && !cited[id] {
			problems = append(problems, Problem{Page: pg.path, Attr: "id", URL: id, Message: "footnote never referenced on its page: link to it from the text or leave it out"})
		}
	}
	return problems
}

// referenceOf returns the id a footnote's back-link should target: the
// reference link's own id, or its parent's (a <sup id="fnref-3">).
func referenceOf(a *html.Node) string {
	if id := attr(a, "id"); id != "" {
		return id
	}
	if a.Parent != nil && a.Parent.Type == html.ElementNode {
		return attr(a.Parent, "id")
	}
	return ""
}

// enclosingFootnote returns the id of the footnote element holding n, or "".
func enclosingFootnote(n *html.Node) string {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && footnoteID.MatchString(attr(p, "id")) {
			return attr(p, "id")
		}
	}
	return ""
}

// linksTo tells whether n is, or holds, an <a> whose href is exactly href.
func linksTo(n *html.Node, href string) bool {
	if n == nil {
		return false
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A && attr(n, "href") == href {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if linksTo(c, href) {
			return true
		}
	}
	return false
}
