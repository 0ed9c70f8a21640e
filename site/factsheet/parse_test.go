package factsheet

import (
	"reflect"
	"strings"
	"testing"
)

const testFrontMatter = "---\ntitle: Factsheet – Testland\nparty: Testland\nslug: testland\nlast_update: 2023-01-02\n---\n"

// testIntro is a chapter I defining the three urgency levels, as factsheets do.
const testIntro = `
## I. Introduction

The Committee uses these terms:

- **“Require”**: when obligations arise from the Convention;
- **“Request”**: when obligations arise from documents of the Committee;
- **“Invite”**: when steps are promising practices.

`

// parseBody parses a fixture made of the test front matter, the test
// introduction and body.
func parseBody(t *testing.T, body string) (*Document, Problems) {
	t.Helper()
	return Parse("test.md", []byte(testFrontMatter+testIntro+body))
}

// mustParse parses a fixture that must give no problem.
func mustParse(t *testing.T, body string) *Document {
	t.Helper()
	doc, problems := parseBody(t, body)
	if len(problems) > 0 || doc == nil {
		t.Fatalf("unexpected problems:\n%v", problems)
	}
	return doc
}

// ids lists the identifiers of every recommendation, in order, "+"-joined when shared.
func ids(doc *Document) []string {
	var out []string
	for _, r := range doc.Recommendations {
		out = append(out, strings.Join(r.IDs, "+"))
	}
	return out
}

func recText(doc *Document, id string) string {
	for _, r := range doc.Recommendations {
		for _, x := range r.IDs {
			if x == id {
				return r.Block.Text.Plain()
			}
		}
	}
	return ""
}

func TestChaptersAtAnyHeadingLevel(t *testing.T) {
	doc := mustParse(t, `
## Table of Contents

I.	Introduction..... 3
II.	Legal frameworks ..... 5

## II. Legal frameworks

Opening text.

### III. Investigations and prosecution

#### **IV. Jurisdiction rules**

Text.
`)
	var got []string
	for _, c := range doc.Chapters {
		got = append(got, c.Number+"|"+c.Title+"|"+c.Slug())
	}
	want := []string{"I|Introduction|i", "II|Legal frameworks|ii", "III|Investigations and prosecution|iii", "IV|Jurisdiction rules|iv"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("chapters = %q, want %q", got, want)
	}
}

func TestSectionKinds(t *testing.T) {
	cases := map[string]SectionKind{
		"Observations and recommendations of the Committee on research specific to Testland": SectionSpecific,
		"**Observations of the Committee on education for children specific to Testland**":   SectionSpecific,
		"Generic recommendations of the Committee on investigation and prosecution":          SectionGeneric,
		"Promising practice": SectionPromising,
		"**Key findings of the implementation report as to all Parties**": SectionKeyFindings,
		"General remarks": SectionNone,
		"On the specialisation and training of authorities:": SectionNone,
	}
	for heading, want := range cases {
		for _, level := range []string{"##", "###", "####"} {
			doc := mustParse(t, "## II. Chapter\n\nOpening.\n\n"+level+" "+heading+"\n\nText.\n")
			secs := doc.Chapters[1].Sections
			got := secs[len(secs)-1].Kind
			if got != want {
				t.Errorf("%s %q: kind %q, want %q", level, heading, got, want)
			}
		}
	}
}

func TestFootnoteReferencesAndDefinitions(t *testing.T) {
	doc := mustParse(t, `
## II. Chapter

### Observations and recommendations specific to Testland

A first claim.<sup>1</sup> Two at once.<sup>2,3</sup> Fused by the conversion.<sup>45</sup>

<sup>1</sup> Para. 1.

<sup>3</sup> Para. 3.
<sup>2</sup> Para. 2.

<sup>4</sup> Para. 4.

<sup>5</sup> Para. 5.
`)
	var nums []int
	for _, r := range refsIn(doc.Chapters[1].Sections[1].Blocks[0].Text.Node) {
		nums = append(nums, r.Number)
	}
	if want := []int{1, 2, 3, 4, 5}; !reflect.DeepEqual(nums, want) {
		t.Errorf("references = %v, want %v", nums, want)
	}
	if len(doc.Footnotes) != 5 || doc.Footnotes[1].Text.Plain() != "Para. 2." || doc.Footnotes[2].Text.Plain() != "Para. 3." {
		t.Errorf("footnotes not read one a line: %+v", doc.Footnotes)
	}
}

