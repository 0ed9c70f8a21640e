package render

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	defaults "factsheet"
	"factsheet/site/factsheet"
	"factsheet/site/output"
)

var supPattern = regexp.MustCompile(`^<sup>(\d+)</sup>$`)

// inl parses one paragraph of Markdown into an Inline, turning "<sup>N</sup>"
// into footnote references as the parser does.
func inl(t testing.TB, src string) *factsheet.Inline {
	t.Helper()
	b := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(b))
	para := doc.FirstChild()
	if para == nil {
		t.Fatalf("no paragraph in %q", src)
	}
	var next ast.Node
	for c := para.FirstChild(); c != nil; c = next {
		next = c.NextSibling()
		open, ok := c.(*ast.RawHTML)
		if !ok || string(open.Segments.Value(b)) != "<sup>" {
			continue
		}
		num, ok := next.(*ast.Text)
		if !ok {
			continue
		}
		end, ok := num.NextSibling().(*ast.RawHTML)
		if !ok {
			continue
		}
		m := supPattern.FindStringSubmatch("<sup>" + string(num.Segment.Value(b)) + string(end.Segments.Value(b)))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		next = end.NextSibling()
		ref := &factsheet.FootnoteRef{Number: n}
		para.InsertBefore(para, open, ref)
		para.RemoveChild(para, open)
		para.RemoveChild(para, num)
		para.RemoveChild(para, end)
	}
	return &factsheet.Inline{Node: para, Source: b}
}

func para(t testing.TB, src string) *factsheet.Block {
	return &factsheet.Block{Kind: factsheet.BlockParagraph, Text: inl(t, src)}
}

// fixture is a small factsheet: an introduction with key findings, and one
// chapter stating three recommendation texts (one shared by two identifiers,
// one with sub-items) in a specific and a generic section.
func fixture(t testing.TB) *factsheet.Document {
	intro := &factsheet.Chapter{Number: "I", Title: "Introduction"}
	intro.Sections = []*factsheet.Section{
		{Blocks: []*factsheet.Block{para(t, "The Committee monitors the Convention.<sup>1</sup>")}},
		{Kind: factsheet.SectionKeyFindings,
			Heading: &factsheet.Block{Kind: factsheet.BlockHeading, Level: 3, ID: "key-findings-of-the-report", Text: inl(t, "Key findings of the report")},
			Blocks:  []*factsheet.Block{para(t, "Children are at risk.")}},
	}
	ch := &factsheet.Chapter{Number: "II", Title: "Legal frameworks"}
	r1 := &factsheet.Recommendation{IDs: []string{"II-1"}, Urgency: factsheet.Invite, Verb: "invites", Section: factsheet.SectionSpecific, Chapter: ch, Footnotes: []int{2}}
	r2 := &factsheet.Recommendation{IDs: []string{"II-3", "II-2"}, Urgency: factsheet.Require, Verb: "requires", Section: factsheet.SectionSpecific, Chapter: ch, Footnotes: []int{2, 3}}
	r3 := &factsheet.Recommendation{IDs: []string{"II-10"}, Urgency: factsheet.Request, Verb: "requests", Section: factsheet.SectionGeneric, Chapter: ch, Footnotes: []int{4}}
	lead := inl(t, "Therefore, the Committee **invites** Lithuania:")
	item1 := &factsheet.Block{Kind: factsheet.BlockItem, ID: "rec-ii-1", Text: inl(t, "to use the term CSAM.<sup>2</sup>"), Rec: r1}
	item2 := &factsheet.Block{Kind: factsheet.BlockItem, ID: "rec-ii-3", Text: inl(t, "The Committee **requires** Lithuania to act,<sup>2</sup> by:<sup>3</sup>"), Rec: r2,
		Children: []*factsheet.Block{{Kind: factsheet.BlockList, Children: []*factsheet.Block{
			{Kind: factsheet.BlockItem, Text: inl(t, "either creating an offence,")},
			{Kind: factsheet.BlockItem, Text: inl(t, "or prosecuting.")},
		}}}}
	r1.Block, r1.LeadIn, r2.Block = item1, lead, item2
	p3 := para(t, "The Committee **requests** Parties to train judges.<sup>4</sup>")
	p3.ID, p3.Rec, r3.Block = "rec-ii-10", r3, p3
	ch.Sections = []*factsheet.Section{
		{Blocks: []*factsheet.Block{para(t, "Opening text of the chapter.")}},
		{Kind: factsheet.SectionSpecific,
			Heading: &factsheet.Block{Kind: factsheet.BlockHeading, Level: 3, ID: "specific", Text: inl(t, "Observations specific to Lithuania")},
			Blocks: []*factsheet.Block{
				{Kind: factsheet.BlockHeading, Level: 4, ID: "general-remarks", Text: inl(t, "General remarks")},
				{Kind: factsheet.BlockParagraph, Text: lead},
				{Kind: factsheet.BlockList, Children: []*factsheet.Block{item1, item2}},
			}},
		{Kind: factsheet.SectionGeneric,
			Heading: &factsheet.Block{Kind: factsheet.BlockHeading, Level: 2, ID: "generic", Text: inl(t, "Generic recommendations")},
			Blocks:  []*factsheet.Block{p3}},
	}
	notes := []string{"See Rule 30.", "Recommendation II-1.", "Recommendations II-3 and II-2.", "Recommendation II-10."}
	doc := &factsheet.Document{
		Meta: factsheet.Meta{Title: "Factsheet – Lithuania", Party: "Lithuania", Slug: "lithuania", Language: "en",
			LastUpdate: "2023-05-25", Report: "The report"},
		File: "content/fixture.md",
		Levels: []factsheet.Level{
			{Urgency: factsheet.Require, Word: "Require", Meaning: "obligations of the Convention"},
			{Urgency: factsheet.Request, Word: "Request", Meaning: "obligations as clarified by the Committee"},
			{Urgency: factsheet.Invite, Word: "Invite", Meaning: "promising practices"},
		},
		Chapters:        []*factsheet.Chapter{intro, ch},
		Recommendations: []*factsheet.Recommendation{r1, r2, r3},
	}
	names := [][]string{nil, {"II-1"}, {"II-3", "II-2"}, {"II-10"}}
	for i, n := range notes {
		doc.Footnotes = append(doc.Footnotes, &factsheet.Footnote{Number: i + 1, Text: inl(t, n), Names: names[i]})
	}
	return doc
}

// renderFixture renders documents with the embedded templates and assets.
func renderFixture(t testing.TB, base string, docs ...*factsheet.Document) output.Files {
	t.Helper()
	files, err := Site(docs, Options{Templates: defaults.Templates, Assets: defaults.Assets, BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
