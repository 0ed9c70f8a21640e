package search

import (
	"strings"

	"factsheet/site/factsheet"
	"factsheet/site/urls"
)

// Kinds of search document.
const (
	KindRecommendation = "recommendation"
	KindSection        = "section"
)

// record is one search document: a recommendation identifier or a run of
// chapter text under one heading. Its position in Engine.records is its number.
type record struct {
	Kind    string // KindRecommendation or KindSection
	ID      string // the recommendation identifier; "" for sections
	Title   string // sections: the heading; recommendations: the identifier
	URL     string // relative to public/
	Urgency string // recommendations only
	Chapter string // "IV. Jurisdiction rules"
	Text    string // the text indexed and shown in snippets
	// Context is, for a recommendation, the heading above it and the lead-in
	// sentence introducing it: indexed with a low weight, never shown.
	Context string
	Party   string // the factsheet's Party, in a search across the series
	// Lang is the tag of the record's analysis ("en", "fr") in a search
	// across the series, whose factsheets may differ in language; "" in a
	// factsheet's own index, all of whose records share its language.
	Lang string
}

// records lists the search documents of a factsheet: every recommendation
// identifier in document order, then every section and sub-section of text.
func records(doc *factsheet.Document) []record {
	var out []record
	headings := headingsAbove(doc)
	for _, r := range doc.Recommendations {
		text := blockText(r.Block, true)
		context := strings.TrimSpace(headings[r] + " " + r.LeadIn.Plain())
		for _, id := range r.IDs {
			out = append(out, record{
				Kind: KindRecommendation, ID: id, Title: id,
				URL:     urls.Factsheet(doc.Meta.Slug).Recommendation(id),
				Urgency: string(r.Urgency), Chapter: chapterName(r.Chapter), Text: text, Context: context,
			})
		}
	}
	for _, c := range doc.Chapters {
		out = append(out, chapterRecords(doc.Meta.Slug, c)...)
	}
	return out
}

// chapterRecords cuts a chapter into section documents at every heading that
// has an anchor; the text before the first one links to the chapter page.
// Recommendation blocks are left out: they are documents of their own.
func chapterRecords(slug string, c *factsheet.Chapter) []record {
	page := urls.Factsheet(slug).Chapter(c.Number)
	cur := record{Kind: KindSection, Title: chapterName(c), URL: page, Chapter: chapterName(c)}
	var out []record
	var text []string
	flush := func() {
		cur.Text = strings.Join(text, " ")
		if cur.Text != "" || cur.URL != page {
			out = append(out, cur)
		}
		text = nil
	}
	add := func(b *factsheet.Block) {
		if b.Kind == factsheet.BlockHeading && b.ID != "" {
			flush()
			cur = record{Kind: KindSection, Title: b.Text.Plain(), URL: page + "#" + b.ID, Chapter: chapterName(c)}
			return
		}
		if t := blockText(b, false); t != "" {
			text = append(text, t)
		}
	}
	for _, s := range c.Sections {
		if s.Heading != nil {
			add(s.Heading)
		}
		for _, b := range s.Blocks {
			add(b)
		}
	}
	flush()
	return out
}

// headingsAbove finds the text of the nearest heading above each recommendation.
func headingsAbove(doc *factsheet.Document) map[*factsheet.Recommendation]string {
	out := map[*factsheet.Recommendation]string{}
	var mark func(b *factsheet.Block, heading string)
	mark = func(b *factsheet.Block, heading string) {
		if b.Rec != nil {
			out[b.Rec] = heading
		}
		for _, c := range b.Children {
			mark(c, heading)
		}
	}
	for _, c := range doc.Chapters {
		for _, s := range c.Sections {
			heading := ""
			if s.Heading != nil {
				heading = s.Heading.Text.Plain()
			}
			for _, b := range s.Blocks {
				if b.Kind == factsheet.BlockHeading {
					heading = b.Text.Plain()
				}
				mark(b, heading)
			}
		}
	}
	return out
}

// blockText is the plain text of a block and its children. Unless withRecs is
// set, blocks stating a recommendation are skipped.
func blockText(b *factsheet.Block, withRecs bool) string {
	if b == nil || (!withRecs && b.Rec != nil) {
		return ""
	}
	parts := []string{}
	if t := b.Text.Plain(); t != "" {
		parts = append(parts, t)
	}
	for _, c := range b.Children {
		if t := blockText(c, withRecs); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

func chapterName(c *factsheet.Chapter) string {
	if c == nil {
		return ""
	}
	return c.Number + ". " + c.Title
}
