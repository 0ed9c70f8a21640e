package render

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/urls"
)

// item is a recommendation identifier in a list: its badge and first sentence.
type item struct {
	ID      string
	Href    string
	Badge   badge
	Summary string
	State   template.HTML // the state's badge; "" without a status file
	Current bool          // the page's own recommendation
}

// recView is the data of a recommendation page (and of an entry of the
// single-file edition).
type recView struct {
	ID        string
	Anchor    string // id of the entry in the single-file edition
	Badge     badge
	Section   string       // "Addressed to Lithuania" or "Addressed to all Parties"
	Context   *contextView // what the Committee found, above the recommendation (its page only)
	Share     share        // copy link and cite
	Chapter   link
	LeadIn    template.HTML
	Text      template.HTML
	Own       string // says which words of a shared text are the identifier's own, when they are marked
	Footnotes []fnView
	Shared    []link // the other identifiers of the same text
	Place     link   // the recommendation in its chapter's text
	Prev      *link
	Next      *link
	Others    template.HTML // the list entries of the recommendations of the same chapter (see chapterList)
	Articles  []link        // the Articles of the Convention it names
	Facets    string        // single-file edition: the entry's facets for the explorer (see dimensions)
	N         int           // single-file edition: the identifiers of the entry, which counts them all
	Aliases   []string      // single-file edition: the anchors of the entry's other identifiers
	Status    *stateView    // the current state; nil without a status file
	History   []stateView   // every entry, newest first
	States    []idState     // single-file edition: the state of each identifier of the text
	Weights   string        // single-file edition: the entry's data-weights (see weights)
	Heading   string        // single-file edition: "Recommendation IV-5", or "Recommendations IV-5, IV-6"

	Also *alsoView // the other Parties of the report that received it
}

// sectionLabel says to whom a recommendation is addressed.
func (d *docSite) sectionLabel(k factsheet.SectionKind) string {
	switch k {
	case factsheet.SectionSpecific:
		if d.doc.Meta.Party != "" {
			return d.cat.T("rec.to-party", d.doc.Meta.Party)
		}
		return d.cat.T("rec.to-the-party")
	case factsheet.SectionGeneric:
		return d.cat.T("rec.to-all")
	}
	return ""
}

// recRefs is the reference policy of a recommendation's own page or entry:
// references link to "#fn-N" and carry ids when ids is true; the footnotes
// that only name the recommendation ("Recommendation IV-5.") are left out,
// since the page says which recommendation it is.
func (d *docSite) recRefs(r *factsheet.Recommendation, ids bool) *refs {
	refs := newRefs(d.nt.known, ids)
	if !ids {
		refs.href = nil
	}
	refs.hide = map[int]bool{}
	for _, n := range r.Footnotes {
		if f := d.nt.byNum[n]; f != nil && len(f.Names) > 0 && !slices.ContainsFunc(f.Names, func(id string) bool { return !slices.Contains(r.IDs, id) }) {
			refs.hide[n] = true
		}
	}
	return refs
}

// recText renders a recommendation's lead-in and text with refs, marking
// the words that are own's when the text names identifiers mid-sentence.
func (d *docSite) recText(r *factsheet.Recommendation, refs *refs, own string) (leadIn, text template.HTML) {
	leadIn = d.in.html(r.LeadIn, refs)
	var w bytes.Buffer
	b := &body{in: d.in, refs: refs}
	d.in.own = newOwnWords(r, own, d.cat.T("own.start", own), d.cat.T("own.end", own))
	b.standalone(&w, r.Block)
	d.in.own = nil
	return leadIn, template.HTML(w.String())
}

// recView builds the view of entry i for a page at root (or the single file).
func (d *docSite) recView(i int, root string, links linkPolicy) *recView {
	e := d.es[i]
	r := e.Rec
	single := links == singleFile
	href := func(id string) string { return links.recommendation(d, root, id) }
	v := &recView{
		ID: e.ID, Anchor: urls.Entry(e.ID),
		Badge:    d.badge(r.Urgency, links.legend(d, root)),
		Section:  d.sectionLabel(r.Section),
		Chapter:  link{Label: r.Chapter.Number + ". " + r.Chapter.Title, Href: links.chapter(d, root, r.Chapter.Number)},
		Place:    link{Label: d.cat.T("rec.place", e.ID, r.Chapter.Number), Href: links.place(d, root, r.Chapter.Number, e.ID)},
		Articles: d.articleLinks(r),
		Share:    d.share(e.ID, root, links),
	}
	if single {
		v.States = d.idStates(r.IDs)
	} else if v.Status = d.current(e.ID); v.Status != nil {
		v.History = d.history(e.ID)
	}
	refs := d.recRefs(r, !single)
	if !single {
		v.Context = d.contextOf(r, refs)
	}
	page := e.ID // whose own words the text marks
	if single {
		page = "" // the edition states a shared text once, for all its identifiers
	}
	v.LeadIn, v.Text = d.recText(r, refs, page)
	v.Own = d.ownNote(r, page)
	if single {
		// the entry lists its footnotes without links: their linked
		// copies are at the end of the chapter, where the text is marked
		for _, f := range footnotes(d.nt, refs, nil) {
			f.ID = ""
			v.Footnotes = append(v.Footnotes, f)
		}
	} else {
		own := d.names(root, sitePages)
		v.Footnotes = footnotes(d.nt, refs, func(id string) (link, bool) {
			if slices.Contains(r.IDs, id) {
				return link{}, false // no link to the page itself
			}
			return own(id)
		})
	}
	for _, id := range r.IDs {
		if id != e.ID {
			v.Shared = append(v.Shared, link{Label: id, Href: href(id)})
		}
	}
	if single {
		return v
	}
	if i > 0 {
		v.Prev = &link{Label: d.es[i-1].ID, Href: href(d.es[i-1].ID)}
	}
	if i+1 < len(d.es) {
		v.Next = &link{Label: d.es[i+1].ID, Href: href(d.es[i+1].ID)}
	}
	v.Also = d.also(root, e.ID)
	v.Others = d.chapterList(r.Chapter, root).with(e.ID)
	return v
}

