package render

import (
	"factsheet/site/output"
)

// search writes search.html, which assets/search.js fills with results.
func (d *docSite) search(files output.Files) error {
	rel := d.slug + "/search.html"
	p := d.page(rel, d.titled("Search"), "Search the factsheet's chapters and recommendations.")
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: "Search"}}
	return d.write(files, "search", rel, p)
}
