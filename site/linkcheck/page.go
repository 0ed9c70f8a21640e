package linkcheck

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is what the checker needs of one HTML page: its anchors and its links.
type page struct {
	path  string
	ids   map[string]*html.Node // id (and <a name>) → element
	dups  []string              // ids that occur more than once, in document order
	links []link
}

// link is one URL-valued attribute of an element.
type link struct {
	node *html.Node
	attr string // "href", "src", "action", "srcset"
	url  string // the attribute's value, entities decoded
}

// linkAttrs lists, per HTML element, the attributes holding a URL that must resolve.
var linkAttrs = map[atom.Atom][]string{
	atom.A:      {"href"},
	atom.Area:   {"href"},
	atom.Link:   {"href"},
	atom.Script: {"src"},
	atom.Img:    {"src", "srcset"},
	atom.Source: {"src", "srcset"},
	atom.Iframe: {"src"},
	atom.Audio:  {"src"},
	atom.Video:  {"src", "poster"},
	atom.Track:  {"src"},
	atom.Embed:  {"src"},
	atom.Object: {"data"},
	atom.Form:   {"action"},
}

// svgLinkAttrs lists, per SVG element, the attributes holding a URL.
var svgLinkAttrs = map[string][]string{
	"a":     {"href", "xlink:href"},
	"use":   {"href", "xlink:href"},
	"image": {"href", "xlink:href"},
}

// parsePage reads an HTML page's ids and links.
func parsePage(path string, src []byte) (*page, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	p := &page{path: path, ids: map[string]*html.Node{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			p.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p, nil
}

// element records an element's id and its URL attributes.
func (p *page) element(n *html.Node) {
	if id := attr(n, "id"); id != "" {
		p.addID(id, n)
	}
	if n.DataAtom == atom.A {
		if name := attr(n, "name"); name != "" && name != attr(n, "id") {
			p.addID(name, n)
		}
	}
	names, ok := linkAttrs[n.DataAtom]
	if n.Namespace == "svg" {
		names, ok = svgLinkAttrs[n.Data]
	}
	if !ok {
		return
	}
	for _, a := range n.Attr {
		key := a.Key
		if a.Namespace == "xlink" {
			key = "xlink:" + a.Key
		}
		if !contains(names, key) {
			continue
		}
		if key == "srcset" {
			for _, u := range srcsetURLs(a.Val) {
				p.links = append(p.links, link{node: n, attr: key, url: u})
			}
			continue
		}
		p.links = append(p.links, link{node: n, attr: key, url: a.Val})
	}
}

func (p *page) addID(id string, n *html.Node) {
	if _, dup := p.ids[id]; dup {
		p.dups = append(p.dups, id)
		return
	}
	p.ids[id] = n
}

// attr returns the value of an element's attribute (no namespace), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// srcsetURLs returns the URLs of a srcset attribute ("a.png 1x, b.png 2x").
func srcsetURLs(v string) []string {
	var urls []string
	for _, cand := range strings.Split(v, ",") {
		if f := strings.Fields(cand); len(f) > 0 {
			urls = append(urls, f[0])
		}
	}
	return urls
}
