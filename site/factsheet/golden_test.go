package factsheet

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedPath is the real factsheet, the product's default content.
const seedPath = "../../content/lithuania.md"

// dumpBlock is a block in the golden dump: what a reader would check by hand.
type dumpBlock struct {
	Kind     BlockKind   `json:"kind"`
	Line     int         `json:"line"`
	Level    int         `json:"level,omitempty"`
	ID       string      `json:"id,omitempty"`
	Text     string      `json:"text,omitempty"`
	Children []dumpBlock `json:"children,omitempty"`
}

type dumpRec struct {
	IDs       []string    `json:"ids"`
	Chapter   string      `json:"chapter"`
	Section   SectionKind `json:"section"`
	Urgency   Urgency     `json:"urgency"`
	Verb      string      `json:"verb"`
	Line      int         `json:"line"`
	LeadIn    string      `json:"lead_in,omitempty"`
	Text      string      `json:"text"`
	Footnotes []int       `json:"footnotes"`
}

type dumpSection struct {
	Kind    SectionKind `json:"kind"`
	Heading *dumpBlock  `json:"heading,omitempty"`
	Blocks  []dumpBlock `json:"blocks"`
}

type dumpChapter struct {
	Number   string        `json:"number"`
	Title    string        `json:"title"`
	Line     int           `json:"line"`
	Sections []dumpSection `json:"sections"`
}

func dumpOf(b *Block) dumpBlock {
	d := dumpBlock{Kind: b.Kind, Line: b.Pos.Line, Level: b.Level, ID: b.ID, Text: b.Text.Plain()}
	for _, c := range b.Children {
		d.Children = append(d.Children, dumpOf(c))
	}
	return d
}

// dump is the model of a document as indented JSON, for golden files.
func dump(doc *Document) []byte {
	out := struct {
		Meta            Meta          `json:"meta"`
		Levels          []Level       `json:"levels"`
		Recommendations []dumpRec     `json:"recommendations"`
		Footnotes       []*Footnote   `json:"footnotes"`
		Chapters        []dumpChapter `json:"chapters"`
	}{Meta: doc.Meta, Levels: doc.Levels, Footnotes: doc.Footnotes}
	for _, r := range doc.Recommendations {
		out.Recommendations = append(out.Recommendations, dumpRec{r.IDs, r.Chapter.Number, r.Section, r.Urgency, r.Verb,
			r.Pos.Line, r.LeadIn.Plain(), dumpOf(r.Block).Text, r.Footnotes})
	}
	for _, c := range doc.Chapters {
		dc := dumpChapter{Number: c.Number, Title: c.Title, Line: c.Pos.Line}
		for _, s := range c.Sections {
			ds := dumpSection{Kind: s.Kind}
			if s.Heading != nil {
				h := dumpOf(s.Heading)
				ds.Heading = &h
			}
			for _, b := range s.Blocks {
				ds.Blocks = append(ds.Blocks, dumpOf(b))
			}
			dc.Sections = append(dc.Sections, ds)
		}
		out.Chapters = append(out.Chapters, dc)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s is stale from line %d:\n got: %s\nwant: %s\n(run go test -update after checking the change by hand)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s is stale: %d lines, want %d (run go test -update)", path, len(gl), len(wl))
	}
}

func parseSeed(t testing.TB) (*Document, Problems) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return Parse("content/lithuania.md", src)
}

func TestSeedGolden(t *testing.T) {
	doc, _ := parseSeed(t)
	if doc == nil {
		t.Fatal("the seed did not parse")
	}
	checkGolden(t, "lithuania.golden.json", dump(doc))
}

// TestSeedFacts checks by hand-counted facts what the golden file holds, so a
// blind -update cannot hide a regression.
func TestSeedFacts(t *testing.T) {
	doc, problems := parseSeed(t)
	count := 0
	shared := map[string]int{}
	for _, r := range doc.Recommendations {
		count += len(r.IDs)
		shared[strings.Join(r.IDs, ",")] = len(r.IDs)
	}
	if count != 90 {
		t.Errorf("seed: %d identifiers, want 90", count)
	}
	for _, group := range []string{"V-4,V-7,V-12,V-15", "III-16,III-18", "X-5,X-6", "III-20", "V-14,V-16", "IV-7", "IV-8"} {
		if shared[group] == 0 {
			t.Errorf("seed: no recommendation with identifiers %s", group)
		}
	}
	if len(doc.Chapters) != 11 || len(doc.Footnotes) != 121 {
		t.Errorf("seed: %d chapters and %d footnotes, want 11 and 121", len(doc.Chapters), len(doc.Footnotes))
	}
	for _, p := range problems {
		if p.Severity != Note && !strings.Contains(p.Message, "has no address") {
			t.Errorf("seed: unexpected problem %s", p)
		}
	}
	if got := doc.Footnotes[41].Text.Plain(); got != "Such trainings can also be part of broader training programmes." {
		t.Errorf("footnote 42 = %q", got)
	}
}
