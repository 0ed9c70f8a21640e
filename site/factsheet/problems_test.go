package factsheet

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

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
			"test.md:17:4: warning: chapter IV follows 1 chapter(s): expected II; check the numbering of the headings", false},
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
