package search

import (
	"testing"

	"factsheet/site/factsheet"
)

// BenchmarkIndex measures writing the seed's browser index: bleve indexing,
// corpus analysis and export.
func BenchmarkIndex(b *testing.B) {
	doc, _ := seedIndex(b)
	for b.Loop() {
		if _, err := Index([]*factsheet.Document{doc}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures answering the query set with bleve.
func BenchmarkSearch(b *testing.B) {
	_, ix := seedIndex(b)
	qs := loadQueries(b)
	for b.Loop() {
		for _, q := range qs {
			if _, err := ix.Search(q.Query, 10); err != nil {
				b.Fatal(err)
			}
		}
	}
}
