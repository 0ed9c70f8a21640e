package factsheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A case file (testdata/cases/*.txtar) holds a comment saying what the case
// is, then sections that each start with a "-- name --" line: "input.md",
// the text after the test front matter and introduction, and "want", the
// shape of the parsed document and its problems. go test -update rewrites "want".

// caseFile is a parsed case file.
type caseFile struct {
	comment string
	files   map[string]string
	order   []string
}

func readCase(t *testing.T, path string) caseFile {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := caseFile{files: map[string]string{}}
	name := ""
	var b strings.Builder
	flush := func() {
		if name == "" {
			c.comment = b.String()
		} else {
			c.files[name] = b.String()
			c.order = append(c.order, name)
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimSpace(line), " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "-- "), " --")
			continue
		}
		b.WriteString(line)
	}
	flush()
	return c
}

func (c caseFile) format() string {
	var b strings.Builder
	b.WriteString(c.comment)
	for _, name := range c.order {
		b.WriteString("-- " + name + " --\n" + c.files[name])
	}
	return b.String()
}

// caseResult is what a case file expects: the shape of the document from
// its chapter II on, and every problem, without the file name.
func caseResult(doc *Document, problems Problems) string {
	var b strings.Builder
	if doc != nil {
		intro := false
		for _, line := range strings.SplitAfter(shape(doc), "\n") {
			if strings.HasPrefix(line, "chapter ") {
				intro = strings.HasPrefix(line, "chapter I ")
			}
			if !intro && !strings.HasPrefix(line, "meta ") && !strings.HasPrefix(line, "levels ") {
				b.WriteString(line)
			}
		}
	}
	b.WriteString("problems:\n")
	for _, p := range problems {
		b.WriteString(strings.TrimPrefix(p.String(), "test.md:") + "\n")
	}
	return b.String()
}

func TestCaseFiles(t *testing.T) {
	paths, _ := filepath.Glob("testdata/cases/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no case files in testdata/cases")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			c := readCase(t, path)
			input, ok := c.files["input.md"]
			if !ok {
				t.Fatalf("%s has no input.md section", path)
			}
			doc, problems := Parse("test.md", []byte(testFrontMatter+testIntro+input))
			got := caseResult(doc, problems)
			if *update {
				if _, ok := c.files["want"]; !ok {
					c.order = append(c.order, "want")
				}
				c.files["want"] = got
				if err := os.WriteFile(path, []byte(c.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := c.files["want"]; got != want {
				t.Errorf("%s: %s\n(run go test -update after checking the change by hand)", path, firstDiff(got, want))
			}
		})
	}
}
