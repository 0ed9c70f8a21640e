package factsheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// fixturePath is a second factsheet, of our own, with the forms the seed
// does not show.
const fixturePath = "testdata/testland.md"

// shape is the dump of a document without source positions: what a
// simulated conversion must give back exactly.
func shape(doc *Document) string {
	var v any
	if err := json.Unmarshal(dump(doc), &v); err != nil {
		panic(err)
	}
	dropPositions(v)
	out, _ := json.MarshalIndent(v, "", " ")
	return string(out)
}

func dropPositions(v any) {
	switch t := v.(type) {
	case map[string]any:
		delete(t, "line")
		delete(t, "pos")
		for _, c := range t {
			dropPositions(c)
		}
	case []any:
		for _, c := range t {
			dropPositions(c)
		}
	}
}

// messages lists the problems without their positions, sorted; warnings
// about '(#)' placeholders without address are left out, as the model keeps
// such a link as its text, which the simulator writes back as text.
func messages(ps Problems) []string {
	var out []string
	for _, p := range ps {
		if !strings.Contains(p.Message, "(a '(#)' placeholder)") {
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

// checkSimulated parses the simulated conversion of o for seed and says how
// it differs from the original, or "" when it gives the same document and
// the same problems.
func checkSimulated(o original, seed uint64) (src []byte, diff string) {
	src = simulate(o.doc, seed)
	doc, problems := Parse(o.name, src)
	if doc == nil {
		return src, "no document: " + problems.Error()
	}
	if got := strings.Join(messages(problems), "\n"); got != o.problems {
		return src, "problems differ:\n" + problems.Error()
	}
	if got := shape(doc); got != o.shape {
		return src, "document differs: " + firstDiff(got, o.shape)
	}
	return src, ""
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

// simulatedSeeds is how many simulated conversions of each factsheet go test tries.
const simulatedSeeds = 200

func TestSimulatedConversions(t *testing.T) {
	for _, path := range []string{seedPath, fixturePath} {
		o := loadOriginal(t, path)
		failed := 0
		for seed := uint64(0); seed < simulatedSeeds; seed++ {
			src, diff := checkSimulated(o, seed)
			if diff == "" {
				continue
			}
			failed++
			if failed <= 3 {
				name := fmt.Sprintf("%s/sim-%d.md", os.TempDir(), seed)
				_ = os.WriteFile(name, src, 0o644)
				t.Errorf("%s, seed %d (written to %s): %s", path, seed, name, diff)
			}
		}
		if failed > 0 {
			t.Errorf("%s: %d of %d simulated conversions differ", path, failed, simulatedSeeds)
		}
	}
}

// FuzzSimulatedConversion takes the seed of a simulated conversion of the
// seed factsheet and of the fixture: both must parse back to the original.
func FuzzSimulatedConversion(f *testing.F) {
	originals := []original{loadOriginal(f, seedPath), loadOriginal(f, fixturePath)}
	for _, s := range []uint64{0, 1, 42, 1 << 40} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		for _, o := range originals {
			if src, diff := checkSimulated(o, seed); diff != "" {
				t.Fatalf("%s, seed %d: %s\n--- simulated text:\n%s", o.name, seed, diff, bytes.TrimSpace(src))
			}
		}
	})
}
