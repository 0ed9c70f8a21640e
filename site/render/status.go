package render

import (
	"html/template"
	"slices"
	"strings"

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

// stateLabel is the name of state s in the page's language; "" is the
// state of an identifier that the status file does not mention.
func (d *docSite) stateLabel(s status.State) string {
	switch s {
	case status.NoInformation:
		return d.cat.T("state.no-information")
	case status.NotStarted:
		return d.cat.T("state.not-started")
	case status.InProgress:
		return d.cat.T("state.in-progress")
	case status.PartiallyImplemented:
		return d.cat.T("state.partially-implemented")
	case status.Implemented:
		return d.cat.T("state.implemented")
	case status.NotApplicable:
		return d.cat.T("state.not-applicable")
	}
	return d.cat.T("state.not-recorded")
}

// stateBadge is the markup of a state's badge (icon and word), rendered once per state.
func (d *docSite) stateBadge(s status.State) template.HTML {
	key := "state\x00" + string(s)
	if h, ok := d.badges[key]; ok {
		return h
	}
	h, err := d.t.partial("state-badge", struct {
		State status.State
		Label string
	}{s, d.stateLabel(s)})
	if err != nil && d.err == nil {
		d.err = err
	}
	d.badges[key] = h
	return h
}

// entryView is the view of one status entry.
func (d *docSite) entryView(e status.Entry) stateView {
	return stateView{
		ID: e.ID, State: e.State, Label: d.stateLabel(e.State), Badge: d.stateBadge(e.State),
		ISO: e.Date, Date: d.cat.Date(e.Date), Anchor: "status-" + e.Date,
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
		return &stateView{ID: id, Label: d.stateLabel(""), Badge: d.stateBadge("")}
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

// idState is the state and history of one identifier of a text, for the
// single-file edition's entries, which show a text once for all its identifiers.
type idState struct {
	Label   string // the identifier when the text has several, "" otherwise
	Status  *stateView
	History []stateView // newest first, without anchors: the dates would repeat as ids
}

// idStates lists the state of each identifier; nil without a status file.
func (d *docSite) idStates(ids []string) []idState {
	if d.st == nil {
		return nil
	}
	var out []idState
	for _, id := range ids {
		s := idState{Status: d.current(id), History: d.history(id)}
		if len(ids) > 1 {
			s.Label = id
		}
		for i := range s.History {
			s.History[i].Anchor = ""
		}
		out = append(out, s)
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

// planStatus is the action plan's status cell of a text: "Implemented
// (2024-11-15)"; for a text with several identifiers in different states,
// each recorded one ("V-4: Implemented (2024-11-15); V-7: In progress
// (2024-03-01)"); "" when none is recorded, a cell to fill in.
func (d *docSite) planStatus(ids []string) string {
	var parts []string
	same := true
	for _, id := range sortedIDs(ids) {
		e, ok := d.st.Current(id)
		if !ok {
			same = false
			continue
		}
		p := d.stateLabel(e.State) + " (" + e.Date + ")"
		if len(parts) > 0 && !strings.HasSuffix(parts[0], ": "+p) {
			same = false
		}
		parts = append(parts, id+": "+p)
	}
	if len(parts) == 0 {
		return ""
	}
	if same {
		_, p, _ := strings.Cut(parts[0], ": ")
		return p
	}
	return strings.Join(parts, "; ")
}

// statusValue is a state's value in the explorer's address and facets
// ("in-progress"; "not-recorded" when the file has no entry).
func statusValue(s status.State) string {
	if s == "" {
		return "not-recorded"
	}
	return string(s)
}

// statusValues are the states of a text's identifiers, for the explorer;
// none without a status file.
func statusValues(d *docSite, ids []string) []string {
	if d.st == nil {
		return nil
	}
	var out []string
	for _, id := range ids {
		if v := statusValue(d.current(id).State); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// statusOptions are the explorer's options of the status dimension; none
// without a status file.
func statusOptions(d *docSite) []option {
	if d.st == nil {
		return nil
	}
	var out []option
	for _, s := range append(append([]status.State{}, status.States...), "") {
		out = append(out, option{Value: statusValue(s), Label: d.stateLabel(s)})
	}
	return out
}
