package series

import (
	"sort"
	"strconv"
	"strings"

	"factsheet/site/factsheet"
)

// Site is the factsheets of a site grouped by report.
type Site struct {
	Reports []*Report  // by title, then slug
	Loose   []*Summary // the factsheets naming no report, in the order given
	of      map[string]*Report
}

// Report is the factsheets of one implementation report: one per Party.
type Report struct {
	Round    string     // the report's slug, its folder under reports/
	Title    string     // the report's title, from its first factsheet naming one
	Members  []*Summary // by Party, then slug
	Chapters []Chapter  // the chapters stating a recommendation in some factsheet, in order
	IDs      []string   // every identifier of any factsheet, by chapter then number
	receipts map[string][]Receipt
	labels   map[string]string // slug → Label
}

// Count is a number of identifiers of one urgency.
type Count struct {
	Urgency factsheet.Urgency
	N       int
}

// Receipt is a recommendation as one Party received it.
type Receipt struct {
	Member *Summary
	Rec    Rec
}

// New groups summaries by the report they name.
func New(sums []Summary) *Site {
	s := &Site{of: map[string]*Report{}}
	byRound := map[string]*Report{}
	for i := range sums {
		m := &sums[i]
		if m.Round == "" {
			s.Loose = append(s.Loose, m)
			continue
		}
		r := byRound[m.Round]
		if r == nil {
			r = &Report{Round: m.Round}
			byRound[m.Round] = r
			s.Reports = append(s.Reports, r)
		}
		if r.Title == "" {
			r.Title = m.Report
		}
		r.Members = append(r.Members, m)
		s.of[m.Slug] = r
	}
	for _, r := range s.Reports {
		sort.SliceStable(r.Members, func(i, j int) bool {
			a, b := r.Members[i], r.Members[j]
			if a.Party != b.Party {
				return a.Party < b.Party
			}
			return a.Slug < b.Slug
		})
		r.index()
	}
	sort.SliceStable(s.Reports, func(i, j int) bool {
		a, b := s.Reports[i], s.Reports[j]
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Round < b.Round
	})
	return s
}

// ReportOf returns the report a factsheet belongs to, or nil.
func (s *Site) ReportOf(slug string) *Report { return s.of[slug] }

// index lists the report's chapters and identifiers, merged from its members.
func (r *Report) index() {
	chapters := map[string]int{}
	used := map[string]bool{}
	ids := map[string]bool{}
	r.receipts = map[string][]Receipt{}
	r.labels = map[string]string{}
	parties := map[string]int{}
	for _, m := range r.Members {
		parties[m.Party]++
	}
	for _, m := range r.Members {
		r.labels[m.Slug] = m.Party
		if parties[m.Party] > 1 { // editions of one Party in several languages
			r.labels[m.Slug] = m.Party + " (" + m.Language + ")"
		}
		for _, c := range m.Chapters {
			if _, ok := chapters[c.Number]; !ok {
				chapters[c.Number] = len(r.Chapters)
				r.Chapters = append(r.Chapters, c)
			}
		}
		for _, rec := range m.Recs {
			r.receipts[rec.ID] = append(r.receipts[rec.ID], Receipt{Member: m, Rec: rec})
			used[rec.Chapter] = true
			if !ids[rec.ID] {
				ids[rec.ID] = true
				r.IDs = append(r.IDs, rec.ID)
			}
		}
	}
	kept := r.Chapters[:0]
	for _, c := range r.Chapters {
		if used[c.Number] {
			kept = append(kept, c)
		}
	}
	r.Chapters = kept
	sort.SliceStable(r.IDs, func(i, j int) bool {
		ci, cj := chapters[chapterOf(r.IDs[i])], chapters[chapterOf(r.IDs[j])]
		if ci != cj {
			return ci < cj
		}
		return numberOf(r.IDs[i]) < numberOf(r.IDs[j])
	})
}

// Label names a member of the report: its Party, and its language when
// the report has the Party's factsheet in several languages.
func (r *Report) Label(m *Summary) string {
	if l, ok := r.labels[m.Slug]; ok {
		return l
	}
	return m.Party
}

// chapterOf is the numeral of an identifier ("IV" of "IV-5").
func chapterOf(id string) string {
	c, _, _ := strings.Cut(id, "-")
	return c
}

// numberOf is the number of an identifier (5 of "IV-5"), 0 if it has none.
func numberOf(id string) int {
	_, n, _ := strings.Cut(id, "-")
	v, _ := strconv.Atoi(n)
	return v
}

// Counts tallies the factsheet's identifiers of one chapter ("" for all) by
// urgency, strongest first, zeros included.
func (m *Summary) Counts(chapter string) []Count {
	n := map[factsheet.Urgency]int{}
	for _, rec := range m.Recs {
		if chapter == "" || rec.Chapter == chapter {
			n[rec.Urgency]++
		}
	}
	out := make([]Count, 0, len(factsheet.Urgencies))
	for _, u := range factsheet.Urgencies {
		out = append(out, Count{Urgency: u, N: n[u]})
	}
	return out
}

// Receipts lists the members that received identifier id, in member order.
func (r *Report) Receipts(id string) []Receipt { return r.receipts[id] }

// Others lists the other members that received identifier id than the
// factsheet slug.
func (r *Report) Others(slug, id string) []*Summary {
	var out []*Summary
	for _, rc := range r.Receipts(id) {
		if rc.Member.Slug != slug {
			out = append(out, rc.Member)
		}
	}
	return out
}

// LastUpdate is the latest last update of the report's factsheets.
func (r *Report) LastUpdate() string {
	last := ""
	for _, m := range r.Members {
		if m.LastUpdate > last {
			last = m.LastUpdate
		}
	}
	return last
}
