package render

import (
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
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
	// the explorer of the list of recommendations, its view kept in the fragment
	Party    string
	Facets   []facetView
	State    string
	Scope    string
	Progress *progressView // nil without a status file
	NoStatus bool
	Changes  *changesView

	Glossary []glossaryEntry // the abbreviations, linked to the chapters' text
}

// single writes downloads/<slug>.html, which references the shared
// stylesheets and scripts by relative links; bundle inlines them.
func (d *docSite) single(files output.Files) error {
	rel := urls.Factsheet(d.slug).SingleFile()
	p := d.page(rel, d.titled(d.cat.T("single.title")), d.homeDescription())
	p.Single = true
	if d.opts.BaseURL == "" {
		// a downloaded file has no other edition beside it: the switch
		// needs the published address of the other one
		p.Alternates = nil
	}
	p.Scripts, p.Styles = []string{"explorer.js"}, []string{"views.css"}
	v := &singleView{
		Meta: d.doc.Meta, Date: d.lastUpdate,
		Legend: d.legendBadges("#legend"), Total: d.linkCounts(d.countViews(counts(d.doc, d.es), "#legend"), p.Root, singleFile, ""), N: len(d.es),
		Party: d.doc.Meta.Party, Facets: d.facetViews(), State: "hash", Scope: "recommendations",
	}
	if v.Party == "" {
		v.Party = d.cat.T("rec.the-party")
	}
	ids := map[string]bool{"main": true, "legend": true, "contents": true, "recommendations": true, "glossary": true, "glossary-title": true,
		"site-search-input": true, "site-search-results": true}
	for _, id := range []string{"explorer-title", "explorer-status", "explorer-form", "explorer-q", "explorer-none"} {
		ids[id] = true
	}
	for _, l := range levels(d.doc) {
		ids["desc-"+string(l.Urgency)] = true
	}
	for _, c := range d.doc.Chapters {
		ids[urls.ChapterAnchor(c.Number)] = true
	}
	for _, e := range d.es {
		ids[urls.Entry(e.ID)] = true
	}
	for i := range d.doc.Chapters {
		c, err := d.chapterView(i, p.Root, singleFile, ids)
		if err != nil {
			return err
		}
		v.Chapters = append(v.Chapters, c)
	}
	// one entry per text, where its first identifier stands, anchoring all of them
	seen := map[*factsheet.Recommendation]bool{}
	for i, e := range d.es {
		if seen[e.Rec] {
			continue
		}
		seen[e.Rec] = true
		rv := d.recView(i, p.Root, singleFile)
		rv.Facets, rv.Weights, rv.N = d.facets(e.Rec), d.weights(e.Rec), len(e.Rec.IDs)
		rv.Heading = d.cat.T("rec.title", e.ID)
		if len(rv.Shared) > 0 {
			ids := []string{d.cat.T("rec.title.many", e.ID)}
			for _, s := range rv.Shared {
				rv.Aliases = append(rv.Aliases, urls.Entry(s.Label))
				ids = append(ids, s.Label)
			}
			rv.Heading = strings.Join(ids, ", ")
		}
		rv.Chapter.Label = d.cat.T("crumb.chapter", rv.Chapter.Label)
		v.Recs = append(v.Recs, rv)
	}
	v.NoStatus = d.st == nil
	if v.Progress = d.progress("", ""); v.Progress != nil {
		ids["progress"], ids["changes"] = true, true
		v.Changes = d.changesView(func(id, _ string) string { return "#" + urls.Entry(id) }, 3)
		for _, day := range v.Changes.Days {
			ids[day.ID] = true
		}
	}
	if v.Glossary = d.glossaryEntries(p.Root, singleFile); v.Glossary != nil {
		p.Facts.Glossary = "#glossary"
	}
	p.Body = v
	return d.write(files, "single", rel, p)
}
