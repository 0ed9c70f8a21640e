package render

import (
	"bytes"
	"html/template"
	"slices"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// listView is the data of the explorer, recommendations/index.html: every
// recommendation by chapter, with the filters of assets/explorer.js and,
// for readers without scripts, the urgency filter of the stylesheet.
type listView struct {
	Party    string        // the heading's subject when an urgency is chosen
	Chapters []chapterItem // chapters stating recommendations, each with its entries
	Filters  []badge       // the no-script urgency filter: one per urgency present
	Facets   []facetView   // the explorer's filters
	Total    []countView
	N        int
	State    string // where the view is kept: "query" (?urgency=...) or "hash" (single-file edition)
	Scope    string // the id of the element holding the entries
}

// exEntry is one stated text in the explorer, with every identifier it carries.
type exEntry struct {
	IDs      []markID // each identifier, linked to its page, with its state
	Badge    badge
	Section  string // "Addressed to Lithuania"
	Articles []link // the Articles of the Convention it names
	LeadIn   template.HTML
	Text     template.HTML
	Facets   string // data-facets, see dimensions
	Weights  string // data-weights, see weights
	N        int    // identifiers: what the counts count
}

// list writes recommendations/index.html, the explorer.
func (d *docSite) list(files output.Files) error {
	rel := urls.Factsheet(d.slug).List()
	p := d.page(rel, d.titled(d.cat.T("list.title")), d.cat.T("list.description"))
	p.Scripts, p.Styles = []string{"explorer.js"}, []string{"views.css"}
	legend := d.legend(p.Root)
	v := &listView{Party: d.doc.Meta.Party, Facets: d.facetViews(), N: len(d.es), State: "query", Scope: "explorer",
		Total: d.linkCounts(d.countViews(counts(d.doc, d.es), legend), p.Root, sitePages, "")}
	if v.Party == "" {
		v.Party = d.cat.T("rec.the-party")
	}
	for _, c := range v.Total {
		v.Filters = append(v.Filters, c.Badge)
	}
	entries := d.exEntries(p.Root)
	for i, ci := range d.chapterItems(p.Root, legend) {
		if ci.N == 0 {
			continue
		}
		ci.Entries = entries[d.doc.Chapters[i]]
		v.Chapters = append(v.Chapters, ci)
	}
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "../index.html"}, {Label: d.cat.T("crumb.recommendations")}}
	p.Body = v
	return d.write(files, "recommendations", rel, p)
}

// exEntries lists the stated texts of each chapter in navigation order, a
// text shared by several identifiers once, where its first one stands.
func (d *docSite) exEntries(root string) map[*factsheet.Chapter][]exEntry {
	out := map[*factsheet.Chapter][]exEntry{}
	seen := map[*factsheet.Recommendation]bool{}
	for _, e := range d.es {
		r := e.Rec
		if seen[r] {
			continue
		}
		seen[r] = true
		refs := newRefs(d.nt.known, false)
		refs.omit = true
		x := exEntry{
			Badge: d.badge(r.Urgency, d.legend(root)), Section: d.sectionLabel(r.Section),
			Articles: d.articleLinks(r), Facets: d.facets(r), Weights: d.weights(r), N: len(r.IDs),
			LeadIn: d.in.html(r.LeadIn, refs),
		}
		var w bytes.Buffer
		b := &body{in: d.in, refs: refs}
		b.standalone(&w, r.Block)
		x.Text = template.HTML(w.String())
		for _, id := range sortedIDs(r.IDs) {
			x.IDs = append(x.IDs, markID{link{Label: id, Href: d.recHref(root, id)}, d.stateMark(id)})
		}
		out[r.Chapter] = append(out[r.Chapter], x)
	}
	return out
}

// explorerHref is the address of the explorer showing one view, from a page
// at root: params is "urgency=require&chapter=iv", or "" for every
// recommendation. In the single-file edition the view is in the fragment,
// after the list's anchor: "#recommendations?urgency=require".
func (d *docSite) explorerHref(root string, links linkPolicy, params string) string {
	base := d.fromRoot(root, urls.Factsheet(d.slug).List())
	if links == singleFile {
		base = "#recommendations"
	}
	if params == "" {
		return base
	}
	return base + "?" + params
}

// linkCounts links each count to the explorer showing the identifiers of its
// urgency, from a page at root; more is added to the view ("&chapter=iv").
func (d *docSite) linkCounts(cs []countView, root string, links linkPolicy, more string) []countView {
	out := make([]countView, len(cs))
	for i, c := range cs {
		c.Href = d.explorerHref(root, links, "urgency="+string(c.Badge.Urgency)+more)
		out[i] = c
	}
	return out
}

// sortedIDs returns the identifiers in navigation order (X-5 before X-6).
func sortedIDs(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		switch {
		case lessID(a, b):
			return -1
		case lessID(b, a):
			return 1
		}
		return 0
	})
	return out
}
