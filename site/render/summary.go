package render

import (
	"html/template"

	"factsheet/site/factsheet"
	"factsheet/site/series"
)

// Summarize keeps of a factsheet what the site-wide pages (the root, the
// report pages) need: its metadata, chapters and identifiers with their
// urgency and plain text.
func Summarize(doc *factsheet.Document) series.Summary {
	m := doc.Meta
	s := series.Summary{
		Slug: m.Slug, Title: (&docSite{doc: doc}).siteTitle(), Party: m.Party, Language: lang(doc),
		LastUpdate: m.LastUpdate, Report: m.Report, Round: m.Round, Levels: levels(doc),
	}
	for _, c := range doc.Chapters {
		s.Chapters = append(s.Chapters, series.Chapter{Number: c.Number, Title: c.Title})
	}
	for _, e := range entries(doc) {
		r := e.Rec
		s.Recs = append(s.Recs, series.Rec{ID: e.ID, Chapter: r.Chapter.Number, Urgency: r.Urgency,
			Section: string(r.Section), Text: recPlain(r)})
	}
	return s
}

// badger renders urgency badges from a summary's levels, each markup once.
type badger struct {
	t     *templates
	cache map[string]template.HTML
	err   error // the first error of the badge template
	// foreign is set for the badges of a factsheet in another language than
	// the page's: the page's level descriptions (desc-<urgency>) are not
	// theirs, so they point at none (their meaning stays in data-tip)
	foreign bool
}

func newBadger(t *templates) *badger { return &badger{t: t, cache: map[string]template.HTML{}} }

// badge is the badge of level l, its legend at href.
func (b *badger) badge(l factsheet.Level, href string) badge {
	v := badge{Urgency: l.Urgency, Word: l.Word, Meaning: l.Meaning, Href: href, Undescribed: b.foreign}
	k := string(l.Urgency) + "\x00" + l.Word + "\x00" + l.Meaning + "\x00" + href
	if h, ok := b.cache[k]; ok {
		v.HTML = h
		return v
	}
	h, err := b.t.partial("badge-markup", v)
	if err != nil && b.err == nil {
		b.err = err
	}
	b.cache[k], v.HTML = h, h
	return v
}

// counts are the badges and numbers of the non-zero counts of m, their
// legend at legend; each number links to m's list filtered to its urgency
// (and to chapter, unless ""), from the root of the site.
func (b *badger) counts(m *series.Summary, cs []series.Count, legend, chapter string) []countView {
	var out []countView
	for _, c := range cs {
		if c.N > 0 {
			out = append(out, countView{Badge: b.badge(m.Level(c.Urgency), legend), N: c.N,
				Href: filteredList("", m.Slug, c.Urgency, chapter)})
		}
	}
	return out
}
