package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html/template"
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/i18n"
	"factsheet/site/output"
	"factsheet/site/urls"
	"factsheet/site/xlsx"
)

// planRow is one stated text in the action plan: a text shared by several
// identifiers is one row, with all of them.
type planRow struct {
	Rec     *factsheet.Recommendation
	IDs     string // "X-5, X-6"
	Word    string // the urgency's word, "Require"
	Text    string // lead-in and text, plain, as one would quote it
	Chapter string // "IV. Jurisdiction rules"
	Status  string // the latest entries of the status file, "" when none (see planStatus)
}

// planColumn is one column of the action plan, in the page, the CSV and the
// workbook alike. Columns without a value are for the ministry to fill in.
type planColumn struct {
	Header string  // the message key of its heading
	Width  float64 // in the workbook, in characters
	value  func(planRow) string
}

// planColumns are the action plan's columns, in order; the page shows the
// chapter as a group heading instead of a column, and the columns after the
// text (planFixed of them come first) as cells with their value, or empty
// cells to fill in. A new column is one more entry here.
var planColumns = []planColumn{
	{Header: "plan.col.chapter", Width: 22, value: func(r planRow) string { return r.Chapter }},
	{Header: "plan.col.recommendation", Width: 16, value: func(r planRow) string { return r.IDs }},
	{Header: "plan.col.urgency", Width: 11, value: func(r planRow) string { return r.Word }},
	{Header: "plan.col.text", Width: 80, value: func(r planRow) string { return r.Text }},
	{Header: "plan.col.responsible", Width: 24},
	{Header: "plan.col.measures", Width: 40},
	{Header: "plan.col.deadline", Width: 12},
	{Header: "plan.col.status", Width: 24, value: func(r planRow) string { return r.Status }},
}

// planFixed is the number of columns the page writes in its own way:
// chapter (group heading), identifiers, urgency (badge), text.
const planFixed = 4

// followedUp tells whether the Committee follows a level up in its compliance
// procedure: require and request; invite recommendations are added on demand.
func followedUp(u factsheet.Urgency) bool { return u == factsheet.Require || u == factsheet.Request }

// planRows lists the stated texts in navigation order; all includes the
// invite recommendations.
func (d *docSite) planRows(all bool) []planRow {
	var out []planRow
	seen := map[*factsheet.Recommendation]bool{}
	for _, e := range d.es {
		r := e.Rec
		if seen[r] || (!all && !followedUp(r.Urgency)) {
			continue
		}
		seen[r] = true
		out = append(out, planRow{
			Rec: r, IDs: strings.Join(sortedIDs(r.IDs), ", "), Word: levelOf(d.doc, r.Urgency).Word,
			Text: d.recPlain(r), Chapter: r.Chapter.Number + ". " + r.Chapter.Title,
			Status: d.planStatus(r.IDs),
		})
	}
	return out
}

// planView is the data of action-plan.html.
type planView struct {
	Headers  []string // the columns after the chapter
	Groups   []planGroup
	Followed int // identifiers followed up (require and request)
	Invite   badge
	Invites  int // invite identifiers, shown with the switch
	Words    string
	Files    []fileGroup // the CSV and the workbook, without and with the invite recommendations
}

// fileGroup is a set of downloads of the same rows.
type fileGroup struct {
	Label string
	Links []link
}

// planGroup is a chapter of the action plan.
type planGroup struct {
	Chapter string
	Href    string
	Rows    []planRowView
}

// planRowView is a row of the page: its identifiers linked to their pages.
type planRowView struct {
	IDs    []link
	Badge  badge
	LeadIn template.HTML
	Text   template.HTML
	Cells  []planCell // the columns after the text
}

// planCell is a cell after the text: a value, or empty to fill in.
type planCell struct {
	Label string // the column's header
	Value string
	Fill  bool
}

// plan writes action-plan.html, .csv and .xlsx, and -all variants with the
// invite recommendations.
func (d *docSite) plan(files output.Files) error {
	for _, all := range []bool{false, true} {
		name := d.slug + "/" + planFile(all)
		rows := d.planRows(all)
		c, err := planCSV(rows, d.cat)
		if err != nil {
			return fmt.Errorf("%s.csv: %w", name, err)
		}
		files[name+".csv"] = c
		x, err := d.workbook(rows)
		if err != nil {
			return fmt.Errorf("%s.xlsx: %w", name, err)
		}
		files[name+".xlsx"] = x
	}
	return d.planPage(files)
}

