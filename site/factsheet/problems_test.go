package factsheet

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// titleBlock is what comes before chapter I in a converted factsheet: the
// party's heading, the last update and a dotted table of contents.
const titleBlock = "\n## FACTSHEET – TESTLAND\n\nLast update: 02.01.2023\n\n## Table of Contents\n\nI.\tIntroduction.....\t3\nII.\tLegal frameworks .....\t5\n"

// chapterII is a small valid chapter that malformed cases alter.
const chapterII = `
## II. Legal frameworks

### Observations and recommendations specific to Testland

The Committee **invites** Testland:

- to act.<sup>1</sup>

<sup>1</sup> Recommendation II-1.
`

func TestMalformedInput(t *testing.T) {
	valid := testFrontMatter + testIntro + chapterII
	cases := []struct {
		name    string
		src     string
		want    string // the exact first problem
		invalid bool   // no document at all
	}{
		{"empty file", "", "test.md:1: the file is empty: a factsheet starts with a '---' front matter block followed by the converted text", true},
		{"no front matter", testIntro + chapterII, "test.md:1: no front matter: start the file with a '---' line, the YAML fields title, party, slug, language, last_update, report and links, and a closing '---' line", true},
		{"front matter not closed", "---\ntitle: T\n", "test.md:1: the front matter opened here is never closed: add a '---' line after its last field", true},
		{"broken YAML", "---\ntitle: T\nparty: [Testland\nslug: t\n---\n" + testIntro, "test.md:3: front matter is not valid YAML (did not find expected ',' or ']'): fix the YAML between the '---' lines", true},
		{"missing slug", strings.Replace(valid, "slug: testland\n", "", 1), `test.md:1: front matter has no "slug": add 'slug: ...' between the '---' lines`, true},
		{"bad slug", strings.Replace(valid, "slug: testland", "slug: Test Land", 1), `test.md:4: slug "Test Land" is not a folder name: use lower-case letters, digits and single hyphens, e.g. "lithuania"`, true},
		{"bad date", strings.Replace(valid, "2023-01-02", "02.01.2023", 1), `test.md:5: last_update "02.01.2023" is not a date: write it as YYYY-MM-DD`, true},
		{"invalid UTF-8", valid + "\n\xff\xfe broken\n", "test.md:27: the text is not valid UTF-8: convert the file to UTF-8", true},
		{"no chapter", testFrontMatter + "Some text.\n", "test.md:1: no chapter found: chapters are headings numbered with a Roman numeral, e.g. '## II. Legal frameworks'", true},
		{"reference without definition", strings.Replace(valid, "- to act.<sup>1</sup>", "- to act.<sup>1</sup> Also.<sup>2</sup>", 1),
			"test.md:23:3: warning: footnote 2 is referenced but never defined: add a line '<sup>2</sup> text' or fix the number", false},
		{"definition never referenced", valid + "\n<sup>2</sup> Para. 9.\n",
			"test.md:27:1: warning: footnote 2 is defined but never referenced: add '<sup>2</sup>' where it belongs or remove the definition", false},
		{"two recommendations with one identifier", strings.Replace(valid, "- to act.<sup>1</sup>", "- to act.<sup>1</sup>\n- to act again.<sup>2</sup>", 1) + "\n<sup>2</sup> Recommendation II-1.\n",
			"test.md:24:3: warning: recommendation II-1 is named twice (first at line 23): fix the footnote that names it", false},
		{"recommendation without urgency", strings.Replace(valid, "The Committee **invites** Testland:", "The Committee writes to Testland:", 1),
			"test.md:23:3: warning: recommendation II-1 has no urgency: put **requires**, **requests** or **invites** in its text or in the sentence ending with ':' that introduces its list", false},
		{"unknown bold verb", strings.Replace(valid, "The Committee **invites** Testland:\n\n- to act.", "- The Committee **recommends** Testland to act.", 1),
			"test.md:21:3: warning: unknown urgency verb **recommends** in recommendation II-1: use **requires**, **requests** or **invites**", false},
		{"orphan fragment", valid + "\nand a fragment cut from nowhere.\n",
			"test.md:27:1: warning: this paragraph starts in lower case but nothing before it stops mid-sentence: is it a fragment cut by a page break?", false},
		{"chapter out of sequence", strings.Replace(valid, "## II. Legal", "## IV. Legal", 1),
			"test.md:17:4: warning: chapter IV follows chapter I: expected II; check the numbering of the headings", false},
		{"first chapter not I", strings.Replace(valid, "## I. Introduction", "## III. Introduction", 1),
			"test.md:8:4: warning: chapter III comes first: expected I; check the numbering of the headings", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, problems := Parse("test.md", []byte(c.src))
			if len(problems) == 0 {
				t.Fatalf("no problem reported, want %q", c.want)
			}
			if got := problems[0].String(); got != c.want {
				t.Errorf("first problem:\n got %s\nwant %s\n(all: %v)", got, c.want, problems)
			}
			if c.invalid != (doc == nil) || c.invalid != problems.HasErrors() {
				t.Errorf("document returned = %v with errors = %v; want a document only when there is no error", doc != nil, problems.HasErrors())
			}
		})
	}
}

