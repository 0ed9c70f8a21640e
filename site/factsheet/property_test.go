package factsheet

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// fixturePath is a second factsheet, of our own, with the forms the seed
// does not show.
const fixturePath = "testdata/testland.md"

// shape writes what a simulated conversion must give back exactly: the
// dump of a document (metadata, levels, recommendations, footnotes,
// chapters, sections and blocks) without source positions, one fact a line.
func shape(doc *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "meta %+v\nlevels %+v\n", doc.Meta, doc.Levels)
	for _, r := range doc.Recommendations {
		fmt.Fprintf(&b, "rec %v %s %s %s %s lead-in %q text %q footnotes %v\n", r.IDs, r.Chapter.Number, r.Section, r.Urgency, r.Verb, r.LeadIn.Plain(), r.Block.Text.Plain(), r.Footnotes)
		for _, part := range r.Parts {
			fmt.Fprintf(&b, " own words of %v end at footnote %d\n", part.IDs, part.Ref.Number)
		}
	}
	for _, fn := range doc.Footnotes {
		fmt.Fprintf(&b, "footnote %d %q names %v\n", fn.Number, fn.Text.Plain(), fn.Names)
	}
	for _, ch := range doc.Chapters {
		fmt.Fprintf(&b, "chapter %s %q\n", ch.Number, ch.Title)
		for _, sec := range ch.Sections {
			fmt.Fprintf(&b, " section %q\n", sec.Kind)
			if sec.Heading != nil {
				shapeBlock(&b, sec.Heading, "  ")
			}
			for _, bl := range sec.Blocks {
				shapeBlock(&b, bl, "  ")
			}
		}
	}
	return b.String()
}

func shapeBlock(b *strings.Builder, bl *Block, indent string) {
	fmt.Fprintf(b, "%s%s %d %s %v %q\n", indent, bl.Kind, bl.Level, bl.ID, bl.Ordered, bl.Text.Plain())
	for _, c := range bl.Children {
		shapeBlock(b, c, indent+" ")
	}
}

// messages lists the problems without their positions, sorted; warnings
// about '(#)' placeholders are left out: the model keeps a placeholder
// without address (or with a null one) as its text, which the simulator
// writes back as text.
func messages(ps Problems) []string {
	var out []string
	for _, p := range ps {
		if !strings.Contains(p.Message, "(a '(#)' placeholder)") && !strings.HasPrefix(p.Message, "front matter links: no '(#)' link") {
			out = append(out, p.Message)
		}
	}
	sort.Strings(out)
	return out
}

// original is a parsed factsheet and what the property compares against.
type original struct {
	name     string
	doc      *Document
	shape    string
	problems string
}

func loadOriginal(t testing.TB, path string) original {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := Parse(path, src)
	if doc == nil {
		t.Fatalf("%s does not parse: %v", path, problems)
	}
	return original{path, doc, shape(doc), strings.Join(messages(problems), "\n")}
}

// The outcomes of a simulated conversion.
const (
	same     = iota // the same document and the same problems
	reported        // a different document, with a problem at the page break that says so
	silent          // a different document, or new problems, with nothing said about the page break
)

// pageBreakProblem tells whether a problem is about a page-break artefact
// the parser could not resolve: one that sends the user to the text to check.
func pageBreakProblem(msg string) bool {
	return strings.Contains(msg, "page break") || strings.Contains(msg, "cut by")
}

// checkSimulated parses the simulated conversion of o for seed and says how
// it differs from the original.
func checkSimulated(o original, seed uint64) (src []byte, outcome int, diff string) {
	src = simulate(o.doc, seed)
	doc, problems := Parse(o.name, src)
	if doc == nil {
		return src, silent, "no document: " + problems.Error()
	}
	got := strings.Join(messages(problems), "\n")
	if got == o.problems {
		if s := shape(doc); s != o.shape {
			return src, silent, "document differs: " + firstDiff(s, o.shape)
		}
		return src, same, ""
	}
	for _, p := range problems {
		if pageBreakProblem(p.Message) && !strings.Contains(o.problems, p.Message) {
			return src, reported, problems.Error()
		}
	}
	return src, silent, "problems differ:\n" + problems.Error()
}

// firstDiff shows the first differing line of two texts, with context.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			from := max(0, i-3)
			return fmt.Sprintf("at line %d\n got: %s\nwant: %s\ncontext:\n%s", i+1, g[i], w[i], strings.Join(w[from:i+1], "\n"))
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// simulatedSeeds is how many simulated conversions of each factsheet go
// test tries (the fixture is a fifth of the seed's size); seeds beyond are the fuzz target's.
var simulatedSeeds = map[string]uint64{seedPath: 1000, fixturePath: 2000}

// maxReported is the share of simulated conversions, in thousandths, that
// may end in a reported ambiguity rather than the original document.
const maxReported = 20

// TestSimulatedConversions requires every simulated conversion of the seed
// and of the fixture to parse back to the original document, or to say at
// the page break what it could not resolve; it prints the figures.
func TestSimulatedConversions(t *testing.T) {
	for _, path := range []string{seedPath, fixturePath} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			checkSeeds(t, loadOriginal(t, path), simulatedSeeds[path])
		})
	}
}

// checkSeeds tries seeds 0 to n-1 on o.
func checkSeeds(t *testing.T, o original, n uint64) {
	var counts [3]int
	start := time.Now()
	for seed := uint64(0); seed < n; seed++ {
		src, outcome, diff := checkSimulated(o, seed)
		counts[outcome]++
		if outcome == silent && counts[silent] <= 3 {
			name := filepath.Join(t.TempDir(), fmt.Sprintf("sim-%d.md", seed))
			if *keep {
				name = filepath.Join(os.TempDir(), fmt.Sprintf("sim-%d.md", seed))
			}
			_ = os.WriteFile(name, src, 0o644)
			t.Errorf("%s, seed %d (written to %s): %s", o.name, seed, name, diff)
		}
		if outcome == reported && testing.Verbose() {
			t.Logf("%s, seed %d: reported:\n%s", o.name, seed, diff)
		}
	}
	t.Logf("%s: %d simulated conversions in %v: %d same document, %d reported ambiguous, %d silently wrong",
		o.name, n, time.Since(start).Round(time.Millisecond), counts[same], counts[reported], counts[silent])
	if counts[silent] > 0 || uint64(counts[reported])*1000 > maxReported*n {
		t.Errorf("%s: %d silently wrong, %d reported (at most %d‰ may be)", o.name, counts[silent], counts[reported], maxReported)
	}
}

// keep writes the simulated text of a failing seed to the system's
// temporary folder, to look at it after the test.
var keep = flag.Bool("keep", false, "keep the simulated text of failing seeds in the temporary folder")

// FuzzSimulatedConversion takes the seed of a simulated conversion of the
// seed factsheet and of the fixture: both must parse back to the original.
func FuzzSimulatedConversion(f *testing.F) {
	originals := []original{loadOriginal(f, seedPath), loadOriginal(f, fixturePath)}
	for _, s := range []uint64{0, 1, 42, 1 << 40} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		for _, o := range originals {
			if src, outcome, diff := checkSimulated(o, seed); outcome == silent {
				t.Fatalf("%s, seed %d: %s\n--- simulated text:\n%s", o.name, seed, diff, bytes.TrimSpace(src))
			}
		}
	})
}
