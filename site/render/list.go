package render

import (
	"factsheet/site/output"
	"factsheet/site/urls"
)

// search writes search.html, which assets/search.js fills with results.
func (d *docSite) search(files output.Files) error {
	rel := urls.Factsheet(d.slug).Search()
	p := d.page(rel, d.titled(d.cat.T("search.title")), d.cat.T("search.description"))
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: d.cat.T("crumb.search")}}
	return d.write(files, "search", rel, p)
}
