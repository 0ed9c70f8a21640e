package render

import (
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

// singleView is the data of the single-file edition: the whole factsheet in
// one page, chapters first, then one entry per identifier. Links inside it
// are #anchors only; #rec-iv-5 is the recommendation in its chapter's text,
// #recommendation-iv-5 its entry.
type singleView struct {
	Meta     factsheet.Meta
	Date     string
	Legend   []badge
	Total    []countView
	N        int
	Chapters []*chapterView
	Recs     []*recView
}

// single writes downloads/<slug>.html, which references the shared
// stylesheets and scripts by relative links; bundle inlines them.
func (d *docSite) single(files output.Files) error {
	rel := "downloads/" + d.slug + ".html"
	p := d.page(rel, d.titled(d.cat.T("single.title")), d.homeDescription())
	p.Single = true
	if d.opts.BaseURL == "" {
		// a downloaded file has no other edition beside it: the switch
		// needs the published address of the other one
		p.Alternates = nil
	}
	v := &singleView{
		Meta: d.doc.Meta, Date: d.cat.Date(d.doc.Meta.LastUpdate),
		Legend: d.legendBadges("#legend"), Total: d.countViews(counts(d.doc, d.es), "#legend"), N: len(d.es),
	}
	ids := map[string]bool{"main": true, "legend": true, "contents": true, "recommendations": true,
		"site-search-input": true, "site-search-results": true}
	for _, l := range levels(d.doc) {
		ids["desc-"+string(l.Urgency)] = true
	}
	for _, c := range d.doc.Chapters {
		ids["chapter-"+c.Slug()] = true
	}
	for _, e := range d.es {
		ids["recommendation-"+e.Stem()] = true
	}
	for i := range d.doc.Chapters {
		c, err := d.chapterView(i, p.Root, true, ids)
		if err != nil {
			return err
		}
		v.Chapters = append(v.Chapters, c)
	}
	for i := range d.es {
		v.Recs = append(v.Recs, d.recView(i, p.Root, true))
	}
	p.Body = v
	return d.write(files, "single", rel, p)
}