func TestFusedReferenceNotSplitWithoutDefinitions(t *testing.T) {
	_, problems := parseBody(t, "## II. Chapter\n\nText.<sup>1</sup> More.<sup>23</sup>\n\n<sup>1</sup> One.\n\n<sup>23</sup> Twenty-three.\n")
	if len(problems) != 0 {
		t.Errorf("a real footnote 23 after 1 must stay 23 (2 is not defined): %v", problems)
	}
}

func TestStitchingAcrossPageBreaks(t *testing.T) {
	doc := mustParse(t, `
## II. Chapter

### Observations and recommendations specific to Testland

In cases of extortion intended to procure additional sexual images or

---

<sup>1</sup> Para. 1.

videos, prosecutions would be brought.<sup>1</sup>

The Committee **invites** Testland:

- to adopt measures which support children while avoiding risks

deriving from the production of images.<sup>2</sup>

- to consider criminalising grooming.<sup>3</sup>
- to ensure that information is provided (whether in schools or in non-formal education for children

- at these levels).<sup>4</sup>
- to engage in and strengthen inter-Party

programmes.

<sup>6</sup> Recommendation II-5.

<sup>5</sup> Such trainings can also be part of broader training

cooperation for the purpose of identifying victims.<sup>5,6</sup>

- to regularly assess difficulties.<sup>7</sup>

<sup>2</sup> Recommendation II-1.

<sup>3</sup> Recommendation II-2.

<sup>4</sup> Recommendation II-3.

<sup>7</sup> Recommendation II-6.
`)
	sec := doc.Chapters[1].Sections[1]
	if got := sec.Blocks[0].Text.Plain(); got != "In cases of extortion intended to procure additional sexual images or videos, prosecutions would be brought." {
		t.Errorf("paragraph not stitched: %q", got)
	}
	if len(sec.Blocks) != 3 || sec.Blocks[2].Kind != BlockList {
		t.Fatalf("want paragraph, lead-in, one list; got %d blocks", len(sec.Blocks))
	}
	if want := []string{"II-1", "II-2", "II-3", "II-5", "II-6"}; !reflect.DeepEqual(ids(doc), want) {
		t.Errorf("recommendations = %v, want %v", ids(doc), want)
	}
	if got := recText(doc, "II-1"); got != "to adopt measures which support children while avoiding risks deriving from the production of images." {
		t.Errorf("II-1 = %q", got)
	}
	if got := recText(doc, "II-3"); !strings.HasSuffix(got, "non-formal education for children at these levels).") {
		t.Errorf("II-3 not joined with its cut bullet: %q", got)
	}
	if got := recText(doc, "II-5"); got != "to engage in and strengthen inter-Party cooperation for the purpose of identifying victims." {
		t.Errorf("II-5 = %q", got)
	}
	if got := doc.Footnotes[4].Text.Plain(); got != "Such trainings can also be part of broader training programmes." {
		t.Errorf("footnote 5 not completed: %q", got)
	}
}