// planFile is the action plan's file name stem.
func planFile(all bool) string {
	if all {
		return "action-plan-all"
	}
	return "action-plan"
}

// planPage writes action-plan.html: every row, the invite ones shown by the switch.
func (d *docSite) planPage(files output.Files) error {
	rel := urls.Factsheet(d.slug).ActionPlan()
	p := d.page(rel, d.titled(d.cat.T("plan.title")), d.cat.T("plan.description"))
	p.Scripts, p.Styles = []string{"plan.js"}, []string{"views.css"}
	v := &planView{Invite: d.badge(factsheet.Invite, d.legend(p.Root))}
	for _, c := range planColumns[1:] {
		v.Headers = append(v.Headers, d.cat.T(c.Header))
	}
	var words []string
	for _, l := range levels(d.doc) {
		if followedUp(l.Urgency) {
			words = append(words, l.Word)
		}
	}
	v.Words = strings.Join(words, d.cat.T("plan.and"))
	for _, e := range d.es {
		if followedUp(e.Rec.Urgency) {
			v.Followed++
		} else {
			v.Invites++
		}
	}
	for _, all := range []bool{false, true} {
		what := d.cat.T("plan.all", v.Invite.Word)
		if !all {
			what = v.Words
		}
		v.Files = append(v.Files, fileGroup{Label: what, Links: []link{
			{Label: d.cat.T("plan.xlsx"), Href: planFile(all) + ".xlsx"}, {Label: d.cat.T("plan.csv"), Href: planFile(all) + ".csv"}}})
	}
	v.Groups = d.planGroups(p.Root)
	p.Crumbs = []link{{Label: d.siteTitle(), Href: "index.html"}, {Label: d.cat.T("plan.title")}}
	p.Body = v
	return d.write(files, "plan", rel, p)
}

// planGroups are the rows of every chapter, for a page at root.
func (d *docSite) planGroups(root string) []planGroup {
	var out []planGroup
	for _, r := range d.planRows(true) {
		c := r.Rec.Chapter
		if len(out) == 0 || out[len(out)-1].Chapter != r.Chapter {
			out = append(out, planGroup{Chapter: r.Chapter, Href: d.chapterHref(root, c)})
		}
		refs := newRefs(d.nt.known, false)
		refs.omit = true
		var w bytes.Buffer
		(&body{in: d.in, refs: refs}).standalone(&w, r.Rec.Block)
		row := planRowView{Badge: d.badge(r.Rec.Urgency, d.legend(root)), LeadIn: d.in.html(r.Rec.LeadIn, refs),
			Text: template.HTML(w.String())}
		for _, id := range sortedIDs(r.Rec.IDs) {
			row.IDs = append(row.IDs, link{Label: id, Href: d.recHref(root, id)})
		}
		for _, c := range planColumns[planFixed:] {
			cell := planCell{Label: d.cat.T(c.Header)}
			if c.value != nil {
				cell.Value = c.value(r)
			}
			cell.Fill = cell.Value == "" // nothing known yet: a cell to fill in
			row.Cells = append(row.Cells, cell)
		}
		g := &out[len(out)-1]
		g.Rows = append(g.Rows, row)
	}
	return out
}

// planCSV writes the rows as RFC 4180 CSV with CRLF line ends, one column per
// planColumns, formulas defused as in recommendations.csv.
func planCSV(rows []planRow, cat *i18n.Catalogue) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, r := range planTable(rows, cat) {
		for i := range r {
			r[i] = cell(r[i])
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// planTable is the header, in the catalogue's words, and the cells of every row.
func planTable(rows []planRow, cat *i18n.Catalogue) [][]string {
	out := [][]string{{}}
	for _, c := range planColumns {
		out[0] = append(out[0], cat.T(c.Header))
	}
	for _, r := range rows {
		line := make([]string, len(planColumns))
		for i, c := range planColumns {
			if c.value != nil {
				line[i] = c.value(r)
			}
		}
		out = append(out, line)
	}
	return out
}

// workbook is the action plan as an Excel workbook, with the rows of planCSV.
func (d *docSite) workbook(rows []planRow) ([]byte, error) {
	t := xlsx.Table{Sheet: d.cat.T("plan.title"), Rows: planTable(rows, d.cat), Title: d.titled(d.cat.T("plan.title")),
		Subject: d.cat.T("home.description"), Date: d.doc.Meta.LastUpdate, Lang: lang(d.doc)}
	for _, c := range planColumns {
		t.Widths = append(t.Widths, c.Width)
	}
	return xlsx.Write(t)
}
