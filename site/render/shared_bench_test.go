package render

import (
	"fmt"
	"testing"

	"factsheet/site/series"
)

// BenchmarkShared renders the site-wide pages of 50 copies of the seed under
// different slugs, one report of 50 Parties: the report's page, its
// identifiers' pages and data, the root, the search and 404 pages.
func BenchmarkShared(b *testing.B) {
	r := defaultRenderer(b)
	seed := Summarize(seedDoc(b))
	sums := make([]series.Summary, 50)
	for i := range sums {
		sums[i] = seed
		sums[i].Slug = fmt.Sprintf("lithuania-%02d", i+1)
	}
	r.Series(sums)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.SummaryPages(); err != nil {
			b.Fatal(err)
		}
	}
}
