package render

import (
	"sort"
	"strings"

	"factsheet/site/output"
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
	rel := d.slug + "/glossary.html"
	p := d.page(rel, d.titled("Abbreviations"), "The abbreviations of the factsheet, each with its meaning and where the factsheet defines it.")
	v := &glossaryView{}
	for _, a := range d.ab.list {
		e := glossaryEntry{Short: a.Short, Long: a.Long}
		href := d.chapterHref(p.Root, a.Chapter) + "#" + abbrAnchor(a, 0)
		e.Defined = link{Label: "chapter " + a.Chapter.Number + ", " + a.Chapter.Title, Href: href}
		for k, o := range a.Others {
			e.Also = append(e.Also, link{Label: "chapter " + o.Chapter.Number, Href: d.chapterHref(p.Root, o.Chapter) + "#" + abbrAnchor(a, k+1)})
		}
		v.Entries = append(v.Entries, e)
	}
	sort.SliceStable(v.Entries, func(i, j int) bool {
		return strings.ToLower(v.Entries[i].Short) < strings.ToLower(v.Entries[j].Short)
	})
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: "Abbreviations"}}
	p.Body = v
	return d.write(files, "glossary", rel, p)
}