// chapterList holds the list entries of a chapter's identifiers, each
// rendered once as another page's and once as the current page's: every
// recommendation page lists all those of its chapter.
type chapterList struct {
	entries  string          // every entry as another page's, each followed by a line break
	ends     []int           // the end of each entry in entries
	ids      []string        // the identifier of each entry
	currents []template.HTML // each entry as the current page's
}

// chapterList returns the list entries of chapter c for pages at root,
// rendered on first use.
func (d *docSite) chapterList(c *factsheet.Chapter, root string) *chapterList {
	key := listKey{c, root}
	if l, ok := d.lists[key]; ok {
		return l
	}
	l := &chapterList{}
	var all strings.Builder
	for _, e := range d.chapterEntries(c) {
		all.WriteString(string(d.item(e, root, false)))
		all.WriteByte('\n')
		l.ends = append(l.ends, all.Len())
		l.ids = append(l.ids, e.ID)
		l.currents = append(l.currents, d.item(e, root, true))
	}
	l.entries = all.String()
	d.lists[key] = l
	return l
}

// listKey identifies a chapterList: the chapter, and the root of its pages.
type listKey struct {
	chapter *factsheet.Chapter
	root    string
}

// with is the list with the entry of id as the current page's.
func (l *chapterList) with(id string) template.HTML {
	k := slices.Index(l.ids, id)
	if k < 0 {
		return template.HTML(l.entries)
	}
	start := 0
	if k > 0 {
		start = l.ends[k-1]
	}
	return template.HTML(l.entries[:start] + string(l.currents[k]) + "\n" + l.entries[l.ends[k]:])
}

// item renders the list entry of an identifier for a page at root.
func (d *docSite) item(e entry, root string, current bool) template.HTML {
	it := item{
		ID: e.ID, Href: d.recHref(root, e.ID), Current: current,
		Badge:   d.badge(e.Rec.Urgency, d.legend(root)),
		Summary: d.summary(e),
		State:   d.stateMark(e.ID),
	}
	h, err := d.t.partial("rec-item", it)
	if err != nil && d.err == nil {
		d.err = err
	}
	return h
}

// recommendations writes recommendations/<id>.html for every identifier.
func (d *docSite) recommendations(files output.Files) error {
	for i, e := range d.es {
		rel := urls.Factsheet(d.slug).Recommendation(e.ID)
		word := d.level(e.Rec.Urgency).Word
		p := d.page(rel, d.titled(d.cat.T("rec.title", e.ID), word), clip(d.recPlain(e.Rec), 200))
		v := d.recView(i, p.Root, sitePages)
		p.Crumbs = []link{
			{Label: d.siteTitle(), Href: "../index.html"},
			{Label: d.cat.T("crumb.recommendations"), Href: "index.html"},
			{Label: d.cat.T("crumb.chapter", e.Rec.Chapter.Number), Href: "index.html#" + urls.ChapterAnchor(e.Rec.Chapter.Number)},
			{Label: e.ID},
		}
		p.Body = v
		if ld := d.recJSONLD(e, p.Canonical); ld != nil {
			p.JSONLD = ld
		}
		if err := d.write(files, "recommendation", rel, p); err != nil {
			return err
		}
	}
	return nil
}

// recPlain is recPlain(r), made once per recommendation.
func (d *docSite) recPlain(r *factsheet.Recommendation) string {
	if s, ok := d.plains[r]; ok {
		return s
	}
	s := recPlain(r)
	d.plains[r] = s
	return s
}

// recPlain is a recommendation's text as one would quote it: lead-in, then text.
func recPlain(r *factsheet.Recommendation) string {
	text := blockPlain(r.Block)
	if lead := r.LeadIn.Plain(); lead != "" {
		return lead + " " + text
	}
	return text
}

// summary is the first sentence of an identifier's text, for lists.
func (d *docSite) summary(e entry) string {
	if s, ok := d.sums[e.ID]; ok {
		return s
	}
	s := firstSentence(blockPlain(e.Rec.Block), 240)
	d.sums[e.ID] = s
	return s
}