func TestUrgencyAndLeadIns(t *testing.T) {
	doc := mustParse(t, `
## II. Chapter

### Generic recommendations of the Committee

The Committee **invites** all Parties, including Testland:

- to do one thing.<sup>1</sup>
- The Committee also **requests** Testland to do another.<sup>2</sup>

- The Committee **requires** Testland to remove dual criminality for offences of:
  - possessing images,<sup>3</sup>
  - soliciting children.<sup>4</sup>

The Committee **requests** Testland:

- to ensure that persons are informed:
  - in the education sector
  - in the health sector.<sup>5</sup>

<sup>1</sup> Recommendation II-1.

<sup>2</sup> Recommendation II-2.

<sup>3</sup> Recommendation II-3.

<sup>4</sup> Recommendation II-4.

<sup>5</sup> Recommendations II-5, II-6.
`)
	type rec struct {
		ids, urgency, verb, leadIn string
	}
	var got []rec
	for _, r := range doc.Recommendations {
		got = append(got, rec{strings.Join(r.IDs, "+"), string(r.Urgency), r.Verb, r.LeadIn.Plain()})
	}
	want := []rec{
		{"II-1", "invite", "invites", "The Committee invites all Parties, including Testland:"},
		{"II-2", "request", "requests", ""},
		{"II-3", "require", "requires", "The Committee requires Testland to remove dual criminality for offences of:"},
		{"II-4", "require", "requires", "The Committee requires Testland to remove dual criminality for offences of:"},
		{"II-5+II-6", "request", "requests", "The Committee requests Testland:"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recommendations:\n got %+v\nwant %+v", got, want)
	}
	if last := doc.Recommendations[4]; len(last.Block.Children) != 1 || len(last.Block.Children[0].Children) != 2 {
		t.Errorf("II-5/II-6 must keep its two sub-items as part of its text")
	}
	for _, r := range doc.Recommendations {
		if r.Section != SectionGeneric || r.Block.ID != Anchor(r.IDs[0]) || r.Block.Rec != r {
			t.Errorf("%v: section %q, anchor %q", r.IDs, r.Section, r.Block.ID)
		}
	}
}

func TestFusedBulletsAreSplit(t *testing.T) {
	doc := mustParse(t, `
## II. Chapter

Text.

## III. Chapter

### Generic recommendations

The Committee **invites** all Parties:

- to ensure training for judges.<sup>1</sup> to offer joint training, in order to ensure consistency.<sup>2</sup>
- to support capacity building.<sup>3</sup>to maintain and develop efforts.<sup>4</sup>
- to ensure that offences are investigated<sup>5</sup> and to take into account the situation.<sup>6</sup>

<sup>1</sup> Recommendations III-17 and III-19.

<sup>2</sup> Recommendation III-20.

<sup>3</sup> Recommendation III-10.

<sup>4</sup> Recommendations III-14, III-16.

<sup>5</sup> Recommendation III-12.

<sup>6</sup> Recommendation III-11.
`)
	want := []string{"III-17+III-19", "III-20", "III-10", "III-14+III-16", "III-12+III-11"}
	if !reflect.DeepEqual(ids(doc), want) {
		t.Errorf("recommendations = %v, want %v", ids(doc), want)
	}
	if got := recText(doc, "III-14"); got != "to maintain and develop efforts." {
		t.Errorf("III-14 = %q", got)
	}
	if got := recText(doc, "III-20"); got != "to offer joint training, in order to ensure consistency." {
		t.Errorf("III-20 = %q", got)
	}
	for _, r := range doc.Recommendations {
		if r.Urgency != Invite || r.LeadIn == nil {
			t.Errorf("%v: split bullets keep the list's lead-in and verb", r.IDs)
		}
	}
}

func TestNamedRecommendations(t *testing.T) {
	cases := map[string][]string{
		"Recommendation II-6.":                  {"II-6"},
		"Recommendations II-1.":                 {"II-1"},
		"Recommendations III-16 and III-18.":    {"III-16", "III-18"},
		"Recommendations III-25, III-29.":       {"III-25", "III-29"},
		"Recommendations V-4, V-7, V-12, V-15.": {"V-4", "V-7", "V-12", "V-15"},
		"Para. 50.":                             nil,
		"See Recommendation II-6 and para. 4.":  nil,
		"Id.":                                   nil,
	}
	for text, want := range cases {
		if got := vocabularies()["en"].namedRecommendations(text); !reflect.DeepEqual(got, want) {
			t.Errorf("namedRecommendations(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestLevelsFromIntroduction(t *testing.T) {
	doc := mustParse(t, "")
	want := []Level{
		{Require, "Require", "when obligations arise from the Convention"},
		{Request, "Request", "when obligations arise from documents of the Committee"},
		{Invite, "Invite", "when steps are promising practices"},
	}
	if !reflect.DeepEqual(doc.Levels, want) {
		t.Errorf("levels = %+v", doc.Levels)
	}
}

func TestLinkPlaceholders(t *testing.T) {
	src := strings.Replace(testFrontMatter, "---\n", "---\nlinks:\n  \"Lanzarote Convention\": https://example.org/convention\n", 1) +
		testIntro + "## II. Chapter\n\nSee the [Lanzarote Convention](#), the [report](#) and [bad](javascript:alert(1)).\n"
	doc, problems := Parse("test.md", []byte(src))
	if doc == nil {
		t.Fatal(problems)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.String())
	}
	want := []string{
		`test.md:20:41: warning: link "report" has no address (a '(#)' placeholder): add it under 'links:' in the front matter (its address, or null if it has none); it is shown as plain text`,
		`test.md:20:57: warning: link "bad" has an unsafe address "javascript:alert(1)": only http, https, mailto and relative addresses are kept; it is shown as plain text`,
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	para := doc.Chapters[1].Sections[0].Blocks[0].Text.Node
	links := 0
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind().String() == "Link" {
			links++
		}
	}
	if links != 1 {
		t.Errorf("want only the resolved link to stay a link, got %d links", links)
	}
}
