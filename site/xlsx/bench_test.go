package xlsx

import (
	"os"
	"strings"
	"testing"
)

// seedPlan is the seed's action plan (require and request) as the render
// package passes it: testdata/plan.tsv, a copy of its golden cells, with
// the empty columns to fill in restored.
func seedPlan(tb testing.TB) Table {
	tb.Helper()
	b, err := os.ReadFile("testdata/plan.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	t := Table{Sheet: "Action plan", Widths: []float64{22, 16, 11, 80, 24, 40, 12, 24},
		Title: "Action plan · Lithuania", Subject: "Recommendations of the Lanzarote Committee", Date: "2023-05-25", Lang: "en"}
	for line := range strings.Lines(string(b)) {
		row := make([]string, len(t.Widths))
		copy(row, strings.Split(strings.TrimSuffix(line, "\n"), "\t"))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// BenchmarkWrite writes the seed's action plan, as the build does twice a factsheet.
func BenchmarkWrite(b *testing.B) {
	t := seedPlan(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(t); err != nil {
			b.Fatal(err)
		}
	}
}
