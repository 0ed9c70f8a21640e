package render

import (
	"bytes"
	"html/template"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// countView is a count of identifiers of one urgency, with its badge.
type countView struct {
	Badge badge
	N     int
	Href  string // the explorer showing them, or ""
}

// tocItem is a heading of a chapter, for its table of contents.
type tocItem struct {
	ID    string
	Label string
	Sub   []tocItem
}

// chapterView is the data of a chapter page.
type chapterView struct {
	Number    string
	Title     string
	ID        string // the chapter's anchor in the single-file edition
	TOC       []tocItem
	Counts    []countView
	Recs      []link // the chapter's identifiers, each linked to its place in the text
	Body      template.HTML
	Footnotes []fnView
	Prev      *link
	Next      *link
}

func (d *docSite) countViews(cs []count, legend string) []countView {
	out := make([]countView, 0, len(cs))
	for _, c := range cs {
		out = append(out, countView{Badge: d.badge(c.Urgency, legend), N: c.N})
	}
	return out
}

// chapterBody renders a chapter's sections; it returns the HTML, the table of
// contents and the footnotes referenced.
func (d *docSite) chapterBody(c *factsheet.Chapter, b *body) (template.HTML, []tocItem, error) {
	w := buffers.Get().(*bytes.Buffer)
	defer putBuffer(w)
	b.sections(w, c.Sections)
	return template.HTML(w.String()), b.toc, b.err
}

func (d *docSite) chapterView(i int, root string, links linkPolicy, ids map[string]bool) (*chapterView, error) {
	c := d.doc.Chapters[i]
	single := links == singleFile
	b := &body{in: d.in, refs: newRefs(d.nt.known, true), mark: d.marker(root, links), ids: ids, defs: d.defs()}
	legend := links.legend(d, root)
	if single {
		b.shift = 1
	}
	html, toc, err := d.chapterBody(c, b)
	if err != nil {
		return nil, err
	}
	v := &chapterView{
		Number: c.Number, Title: c.Title, ID: urls.ChapterAnchor(c.Number),
		TOC: toc, Counts: d.linkCounts(d.countViews(d.chapterCounts(c), legend), root, links, "&chapter="+c.Slug()),
		Body: html, Footnotes: footnotes(d.nt, b.refs, d.names(root, links)),
	}
	for _, e := range d.chapterEntries(c) {
		v.Recs = append(v.Recs, link{Label: e.ID, Href: "#" + urls.RecAnchor(e.ID)})
	}
	if !single {
		if i > 0 {
			p := d.doc.Chapters[i-1]
			v.Prev = &link{Label: p.Number + ". " + p.Title, Href: p.Slug() + ".html"}
		}
		if i+1 < len(d.doc.Chapters) {
			n := d.doc.Chapters[i+1]
			v.Next = &link{Label: n.Number + ". " + n.Title, Href: n.Slug() + ".html"}
		}
	}
	return v, nil
}

// chapters writes chapters/<numeral>.html for every chapter.
func (d *docSite) chapters(files output.Files) error {
	for i, c := range d.doc.Chapters {
		rel := urls.Factsheet(d.slug).Chapter(c.Number)
		p := d.page(rel, d.titled(clip(c.Number+". "+c.Title, 55)), d.cat.T("chapter.description", c.Number, c.Title))
		v, err := d.chapterView(i, p.Root, false, nil)
		if err != nil {
			return err
		}
		p.Crumbs = []link{{Label: d.siteTitle(), Href: "../index.html"}, {Label: d.cat.T("crumb.chapter", c.Number)}}
		p.Body = v
		if err := d.write(files, "chapter", rel, p); err != nil {
			return err
		}
	}
	return nil
}
