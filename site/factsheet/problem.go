package factsheet

import (
	"sort"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

// The severities of a problem: an error makes the document unusable, a warning
// marks something the parser could not place and rendered as best it could.
const (
	Warning Severity = iota
	Error
)

// Note is the lowest severity: something worth knowing that needs no fix (an
// abbreviation used but never defined). Notes fail neither check nor -strict.
const Note Severity = -1

// Problem is something the parser could not make sense of, at a position.
type Problem struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the problem as "file:line:col: message", warnings marked as such.
func (p Problem) String() string {
	switch p.Severity {
	case Warning:
		return p.Pos.String() + ": warning: " + p.Message
	case Note:
		return p.Pos.String() + ": note: " + p.Message
	}
	return p.Pos.String() + ": " + p.Message
}

// Problems is a list of problems, reported all at once.
type Problems []Problem

// Error joins the problems one per line, so that Problems can be returned as an error.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors tells whether any problem is an error rather than a warning.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Serious counts the problems that are warnings or errors, leaving out notes.
func (ps Problems) Serious() int {
	n := 0
	for _, p := range ps {
		if p.Severity >= Warning {
			n++
		}
	}
	return n
}

// Sort orders the problems by file, line and column, keeping the order of equal positions.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
