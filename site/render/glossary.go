package render

import (
	"sort"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// glossaryEntry is one abbreviation on the glossary page.
type glossaryEntry struct {
	Short   string // "CSAM"
	Long    string // "child sexual abuse material"
	Defined link   // where the factsheet first defines it
	Also    []link // where it defines it again
}

// glossaryView is the data of the glossary page.
type glossaryView struct {
	Entries []glossaryEntry
}

// glossary writes glossary.html: every abbreviation the text defines, in
// alphabetical order, each linked to where the factsheet defines it. A
// factsheet that defines none has no glossary.
func (d *docSite) glossary(files output.Files) error {
	if d.ab == nil {
		return nil
	}
	rel := urls.Factsheet(d.slug).Glossary()
	p := d.page(rel, d.titled(d.cat.T("glossary.title")), d.cat.T("glossary.description"))
	v := &glossaryView{Entries: d.glossaryEntries(p.Root, sitePages)}
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: d.cat.T("glossary.title")}}
	p.Body = v
	return d.write(files, "glossary", rel, p)
}

// glossaryEntries lists the abbreviations in alphabetical order, each linked
// to where the text defines it: its chapter page from a page at root, or
// (single-file edition) the chapter's text in the same page.
func (d *docSite) glossaryEntries(root string, links linkPolicy) []glossaryEntry {
	if d.ab == nil {
		return nil
	}
	href := func(c *factsheet.Chapter, id string) string {
		if links == singleFile {
			return "#" + id
		}
		return d.chapterHref(root, c) + "#" + id
	}
	var out []glossaryEntry
	for _, a := range d.ab.list {
		e := glossaryEntry{Short: a.Short, Long: a.Long}
		e.Defined = link{Label: d.cat.T("glossary.chapter", a.Chapter.Number) + ", " + a.Chapter.Title, Href: href(a.Chapter, abbrAnchor(a, 0))}
		for k, o := range a.Others {
			e.Also = append(e.Also, link{Label: d.cat.T("glossary.chapter", o.Chapter.Number), Href: href(o.Chapter, abbrAnchor(a, k+1))})
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].Short) < strings.ToLower(out[j].Short)
	})
	return out
}
