// Package series groups the factsheets of one site into reports: the
// factsheets whose front matter names the same report ("round: 2nd-round")
// belong to it, one per Party. It works on small summaries of the factsheets
// (their identifiers, urgencies, chapters and texts), never on whole
// documents, so that the site-wide pages cost little memory whatever the
// number of factsheets.
package series

import "factsheet/site/factsheet"

// Summary is what the site-wide pages need to know of one factsheet.
type Summary struct {
	Slug       string            // the factsheet's folder
	Title      string            // its title, as the site shows it
	Party      string            // the Party it is addressed to
	Language   string            // its language
	LastUpdate string            // YYYY-MM-DD
	Report     string            // the implementation report's title
	Round      string            // the report's slug (front matter "round"); "" when it names none
	Levels     []factsheet.Level // the urgency levels as its introduction defines them
	Chapters   []Chapter         // every chapter, in document order
	Recs       []Rec             // one per identifier, in navigation order
}

// Chapter is a chapter of a factsheet: its numeral and title.
type Chapter struct {
	Number string // "II"
	Title  string // "Legal frameworks"
}

// Rec is one recommendation identifier of a factsheet.
type Rec struct {
	ID      string            // "IV-5"
	Chapter string            // the chapter's numeral, "IV"
	Urgency factsheet.Urgency // require, request or invite
	Section string            // specific or generic
	Text    string            // the plain text, lead-in first, white space collapsed
}

// Level returns the level of urgency u as the factsheet defines it.
func (s *Summary) Level(u factsheet.Urgency) factsheet.Level {
	for _, l := range s.Levels {
		if l.Urgency == u {
			return l
		}
	}
	return factsheet.Level{Urgency: u, Word: string(u)}
}

// Rec returns the factsheet's recommendation id, if it has one.
func (s *Summary) Rec(id string) (Rec, bool) {
	for _, r := range s.Recs {
		if r.ID == id {
			return r, true
		}
	}
	return Rec{}, false
}

// ChapterTitle returns the title of the factsheet's chapter numbered number, or "".
func (s *Summary) ChapterTitle(number string) string {
	for _, c := range s.Chapters {
		if c.Number == number {
			return c.Title
		}
	}
	return ""
}
