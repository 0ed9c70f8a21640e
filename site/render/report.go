package render

import (
	"cmp"
	"html/template"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/output"
	"factsheet/site/series"
)

// reportDir is the folder of a report's pages, relative to the root of the
// site: "reports/2nd-round/".
func reportDir(r *series.Report) string { return "reports/" + r.Round + "/" }

// reportIDPage is the page of identifier id in report r, relative to the root.
func reportIDPage(r *series.Report, id string) string {
	return reportDir(r) + factsheet.FileStem(id) + ".html"
}

// filteredList is a factsheet's list of recommendations filtered by urgency
// and chapter (either may be ""), from a page at root; the list reads its
// filters from the address.
func filteredList(root, slug string, u factsheet.Urgency, chapter string) string {
	var q []string
	if u != "" {
		q = append(q, "urgency="+string(u))
	}
	if chapter != "" {
		q = append(q, "chapter="+strings.ToLower(chapter))
	}
	href := root + slug + "/recommendations/index.html"
	if len(q) > 0 {
		href += "?" + strings.Join(q, "&")
	}
	return href
}

// cellCount is a number of recommendations of one urgency in a matrix cell,
// linked to the Party's list filtered to them.
type cellCount struct {
	Urgency factsheet.Urgency
	Word    string
	N       int
	Href    string
}

// matrixRow is a Party's row of the report's matrix.
type matrixRow struct {
	Party string
	Href  string        // the Party's factsheet
	Cells [][]cellCount // per chapter of the report, its non-zero counts
	Total []cellCount
}

// idItem is an identifier in the report's list.
type idItem struct {
	ID      string
	Href    string
	Parties int
	Counts  []countView // how many Parties received it at each urgency
	Summary string
}

// idGroup is a chapter's identifiers in the report's list.
type idGroup struct {
	Number string
	Title  string
	ID     string // anchor
	Items  []idItem
}

// reportView is the data of a report page.
type reportView struct {
	Title    string
	Date     string
	ISO      string
	Parties  int
	Chapters []series.Chapter
	Rows     []matrixRow
	Legend   []badge
	Groups   []idGroup
	JSON     string
	CSV      string
}

// reportPages renders a report's page, its identifiers' pages and data.
type reportPages struct {
	r     *series.Report
	t     *templates
	opts  Options
	b     *badger
	first *series.Summary // its levels name the urgencies on the report's pages
	fr    *frames         // the pages' headers and footers, rendered once
	// scripts are the language scripts of the search across the series
	scripts []string
	// receipts are the cells of the identifiers' tables, rendered (see cells)
	receipts map[string]template.HTML
	err      error // the first error of a partial
}

// renderReports writes every report's pages and data files.
func renderReports(files output.Files, ser *series.Site, ls languages, opts Options) error {
	for _, r := range ser.Reports {
		t := ls.of(r.Members[0].Language) // a report's pages speak its first Party's language
		rp := &reportPages{r: r, t: t, opts: opts, b: newBadger(t), first: r.Members[0], fr: &frames{},
			scripts: seriesScripts(opts.Assets, ser), receipts: map[string]template.HTML{}}
		for _, step := range []func(output.Files) error{rp.index, rp.identifiers, rp.data} {
			if err := step(files); err != nil {
				return err
			}
		}
		if err := cmp.Or(rp.b.err, rp.err); err != nil {
			return err
		}
	}
	return nil
}

// page is the common part of a report page at rel.
func (rp *reportPages) page(rel, title, description string) *page {
	root := rootOf(rel)
	p := &page{
		Lang: rp.first.Language, Messages: rp.t.cat.Lang, Title: title, Description: description, Root: root,
		SiteTitle: rp.t.cat.T("site.title"), Home: root + "index.html",
		OGType: "website", SiteName: rp.t.cat.T("site.title"), CSP: csp,
		Levels: rp.first.Levels, SeriesSearch: true, Styles: []string{"series.css"}, LangScripts: rp.scripts,
	}
	if rp.opts.BaseURL != "" {
		p.Canonical = pageURL(rp.opts.BaseURL, rel)
	}
	return p
}

// write renders a page of the report, the list of factsheets first in its breadcrumb.
func (rp *reportPages) write(files output.Files, kind, rel string, p *page) error {
	p.Crumbs = append([]link{{Label: rp.t.cat.T("crumb.factsheets"), Href: p.Root + "index.html"}}, p.Crumbs...)
	b, err := rp.t.pageThen(kind, p, rp.fr, nil)
	if err != nil {
		return err
	}
	files[rel] = b
	return nil
}

// index writes reports/<round>/index.html: the matrix and the identifiers.
func (rp *reportPages) index(files output.Files) error {
	r := rp.r
	rel := reportDir(r) + "index.html"
	p := rp.page(rel, r.Title, rp.t.cat.T("report.description", r.Title))
	v := &reportView{
		Title: r.Title, Date: rp.t.cat.Date(r.LastUpdate()), ISO: r.LastUpdate(), Parties: len(r.Members),
		Chapters: r.Chapters, JSON: "recommendations.json", CSV: "recommendations.csv",
	}
	for _, l := range rp.first.Levels {
		v.Legend = append(v.Legend, rp.b.badge(l, "#legend"))
	}
	for _, m := range r.Members {
		row := matrixRow{Party: r.Label(m), Href: p.Root + m.Slug + "/index.html", Total: rp.cell(p.Root, m, "")}
		for _, c := range r.Chapters {
			row.Cells = append(row.Cells, rp.cell(p.Root, m, c.Number))
		}
		v.Rows = append(v.Rows, row)
	}
	v.Groups = rp.groups()
	p.Crumbs = []link{{Label: clip(r.Title, 60)}}
	p.Body = v
	return rp.write(files, "report", rel, p)
}

// cell lists a member's non-zero counts in a chapter ("" for all), each
// linked to its filtered list.
func (rp *reportPages) cell(root string, m *series.Summary, chapter string) []cellCount {
	var out []cellCount
	for _, c := range m.Counts(chapter) {
		if c.N > 0 {
			out = append(out, cellCount{Urgency: c.Urgency, Word: m.Level(c.Urgency).Word, N: c.N,
				Href: filteredList(root, m.Slug, c.Urgency, chapter)})
		}
	}
	return out
}

// groups lists the report's identifiers by chapter, each with how many
// Parties received it at each urgency.
func (rp *reportPages) groups() []idGroup {
	r := rp.r
	var out []idGroup
	at := map[string]int{}
	for _, c := range r.Chapters {
		at[c.Number] = len(out)
		out = append(out, idGroup{Number: c.Number, Title: c.Title, ID: "chapter-" + strings.ToLower(c.Number)})
	}
	for _, id := range r.IDs {
		rs := r.Receipts(id)
		n := map[factsheet.Urgency]int{}
		for _, rc := range rs {
			n[rc.Rec.Urgency]++
		}
		it := idItem{ID: id, Href: factsheet.FileStem(id) + ".html", Parties: len(rs), Summary: firstSentence(rs[0].Rec.Text, 240)}
		for _, u := range factsheet.Urgencies {
			if n[u] > 0 {
				it.Counts = append(it.Counts, countView{Badge: rp.b.badge(rp.first.Level(u), "#legend"), N: n[u]})
			}
		}
		g, ok := at[rs[0].Rec.Chapter]
		if !ok {
			continue
		}
		out[g].Items = append(out[g].Items, it)
	}
	return out
}
