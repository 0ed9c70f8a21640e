package render

import "factsheet/site/urls"

// linkPolicy says where a page's links to the factsheet's own places go: to
// the pages of the site (sitePages), or to the entries and anchors of the
// single-file edition (singleFile), which is one page.
type linkPolicy bool

// The link policies.
const (
	sitePages  linkPolicy = false
	singleFile linkPolicy = true
)

// recommendation is the address of an identifier's place from a page at root.
func (l linkPolicy) recommendation(d *docSite, root, id string) string {
	if l == singleFile {
		return "#" + urls.Entry(id)
	}
	return d.recHref(root, id)
}

// legend is the address of the urgency legend from a page at root.
func (l linkPolicy) legend(d *docSite, root string) string {
	if l == singleFile {
		return "#legend"
	}
	return d.legend(root)
}

// chapter is the address of a chapter from a page at root.
func (l linkPolicy) chapter(d *docSite, root, numeral string) string {
	if l == singleFile {
		return "#" + urls.ChapterAnchor(numeral)
	}
	return d.fromRoot(root, urls.Factsheet(d.slug).Chapter(numeral))
}

// place is the address of a recommendation in its chapter's text.
func (l linkPolicy) place(d *docSite, root, numeral, id string) string {
	if l == singleFile {
		return "#" + urls.RecAnchor(id)
	}
	return l.chapter(d, root, numeral) + "#" + urls.RecAnchor(id)
}
