package render

import (
	"fmt"
	"html/template"
	"strings"

	"factsheet/site/status"
)

// progressRow is one bar of the progress chart and one row of its table.
type progressRow struct {
	Label  string // "Require", "II. Legal frameworks"
	Done   int    // identifiers implemented
	Total  int
	Counts []int         // identifiers in each state of the key, in its order
	Bar    template.HTML // the bar, an inline SVG
}

// progressGroup is a set of rows: by urgency, or by chapter.
type progressGroup struct {
	Title string
	Rows  []progressRow
}

// keyItem is a state shown in the chart: its swatch and its badge.
type keyItem struct {
	State  status.State // "" for identifiers without an entry
	Label  string
	Badge  template.HTML
	Swatch template.HTML
}

// progressView is the data of the "progress" partial.
type progressView struct {
	Levels  []progressRow // the rows by urgency, for the lead sentence
	Groups  []progressGroup
	Key     []keyItem // the states present, in the order of status.States, "Not recorded" last
	Defs    template.HTML
	Cols    int        // columns of the table
	Updated *stateView // the latest entry
	Changes string     // the changes page, "" in the single-file edition
	Feed    string     // the Atom feed
}

// chartPatterns are the fills laid over each state's colour, so that the
// bars do not tell the states apart by colour alone.
var chartPatterns = map[status.State]string{
	status.PartiallyImplemented: `<rect width="2.5" height="6" class="hatch"/>`,
	status.InProgress:           `<rect width="1.5" height="6" class="hatch"/>`,
	status.NotStarted:           `<circle cx="3" cy="3" r="1.3" class="hatch"/>`,
	status.NoInformation:        `<rect width="6" height="1.5" class="hatch"/>`,
	status.NotApplicable:        `<path d="M0 3h6M3 0v6" class="hatch-line"/>`,
}

// progress builds the progress view of the factsheet; nil without a status file.
func (d *docSite) progress(changes, feed string) *progressView {
	if d.st == nil {
		return nil
	}
	v := &progressView{Changes: changes, Feed: feed}
	present := map[status.State]bool{}
	for _, e := range d.es {
		if c := d.current(e.ID); c != nil {
			present[c.State] = true
		}
	}
	for _, s := range append(append([]status.State{}, status.States...), "") {
		if present[s] {
			v.Key = append(v.Key, keyItem{State: s, Label: d.stateLabel(s), Badge: d.stateBadge(s), Swatch: swatch(s)})
		}
	}
	v.Cols = len(v.Key) + 2
	byLevel := progressGroup{Title: d.cat.T("status.by-urgency")}
	for _, c := range counts(d.doc, d.es) {
		var es []entry
		for _, e := range d.es {
			if e.Rec.Urgency == c.Urgency {
				es = append(es, e)
			}
		}
		byLevel.Rows = append(byLevel.Rows, d.progressRow(c.Word, es, v.Key))
	}
	v.Levels = byLevel.Rows
	byChapter := progressGroup{Title: d.cat.T("status.by-chapter")}
	for _, ch := range d.doc.Chapters {
		if es := d.chapterEntries(ch); len(es) > 0 {
			byChapter.Rows = append(byChapter.Rows, d.progressRow(ch.Number+". "+ch.Title, es, v.Key))
		}
	}
	v.Groups = []progressGroup{byLevel, byChapter}
	v.Defs = chartDefs()
	if all := d.st.All(lessID); len(all) > 0 {
		u := d.entryView(all[0])
		v.Updated = &u
	}
	return v
}

// progressRow counts the states of the identifiers es and draws their bar.
func (d *docSite) progressRow(label string, es []entry, key []keyItem) progressRow {
	n := map[status.State]int{}
	for _, e := range es {
		n[d.current(e.ID).State]++
	}
	r := progressRow{Label: label, Done: n[status.Implemented], Total: len(es)}
	var parts []string
	for _, k := range key {
		r.Counts = append(r.Counts, n[k.State])
		if n[k.State] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k.State], strings.ToLower(k.Label)))
		}
	}
	r.Bar = bar(label+": "+strings.Join(parts, ", "), r.Counts, key, r.Total)
	return r
}

// bar draws a stacked bar as an inline SVG: one segment per state, as wide
// as its share, with the state's colour and pattern.
func bar(label string, counts []int, key []keyItem, total int) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bar" width="100%%" height="20" role="img" aria-label="%s">`, template.HTMLEscapeString(label))
	x := 0
	for i, n := range counts {
		if n == 0 || total == 0 {
			continue
		}
		x0, x1 := pct(x, total), pct(x+n, total)
		w := x1 - x0
		s := key[i].State
		fmt.Fprintf(&b, `<rect class="seg s-%s" x="%.3f%%" y="0" width="%.3f%%" height="20"/>`, stateClass(s), x0, w)
		if _, ok := chartPatterns[s]; ok {
			fmt.Fprintf(&b, `<rect x="%.3f%%" y="0" width="%.3f%%" height="20" fill="url(#pat-%s)"/>`, x0, w, s)
		}
		x += n
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func pct(n, total int) float64 { return 100 * float64(n) / float64(total) }

// stateClass is the class suffix of a state: "none" for "Not recorded".
func stateClass(s status.State) string {
	if s == "" {
		return "none"
	}
	return string(s)
}

// swatch is a state's sample in the chart's key.
func swatch(s status.State) template.HTML {
	h := fmt.Sprintf(`<svg class="swatch" width="24" height="16" aria-hidden="true" focusable="false"><rect class="seg s-%s" width="24" height="16"/>`, stateClass(s))
	if _, ok := chartPatterns[s]; ok {
		h += fmt.Sprintf(`<rect width="24" height="16" fill="url(#pat-%s)"/>`, s)
	}
	return template.HTML(h + `</svg>`)
}

// chartDefs are the patterns of the chart, defined once per page.
func chartDefs() template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>`)
	for _, s := range status.States {
		p, ok := chartPatterns[s]
		if !ok {
			continue
		}
		rotate := ""
		switch s {
		case status.PartiallyImplemented:
			rotate = ` patternTransform="rotate(45)"`
		case status.InProgress:
			rotate = ` patternTransform="rotate(-45)"`
		}
		fmt.Fprintf(&b, `<pattern id="pat-%s" width="6" height="6" patternUnits="userSpaceOnUse"%s>%s</pattern>`, s, rotate, p)
	}
	b.WriteString(`</defs></svg>`)
	return template.HTML(b.String())
}
