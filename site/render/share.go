package render

import (
	"html/template"
	"strings"

	"factsheet/site/urls"
)

// share is what the "Copy link" and "Cite" buttons of a recommendation copy
// (assets/share.js). Without a base URL, the script makes the address
// absolute from the page's own: it then works from file:// and under any
// sub-path.
type share struct {
	ID   string // "IV-5"
	Href string // the recommendation's page (or entry), relative to the page showing the buttons
	URL  string // its absolute address, when a base URL is set
	Cite string // the citation, "{url}" standing for the address
	// LinkLabel and CiteLabel name the buttons for screen readers ("Copy link to IV-5")
	LinkLabel, CiteLabel string
	HTML                 template.HTML // the buttons' markup, from the "share-markup" template
}

// urlMark stands for the recommendation's address in share.Cite.
const urlMark = "{url}"

// share returns the buttons' data for identifier id on a page at root; in
// the single-file edition the link is the entry's anchor.
func (d *docSite) share(id, root string, links linkPolicy) share {
	s := share{ID: id, Href: links.recommendation(d, root, id), Cite: d.citation(id),
		LinkLabel: d.cat.T("share.link.label", id), CiteLabel: d.cat.T("share.cite.label", id)}
	if d.opts.BaseURL != "" {
		s.URL = pageURL(d.opts.BaseURL, urls.Factsheet(d.slug).Recommendation(id))
	}
	s.HTML = d.shareMarkup(s, links == singleFile)
	return s
}

// shareMarkup is the markup of the buttons of s, rendered once when keep is
// set: the single-file edition shows the same buttons in the chapter's text
// and in the recommendation's entry, where every other page shows them once.
func (d *docSite) shareMarkup(s share, keep bool) template.HTML {
	if h, ok := d.shares[s]; ok {
		return h
	}
	h, err := d.t.partial("share-markup", s)
	if err != nil && d.err == nil {
		d.err = err
	}
	if keep {
		d.shares[s] = h
	}
	return h
}

// citation is the citation of a recommendation, all its words from the
// factsheet's front matter: "Lanzarote Committee, Factsheet – Lithuania (last
// update 25 May 2023), Recommendation IV-5, {url}", then the original
// document's address when the front matter gives it.
func (d *docSite) citation(id string) string {
	m := d.doc.Meta
	if d.citeHead == "" { // the same for every identifier: made once
		var parts []string
		if a := strings.TrimSpace(m.Author); a != "" {
			parts = append(parts, a)
		}
		title := d.siteTitle()
		if m.LastUpdate != "" {
			title += " (" + d.cat.T("cite.last-update", d.lastUpdate) + ")"
		}
		d.citeHead = strings.Join(append(parts, title), ", ")
	}
	c := d.citeHead + ", " + d.cat.T("rec.title", id) + ", " + urlMark
	if m.Source != "" {
		c += " (" + d.cat.T("cite.source", m.Source) + ")"
	}
	return c
}

// pageFacts is what every page of a factsheet says about it: printed at the
// top of the page (title, Party, date, address), and in the footer (the
// original document).
type pageFacts struct {
	Title   string
	Party   string
	ISO     string // last update, YYYY-MM-DD
	Date    string // last update, spelt out
	Address string // the page's absolute address, or its path from the site's root
	// Absolute tells whether Address is absolute; otherwise assets/share.js
	// prints the address the page was opened at.
	Absolute bool
	Source   string // the original document's address
	Glossary string // the glossary page, from this page; "" when the text defines no abbreviation
	// Line is the title, Party and date as printed, from the "print-facts" template
	Line template.HTML
}

// facts returns the facts of the page at rel, whose canonical address (if
// any) is canonical.
func (d *docSite) facts(rel, canonical string) *pageFacts {
	m := d.doc.Meta
	f := &pageFacts{
		Title: d.siteTitle(), Party: m.Party, ISO: m.LastUpdate, Date: d.lastUpdate,
		Address: rel, Source: m.Source,
	}
	if d.ab != nil {
		f.Glossary = rootOf(rel) + urls.Factsheet(d.slug).Glossary()
	}
	if canonical != "" {
		f.Address, f.Absolute = canonical, true
	}
	f.Line = d.factsLine(f)
	return f
}

// factsLine is the printed line of facts of f, rendered once: it is the
// same on every page of the factsheet.
func (d *docSite) factsLine(f *pageFacts) template.HTML {
	if d.printLine == "" {
		h, err := d.t.partial("print-facts", f)
		if err != nil && d.err == nil {
			d.err = err
		}
		d.printLine = h
	}
	return d.printLine
}