// TestChecksTellTheTruth: each disagreement between the front matter and
// the text, and each chapter the headings miss, is one problem that names
// it, with no follow-on problem.
func TestChecksTellTheTruth(t *testing.T) {
	valid := testFrontMatter + testIntro + chapterII
	titled := testFrontMatter + titleBlock + testIntro + chapterII
	if doc, problems := Parse("test.md", []byte(titled)); doc == nil || len(problems) > 0 {
		t.Fatalf("the valid fixture with a title block: %v", problems)
	}
	cases := []struct {
		name string
		src  string
		want string // the exact problem, the only one
	}{
		{"last_update disagrees with the text", strings.Replace(titled, "Last update: 02.01.2023", "Last update: 03.01.2023", 1),
			`test.md:5:1: warning: last_update 2023-01-02 disagrees with the text's "Last update" line (line 10), which says 2023-01-03: make last_update agree with the text`},
		{"party disagrees with the heading", strings.Replace(titled, "party: Testland", "party: Otherland", 1),
			`test.md:3:1: warning: party "Otherland" disagrees with the heading "FACTSHEET – TESTLAND" (line 8): make party agree with the text`},
		{"title disagrees with the heading", strings.Replace(titled, "title: Factsheet – Testland", "title: Factsheet – Otherland", 1),
			`test.md:2:1: warning: title "Factsheet – Otherland" does not name TESTLAND, the party of the heading "FACTSHEET – TESTLAND" (line 8): make title agree with the text`},
		{"misspelt front matter key", strings.Replace(valid, "slug: testland\n", "slug: testland\nlangauge: en\n", 1),
			`test.md:5:1: warning: unknown front matter key "langauge": did you mean "language"? Rename it, or remove it`},
		{"chapter heading without its dot", strings.Replace(titled, "## II. Legal frameworks", "## II Legal frameworks", 1),
			`test.md:26:4: warning: heading "II Legal frameworks" is read as chapter II, but a chapter heading is written with a dot after its numeral ('II. Legal frameworks'): check that it is chapter II`},
		{"chapter of the contents without heading", strings.Replace(titled, "## II. Legal frameworks\n", "", 1),
			`test.md:15:1: warning: the table of contents lists "II. Legal frameworks", but the text has no heading for it: its heading is missing or not written '## II. Legal frameworks'`},
		{"chapter of the contents without heading before the next", strings.Replace(strings.Replace(titled, "## II. Legal frameworks\n", "", 1), "II.\tLegal", "II.\tLegal frameworks .....\t5\nIII.\tOther .....\t6\nIV.\tLegal", 1) + "\n## III. Other\n\nText.\n\n## IV. Last\n\nText.\n",
			`test.md:37:4: warning: the table of contents lists "II. Legal frameworks", but the text has no heading for it before chapter III: its heading is missing or not written '## II. Legal frameworks'`},
		{"link placeholder without address", strings.Replace(valid, "- to act.", "- to act [online](#).", 1),
			`test.md:23:11: warning: link "online" has no address (a '(#)' placeholder): add it under 'links:' in the front matter (its address, or null if it has none); it is shown as plain text`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, problems := Parse("test.md", []byte(c.src))
			if doc == nil || len(problems) != 1 || problems[0].String() != c.want {
				t.Errorf("problems:\n%v\nwant this one alone:\n%s", problems, c.want)
			}
		})
	}
}

