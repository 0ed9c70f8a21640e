package render

import (
	"strconv"

	"factsheet/site/factsheet"
)

// articleLinks lists the Articles of the Convention a recommendation names,
// each linked to the Convention's text when the front matter's "convention"
// gives its address, plain otherwise.
func (d *docSite) articleLinks(r *factsheet.Recommendation) []link {
	var out []link
	for _, a := range r.Articles {
		href := ""
		if c := d.doc.Meta.Convention; c != "" && safeURL(c) {
			href = d.doc.Meta.Convention
		}
		out = append(out, link{Label: d.cat.T("explorer.article.n", strconv.Itoa(a.Number)+a.Part), Href: href})
	}
	return out
}
