package render

import (
	"factsheet/site/output"
)

// listView is the data of the list of all recommendations.
type listView struct {
	Chapters []chapterItem // chapters stating recommendations, each with its items
	Filters  []badge       // one filter per urgency present
	Total    []countView
	N        int
}

// list writes recommendations/index.html: every identifier by chapter.
func (d *docSite) list(files output.Files) error {
	rel := d.slug + "/recommendations/index.html"
	p := d.page(rel, d.titled(d.cat.T("list.title")), d.cat.T("list.description"))
	v := &listView{Total: d.countViews(counts(d.doc, d.es), d.legend(p.Root)), N: len(d.es)}
	for _, c := range v.Total {
		v.Filters = append(v.Filters, c.Badge)
	}
	for i, ci := range d.chapterItems(p.Root, d.legend(p.Root)) {
		if ci.N == 0 {
			continue
		}
		for _, e := range d.chapterEntries(d.doc.Chapters[i]) {
			ci.Items = append(ci.Items, d.item(e, p.Root, false))
		}
		v.Chapters = append(v.Chapters, ci)
	}
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "../index.html"}, {Label: d.cat.T("crumb.recommendations")}}
	p.Body = v
	return d.write(files, "recommendations", rel, p)
}

// search writes search.html, which assets/search.js fills with results.
func (d *docSite) search(files output.Files) error {
	rel := d.slug + "/search.html"
	p := d.page(rel, d.titled(d.cat.T("search.title")), d.cat.T("search.description"))
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: d.cat.T("crumb.search")}}
	return d.write(files, "search", rel, p)
}