// TestFrontMatterFromTheText: a last_update left out is the text's; a
// link listed as null is plain text without a problem; a key far from any
// known one lists the known keys, those of Meta's yaml tags.
func TestFrontMatterFromTheText(t *testing.T) {
	src := strings.Replace(testFrontMatter, "last_update: 2023-01-02\n", "", 1) + titleBlock + testIntro + chapterII
	if doc, problems := Parse("test.md", []byte(src)); doc == nil || len(problems) > 0 || doc.Meta.LastUpdate != "2023-01-02" {
		t.Errorf("last_update missing: problems %v, want it taken from the text", problems)
	}
	src = strings.Replace(testFrontMatter, "---\n", "---\nlinks:\n  \"online form\": null\n", 1) + testIntro +
		strings.Replace(chapterII, "- to act.", "- to act with this [online form](#).", 1)
	doc, problems := Parse("test.md", []byte(src))
	if doc == nil || len(problems) > 0 {
		t.Fatalf("a link listed as null: %v, want no problem", problems)
	}
	if got := doc.Recommendations[0].Block.Text.Plain(); got != "to act with this online form." {
		t.Errorf("a link listed as null reads %q, want plain text", got)
	}
	_, problems = Parse("test.md", []byte(strings.Replace(testFrontMatter, "---\n", "---\ncolour: red\n", 1)+testIntro+chapterII))
	want := `test.md:2:1: warning: unknown front matter key "colour": the keys are `
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), want) || !strings.Contains(problems[0].Message, "language, last_update, links, party") {
		t.Errorf("unknown key: %v, want %s... listing the keys", problems, want)
	}
}

func TestHugeFileIsRefused(t *testing.T) {
	src := bytes.Repeat([]byte("Some converted text that never ends.\n"), 20<<20/37)
	doc, problems := Parse("huge.md", src)
	if doc != nil || len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "huge.md:1: the file is ") || !strings.Contains(problems[0].Message, "more than the 8388608 accepted") {
		t.Errorf("a 20 MB file: %v", problems)
	}
}

func TestAllProblemsAtOnceSorted(t *testing.T) {
	src := testFrontMatter + testIntro + chapterII + "\n<sup>7</sup> Para. 7.\n\nlower-case orphan.\n"
	src = strings.Replace(src, "- to act.<sup>1</sup>", "- to act.<sup>1</sup><sup>9</sup>", 1)
	_, problems := Parse("test.md", []byte(src))
	if len(problems) != 3 {
		t.Fatalf("want 3 problems at once, got %v", problems)
	}
	for i := 1; i < len(problems); i++ {
		if problems[i].Pos.Line < problems[i-1].Pos.Line {
			t.Errorf("problems not sorted by line: %v", problems)
		}
	}
}

// FuzzParse feeds the parser mutations of the seed and of small fixtures: it
// must never panic, and must return either a document or an error, never
// neither.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(testFrontMatter + testIntro + chapterII))
	f.Add([]byte(testFrontMatter + testIntro + "## II. X\n\n- a<sup>45</sup>b.<sup>1</sup>c\n\n---\n\n<sup>1</sup> Recommendations II-1 and II-2.\n"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, problems := Parse("fuzz.md", src)
		if doc == nil && !problems.HasErrors() {
			t.Fatalf("no document and no error")
		}
		if doc != nil && problems.HasErrors() {
			t.Fatalf("a document despite errors: %v", problems)
		}
		for _, p := range problems {
			if p.Pos.Line < 1 || !utf8.ValidString(p.Message) {
				t.Fatalf("problem without position: %v", p)
			}
		}
		if doc == nil {
			return
		}
		for _, r := range doc.Recommendations {
			if len(r.IDs) == 0 || r.Block == nil || r.Chapter == nil {
				t.Fatalf("incomplete recommendation %+v", r)
			}
			_ = r.Block.Text.Plain()
		}
	})
}
