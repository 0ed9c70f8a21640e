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

// editions groups the factsheets that are editions of one factsheet in
// different languages: those sharing a translation_key, or else the same
// party and report. It returns, for each document, the other editions in
// the order of docs.
func editions(docs []*factsheet.Document) map[*factsheet.Document][]*factsheet.Document {
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
	out := map[*factsheet.Document][]*factsheet.Document{}
	for _, d := range docs {
		for _, o := range groups[key(d)] {
			if o != d && lang(o) != lang(d) {
				out[d] = append(out[d], o)
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
	href := func(target string) string {
		if d.opts.BaseURL != "" {
			return pageURL(d.opts.BaseURL, target)
		}
		return rootOf(rel) + target
	}
	out := []alternate{{Lang: lang(d.doc), Label: d.cat.T("language.name"), Href: href(rel), Self: true}}
	for _, o := range d.others {
		out = append(out, alternate{Lang: lang(o), Label: d.langs.of(lang(o)).cat.T("language.name"), Href: href(counterpart(rel, d.doc, o))})
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return out[1+i].Lang < out[1+j].Lang })
	return out
}

// counterpart is the page of edition to that corresponds to the page at rel
// of edition from: the same chapter or identifier when it has it, else its
// list or its home.
func counterpart(rel string, from, to *factsheet.Document) string {
	if rel == "downloads/"+from.Meta.Slug+".html" {
		return "downloads/" + to.Meta.Slug + ".html"
	}
	page := strings.TrimPrefix(rel, from.Meta.Slug+"/")
	if stem, ok := strings.CutPrefix(page, "chapters/"); ok && !hasChapter(to, strings.TrimSuffix(stem, ".html")) {
		page = "index.html"
	}
	if stem, ok := strings.CutPrefix(page, "recommendations/"); ok && stem != "index.html" && !hasID(to, strings.TrimSuffix(stem, ".html")) {
		page = "recommendations/index.html"
	}
	return to.Meta.Slug + "/" + page
}

// hasChapter reports whether a factsheet has the chapter whose file stem is stem ("iv").
func hasChapter(doc *factsheet.Document, stem string) bool {
	for _, c := range doc.Chapters {
		if c.Slug() == stem {
			return true
		}
	}
	return false
}

// hasID reports whether a factsheet names the identifier whose file stem is stem ("iv-5").
func hasID(doc *factsheet.Document, stem string) bool {
	for _, r := range doc.Recommendations {
		for _, id := range r.IDs {
			if factsheet.FileStem(id) == stem {
				return true
			}
		}
	}
	return false
}
