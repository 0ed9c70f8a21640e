// Package status reads, checks and extends the implementation status of a
// factsheet's recommendations: the optional file content/<slug>.status.yaml
// beside the factsheet.
//
// The file maps each recommendation identifier to its dated entries, oldest
// first:
//
//	IV-5:
//	  - date: 2024-03-01          # YYYY-MM-DD, not in the future
//	    state: in-progress        # one of States
//	    source: Reply of the Party to the compliance procedure   # required
//	    note: A draft amendment is before *Parliament*.          # optional, inline Markdown
//	    link: https://example.org/reply-2024.pdf                 # optional, http(s)
//
// Parse reports every problem of a file at once, with its line and column
// (the YAML is read through gopkg.in/yaml.v3's node API, which keeps them);
// Append adds an entry through the same node tree, so that the file keeps
// its comments and order.
package status

import (
	"sort"

	"factsheet/site/factsheet"
)

// State is how far a recommendation has been implemented.
type State string

// The states of a recommendation, from "nothing known" to "done".
const (
	NoInformation        State = "no-information"
	NotStarted           State = "not-started"
	InProgress           State = "in-progress"
	PartiallyImplemented State = "partially-implemented"
	Implemented          State = "implemented"
	NotApplicable        State = "not-applicable"
)

// States lists every state, in the order lists and charts show them.
var States = []State{Implemented, PartiallyImplemented, InProgress, NotStarted, NoInformation, NotApplicable}

// Label is the state's name in a sentence of the site ("In progress").
func (s State) Label() string {
	switch s {
	case NoInformation:
		return "No information"
	case NotStarted:
		return "Not started"
	case InProgress:
		return "In progress"
	case PartiallyImplemented:
		return "Partially implemented"
	case Implemented:
		return "Implemented"
	case NotApplicable:
		return "Not applicable"
	}
	return string(s)
}

// Valid tells whether s is one of States.
func (s State) Valid() bool {
	for _, v := range States {
		if s == v {
			return true
		}
	}
	return false
}

// Entry is one dated statement of a recommendation's state.
type Entry struct {
	ID     string            // the recommendation identifier, e.g. "IV-5"
	Date   string            // YYYY-MM-DD
	State  State             // one of States
	Source string            // who or what states it, e.g. "Reply of the Party"
	Note   string            // optional inline Markdown, as written
	Text   *factsheet.Inline // Note parsed as one paragraph; nil without a note
	Link   string            // optional http(s) address of the source
	Pos    factsheet.Pos     // the entry's "-" in the status file
}

// Stem is the file name stem of the entry's recommendation page ("iv-5").
func (e Entry) Stem() string { return factsheet.FileStem(e.ID) }

// Record is the content of one status file: the entries of each identifier,
// oldest first.
type Record struct {
	File    string             // the status file, as shown in problems ("content/lithuania.status.yaml")
	Entries map[string][]Entry // identifier → entries, oldest first
}

// History is the entries of id, oldest first; nil when it has none or r is nil.
func (r *Record) History(id string) []Entry {
	if r == nil {
		return nil
	}
	return r.Entries[id]
}

// Current is the latest entry of id, if there is one.
func (r *Record) Current(id string) (Entry, bool) {
	h := r.History(id)
	if len(h) == 0 {
		return Entry{}, false
	}
	return h[len(h)-1], true
}

// All lists every entry of the record, newest first; entries of one day are
// ordered by identifier as given by less.
func (r *Record) All(less func(a, b string) bool) []Entry {
	if r == nil {
		return nil
	}
	var out []Entry
	for _, es := range r.Entries {
		out = append(out, es...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return less(out[i].ID, out[j].ID)
	})
	return out
}

// FileName is the status file of the factsheet with the given slug.
func FileName(slug string) string { return slug + ".status.yaml" }
