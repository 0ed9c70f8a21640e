package render

import (
	"bytes"
	"html/template"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// chapterItem is a chapter in a list of chapters, with its counts by urgency.
type chapterItem struct {
	Number  string
	Title   string
	Href    string
	ID      string // the chapter's anchor on the list of recommendations
	Counts  []countView
	N       int       // identifiers in the chapter
	Entries []exEntry // its recommendations in full (the explorer)
}

// homeView is the data of a factsheet's home page.
type homeView struct {
	Meta       factsheet.Meta
	Date       string // the last update, spelt out ("25 May 2023")
	Intro      *chapterItem
	IntroHTML  template.HTML
	KeyTitle   string
	KeyHTML    template.HTML
	Footnotes  []fnView
	Legend     []badge
	Chapters   []chapterItem
	Total      []countView
	N          int
	All        string // the list of all recommendations
	SingleFile link   // downloads/<slug>.html
	Zip        link   // downloads/<slug>-offline.zip
	SingleName string // data-download key of the single-file edition
	ZipName    string
	Progress   *progressView // the implementation status; nil without a status file
	NoStatus   bool          // no status file: one line says so
}

// intro returns the introduction chapter: the first one, when it states no
// recommendation; nil otherwise.
func (d *docSite) intro() *factsheet.Chapter {
	if len(d.doc.Chapters) == 0 || len(d.chapterEntries(d.doc.Chapters[0])) > 0 {
		return nil
	}
	return d.doc.Chapters[0]
}

// chapterItems lists the chapters with their counts, for a page at root.
func (d *docSite) chapterItems(root, legend string) []chapterItem {
	var out []chapterItem
	for _, c := range d.doc.Chapters {
		out = append(out, chapterItem{
			Number: c.Number, Title: c.Title, Href: d.chapterHref(root, c), ID: urls.ChapterAnchor(c.Number),
			Counts: d.linkCounts(d.countViews(d.chapterCounts(c), legend), root, sitePages, "&chapter="+c.Slug()),
			N:      len(d.chapterEntries(c)),
		})
	}
	return out
}

// legendBadges are the three urgency levels with their meanings.
func (d *docSite) legendBadges(href string) []badge {
	var out []badge
	for _, l := range levels(d.doc) {
		out = append(out, d.badge(l.Urgency, href))
	}
	return out
}

// home writes <slug>/index.html.
func (d *docSite) home(files output.Files) error {
	rel := urls.Factsheet(d.slug).Home()
	p := d.page(rel, d.siteTitle(), d.homeDescription())
	p.OGType = "website"
	v := &homeView{
		Meta: d.doc.Meta, Date: d.lastUpdate,
		Legend: d.legendBadges("#legend"), Chapters: d.chapterItems(p.Root, "#legend"),
		Total: d.linkCounts(d.countViews(counts(d.doc, d.es), "#legend"), p.Root, sitePages, ""), N: len(d.es),
		All:        "recommendations/index.html",
		SingleFile: link{Label: d.cat.T("home.single"), Href: "../downloads/" + d.slug + ".html"},
		Zip:        link{Label: d.cat.T("home.zip"), Href: "../downloads/" + d.slug + "-offline.zip"},
		SingleName: d.slug + ".html", ZipName: d.slug + "-offline.zip",
		Progress: d.progress("changes.html", "changes.xml"), NoStatus: d.st == nil,
	}
	if v.Progress != nil {
		p.Feed = "changes.xml"
	}
	if c := d.intro(); c != nil {
		refs := newRefs(d.nt.known, true)
		var intro, keys []*factsheet.Section
		for _, s := range c.Sections {
			if s.Kind == factsheet.SectionKeyFindings {
				keys = append(keys, s)
			} else {
				intro = append(intro, s)
			}
		}
		ids := map[string]bool{"legend": true, "key-findings": true, "intro": true}
		var w bytes.Buffer
		b := &body{in: d.in, refs: refs, shift: 1, ids: ids, defs: d.defs()}
		b.sections(&w, intro)
		v.IntroHTML = template.HTML(w.String())
		w.Reset()
		b.shift = 0 // key findings: h2 title, sub-headings h3
		for _, s := range keys {
			if v.KeyTitle == "" && s.Heading != nil {
				v.KeyTitle = s.Heading.Text.Plain()
			}
			b.blocks(&w, s.Blocks)
		}
		v.KeyHTML = template.HTML(w.String())
		v.Intro = &chapterItem{Number: c.Number, Title: c.Title, Href: d.chapterHref(p.Root, c)}
		v.Footnotes = footnotes(d.nt, refs, d.names(p.Root, sitePages))
	}
	p.Crumbs = []link{{Label: d.siteTitle()}}
	p.Body = v
	return d.write(files, "home", rel, p)
}

func (d *docSite) homeDescription() string {
	desc := d.cat.T("home.description")
	if d.doc.Meta.Party != "" {
		desc = d.cat.T("home.description.party", d.doc.Meta.Party)
	}
	if d.doc.Meta.Report != "" {
		desc = d.cat.T("home.description.report", desc, d.doc.Meta.Report)
	}
	return clip(desc, 240)
}
