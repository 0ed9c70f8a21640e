package render

import (
	"sort"
	"strings"

	"factsheet/site/factsheet"
)

// alternate is the same page in another language: an hreflang alternate
// of the page's head and an entry of its language switch.
type alternate struct {
	Lang  string // the language tag of the other edition
	Label string // the language's name, in that language ("Français")
	Href  string // the page in that edition, relative to the page, or absolute with a base URL
	Self  bool   // the page itself (an hreflang alternate, not in the switch)
}

// edition is what a factsheet's other editions need to know of it: where
// its pages are and which chapters and identifiers it has.
type edition struct {
	slug, lang string
	pages      map[string]bool // the pages only some factsheets have: "chapters/ii.html", "recommendations/ii-5.html", "glossary.html"
}

// newEdition summarises a factsheet for its other editions.
func newEdition(doc *factsheet.Document) edition {
	e := edition{slug: doc.Meta.Slug, lang: lang(doc), pages: map[string]bool{"glossary.html": newAbbrevs(doc) != nil}}
	for _, c := range doc.Chapters {
		e.pages["chapters/"+c.Slug()+".html"] = true
	}
	for _, r := range doc.Recommendations {
		for _, id := range r.IDs {
			e.pages["recommendations/"+factsheet.FileStem(id)+".html"] = true
		}
	}
	return e
}

// editions groups the factsheets that are editions of one factsheet in
// different languages: those sharing a translation_key, or else the same
// party and report. It returns, by slug, the other editions of each
// factsheet, in the order of docs.
func editions(docs []*factsheet.Document) map[string][]edition {
	key := func(d *factsheet.Document) string {
		if d.Meta.TranslationKey != "" {
			return "key\x00" + d.Meta.TranslationKey
		}
		return "party\x00" + d.Meta.Party + "\x00" + d.Meta.Report
	}
	groups := map[string][]*factsheet.Document{}
	for _, d := range docs {
		groups[key(d)] = append(groups[key(d)], d)
	}
	out := map[string][]edition{}
	for _, d := range docs {
		for _, o := range groups[key(d)] {
			if o != d && lang(o) != lang(d) {
				out[d.Meta.Slug] = append(out[d.Meta.Slug], newEdition(o))
			}
		}
	}
	return out
}

// alternates lists the page at rel in every edition of the factsheet, its
// own first; nil when the factsheet has no other edition.
func (d *docSite) alternates(rel string) []alternate {
	if len(d.others) == 0 {
		return nil
	}
	if d.self == nil {
		e := newEdition(d.doc)
		d.self = &e
	}
	return pageAlternates(rel, *d.self, d.others, d.langs, d.opts.BaseURL)
}

// pageAlternates lists the page at rel of edition self in every edition,
// its own first, with addresses relative to the page or, with a base URL,
// absolute; nil when there is no other edition.
func pageAlternates(rel string, self edition, others []edition, ls languages, base string) []alternate {
	if len(others) == 0 {
		return nil
	}
	href := func(target string) string {
		if base != "" {
			return pageURL(base, target)
		}
		return rootOf(rel) + target
	}
	name := func(lang string) string { return ls.of(lang).cat.T("language.name") }
	out := []alternate{{Lang: self.lang, Label: name(self.lang), Href: href(rel), Self: true}}
	for _, o := range others {
		out = append(out, alternate{Lang: o.lang, Label: name(o.lang), Href: href(counterpart(rel, self.slug, o))})
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return out[1+i].Lang < out[1+j].Lang })
	return out
}

// counterpart is the page of edition to that corresponds to the page at rel
// of the factsheet whose slug is from: the same chapter or identifier when
// it has it, else its list or its home.
func counterpart(rel, from string, to edition) string {
	if rel == "downloads/"+from+".html" {
		return "downloads/" + to.slug + ".html"
	}
	page := strings.TrimPrefix(rel, from+"/")
	switch {
	case to.pages[page]:
	case strings.HasPrefix(page, "chapters/"):
		page = "index.html"
	case strings.HasPrefix(page, "recommendations/") && page != "recommendations/index.html":
		page = "recommendations/index.html"
	case page == "glossary.html":
		page = "index.html"
	}
	return to.slug + "/" + page
}

// alternates returns the hreflang alternates of a page of the site
// (relative to public/) with absolute addresses, as the page itself lists
// them; nil for a page of no factsheet or one with no other edition.
func (r *Renderer) alternates(rel string) []alternate {
	slug, _, _ := strings.Cut(strings.TrimPrefix(rel, "downloads/"), "/")
	slug = strings.TrimSuffix(slug, ".html")
	if self, ok := r.selves[slug]; ok {
		return pageAlternates(rel, self, r.eds[slug], r.t, r.opts.BaseURL)
	}
	return nil
}
