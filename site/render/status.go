package render

import (
	"html/template"

	"factsheet/site/status"
)

// stateView is a recommendation's state at one date, as pages show it.
type stateView struct {
	ID     string
	State  status.State // "" when no entry is recorded for the identifier
	Label  string       // "In progress", or "Not recorded"
	Badge  template.HTML
	ISO    string // YYYY-MM-DD
	Date   string // "1 March 2024"
	Anchor string // the entry's anchor on its recommendation page ("status-2024-03-01")
	Source string
	Link   string
	Note   template.HTML
	Href   string // the recommendation's page or entry
}

// notRecorded is the label of an identifier that the status file does not mention.
const notRecorded = "Not recorded"

// stateBadge is the markup of a state's badge (icon and word), rendered once per state.
func (d *docSite) stateBadge(s status.State) template.HTML {
	key := "state\x00" + string(s)
	if h, ok := d.badges[key]; ok {
		return h
	}
	label := notRecorded
	if s != "" {
		label = s.Label()
	}
	h, err := d.t.partial("state-badge", struct {
		State status.State
		Label string
	}{s, label})
	if err != nil && d.err == nil {
		d.err = err
	}
	d.badges[key] = h
	return h
}

// entryView is the view of one status entry.
func (d *docSite) entryView(e status.Entry) stateView {
	return stateView{
		ID: e.ID, State: e.State, Label: e.State.Label(), Badge: d.stateBadge(e.State),
		ISO: e.Date, Date: spelled(e.Date), Anchor: "status-" + e.Date,
		Source: e.Source, Link: e.Link, Note: d.in.html(e.Text, nil),
	}
}

// current is the state of id for lists and pages, nil when the factsheet
// has no status file; an identifier without entries is "Not recorded".
func (d *docSite) current(id string) *stateView {
	if d.st == nil {
		return nil
	}
	e, ok := d.st.Current(id)
	if !ok {
		return &stateView{ID: id, Label: notRecorded, Badge: d.stateBadge("")}
	}
	v := d.entryView(e)
	return &v
}

// history is the entries of id, newest first.
func (d *docSite) history(id string) []stateView {
	h := d.st.History(id)
	out := make([]stateView, 0, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out = append(out, d.entryView(h[i]))
	}
	return out
}

// stateMark is the small state badge shown beside an identifier in lists
// and in the chapter text; "" without a status file.
func (d *docSite) stateMark(id string) template.HTML {
	if c := d.current(id); c != nil {
		return c.Badge
	}
	return ""
}
