package status

import (
	"os"
	"testing"
)

// FuzzParse: no input makes Parse panic; every problem is placed in the
// file; a file without problems takes a new entry through Append and stays
// without problems, its entries kept.
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile("testdata/lithuania.status.yaml"); err == nil {
		f.Add(string(src))
	}
	for _, s := range []string{"", "# c\n", "IV-5:\n  - {date: 2024-05-01, state: in-progress, source: x}\n", "IV-5: [\n", "- a\n", "IV-5:\n  - date: 2024-05-01\n    state: x: y\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rec, ps := Parse("f", []byte(src), testIDs, testToday)
		for _, p := range ps {
			if p.Pos.Line < 1 || p.Pos.Col < 1 || p.Pos.File != "f" {
				t.Fatalf("problem without a place: %v", p)
			}
		}
		if len(ps) > 0 {
			return
		}
		n := len(rec.All(func(a, b string) bool { return a < b }))
		out, err := Append([]byte(src), Entry{ID: "II-12", Date: testToday, State: Implemented, Source: "fuzz"})
		if err != nil {
			return // a file Parse accepts may still hold what the node tree cannot extend (e.g. an alias)
		}
		rec2, ps := Parse("f", out, testIDs, testToday)
		if len(ps) > 0 {
			if _, had := rec.Current("II-12"); had {
				return // an entry of today already there: two on one day, rightly refused
			}
			t.Fatalf("appending to a good file made problems:\n%v\n--- before\n%s\n--- after\n%s", ps, src, out)
		}
		if got := len(rec2.All(func(a, b string) bool { return a < b })); got != n+1 {
			t.Fatalf("%d entries after appending to %d:\n%s\n---\n%s", got, n, src, out)
		}
	})
}
